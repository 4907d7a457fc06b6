import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { CampaignType } from '../api/campaign';
import { fetchCampaignPage, LIST_PAGE_SIZE, listedCampaignId } from '../api/campaignList';
import { collectPages } from '../api/paging';

/**
 * One poll's look at the app's campaigns of one type: every page of Kore.ai's list endpoint
 * (api/campaignList.ts), through the node's one transport, so the account's pacing, retries and
 * error sentences apply to polls as to every other request.
 *
 * Kore.ai's list is paged by `skip`, not by a cursor: a campaign created or deleted while the pages
 * are read shifts the ones after it, and one campaign can then be missed. A missed campaign must not
 * look deleted, so a listing is only `complete` when Kore.ai's `totalResults` stayed the same on
 * every page and the last page said there is no more. An incomplete listing still reports the
 * campaigns it saw (their status changes are real); only deletions are not concluded from it.
 */

/** 1,000 pages of 100 campaigns: far beyond any account, and a bound on the loop. */
const MAX_PAGES = 1000;

/** What the trigger keeps of a listed campaign. */
export interface ListedCampaign {
	id: string;
	name: string;
	status: string;
	/** Kore.ai's `updatedAt`, when listed. */
	updatedAt?: string;
}

export interface Listing {
	campaignType: CampaignType;
	/** In Kore.ai's order (oldest first), each campaign once. */
	campaigns: ListedCampaign[];
	/** Whether every campaign of the app was seen (see above): only then may a missing one be called deleted. */
	complete: boolean;
}

export async function listAllCampaigns(
	this: IPollFunctions,
	campaignType: CampaignType,
): Promise<Listing> {
	const collected = await collectPages(
		// Oldest first: a campaign created while the pages are read lands on the last page.
		async (skip, limit) =>
			await fetchCampaignPage.call(this, 0, {
				campaignType,
				limit,
				skip,
				sortBy: { createdAt: 'asc' },
			}),
		{
			limit: Number.POSITIVE_INFINITY,
			pageSize: LIST_PAGE_SIZE,
			idOf: listedCampaignId,
			stopWhenTotalChanges: true,
			maxPages: MAX_PAGES,
		},
	);
	const campaigns = collected.entries
		.map(toListed)
		.filter((campaign): campaign is ListedCampaign => campaign !== undefined);
	return { campaignType, campaigns, complete: collected.complete };
}

function toListed(entry: IDataObject): ListedCampaign | undefined {
	const id = listedCampaignId(entry);
	if (id === undefined) return undefined;
	const campaign: ListedCampaign = { id, name: text(entry.name), status: text(entry.status) };
	if (typeof entry.updatedAt === 'string' && entry.updatedAt !== '')
		campaign.updatedAt = entry.updatedAt;
	return campaign;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}
