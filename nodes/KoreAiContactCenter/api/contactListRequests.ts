import type { IDataObject } from 'n8n-workflow';

import { pathSegment, type IfMissing, type KoreAiRequest } from '../transport';

/**
 * Every contact-list endpoint the node calls, one builder each, named after its entry in the
 * contract (sandbox/contract/endpoints.js); no operation writes a path. Contact lists are "call"
 * lists (`listType: "call"`) that SMS and voice campaigns both reference BY NAME (`contactLists:
 * [name]` in a campaign, `contact_list_name` in Add Contacts).
 *
 * Where the pages disagree (Kore.ai's public docs, `ai-for-service/apis/contact-center/`):
 * - Prefix. The "-v2" pages (Get Contact List Details, Get All Contacts of a Contact List) use
 *   `/campaign/api/v2/public/{streamId}` with `?accountId=`; the older pages for list all, create,
 *   update and delete use `/agentassist/api/v1/public/{iid}`. This project's other endpoints are all
 *   v2, and Kore.ai's current contact-center API pages list every list endpoint under the v2 prefix, so
 *   all of them use v2 here (the transport's `campaignV2`, its default) except Add Contacts, which
 *   Kore.ai documents only under `/api/1.1/public/{iid}` (`publicV1`). To switch one endpoint back
 *   to a documented v1 path, change its builder below.
 * - Get All Lists answers `data: [...]` (every list, no paging) on its page, while the v2 list
 *   endpoints answer `data: {results, skip, limit, hasMore}`. Both are read (api/paging.ts, readPage).
 * - Update's sample sends `name1` and a `createContactList` URL (copy-paste errors in the page);
 *   its parameter table (`name` <= 48, `description` <= 256) is followed.
 * - Add Contacts' sample phone number has no "+" ("9122333445566"), and the page says "international
 *   or local format depending on platform rules". The node sends E.164 ("+" and the country code):
 *   the only form that means the same number in every region (see common/phoneNumbers.ts).
 */

/** `type=call`: the only value Get All Lists documents ("to retrieve contact lists only"). */
const LIST_TYPE = 'call';

/** A request about one list, by ID: a missing list is named with what to do (the transport's not-found sentence). */
function aboutList(
	listId: string,
	streamId: string | undefined,
	action: string,
): Pick<KoreAiRequest, 'streamId' | 'action' | 'ifMissing'> {
	const ifMissing: IfMissing = {
		what: `Contact list ${listId}`,
		advice:
			'It may have been deleted or belong to another app; pick the list from the list, or check the ID (Contact List > Get Many lists them).',
	};
	return { streamId, action: `${action} contact list ${listId}`, ifMissing };
}

/**
 * `listContactLists` (get-all-contact-lists-v2.mdx): `POST /campaign/contactList/getAllListDetails?accountId=..&type=call`.
 * `skip`/`limit` (and `page`) are sent as on the campaign list endpoint. A read sent as POST:
 * repeating it changes nothing.
 */
export function listContactListsRequest(query: {
	skip: number;
	limit: number;
	streamId?: string;
}): KoreAiRequest {
	return {
		method: 'POST',
		path: '/campaign/contactList/getAllListDetails',
		qs: { type: LIST_TYPE },
		body: { skip: query.skip, limit: query.limit, page: Math.floor(query.skip / query.limit) + 1 },
		streamId: query.streamId,
		idempotent: true,
		action: 'list contact lists',
	};
}

/**
 * `createContactList` (create-contact-list-v2.mdx): `POST /campaign/contactList/createContactList?accountId=..`,
 * body `{name, description, source: "passiveApi", allowDuplicates}`. Not idempotent (a POST that
 * creates): a repeat could create a second list, or fail on the now-taken name.
 */
export function createContactListRequest(
	body: IDataObject,
	streamId: string | undefined,
): KoreAiRequest {
	return {
		method: 'POST',
		path: '/campaign/contactList/createContactList',
		body,
		streamId,
		action: `create contact list "${String(body.name)}"`,
	};
}

/** `getContactList` (get-contact-list-details-v2.mdx): `GET /campaign/contactList/{id}?accountId=..`. */
export function getContactListRequest(listId: string, streamId: string | undefined): KoreAiRequest {
	return {
		method: 'GET',
		path: `/campaign/contactList/${pathSegment(listId)}`,
		...aboutList(listId, streamId, 'get'),
	};
}

/** `updateContactList` (update-contact-list-v2.mdx): `PUT /campaign/contactList/{id}?accountId=..`, body `{name?, description?}`. */
export function updateContactListRequest(
	listId: string,
	body: IDataObject,
	streamId: string | undefined,
): KoreAiRequest {
	return {
		method: 'PUT',
		path: `/campaign/contactList/${pathSegment(listId)}`,
		body,
		...aboutList(listId, streamId, 'update'),
	};
}

/** `deleteContactList` (delete-contact-list-details-v2.mdx): `DELETE /campaign/contactList/{id}?accountId=..`. */
export function deleteContactListRequest(
	listId: string,
	streamId: string | undefined,
): KoreAiRequest {
	return {
		method: 'DELETE',
		path: `/campaign/contactList/${pathSegment(listId)}`,
		...aboutList(listId, streamId, 'delete'),
	};
}

/**
 * `getContacts` (get-all-contacts-of-a-contactlist-v2.mdx): `GET /campaign/contactList/{id}/getAllContacts?accountId=..&skip=..&limit=..`.
 * The page documents no request paging but its answer pages, so `skip` and `limit` are sent as the
 * answer names them (the contract's reading).
 */
export function getContactsRequest(
	listId: string,
	page: { skip: number; limit: number },
	streamId: string | undefined,
): KoreAiRequest {
	return {
		method: 'GET',
		path: `/campaign/contactList/${pathSegment(listId)}/getAllContacts`,
		qs: { skip: page.skip, limit: page.limit },
		...aboutList(listId, streamId, 'get the contacts of'),
	};
}

/**
 * `addContacts` (add-contacts-to-contact-list.mdx): `POST /api/1.1/public/{iid}/campaign/contactList/addContacts`
 * (the only page for it documents this prefix, and no query), body `{contact_list_name, data: [{phoneNumber, ...columns}]}`.
 * The list is named by its NAME, so a missing one is named so.
 */
export function addContactsRequest(
	listName: string,
	contacts: IDataObject[],
	streamId: string | undefined,
): KoreAiRequest {
	return {
		method: 'POST',
		api: 'publicV1',
		path: '/campaign/contactList/addContacts',
		body: { contact_list_name: listName, data: contacts },
		streamId,
		action: `add ${contacts.length} contact${contacts.length === 1 ? '' : 's'} to contact list "${listName}"`,
		ifMissing: {
			what: `Contact list "${listName}"`,
			advice:
				"Kore.ai adds contacts by the list's exact name: pick the list, or create it first with Contact List > Create.",
		},
	};
}
