import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { objectAt } from '../../../../common/text';
import { updateContactListRequest } from '../../api/contactListRequests';
import { CONTACT_LIST_LIMITS } from '../../api/contactLists';
import { koreAiRequest } from '../../transport';
import { optionsField, streamIdOption } from '../common.fields';
import type { Operation } from '../types';
import { contactListField, listDescriptionField, listNameField } from './fields';
import { readContactListTarget, readListText } from './listInputs';

/**
 * Kore.ai ("Update Contact List by ID v2", update-contact-list-v2.mdx): `PUT .../campaign/contactList/{id}?accountId=..`,
 * body with either of `name` (<= 48) and `description` (<= 256), both optional: a field left out
 * keeps its value. The page has no `allowDuplicates` (only Create does), so Update does not offer it. Kore.ai answers
 * `data: {contactListId, body: {name, listType, updatedBy, ...}}`; the output item is
 * `{_id, <the fields sent>, <data.body>, message}`.
 *
 * Renaming a list that campaigns use changes what their `contactLists` (names) point at: Kore.ai
 * documents nothing about it, so the description warns.
 */
export const updateContactList: Operation = {
	value: 'update',
	name: 'Update',
	action: () => 'Update Contact List',
	description: () =>
		"Change a contact list's name or description; a field not given stays as it is",
	properties: [
		contactListField('The contact list to change: pick it from the list, or give its ID (cl-...)'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					...listDescriptionField,
					description: `${listDescriptionField.description}. Added but left empty (or mapped from an empty cell), it clears the list's description.`,
				},
				{
					...listNameField,
					required: false,
					description: `The list's new name, unique in the app, at most ${CONTACT_LIST_LIMITS.name} characters. Campaigns refer to lists by name: check them after a rename.`,
				},
			],
		},
		optionsField([streamIdOption]),
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const { listId, streamId } = readContactListTarget.call(this, itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = {};
		if (fields.name !== undefined)
			body.name = readListText.call(this, 'updateFields.name', itemIndex, true);
		if (fields.description !== undefined) {
			// An emptied description is sent as "", which clears it.
			body.description =
				readListText.call(this, 'updateFields.description', itemIndex, false) ?? '';
		}
		if (Object.keys(body).length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				`Nothing to update for item ${itemIndex}: add Name or Description under Update Fields.`,
				{ itemIndex },
			);
		}
		const answer = await koreAiRequest.call(
			this,
			itemIndex,
			updateContactListRequest(listId, body, streamId),
		);
		const data = objectAt(answer, 'data');
		const updated = objectAt(data, 'body');
		const out: IDataObject = {
			_id: typeof data.contactListId === 'string' ? data.contactListId : listId,
			...body,
			...updated,
		};
		if (typeof answer.message === 'string') out.message = answer.message;
		return out;
	},
};
