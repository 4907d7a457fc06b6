import type { IDataObject } from 'n8n-workflow';

/**
 * How Add Contacts splits contacts into requests. Kore.ai documents no maximum for `data` in
 * "Add Contacts to Contact List", so two limits keep each request safely small:
 *
 * - at most `maxContacts` contacts (Options > Contacts per Request: default 500, at most 1,000):
 *   few requests for a typical CRM segment, well under Kore.ai's 60 requests a minute, and a
 *   failed request concerns at most that many rows;
 * - at most MAX_BATCH_BYTES of JSON: Kore.ai's services run on Node, whose usual body parser
 *   (Express) refuses bodies over 100 kB unless configured otherwise. Contacts with many columns
 *   therefore go in smaller batches; one contact larger than that is sent alone.
 *
 * Order is kept: batches hold consecutive contacts, in input order.
 */

export const DEFAULT_CONTACTS_PER_REQUEST = 500;
export const MAX_CONTACTS_PER_REQUEST = 1000;
const MAX_BATCH_BYTES = 90_000;

export interface Entry {
	itemIndex: number;
	contact: IDataObject;
}

export function splitIntoBatches(
	entries: Entry[],
	maxContacts: number,
	maxBytes = MAX_BATCH_BYTES,
): Entry[][] {
	const batches: Entry[][] = [];
	let current: Entry[] = [];
	let bytes = 0;
	const encoder = new TextEncoder();
	for (const entry of entries) {
		// Its share of `data`: the JSON text plus the comma between entries.
		const size = encoder.encode(JSON.stringify(entry.contact)).length + 1;
		if (current.length > 0 && (current.length >= maxContacts || bytes + size > maxBytes)) {
			batches.push(current);
			current = [];
			bytes = 0;
		}
		current.push(entry);
		bytes += size;
	}
	if (current.length > 0) batches.push(current);
	return batches;
}
