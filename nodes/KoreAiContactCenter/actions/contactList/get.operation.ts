import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isObject } from '../../../../common/text';
import { optionsField, streamIdOption } from '../common.fields';
import type { Operation } from '../types';
import { contactListField } from './fields';
import { readContactList, readContactListTarget } from './listInputs';

/**
 * Kore.ai ("Get Contact List Details API-v2"): `GET /campaign/api/v2/public/{streamId}/campaign/contactList/{id}?accountId=..`,
 * answered `{status: "success", message: "", data: {...the list}}`. The output item is the list
 * (`data`): `_id`, `name`, `description`, `totalRecordCount`, `status`, `allowDuplicates`, ...
 */
export const getContactList: Operation = {
	value: 'get',
	name: 'Get',
	action: () => 'Get Contact List',
	description: () =>
		'Retrieve one contact list by its ID: name, description, number of contacts, whether campaigns use it',
	properties: [
		contactListField(
			'The contact list to retrieve: pick it from the list, or give its ID (cl-...), typed in or mapped with an expression',
		),
		optionsField([streamIdOption]),
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const { listId, streamId } = readContactListTarget.call(this, itemIndex);
		const body = await readContactList.call(this, itemIndex, listId, streamId);
		return isObject(body.data) ? body.data : body;
	},
};
