import type { IDataObject } from 'n8n-workflow';

import { koreAiRequest, type KoreAiCaller } from '../transport';
import { listContactListsRequest } from './contactListRequests';
import { collectPages, readPage, type Collected, type Page } from './paging';

/**
 * Reading Kore.ai's contact lists: the account's lists page by page (listContactListsRequest), a
 * list's ID and name in Kore.ai's answers, and Kore.ai's limits on a list's fields. The requests
 * themselves, and the choices made where Kore.ai's pages disagree, are in contactListRequests.ts.
 */

/** Kore.ai's limits on a list's fields (Update Contact List page; Create shares them). */
export const CONTACT_LIST_LIMITS = { name: 48, description: 256 } as const;

/** Page size for the contacts of a list; the documented sample answers `limit: 50`, no maximum is documented. */
export const CONTACTS_PAGE_SIZE = 100;

/** Page size for the lists themselves (as the campaign list's documented sample). */
export const LISTS_PAGE_SIZE = 100;

/** One page of the account's contact lists; an answer with `data` as a plain array is every list at once (the documented sample). */
export async function fetchContactListPage(
	this: KoreAiCaller,
	itemIndex: number,
	query: { skip: number; limit: number; streamId?: string },
): Promise<Page> {
	const response = await koreAiRequest.call(this, itemIndex, listContactListsRequest(query));
	return readPage(response, query.skip, query.limit);
}

/** A list's ID in Kore.ai's answers: `_id` (create, get, list), `contactListId` (update). */
export function contactListIdOf(entry: IDataObject): string | undefined {
	const id = entry._id ?? entry.id ?? entry.contactListId;
	return typeof id === 'string' && id !== '' ? id : undefined;
}

/** A list's name, trimmed, or undefined. */
export function contactListNameOf(entry: IDataObject): string | undefined {
	return typeof entry.name === 'string' && entry.name.trim() !== '' ? entry.name.trim() : undefined;
}

/** Up to `limit` contact lists of the app, in Kore.ai's order, each once, and whether that is all of them (api/paging.ts). */
export async function fetchContactLists(
	this: KoreAiCaller,
	itemIndex: number,
	query: { limit: number; streamId?: string },
): Promise<Collected> {
	return await collectPages(
		async (skip, limit) =>
			await fetchContactListPage.call(this, itemIndex, { skip, limit, streamId: query.streamId }),
		{
			limit: query.limit,
			pageSize: Math.min(query.limit, LISTS_PAGE_SIZE),
			idOf: contactListIdOf,
			maxPages: 1000,
		},
	);
}
