import type { INodeProperties } from 'n8n-workflow';

import { EXAMPLE_IDS, ID_PATTERN_SOURCE } from '../../../../common/identifiers';
import { CONTACT_LIST_LIMITS } from '../../api/contactLists';

/** Fields shared by the Contact List operations; each operation lists the ones it uses. */

/** The list an operation acts on: picked by name from the list, or its ID (cl-...). */
export function contactListField(description: string): INodeProperties {
	return {
		displayName: 'Contact List',
		name: 'contactListId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a contact list...',
				typeOptions: {
					// methods/searchContactLists.ts: the app's contact lists by name; the value is the list ID.
					searchListMethod: 'searchContactLists',
					searchable: true,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: EXAMPLE_IDS.contactList,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `^\\s*${ID_PATTERN_SOURCE.slice(1, -1)}\\s*$`,
							errorMessage:
								'A Kore.ai contact list ID has only letters, digits, dashes, dots, colons and underscores, like cl-4f6a2b1c-...',
						},
					},
				],
			},
		],
	};
}

/**
 * Add Contacts' list: Kore.ai's endpoint takes the list's NAME. Picked from the list or given by
 * ID, the node looks the name up (one request per list per run); given by name, it is sent as is.
 */
const byIdOrList = contactListField('');
export const addContactsListField: INodeProperties = {
	...byIdOrList,
	name: 'contactList',
	description:
		'The list that receives the contacts: pick it, or give its ID (cl-...) or its exact name. The list must exist already (Contact List > Create makes one).',
	modes: [
		...(byIdOrList.modes ?? []),
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'Renewal Due - July 2025',
		},
	],
};

export const listNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'Renewal Due - July 2025',
	description: `The list's name, unique in the app, at most ${CONTACT_LIST_LIMITS.name} characters. Campaigns and Add Contacts refer to the list by this name.`,
};

export const listDescriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
	typeOptions: { rows: 2 },
	description: `What the list holds, at most ${CONTACT_LIST_LIMITS.description} characters`,
};

export const allowDuplicatesField: INodeProperties = {
	displayName: 'Allow Duplicates',
	name: 'allowDuplicates',
	type: 'boolean',
	default: false,
	description:
		'Whether the list may hold the same phone number more than once. Off: Kore.ai keeps one contact per phone number.',
};
