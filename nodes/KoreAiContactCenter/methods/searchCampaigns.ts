import {
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodeListSearchItems,
	type INodeListSearchResult,
} from 'n8n-workflow';

import { campaignResource, SMS_CAMPAIGN } from '../actions/resources';
import { fetchCampaignPage, LIST_PAGE_SIZE, listedCampaignId } from '../api/campaignList';
import { currentStreamId } from './currentStreamId';

/**
 * The Campaign field's "From List" mode: the account's campaigns of the node's resource (SMS or
 * voice), by name, each shown as "<name> (<status>)". Kore.ai's list endpoint has no name search,
 * so the search text is matched here, against name and ID, without regard to case.
 *
 * n8n's `paginationToken` is Kore.ai's `skip` for the next request. Without search text one page
 * is read per call; with search text, pages are read until something matches (at most
 * MAX_PAGES_PER_CALL), so a rare name does not leave the editor with an empty page.
 */

const MAX_PAGES_PER_CALL = 5;

export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { campaignType } = campaignResource(this.getCurrentNodeParameter('resource')) ?? SMS_CAMPAIGN;
	const streamId = currentStreamId.call(this);
	const wanted = (filter ?? '').trim().toLowerCase();

	let skip = Number(paginationToken);
	if (!Number.isInteger(skip) || skip < 0) skip = 0;
	const results: INodeListSearchItems[] = [];

	for (let pages = 0; pages < MAX_PAGES_PER_CALL; pages++) {
		const page = await fetchCampaignPage.call(this, 0, {
			campaignType,
			limit: LIST_PAGE_SIZE,
			skip,
			sortBy: { name: 'asc' },
			streamId,
		});
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
	const id = listedCampaignId(entry);
	if (id === undefined) return undefined;
	const name = typeof entry.name === 'string' && entry.name.trim() !== '' ? entry.name.trim() : id;
	const status = typeof entry.status === 'string' && entry.status !== '' ? ` (${entry.status})` : '';
	return { name: `${name}${status}`, value: id };
}
