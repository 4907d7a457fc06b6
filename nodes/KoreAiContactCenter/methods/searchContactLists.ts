import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { contactListIdOf, contactListNameOf, fetchContactListPage, LISTS_PAGE_SIZE } from '../api/contactLists';
import { currentStreamId } from './currentStreamId';

/**
 * The Contact List field's "From List" mode: the app's contact lists by name, each shown as
 * "<name> (<n> contacts)"; the value is the list ID. Kore.ai's list endpoint has no name search, so
 * the search text is matched here, against name and ID, without regard to case. n8n's
 * `paginationToken` is the `skip` of the next page (Kore.ai's documented answer holds every list
 * at once; then there is no next page).
 */

const MAX_PAGES_PER_CALL = 5;

export async function searchContactLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const streamId = currentStreamId.call(this);
	const wanted = (filter ?? '').trim().toLowerCase();
	let skip = Number(paginationToken);
	if (!Number.isInteger(skip) || skip < 0) skip = 0;
	const results: INodeListSearchItems[] = [];

	for (let pages = 0; pages < MAX_PAGES_PER_CALL; pages++) {
		const page = await fetchContactListPage.call(this, 0, { skip, limit: LISTS_PAGE_SIZE, streamId });
		for (const entry of page.results) {
			const item = toListItem(entry);
			if (!item) continue;
			if (wanted !== '' && !`${item.name}\n${item.value}`.toLowerCase().includes(wanted)) continue;
			results.push(item);
		}
		skip += page.results.length;
		if (!page.hasMore) return { results };
		if (wanted === '' || results.length > 0) break;
	}
	return { results, paginationToken: String(skip) };
}

function toListItem(entry: IDataObject): INodeListSearchItems | undefined {
	const id = contactListIdOf(entry);
	if (id === undefined) return undefined;
	const name = contactListNameOf(entry) ?? id;
	const count = typeof entry.totalRecordCount === 'number' ? ` (${entry.totalRecordCount} contact${entry.totalRecordCount === 1 ? '' : 's'})` : '';
	return { name: `${name}${count}`, value: id };
}
