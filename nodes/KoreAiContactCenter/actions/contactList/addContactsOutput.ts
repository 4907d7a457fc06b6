import type { IDataObject, NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { AllItemsOutcome } from '../types';
import type { Entry } from './batches';

/**
 * Add Contacts' output ("Output" field): one item per input item (paired with it), or one item per
 * request (paired with all its input items); a refused item is an error item either way.
 */

export interface SentBatch {
	batch: number;
	entries: Entry[];
	listName: string;
	listId?: string;
	message?: string;
	error?: NodeApiError | NodeOperationError;
}

function listFields(batch: SentBatch): IDataObject {
	return batch.listId === undefined
		? { contactListName: batch.listName }
		: { contactListName: batch.listName, contactListId: batch.listId };
}

/** One outcome per input item, in input order. */
export function perItem(
	count: number,
	sent: SentBatch[],
	refused: Array<{ itemIndex: number; refused: NodeOperationError }>,
): AllItemsOutcome[] {
	const outcomes: Array<AllItemsOutcome | undefined> = new Array(count);
	for (const { itemIndex, refused: error } of refused)
		outcomes[itemIndex] = { error, items: [itemIndex] };
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
export function perRequest(
	sent: SentBatch[],
	refused: Array<{ itemIndex: number; refused: NodeOperationError; phoneNumber: string }>,
): AllItemsOutcome[] {
	const accepted = sent.filter((batch) => batch.error === undefined);
	const refusedOf = new Map<SentBatch, IDataObject[]>();
	for (const entry of refused) {
		const owner =
			accepted.find(
				(batch) => batch.entries[batch.entries.length - 1].itemIndex > entry.itemIndex,
			) ?? accepted[accepted.length - 1];
		if (!owner) continue;
		refusedOf.set(owner, [
			...(refusedOf.get(owner) ?? []),
			{ item: entry.itemIndex, phoneNumber: entry.phoneNumber, reason: entry.refused.message },
		]);
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
	for (const entry of refused)
		outcomes.push({
			first: entry.itemIndex,
			outcome: { error: entry.refused, items: [entry.itemIndex] },
		});
	return outcomes.sort((a, b) => a.first - b.first).map(({ outcome }) => outcome);
}
