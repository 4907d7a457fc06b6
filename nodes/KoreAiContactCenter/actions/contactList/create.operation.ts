import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isObject } from '../../../../common/text';
import { createContactListRequest } from '../../api/contactListRequests';
import { koreAiRequest } from '../../transport';
import { optionsField, streamIdOption } from '../common.fields';
import { readStreamId } from '../readInputs';
import type { Operation } from '../types';
import { allowDuplicatesField, listDescriptionField, listNameField } from './fields';
import { readListText } from './listInputs';

/**
 * Kore.ai ("Create Contact List API-v2", create-contact-list-v2.mdx):
 * `POST .../campaign/contactList/createContactList?accountId=..`, body `{name, description,
 * source: "passiveApi", allowDuplicates}`, name and description both required. `source: "passiveApi"` is
 * what the page prescribes for lists filled through the API (Add Contacts). Name (<= 48) and
 * description (<= 256) are checked before sending. The answer's `data` (the new list, `_id`
 * included) is the output item.
 *
 * Not retried after a try whose outcome is unknown (a POST that creates): a repeat could create a
 * second list, or fail on the now-taken name.
 */
export const createContactList: Operation = {
	value: 'create',
	name: 'Create',
	action: () => 'Create Contact List',
	description: () =>
		'Create an empty contact list to fill with Add Contacts; campaigns then use it by name. Returns the new list with its ID (_id).',
	properties: [
		listNameField,
		{ ...listDescriptionField, required: true },
		allowDuplicatesField,
		optionsField([streamIdOption]),
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const name = readListText.call(this, 'name', itemIndex, true) as string;
		// "string, required" on the create page (v2 and v1): an empty one is refused here, by name.
		const description = readListText.call(this, 'description', itemIndex, true) as string;
		const allowDuplicates = this.getNodeParameter('allowDuplicates', itemIndex, false) === true;
		const streamId = readStreamId.call(this, itemIndex);
		const body: IDataObject = { name, description, source: 'passiveApi', allowDuplicates };
		const response = await koreAiRequest.call(
			this,
			itemIndex,
			createContactListRequest(body, streamId),
		);
		return isObject(response.data) ? response.data : response;
	},
};
