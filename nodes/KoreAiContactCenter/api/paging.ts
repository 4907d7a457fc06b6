import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';

import { isObject } from '../../../common/text';

/**
 * The one paging loop for every listing of the node: campaigns (Get Many, the trigger, the Campaign
 * picker), contact lists (Get Many, the pickers), the contacts of a list, a campaign's per-contact
 * results. Kore.ai pages by position (`skip`/`limit`, or `page`); the loop reads pages until Kore.ai
 * says there are no more, the limit is reached, or it cannot go on, and says which: a listing that
 * cannot be complete says so (`complete: false`), so no caller ends silently short. A picker reads
 * a few pages per call and goes on from `next` at the next call.
 */

export interface Page {
	results: IDataObject[];
	/** Whether Kore.ai says more entries follow this page. */
	hasMore: boolean;
	/** Kore.ai's count of every entry, when it gives one. */
	totalResults?: number;
}

export interface Collected {
	entries: IDataObject[];
	/** Every entry was read (Kore.ai said there were no more), or `limit` entries were. */
	complete: boolean;
	/** Why not complete: a page brought nothing new while Kore.ai said more follow (it may ignore
	 * `skip`), Kore.ai's total changed between pages (entries shifted), or the page bound was hit. */
	stoppedBy?: 'repeated' | 'totalChanged' | 'maxPages';
	/** Kore.ai's last `totalResults`. */
	total?: number;
	/** Where the next page starts, when Kore.ai said more follow and the loop stopped before them. */
	next?: number;
}

interface CollectOptions {
	/** Entries wanted at most (Infinity: all). */
	limit: number;
	pageSize: number;
	/** An entry's ID, to read each entry once; undefined: no ID (each entry counts). */
	idOf: (entry: IDataObject) => string | undefined;
	/** Stop (incomplete) when `totalResults` changes between pages (the trigger: a shifted list can hide one). */
	stopWhenTotalChanges?: boolean;
	/** A bound on the loop, far beyond any account; a picker reads a few pages per call. */
	maxPages?: number;
	/** Where to start (a picker's next call goes on where the last one stopped). */
	from?: number;
	/** Stop after a page once this holds of the entries so far (a picker searching: something matched). */
	enough?: (entries: IDataObject[]) => boolean;
}

/**
 * A page of either shape Kore.ai's listings answer: `data: {results, skip, limit, hasMore,
 * totalResults}` (the v2 pages) or `data: [...]` (everything at once: Get All Lists' sample). Whether
 * more follow: Kore.ai's `hasMore`, else its `totalResults`, else whether the page was full.
 */
export function readPage(response: IDataObject, skip: number, limit: number): Page {
	const data = response.data;
	if (Array.isArray(data))
		return { results: data.filter(isObject), hasMore: false, totalResults: data.length };
	const paged = isObject(data) ? data : {};
	const results = Array.isArray(paged.results) ? paged.results.filter(isObject) : [];
	const totalResults = typeof paged.totalResults === 'number' ? paged.totalResults : undefined;
	let hasMore: boolean;
	if (typeof paged.hasMore === 'boolean') hasMore = paged.hasMore;
	else if (totalResults !== undefined) hasMore = skip + results.length < totalResults;
	else hasMore = results.length >= limit;
	return { results, hasMore, totalResults };
}

export async function collectPages(
	readPage: (skip: number, pageSize: number) => Promise<Page>,
	options: CollectOptions,
): Promise<Collected> {
	const {
		limit,
		pageSize,
		idOf,
		stopWhenTotalChanges = false,
		maxPages = 10_000,
		enough,
	} = options;
	const seen = new Set<string>();
	const entries: IDataObject[] = [];
	let total: number | undefined;
	let skip = options.from ?? 0;
	for (let pages = 0; pages < maxPages; pages++) {
		const page = await readPage(skip, pageSize);
		const totalChanged =
			page.totalResults !== undefined && total !== undefined && page.totalResults !== total;
		if (page.totalResults !== undefined) total = page.totalResults;
		let fresh = 0;
		for (const entry of page.results) {
			const id = idOf(entry);
			if (id !== undefined) {
				if (seen.has(id)) continue;
				seen.add(id);
			}
			fresh++;
			if (entries.length < limit) entries.push(entry);
		}
		if (stopWhenTotalChanges && totalChanged)
			return { entries, complete: false, stoppedBy: 'totalChanged', total };
		if (!page.hasMore) return { entries, complete: true, total };
		skip += page.results.length;
		if (entries.length >= limit) return { entries, complete: true, total, next: skip };
		if (fresh === 0) return { entries, complete: false, stoppedBy: 'repeated', total };
		if (enough?.(entries)) return { entries, complete: false, total, next: skip };
	}
	return { entries, complete: false, stoppedBy: 'maxPages', total, next: skip };
}

/**
 * The error of a listing that could not be read to the end: how many of how many were read, and
 * what to do. `what` names the listing: "the contacts of contact list cl-1".
 */
export function incompleteListing(
	node: INode,
	itemIndex: number,
	what: string,
	collected: Collected,
): NodeOperationError {
	const of = collected.total !== undefined ? ` of ${collected.total}` : '';
	const why =
		collected.stoppedBy === 'repeated'
			? 'Kore.ai said more follow, but the next page brought none not already read (it may not honour the paging parameters)'
			: collected.stoppedBy === 'totalChanged'
				? 'the list changed while its pages were read'
				: "the listing did not end within the node's bound on pages";
	return new NodeOperationError(
		node,
		`Only ${collected.entries.length}${of} of ${what} could be read: ${why}. Nothing is returned rather than part of the list; turn off Return All and set Limit to at most ${collected.entries.length} to get those, or try again.`,
		{ itemIndex },
	);
}
