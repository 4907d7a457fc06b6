import { campaignStatusRequest } from '../../api/campaignRequests';
import { simplifyStatusResult } from '../../output/simplifyResults';
import { singleCampaignOperation } from './singleCampaign';

/**
 * Kore.ai "Get Campaign Status (v2)": `POST .../campaign/{campaignId}/status?view=status`, body `{}`
 * (api/campaignRequests.ts), answer `{status: "success", data: {id, status, name}}`
 * (`status: "failure"` is an error).
 */
export const getCampaignStatus = singleCampaignOperation({
	value: 'getStatus',
	name: 'Get Status',
	action: (resource) => `Get ${resource.label} Campaign Status`,
	description: (resource) =>
		`Get only the current status of ${resource.aCampaign} (e.g. Ready, Active, Paused, Stopped, Completed) with its name; lighter than Get`,
	campaignDescription:
		'The campaign whose status to check: pick it from the list, or give its ID (cd-...), typed in or mapped with an expression',
	request: campaignStatusRequest,
	simplify: simplifyStatusResult,
});
