import { simplifyStatusResult } from '../../output/simplifyResults';
import { singleCampaignOperation } from './singleCampaign';

/**
 * Kore.ai: `POST /campaign/api/v2/public/{streamId}/campaign/{campaignId}/status?accountId=..&view=status`,
 * body `{}`, answer `{status: "success", data: {id, status, name}}` (`status: "failure"` is an error).
 * The page ("Get Campaign Status (v2)") documents no `campaignType` for this endpoint, so none is sent.
 */
export const getCampaignStatus = singleCampaignOperation({
	value: 'getStatus',
	name: 'Get Status',
	action: (resource) => `Get ${resource.label} Campaign Status`,
	description: (resource) =>
		`Get only the current status of ${resource.aCampaign} (e.g. Ready, Active, Paused, Stopped, Completed) with its name; lighter than Get`,
	campaignDescription:
		'The campaign whose status to check: pick it from the list, or give its ID (cd-...), typed in or mapped with an expression',
	request: ({ pathId, campaignId, resource }) => ({
		method: 'POST',
		path: `/campaign/${pathId}/status`,
		qs: { view: 'status' },
		body: {},
		// A read despite POST: repeating it after a lost answer changes nothing.
		idempotent: true,
		action: `get the status of ${resource.label} campaign ${campaignId}`,
	}),
	simplify: (body, { campaignId, resource }) => simplifyStatusResult(body, campaignId, resource.campaignType),
});
