import {
	NodeOperationError,
	type NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { checkIdentifier, EXAMPLE_IDS } from '../../../../common/identifiers';
import { charCount, isObject, visible } from '../../../../common/text';
import { addContactsRequest } from '../../api/contactListRequests';
import { CONTACT_LIST_LIMITS, contactListNameOf } from '../../api/contactLists';
import { koreAiRequest } from '../../transport';
import { optionsField, streamIdOption } from '../common.fields';
import { readStreamId } from '../readInputs';
import type { AllItemsOutcome, Operation } from '../types';
import {
	DEFAULT_CONTACTS_PER_REQUEST,
	MAX_CONTACTS_PER_REQUEST,
	splitIntoBatches,
	type Entry,
} from './batches';
import { addContactsListField } from './fields';
import { readContactList } from './listInputs';
import { phoneNumberOptions, readPhoneNumber } from './phoneOptions';

/**
 * Kore.ai ("Add Contacts to Contact List API"): `POST https://{host}/api/1.1/public/{iid}/campaign/contactList/addContacts`
 * (the only page for it documents this prefix, not the v2 one: api/contactListRequests.ts), body
 * `{contact_list_name, data: [{phoneNumber, ...columns}]}`, answered
 * `{message: "Adding contacts to public list is in progress"}`: Kore.ai imports them afterwards, so
 * they show in Get Contacts a little later, and Kore.ai reports nothing per contact.
 *
 * The input items become the contacts: every item is one contact, whose phone number (checked
 * here, phoneNumbers.ts) and other columns come from the item. So this operation takes all items
 * at once (`executeAll`, see the router), groups them by list (the Contact List field may differ
 * per item), and sends each list's contacts in as few requests as batches.ts allows, one after the
 * other, in input order.
 *
 * Output ("Output" field): one item per input item (paired with it), or one item per request
 * (paired with all its input items). A refused phone number stops the run before anything is
 * sent; with "On Error: Continue" that item becomes an error item (and is listed under `refused`
 * of a request's item) while the others are sent. A request Kore.ai refuses fails its items; the
 * requests before it were sent, and the error says so.
 */

type OutputMode = 'perItem' | 'perRequest';
type ColumnsMode = 'none' | 'selected' | 'all';

const properties: INodeProperties[] = [
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
			{ name: 'Selected Columns', value: 'selected', description: 'Send the columns listed below, each mapped from the item' },
			{
				name: 'All Input Fields',
				value: 'all',
				description: "Send every text, number and true/false field of the input item as a column, except the one holding the phone number",
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
						description: "The column's name in Kore.ai, e.g. firstName, lastName, timeZone, uniqueId",
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
				description: 'Each input item gets an item saying its contact was sent, with its phone number and request number',
			},
			{
				name: 'One Item per Request',
				value: 'perRequest',
				description: 'One item for each request sent to Kore.ai, listing its phone numbers and the ones refused',
			},
		],
		description: 'Whether to return one item per contact or one per request sent to Kore.ai',
	},
	optionsField([
		{
			displayName: 'Contacts per Request',
			name: 'contactsPerRequest',
			type: 'number',
			default: DEFAULT_CONTACTS_PER_REQUEST,
			typeOptions: { minValue: 1, maxValue: MAX_CONTACTS_PER_REQUEST, numberPrecision: 0 },
			description: `Most contacts sent in one request (default ${DEFAULT_CONTACTS_PER_REQUEST}, at most ${MAX_CONTACTS_PER_REQUEST}). Requests are also kept under 90 kB, so contacts with many columns go in smaller batches.`,
		},
		...phoneNumberOptions,
		streamIdOption,
	],
	// Add Contacts takes every item at once and sends its requests one after the other.
	{ withConcurrency: false },
	),
];

/** One input item read: its contact and where it goes, or why it was refused. */
type ReadItem =
	| { itemIndex: number; groupKey: string; list: ListRef; streamId: string | undefined; contact: IDataObject }
	| { itemIndex: number; refused: NodeOperationError; phoneNumber: string };

type ListRef = { byName: string } | { byId: string };

