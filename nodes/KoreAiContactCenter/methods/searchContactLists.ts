import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import {
	contactListIdOf,
	contactListNameOf,
	fetchContactListPage,
	LISTS_PAGE_SIZE,
} from '../api/contactLists';
import { currentStreamId } from './currentStreamId';
import { searchPages } from './searchPages';

/**
 * The Contact List field's "From List" mode: the app's contact lists by name, each shown as
 * "<name> (<n> contacts)"; the value is the list ID. Searching and paging as in searchPages.ts
 * (Kore.ai's documented answer holds every list at once; then there is no next page).
 */
export async function searchContactLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const streamId = currentStreamId.call(this);
	return await searchPages(
		async (skip, limit) => await fetchContactListPage.call(this, 0, { skip, limit, streamId }),
		LISTS_PAGE_SIZE,
		toListItem,
		filter,
		paginationToken,
	);
}

function toListItem(entry: IDataObject): INodeListSearchItems | undefined {
	const id = contactListIdOf(entry);
	if (id === undefined) return undefined;
	const name = contactListNameOf(entry) ?? id;
	const count =
		typeof entry.totalRecordCount === 'number'
			? ` (${entry.totalRecordCount} contact${entry.totalRecordCount === 1 ? '' : 's'})`
			: '';
	return { name: `${name}${count}`, value: id };
}
