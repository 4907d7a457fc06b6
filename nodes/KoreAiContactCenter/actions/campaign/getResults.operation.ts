import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isObject, objectAt } from '../../../../common/text';
import { campaignResultsRequest } from '../../api/campaignRequests';
import { collectPages, incompleteListing } from '../../api/paging';
import { simplifyContactResult } from '../../output/simplifyContactResult';
import { koreAiRequest } from '../../transport';
import { campaignIdField, optionsField, streamIdOption } from '../common.fields';
import { readCampaignTarget } from '../readInputs';
import { readLimit, returnAllFields } from '../returnAll.fields';
import type { CampaignResourceInfo, Operation } from '../types';

/**
 * Kore.ai "Get All Contact Details Of Voice Campaigns (v2)": `POST /campaign/{id}/status?view=contacts`,
 * body `{page (>= 1), limit (1..100)}`, answer `{status, data: {results: [...], page, limit,
 * totalPages, totalResults}}` (api/campaignRequests.ts). One output item per contact: its phone number,
 * the dialer's outcome, attempts so far, the bot session, agent disposition codes and the bot's
 * outbound status. SMS campaigns answer on the same endpoint.
 *
 * Paging: the page size stays fixed for one listing (Kore.ai pages by number, so changing the size
 * would skip or repeat contacts): min(Limit, 100). Pages are read until the limit, the last page
 * (`totalPages`, or a short or empty page when Kore.ai does not say), or MAX_PAGES.
 */

const PAGE_SIZE = 100;
/** 10,000 pages of 100 contacts: far beyond a campaign, and a bound on the loop. */
const MAX_PAGES = 10_000;

export const getCampaignResults: Operation<CampaignResourceInfo> = {
	value: 'getResults',
	name: 'Get Results',
	action: (resource) => `Get ${resource.label} Campaign Results`,
	description: (resource) =>
		`Get the per-contact results of ${resource.aCampaign}, one item per contact: phone number, outcome, attempts, disposition codes`,
	properties: [
		{
			...campaignIdField,
			description:
				'The campaign whose results to get: pick it from the list, or give its ID (cd-...), typed in or mapped with an expression',
		},
		...returnAllFields(),
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description:
				"Whether to return each contact's fields with the campaign's ID and type added, instead of Kore.ai's entry as it came",
		},
		optionsField([streamIdOption]),
	],

	async execute(
		this: IExecuteFunctions,
		itemIndex: number,
		resource: CampaignResourceInfo,
	): Promise<IDataObject[]> {
		const { campaignId, streamId } = readCampaignTarget.call(this, itemIndex);
		const limit = readLimit.call(this, itemIndex);
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		// The endpoint pages by page number (1, 2, ...), not by position.
		let page = 0;
		const collected = await collectPages(
			async (_skip, pageSize) => {
				page += 1;
				const body = await koreAiRequest.call(
					this,
					itemIndex,
					campaignResultsRequest(
						{ campaignId, type: resource.campaignType, streamId },
						page,
						pageSize,
					),
				);
				const data = objectAt(body, 'data');
				const results = Array.isArray(data.results) ? data.results.filter(isObject) : [];
				const totalPages = typeof data.totalPages === 'number' ? data.totalPages : undefined;
				const totalResults = typeof data.totalResults === 'number' ? data.totalResults : undefined;
				return {
					results,
					hasMore: totalPages !== undefined ? page < totalPages : results.length === pageSize,
					totalResults,
				};
			},
			// Results carry no ID of their own (`uniqueId` is often empty): each entry counts.
			{ limit, pageSize: Math.min(limit, PAGE_SIZE), idOf: () => undefined, maxPages: MAX_PAGES },
		);
		if (!collected.complete)
			throw incompleteListing(
				this.getNode(),
				itemIndex,
				`the contact results of ${resource.label} campaign ${campaignId}`,
				collected,
			);
		return collected.entries.map((entry) =>
			simplify ? simplifyContactResult(entry, campaignId, resource.campaignType) : entry,
		);
	},
};
