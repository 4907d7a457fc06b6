import { stopCampaignRequest } from '../../api/campaignRequests';
import { simplifyTriggerResult } from '../../output/simplifyResults';
import { singleCampaignOperation } from './singleCampaign';

/**
 * Kore.ai "Stop SMS Campaign (v2)", "Stop Voice Campaign (v2)": `POST .../campaign/trigger/{campaignId}?campaignType=..&trigger=stop`,
 * body `{}` (api/campaignRequests.ts, stopCampaignRequest, says how the pages' paths were read), answer
 * `{status: "Stopped", message: "Campaign Stopped", updatedAt, campaignExecutionType}`.
 */
export const stopCampaign = singleCampaignOperation({
	value: 'stop',
	name: 'Stop',
	action: (resource) => `Stop ${resource.label} Campaign`,
	description: (resource) =>
		`Stop a running ${resource.label} campaign (for example an Active or Paused one); it becomes Stopped and sends no more`,
	campaignDescription:
		'The campaign to stop: pick it from the list, or give its ID (cd-...), typed in or mapped with an expression',
	request: stopCampaignRequest,
	simplify: simplifyTriggerResult,
});
