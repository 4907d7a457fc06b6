import { simplifyCampaignAnswer } from '../../output/simplifyCampaign';
import { getCampaignRequest } from '../../api/campaignPaths';
import { singleCampaignOperation } from './singleCampaign';

/**
 * Kore.ai: `GET /campaign/api/v2/public/{streamId}/campaign/{campaignId}?accountId=..&campaignType=sms|voice`,
 * answered with `{status: "success", message: "Campaign <name> retrieved successfully", data: {...}}`,
 * the same `data` as Delete's answer.
 *
 * The "Get SMS Campaign by ID (v2)" page documents only `accountId` in the query; `campaignType` is
 * added as on the Delete path ("Delete SMS Campaign (v2)", same path), so "Get SMS Campaign" asks
 * for an SMS campaign and does not silently return a voice campaign that happens to have that ID.
 */
export const getCampaign = singleCampaignOperation({
	value: 'get',
	name: 'Get',
	action: (resource) => `Get ${resource.label} Campaign`,
	description: (resource) =>
		`Retrieve one ${resource.label} campaign by its ID: name, status, priority, schedule, message and dialing settings`,
	campaignDescription:
		'The campaign to retrieve: pick it from the list, or give its ID (cd-...), typed in or mapped with an expression',
	request: ({ campaignId, resource }) => getCampaignRequest(resource.campaignType, campaignId, undefined, resource.label),
	simplify: (body, { campaignId, resource }) => simplifyCampaignAnswer(body, campaignId, resource.campaignType),
});
