import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyCampaign } from '../../output/simplifyCampaign';
import { koreAiRequest } from '../../transport/koreAiRequest';
import { singleCampaignFields } from '../common.fields';
import { readCampaignTarget } from '../readInputs';
import type { CampaignOperation, OperationContext } from '../types';

/**
 * Kore.ai: `GET /campaign/api/v2/public/{streamId}/campaign/{campaignId}?accountId=..&campaignType=sms|voice`,
 * answered with `{status: "success", message: "Campaign <name> retrieved successfully", data: {...}}`,
 * the same `data` as Delete's answer.
 *
 * The Get page documents only `accountId` in the query; `campaignType` is added as on the Delete
 * path (the seed's pattern, same path), so "Get SMS Campaign" asks for an SMS campaign and does
 * not silently return a voice campaign that happens to have that ID.
 */
export const getCampaign: CampaignOperation = {
	value: 'get',
	name: 'Get',
	action: (type) => `Get ${type} Campaign`,
	description: (type) =>
		`Retrieve one ${type} campaign by its ID: name, status, priority, schedule, message and dialing settings`,
	properties: singleCampaignFields(
		'The campaign to retrieve: pick it from the list, or give its ID (cd-...), typed in or mapped with an expression',
	),

	async execute(this: IExecuteFunctions, itemIndex: number, context: OperationContext): Promise<IDataObject> {
		const { campaignId, streamId } = readCampaignTarget.call(this, itemIndex);

		const response = await koreAiRequest.call(this, itemIndex, {
			method: 'GET',
			path: `/campaign/${encodeURIComponent(campaignId)}`,
			qs: { campaignType: context.campaignType },
			streamId,
			action: `get ${context.typeLabel} campaign ${campaignId}`,
			campaignId,
		});

		if (!this.getNodeParameter('simplify', itemIndex, true)) return response;
		return {
			...simplifyCampaign(response.data as IDataObject | undefined, context.campaignType),
			campaignId: (response.data as IDataObject | undefined)?._id ?? campaignId,
			message: response.message,
		};
	},
};
