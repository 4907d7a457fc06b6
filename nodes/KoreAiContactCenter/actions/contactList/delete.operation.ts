import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isObject } from '../../../../common/text';
import { CONTACT_LIST_API } from '../../api/contactLists';
import { optionsField, streamIdOption } from '../common.fields';
import type { Operation } from '../types';
import { contactListField } from './fields';
import { contactListRequest, readContactListTarget } from './listInputs';

/**
 * Kore.ai ("Delete Contact List Details API"): `DELETE .../campaign/contactList/{id}?accountId=..`,
 * answered `{status: "success", message: "Contact list <name> deleted successfully", data: {...}}`.
 * Permanent: the list and its contacts are gone, with no undo. The output item is
 * `{deleted: true, message, ...data}`.
 *
 * A DELETE is safely repeated by the transport after a try whose answer was lost; when that repeat
 * finds the list gone, the earlier try deleted it: `deleted: true, confirmedOnRetry: true`, without
 * the list's details. A list not there at all is an error naming it.
 */
export const deleteContactList: Operation = {
	value: 'delete',
	name: 'Delete',
	action: () => 'Delete Contact List',
	description: () =>
		'Permanently delete a contact list and all its contacts (cannot be undone); campaigns that use it lose it',
	properties: [
		{
			displayName:
				'Deletion is permanent: the list and all its contacts cannot be recovered, and campaigns that use the list lose it.',
			name: 'deleteContactListNotice',
			type: 'notice',
			default: '',
		},
		contactListField('The contact list to delete: pick it from the list, or give its ID (cl-...)'),
		optionsField([streamIdOption]),
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const { listId, streamId } = readContactListTarget.call(this, itemIndex);
		const endpoint = CONTACT_LIST_API.delete;
		const result = await contactListRequest.call(this, itemIndex, listId, {
			method: endpoint.method,
			api: endpoint.api,
			path: endpoint.path(listId),
			streamId,
			action: `delete contact list ${listId}`,
		});
		if ('missing' in result) {
			if (!result.earlierTryMayHaveTakenEffect) throw result.missing;
			return {
				deleted: true,
				_id: listId,
				confirmedOnRetry: true,
				attempts: result.attempts,
				message: `Contact list ${listId} is deleted: Kore.ai's answer to an earlier try was lost, and the retry found the list gone.`,
			};
		}
		const data = isObject(result.body.data) ? result.body.data : {};
		const out: IDataObject = { deleted: true, _id: listId, ...data };
		if (typeof result.body.message === 'string') out.message = result.body.message;
		return out;
	},
};
