import type { IExecuteFunctions, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { addContactsRequest } from '../../api/contactListRequests';
import { koreAiRequest } from '../../transport';
import type { AllItemsOutcome, Operation } from '../types';
import { addContactsProperties } from './addContacts.fields';
import {
	readContactsPerRequest,
	readItem,
	resolveList,
	type ListRef,
	type ReadItem,
} from './addContactsInput';
import { perItem, perRequest, type SentBatch } from './addContactsOutput';
import { splitIntoBatches, type Entry } from './batches';

/**
 * Kore.ai ("Add Contacts to Contact List API"): `POST https://{host}/api/1.1/public/{iid}/campaign/contactList/addContacts`
 * (the only page for it documents this prefix, not the v2 one: api/contactListRequests.ts), body
 * `{contact_list_name, data: [{phoneNumber, ...columns}]}`, answered
 * `{message: "Adding contacts to public list is in progress"}`: Kore.ai imports them afterwards, so
 * they show in Get Contacts a little later, and Kore.ai reports nothing per contact.
 *
 * The input items become the contacts: every item is one contact, whose phone number (checked,
 * addContactsInput.ts) and other columns come from the item. So this operation takes all items
 * at once (`executeAll`, see the router), groups them by list (the Contact List field may differ
 * per item), and sends each list's contacts in as few requests as batches.ts allows, one after the
 * other, in input order.
 *
 * Output ("Output" field, addContactsOutput.ts): one item per input item (paired with it), or one
 * item per request (paired with all its input items). A refused phone number stops the run before anything is
 * sent; with "On Error: Continue" that item becomes an error item (and is listed under `refused`
 * of a request's item) while the others are sent. A request Kore.ai refuses fails its items; the
 * requests before it were sent, and the error says so.
 */

type OutputMode = 'perItem' | 'perRequest';

export const addContacts: Operation = {
	value: 'addContacts',
	name: 'Add Contacts',
	action: () => 'Add Contacts to a Contact List',
	description: () =>
		'Add the input items to a contact list as contacts (one per item: phone number plus mapped columns), in as few requests as possible; Kore.ai imports them shortly after',
	properties: addContactsProperties,

	async executeAll(this: IExecuteFunctions): Promise<AllItemsOutcome[]> {
		const items = this.getInputData();
		const continueOnFail = this.continueOnFail();
		const signal = this.getExecutionCancelSignal();
		const output = this.getNodeParameter('output', 0, 'perItem') as OutputMode;
		const maxContacts = readContactsPerRequest.call(this);

		const read = items.map((_item, itemIndex) => readItem.call(this, itemIndex));
		const refused = read.filter(
			(entry): entry is Extract<ReadItem, { refused: NodeOperationError }> => 'refused' in entry,
		);
		// Nothing is sent when an item is wrong and the run stops on errors.
		if (refused.length > 0 && !continueOnFail) throw refused[0].refused;

		// The lists, in the order their first item comes.
		const groups = new Map<
			string,
			{ list: ListRef; streamId: string | undefined; entries: Entry[] }
		>();
		for (const entry of read) {
			if ('refused' in entry) continue;
			const group = groups.get(entry.groupKey) ?? {
				list: entry.list,
				streamId: entry.streamId,
				entries: [],
			};
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
				({ listName, listId } = await resolveList.call(
					this,
					group.list,
					group.streamId,
					firstItem,
				));
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

		return output === 'perRequest'
			? perRequest(sent, refused)
			: perItem(items.length, sent, refused);
	},
};

async function sendBatch(
	this: IExecuteFunctions,
	listName: string,
	streamId: string | undefined,
	entries: Entry[],
): Promise<string | undefined> {
	const itemIndex = entries[0].itemIndex;
	const contacts = entries.map((entry) => entry.contact);
	const answer = await koreAiRequest.call(
		this,
		itemIndex,
		addContactsRequest(listName, contacts, streamId),
	);
	return typeof answer.message === 'string' ? answer.message : undefined;
}

function describeItems(entries: Entry[]): string {
	const first = entries[0].itemIndex;
	const last = entries[entries.length - 1].itemIndex;
	return entries.length === 1 ? `item ${first}` : `${entries.length} items, ${first} to ${last}`;
}
