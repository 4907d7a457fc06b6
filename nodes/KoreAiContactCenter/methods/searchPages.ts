import type { IDataObject, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

/**
 * The paging both pickers share. Kore.ai's list endpoints have no name search, so the search text is
 * matched here, against an entry's shown name and its ID, without regard to case. n8n's
 * `paginationToken` is Kore.ai's `skip` for the next request. Without search text one page is read
 * per call; with search text, pages are read until something matches (at most MAX_PAGES_PER_CALL),
 * so a rare name does not leave the editor with an empty page.
 */

const MAX_PAGES_PER_CALL = 5;

export async function searchPages(
	fetchPage: (skip: number) => Promise<{ results: IDataObject[]; hasMore: boolean }>,
	toItem: (entry: IDataObject) => INodeListSearchItems | undefined,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	let skip = Number(paginationToken);
	if (!Number.isInteger(skip) || skip < 0) skip = 0;
	const results: INodeListSearchItems[] = [];

	for (let pages = 0; pages < MAX_PAGES_PER_CALL; pages++) {
		const page = await fetchPage(skip);
		for (const entry of page.results) {
			const item = toItem(entry);
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
