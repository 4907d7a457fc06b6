import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../../common/text';
import { koreAiRequest, type KoreAiCaller, type KoreAiRequest } from '../transport';
import { collectPages, type Collected, type Page } from './paging';

/**
 * Kore.ai's contact-list endpoints, in one place: every path, limit and choice made where Kore.ai's
 * pages disagree. Contact lists are "call" lists (`listType: "call"`) that SMS and voice campaigns
 * both reference BY NAME (`contactLists: [name]` in a campaign, `contact_list_name` in Add Contacts).
 *
 * Where the pages disagree (Kore.ai's public docs, `ai-for-service/apis/contact-center/`):
 * - Prefix. The "-v2" pages (Get Contact List Details, Get All Contacts of a Contact List) use
 *   `/campaign/api/v2/public/{streamId}` with `?accountId=`; the older pages for list all, create,
 *   update and delete use `/agentassist/api/v1/public/{iid}`. This project's other endpoints are all
 *   v2, and Kore.ai's current contact-center API pages list every list endpoint under the v2 prefix, so
 *   all of them use v2 here (the `campaignV2` API of the transport) except Add Contacts, which
 *   Kore.ai documents only under `/api/1.1/public/{iid}` (`publicV1`). To switch one endpoint back
 *   to a documented v1 path, change it in CONTACT_LIST_API below.
 * - Get All Lists answers `data: [...]` (every list, no paging) on its page, while the v2 list
 *   endpoints answer `data: {results, skip, limit, hasMore}`. Both are read (fetchContactListPage).
 * - Update's sample sends `name1` and a `createContactList` URL (copy-paste errors in the page);
 *   its parameter table (`name` <= 48, `description` <= 256, `allowDuplicates`) is followed.
 * - Add Contacts' sample phone number has no "+" ("9122333445566"), and the page says "international
 *   or local format depending on platform rules". The node sends E.164 ("+" and the country code):
 *   the only form that means the same number in every region (see actions/contactList/phoneNumbers.ts).
 */

export const CONTACT_LIST_API: {
	[endpoint: string]: { method: KoreAiRequest['method']; api: NonNullable<KoreAiRequest['api']>; path: (id?: string) => string };
} = {
	getAll: { method: 'POST', api: 'campaignV2', path: () => '/campaign/contactList/getAllListDetails' },
	create: { method: 'POST', api: 'campaignV2', path: () => '/campaign/contactList/createContactList' },
	get: { method: 'GET', api: 'campaignV2', path: (id) => `/campaign/contactList/${encodeURIComponent(id ?? '')}` },
	update: { method: 'PUT', api: 'campaignV2', path: (id) => `/campaign/contactList/${encodeURIComponent(id ?? '')}` },
	delete: { method: 'DELETE', api: 'campaignV2', path: (id) => `/campaign/contactList/${encodeURIComponent(id ?? '')}` },
	getContacts: {
		method: 'GET',
		api: 'campaignV2',
		path: (id) => `/campaign/contactList/${encodeURIComponent(id ?? '')}/getAllContacts`,
	},
	addContacts: { method: 'POST', api: 'publicV1', path: () => '/campaign/contactList/addContacts' },
};

/** Kore.ai's limits on a list's fields (Update Contact List page; Create shares them). */
export const CONTACT_LIST_LIMITS = { name: 48, description: 256 } as const;

/** `type=call`: the only value Get All Lists documents ("to retrieve contact lists only"). */
const LIST_TYPE = 'call';

/** Page size for the contacts of a list; the documented sample answers `limit: 50`, no maximum is documented. */
export const CONTACTS_PAGE_SIZE = 100;

/**
 * One request for the account's contact lists. `skip`/`limit` are sent as on the campaign list
 * endpoint; an answer with `data` as a plain array is every list at once (the documented sample).
 */
export async function fetchContactListPage(
	this: KoreAiCaller,
	itemIndex: number,
	query: { skip: number; limit: number; streamId?: string },
): Promise<Page> {
	const endpoint = CONTACT_LIST_API.getAll;
	const response = await koreAiRequest.call(this, itemIndex, {
		method: endpoint.method,
		api: endpoint.api,
		path: endpoint.path(),
		qs: { type: LIST_TYPE },
		body: { skip: query.skip, limit: query.limit, page: Math.floor(query.skip / query.limit) + 1 },
		streamId: query.streamId,
		// A read sent as POST: repeating it changes nothing.
		idempotent: true,
		action: 'list contact lists',
	});
	return readPage(response, query.skip, query.limit);
}

/**
 * A page of either shape Kore.ai uses: `data: [...]` (everything, Get All Lists' sample) or
 * `data: {results, skip, limit, hasMore, totalResults}` (the v2 pages).
 */
export function readPage(response: IDataObject, skip: number, limit: number): Page {
	const data = response.data;
	if (Array.isArray(data)) return { results: data.filter(isObject), hasMore: false, totalResults: data.length };
	const paged = isObject(data) ? data : {};
	const results = Array.isArray(paged.results) ? paged.results.filter(isObject) : [];
	const totalResults = typeof paged.totalResults === 'number' ? paged.totalResults : undefined;
	let hasMore: boolean;
	if (typeof paged.hasMore === 'boolean') hasMore = paged.hasMore;
	else if (totalResults !== undefined) hasMore = skip + results.length < totalResults;
	else hasMore = results.length >= limit;
	return { results, hasMore, totalResults };
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

/** Page size for the lists themselves (as the campaign list's documented sample). */
export const LISTS_PAGE_SIZE = 100;

/** Up to `limit` contact lists of the app, in Kore.ai's order, each once, and whether that is all of them (api/paging.ts). */
export async function fetchContactLists(this: KoreAiCaller, itemIndex: number, query: { limit: number; streamId?: string }): Promise<Collected> {
	return await collectPages(
		async (skip, limit) => await fetchContactListPage.call(this, itemIndex, { skip, limit, streamId: query.streamId }),
		{ limit: query.limit, pageSize: Math.min(query.limit, LISTS_PAGE_SIZE), idOf: contactListIdOf, maxPages: 1000 },
	);
}
