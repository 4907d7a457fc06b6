import { simplifyCampaignAnswer } from '../../output/simplifyCampaign';
import { getCampaignRequest } from '../../api/campaignRequests';
import { checkCampaignType } from './readCampaign';
import { singleCampaignOperation } from './singleCampaign';

/**
 * Kore.ai ("Get SMS Campaign API (v2)", "Get Voice Campaign API (v2)"):
 * `GET /campaign/api/v2/public/{streamId}/campaign/{campaignId}?accountId=..`, answered with
 * `{status: "success", message: "Campaign <name> retrieved successfully", data: {...}}`, the same
 * `data` as Delete's answer. The pages take no `campaignType`, so "Get SMS Campaign" checks that
 * what came back is an SMS campaign (readCampaign.ts) rather than return a voice one.
 */
export const getCampaign = singleCampaignOperation({
	value: 'get',
	name: 'Get',
	action: (resource) => `Get ${resource.label} Campaign`,
	description: (resource) =>
		`Retrieve one ${resource.label} campaign by its ID: name, status, priority, schedule, message and dialing settings`,
	campaignDescription:
		'The campaign to retrieve: pick it from the list, or give its ID (cd-...), typed in or mapped with an expression',
	request: (campaign) => getCampaignRequest(campaign),
	verify: checkCampaignType,
	simplify: simplifyCampaignAnswer,
});
