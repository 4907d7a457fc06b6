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
	// As Kore.ai says it: an empty page that says more follow is an incomplete listing (paging.ts),
	// never a silent end (Get Many would return part of the list, the trigger report deletions).
	return readPage(response, query.skip, query.limit);
}

/** The campaign ID of a list entry: SMS entries carry `id`, voice entries `_id`. */
export function listedCampaignId(entry: IDataObject): string | undefined {
	const id = entry._id ?? entry.id;
	return typeof id === 'string' && id !== '' ? id : undefined;
}