interface SentBatch {
	batch: number;
	entries: Entry[];
	listName: string;
	listId?: string;
	message?: string;
	error?: NodeApiError | NodeOperationError;
}

export const addContacts: Operation = {
	value: 'addContacts',
	name: 'Add Contacts',
	action: () => 'Add Contacts to a Contact List',
	description: () =>
		'Add the input items to a contact list as contacts (one per item: phone number plus mapped columns), in as few requests as possible; Kore.ai imports them shortly after',
	properties,

	async executeAll(this: IExecuteFunctions): Promise<AllItemsOutcome[]> {
		const items = this.getInputData();
		const continueOnFail = this.continueOnFail();
		const signal = this.getExecutionCancelSignal();
		const output = this.getNodeParameter('output', 0, 'perItem') as OutputMode;
		const maxContacts = readContactsPerRequest.call(this);

		const read = items.map((_item, itemIndex) => readItem.call(this, itemIndex));
		const refused = read.filter((entry): entry is Extract<ReadItem, { refused: NodeOperationError }> => 'refused' in entry);
		// Nothing is sent when an item is wrong and the run stops on errors.
		if (refused.length > 0 && !continueOnFail) throw refused[0].refused;

		// The lists, in the order their first item comes.
		const groups = new Map<string, { list: ListRef; streamId: string | undefined; entries: Entry[] }>();
		for (const entry of read) {
			if ('refused' in entry) continue;
			const group = groups.get(entry.groupKey) ?? { list: entry.list, streamId: entry.streamId, entries: [] };
			group.entries.push({ itemIndex: entry.itemIndex, contact: entry.contact });
			groups.set(entry.groupKey, group);
		}

		const sent: SentBatch[] = [];
		let batchNumber = 0;
		for (const group of groups.values()) {
			if (signal?.aborted) break;
			const firstItem = group.entries[0].itemIndex;
			let listName: string;
			let listId: string | undefined;
			try {
				({ listName, listId } = await resolveList.call(this, group.list, group.streamId, firstItem));
			} catch (error) {
				const failure = error as NodeApiError | NodeOperationError;
				if (!continueOnFail) throw failure;
				sent.push({ batch: 0, entries: group.entries, listName: '', error: failure });
				continue;
			}
			const batches = splitIntoBatches(group.entries, maxContacts);
			for (const [index, entries] of batches.entries()) {
				if (signal?.aborted) break;
				batchNumber++;
				try {
					const message = await sendBatch.call(this, listName, group.streamId, entries);
					sent.push({ batch: batchNumber, entries, listName, listId, message });
				} catch (error) {
					const nodeError = error as NodeApiError | NodeOperationError;
					const range = describeItems(entries);
					const before =
						index === 0
							? 'No earlier request to this list was sent.'
							: `${index === 1 ? 'Request 1 to this list was sent and is' : `Requests 1 to ${index} to this list were sent and are`} being imported.`;
					nodeError.message = `Request ${index + 1} of ${batches.length} to contact list "${listName}" (${range}) was not accepted: ${nodeError.message} ${before}`;
					if (!continueOnFail) throw nodeError;
					sent.push({ batch: batchNumber, entries, listName, listId, error: nodeError });
				}
			}
		}

		return output === 'perRequest' ? perRequest(sent, refused) : perItem(items.length, sent, refused);
	},
};

function readContactsPerRequest(this: IExecuteFunctions): number {
	const raw = this.getNodeParameter('options.contactsPerRequest', 0, DEFAULT_CONTACTS_PER_REQUEST);
	const value = typeof raw === 'string' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_CONTACTS_PER_REQUEST) {
		throw new NodeOperationError(
			this.getNode(),
			`Contacts per Request must be a whole number from 1 to ${MAX_CONTACTS_PER_REQUEST}, not ${JSON.stringify(raw)}.`,
		);
	}
	return value;
}

