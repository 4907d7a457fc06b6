import {
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodeListSearchItems,
	type INodeListSearchResult,
} from 'n8n-workflow';

import { campaignResource, SMS_CAMPAIGN } from '../actions/resources';
import { fetchCampaignPage, LIST_PAGE_SIZE, listedCampaignId } from '../api/campaignList';
import { currentStreamId } from './currentStreamId';
import { searchPages } from './searchPages';

/**
 * The Campaign field's "From List" mode: the account's campaigns of the node's resource (SMS or
 * voice), by name, each shown as "<name> (<status>)"; searching and paging as in searchPages.ts.
 */
export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { campaignType } =
		campaignResource(this.getCurrentNodeParameter('resource')) ?? SMS_CAMPAIGN;
	const streamId = currentStreamId.call(this);
	return await searchPages(
		async (skip, limit) =>
			await fetchCampaignPage.call(this, 0, {
				campaignType,
				limit,
				skip,
				sortBy: { name: 'asc' },
				streamId,
			}),
		LIST_PAGE_SIZE,
		toListItem,
		filter,
		paginationToken,
	);
}

function toListItem(entry: IDataObject): INodeListSearchItems | undefined {
	const id = listedCampaignId(entry);
	if (id === undefined) return undefined;
	const name = typeof entry.name === 'string' && entry.name.trim() !== '' ? entry.name.trim() : id;
	const status =
		typeof entry.status === 'string' && entry.status !== '' ? ` (${entry.status})` : '';
	return { name: `${name}${status}`, value: id };
}
