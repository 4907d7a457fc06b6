import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../../common/text';
import type { CampaignType } from './campaign';
import { koreAiRequest, type KoreAiCaller } from '../transport';
import type { Page } from './paging';

/**
 * Kore.ai's list endpoint ("Get All Campaigns (v2)"), shared by Get Many and the campaign picker:
 * `POST /campaign/api/v2/public/{streamId}/campaign/getAllCampaignDetails?accountId=..`, body
 * `{type, limit, skip, page, sortBy, filters, startDate, endDate}`, answer
 * `data: {results[], skip, limit, hasMore, totalPages, totalResults}`.
 *
 * Kore.ai documents both `skip` and `page` (its sample sends `limit: 100, skip: 0, page: 1`) without
 * saying which one wins, so every request sends both, consistent with each other: the page size
 * stays fixed for a whole listing and `page = skip / limit + 1`.
 */

/** The documented sample's page size; Kore.ai documents no maximum. */
export const LIST_PAGE_SIZE = 100;

export interface ListQuery {
	campaignType: CampaignType;
	limit: number;
	skip: number;
	/** e.g. `{ createdAt: 'desc' }` */
	sortBy?: IDataObject;
	filters?: IDataObject;
	startDate?: string;
	endDate?: string;
	streamId?: string;
}

export async function fetchCampaignPage(this: KoreAiCaller, itemIndex: number, query: ListQuery): Promise<Page> {
	const body: IDataObject = {
		type: query.campaignType,
		limit: query.limit,
		skip: query.skip,
		page: Math.floor(query.skip / query.limit) + 1,
	};
	if (query.sortBy) body.sortBy = query.sortBy;
	if (query.filters && Object.keys(query.filters).length > 0) body.filters = query.filters;
	if (query.startDate) body.startDate = query.startDate;
	if (query.endDate) body.endDate = query.endDate;

	const response = await koreAiRequest.call(this, itemIndex, {
		method: 'POST',
		path: '/campaign/getAllCampaignDetails',
		body,
		streamId: query.streamId,
		// A read: repeating it after a lost answer changes nothing.
		idempotent: true,
		action: `list ${query.campaignType === 'voice' ? 'voice' : 'SMS'} campaigns`,
	});

	const data = isObject(response.data) ? response.data : {};
	const results = Array.isArray(data.results) ? data.results.filter(isObject) : [];
	const totalResults = typeof data.totalResults === 'number' ? data.totalResults : undefined;
	let hasMore: boolean;
	if (typeof data.hasMore === 'boolean') hasMore = data.hasMore;
	else if (totalResults !== undefined) hasMore = query.skip + results.length < totalResults;
	else hasMore = results.length >= query.limit;
	return { results, hasMore: hasMore && results.length > 0, totalResults };
}

/** The campaign ID of a list entry: SMS entries carry `id`, voice entries `_id`. */
export function listedCampaignId(entry: IDataObject): string | undefined {
	const id = entry._id ?? entry.id;
	return typeof id === 'string' && id !== '' ? id : undefined;
}