/** One item's list, app and contact; a wrong phone number, list or column refuses the item. */
function readItem(this: IExecuteFunctions, itemIndex: number): ReadItem {
	const rawPhone = this.getNodeParameter('phoneNumber', itemIndex, '') as unknown;
	const phoneNumber = typeof rawPhone === 'string' || typeof rawPhone === 'number' ? String(rawPhone) : '';
	try {
		const list = readListRef.call(this, itemIndex);
		const streamId = readStreamId.call(this, itemIndex);
		const contact = { ...readColumns.call(this, itemIndex, rawPhone), phoneNumber: readPhoneNumber.call(this, itemIndex, rawPhone) };
		const key = 'byName' in list ? `name:${list.byName}` : `id:${list.byId}`;
		return { itemIndex, groupKey: `${streamId ?? ''}\n${key}`, list, streamId, contact };
	} catch (error) {
		const refused =
			error instanceof NodeOperationError
				? error
				: new NodeOperationError(this.getNode(), error instanceof Error ? error : String(error), { itemIndex });
		return { itemIndex, refused, phoneNumber };
	}
}

function readListRef(this: IExecuteFunctions, itemIndex: number): ListRef {
	const locator = this.getNodeParameter('contactList', itemIndex) as unknown;
	const mode = isObject(locator) ? locator.mode : undefined;
	const value = isObject(locator) ? locator.value : locator;
	if (mode === 'name') {
		const name = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
		if (name === '') {
			throw new NodeOperationError(this.getNode(), `Contact List name of item ${itemIndex} is empty. Enter the list's exact name, or pick the list.`, { itemIndex });
		}
		if (charCount(name) > CONTACT_LIST_LIMITS.name) {
			throw new NodeOperationError(
				this.getNode(),
				`Contact List name of item ${itemIndex} is ${charCount(name)} characters long; Kore.ai list names have at most ${CONTACT_LIST_LIMITS.name} ("${visible(name, 40)}"). Check the mapped value.`,
				{ itemIndex },
			);
		}
		return { byName: name };
	}
	const checked = checkIdentifier(value, `Contact List ID of item ${itemIndex}`, EXAMPLE_IDS.contactList);
	if ('problem' in checked) throw new NodeOperationError(this.getNode(), checked.problem, { itemIndex });
	return { byId: checked.id };
}

/** The contact's columns besides the phone number (Other Columns). */
function readColumns(this: IExecuteFunctions, itemIndex: number, rawPhone: unknown): IDataObject {
	const mode = this.getNodeParameter('columnsMode', itemIndex, 'none') as ColumnsMode;
	const columns: IDataObject = {};
	if (mode === 'all') {
		for (const [key, value] of Object.entries(this.getInputData()[itemIndex].json)) {
			if (value === rawPhone || key === 'phoneNumber') continue;
			// Kore.ai's columns are flat values; objects and lists have no column to go in.
			if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') columns[key] = value;
		}
	} else if (mode === 'selected') {
		const collection = this.getNodeParameter('columns.column', itemIndex, []) as IDataObject[];
		for (const [position, column] of collection.entries()) {
			const name = typeof column.name === 'string' ? column.name.trim() : '';
			if (name === '') {
				throw new NodeOperationError(this.getNode(), `Column ${position + 1} of item ${itemIndex} has no name. Enter the Kore.ai column name, e.g. firstName.`, { itemIndex });
			}
			if (name === 'phoneNumber') {
				throw new NodeOperationError(this.getNode(), `Column ${position + 1} of item ${itemIndex} is named phoneNumber; the phone number comes from the Phone Number field. Remove that column.`, { itemIndex });
			}
			const value = column.value;
			columns[name] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
		}
	}
	return columns;
}

/** The list's name (Kore.ai adds by name): given, or looked up by ID. */
async function resolveList(
	this: IExecuteFunctions,
	list: ListRef,
	streamId: string | undefined,
	itemIndex: number,
): Promise<{ listName: string; listId?: string }> {
	if ('byName' in list) return { listName: list.byName };
	const answer = await readContactList.call(this, itemIndex, list.byId, streamId);
	const name = contactListNameOf(isObject(answer.data) ? answer.data : {});
	if (name === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Kore.ai's answer for contact list ${list.byId} has no name, and contacts are added by list name. Choose the list By Name instead.`,
			{ itemIndex },
		);
	}
	return { listName: name, listId: list.byId };
}

