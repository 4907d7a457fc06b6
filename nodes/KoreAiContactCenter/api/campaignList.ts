import type { IDataObject } from 'n8n-workflow';

import { koreAiRequest, type KoreAiCaller } from '../transport';
import { listCampaignsRequest, type ListQuery } from './campaignRequests';
import { readPage, type Page } from './paging';

/**
 * Reading Kore.ai's campaign list ("Get All Campaigns (v2)", listCampaignsRequest), shared by Get
 * Many, the trigger and the Campaign picker: one page at a time, answered
 * `data: {results[], skip, limit, hasMore, totalPages, totalResults}`.
 */

/** The documented sample's page size; Kore.ai documents no maximum. */
export const LIST_PAGE_SIZE = 100;

export async function fetchCampaignPage(
	this: KoreAiCaller,
	itemIndex: number,
	query: ListQuery,
): Promise<Page> {
	const response = await koreAiRequest.call(this, itemIndex, listCampaignsRequest(query));
	const page = readPage(response, query.skip, query.limit);
	// An empty page ends the listing, whatever it says of more.
	return { ...page, hasMore: page.hasMore && page.results.length > 0 };
}

/** The campaign ID of a list entry: SMS entries carry `id`, voice entries `_id`. */
export function listedCampaignId(entry: IDataObject): string | undefined {
	const id = entry._id ?? entry.id;
	return typeof id === 'string' && id !== '' ? id : undefined;
}
