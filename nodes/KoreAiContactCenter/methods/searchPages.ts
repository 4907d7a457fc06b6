import type { IDataObject, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { collectPages, type Page } from '../api/paging';

/**
 * What both pickers show of a listing, read with the one paging loop (api/paging.ts). Kore.ai's
 * list endpoints have no name search, so the search text is matched here, against an entry's shown
 * name and its ID, without regard to case. n8n's `paginationToken` is Kore.ai's `skip` for the next
 * request. Without search text one page is read per call; with search text, pages are read until
 * something matches (at most MAX_PAGES_PER_CALL), so a rare name does not leave the editor with an
 * empty page.
 */

const MAX_PAGES_PER_CALL = 5;

export async function searchPages(
	readPage: (skip: number, pageSize: number) => Promise<Page>,
	pageSize: number,
	toItem: (entry: IDataObject) => INodeListSearchItems | undefined,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	const from = Number(paginationToken);
	const matches = (item: INodeListSearchItems | undefined): item is INodeListSearchItems =>
		item !== undefined &&
		(wanted === '' || `${item.name}\n${item.value}`.toLowerCase().includes(wanted));
	const collected = await collectPages(readPage, {
		limit: Number.POSITIVE_INFINITY,
		pageSize,
		// The editor asks page by page: an entry is shown where Kore.ai lists it.
		idOf: () => undefined,
		from: Number.isInteger(from) && from >= 0 ? from : 0,
		maxPages: wanted === '' ? 1 : MAX_PAGES_PER_CALL,
		enough: (entries) => entries.some((entry) => matches(toItem(entry))),
	});
	const results = collected.entries.map(toItem).filter(matches);
	return collected.next === undefined
		? { results }
		: { results, paginationToken: String(collected.next) };
}