async function sendBatch(this: IExecuteFunctions, listName: string, streamId: string | undefined, entries: Entry[]): Promise<string | undefined> {
	const itemIndex = entries[0].itemIndex;
	const contacts = entries.map((entry) => entry.contact);
	const answer = await koreAiRequest.call(this, itemIndex, addContactsRequest(listName, contacts, streamId));
	return typeof answer.message === 'string' ? answer.message : undefined;
}

function describeItems(entries: Entry[]): string {
	const first = entries[0].itemIndex;
	const last = entries[entries.length - 1].itemIndex;
	return entries.length === 1 ? `item ${first}` : `${entries.length} items, ${first} to ${last}`;
}

function listFields(batch: SentBatch): IDataObject {
	return batch.listId === undefined ? { contactListName: batch.listName } : { contactListName: batch.listName, contactListId: batch.listId };
}

/** One outcome per input item, in input order. */
function perItem(count: number, sent: SentBatch[], refused: Array<{ itemIndex: number; refused: NodeOperationError }>): AllItemsOutcome[] {
	const outcomes: Array<AllItemsOutcome | undefined> = new Array(count);
	for (const { itemIndex, refused: error } of refused) outcomes[itemIndex] = { error, items: [itemIndex] };
	for (const batch of sent) {
		for (const entry of batch.entries) {
			outcomes[entry.itemIndex] = batch.error
				? { error: batch.error, items: [entry.itemIndex] }
				: {
						json: {
							queued: true,
							phoneNumber: entry.contact.phoneNumber as string,
							...listFields(batch),
							request: batch.batch,
							contactsInRequest: batch.entries.length,
							...(batch.message !== undefined ? { message: batch.message } : {}),
						},
						items: [entry.itemIndex],
					};
		}
	}
	// Items not reached because the execution was canceled have no outcome; the router reports the cancel.
	return outcomes.filter((outcome): outcome is AllItemsOutcome => outcome !== undefined);
}

/**
 * One outcome per request, plus one error outcome per refused item, ordered by their first input
 * item. A refused item is also listed under `refused` of the request that follows it in the input
 * (or the last request), so a request's item tells what was left out around it.
 */
function perRequest(sent: SentBatch[], refused: Array<{ itemIndex: number; refused: NodeOperationError; phoneNumber: string }>): AllItemsOutcome[] {
	const accepted = sent.filter((batch) => batch.error === undefined);
	const refusedOf = new Map<SentBatch, IDataObject[]>();
	for (const entry of refused) {
		const owner = accepted.find((batch) => batch.entries[batch.entries.length - 1].itemIndex > entry.itemIndex) ?? accepted[accepted.length - 1];
		if (!owner) continue;
		refusedOf.set(owner, [...(refusedOf.get(owner) ?? []), { item: entry.itemIndex, phoneNumber: entry.phoneNumber, reason: entry.refused.message }]);
	}
	const outcomes: Array<{ first: number; outcome: AllItemsOutcome }> = [];
	for (const batch of sent) {
		const items = batch.entries.map((entry) => entry.itemIndex);
		if (batch.error) {
			outcomes.push({ first: items[0], outcome: { error: batch.error, items } });
			continue;
		}
		outcomes.push({
			first: items[0],
			outcome: {
				json: {
					queued: true,
					...listFields(batch),
					request: batch.batch,
					contactsSent: batch.entries.length,
					phoneNumbers: batch.entries.map((entry) => entry.contact.phoneNumber as string),
					items,
					refused: refusedOf.get(batch) ?? [],
					...(batch.message !== undefined ? { message: batch.message } : {}),
				},
				items,
			},
		});
	}
	for (const entry of refused) outcomes.push({ first: entry.itemIndex, outcome: { error: entry.refused, items: [entry.itemIndex] } });
	return outcomes.sort((a, b) => a.first - b.first).map(({ outcome }) => outcome);
}
