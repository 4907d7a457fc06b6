import type { INodeProperties } from 'n8n-workflow';

import { optionsField, streamIdOption } from '../common.fields';
import { DEFAULT_CONTACTS_PER_REQUEST, MAX_CONTACTS_PER_REQUEST } from './batches';
import { addContactsListField } from './fields';
import { phoneNumberOptions } from './phoneOptions';

export const contactsPerRequestOption: INodeProperties = {
	displayName: 'Contacts per Request',
	name: 'contactsPerRequest',
	type: 'number',
	default: DEFAULT_CONTACTS_PER_REQUEST,
	typeOptions: { minValue: 1, maxValue: MAX_CONTACTS_PER_REQUEST, numberPrecision: 0 },
	description: `Most contacts sent in one request (default ${DEFAULT_CONTACTS_PER_REQUEST}, at most ${MAX_CONTACTS_PER_REQUEST}). Requests are also kept under 90 kB, so contacts with many columns go in smaller batches.`,
};

/** Add Contacts' fields: the list, each item's phone number and other columns, the output's shape, the batching. */
export const addContactsProperties: INodeProperties[] = [
	addContactsListField,
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: '{{ $json.phone }}',
		description:
			"Each item's number, mapped with an expression: international like +14155550100, or national with Options > Default Country. Items without a valid number are refused before anything is sent.",
	},
	{
		displayName: 'Other Columns',
		name: 'columnsMode',
		type: 'options',
		default: 'none',
		options: [
			{ name: 'None', value: 'none', description: 'Send only the phone number' },
			{
				name: 'Selected Columns',
				value: 'selected',
				description: 'Send the columns listed below, each mapped from the item',
			},
			{
				name: 'All Input Fields',
				value: 'all',
				description:
					'Send every text, number and true/false field of the input item as a column, except the one holding the phone number',
			},
		],
		description:
			"What else each contact carries besides its phone number. Kore.ai's standard columns are firstName, lastName, timeZone, uniqueId and contactPriority.",
	},
	{
		displayName: 'Columns',
		name: 'columns',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Column',
		default: {},
		displayOptions: { show: { columnsMode: ['selected'] } },
		options: [
			{
				displayName: 'Column',
				name: 'column',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'firstName',
						description:
							"The column's name in Kore.ai, e.g. firstName, lastName, timeZone, uniqueId",
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: '{{ $json.first_name }}',
						description: 'The value for this item, usually mapped with an expression',
					},
				],
			},
		],
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'perItem',
		options: [
			{
				name: 'One Item per Input Item',
				value: 'perItem',
				description:
					'Each input item gets an item saying its contact was sent, with its phone number and request number',
			},
			{
				name: 'One Item per Request',
				value: 'perRequest',
				description:
					'One item for each request sent to Kore.ai, listing its phone numbers and the ones refused',
			},
		],
		description: 'Whether to return one item per contact or one per request sent to Kore.ai',
	},
	optionsField(
		[contactsPerRequestOption, ...phoneNumberOptions, streamIdOption],
		// Add Contacts takes every item at once and sends its requests one after the other.
		{ withConcurrency: false },
	),
];
