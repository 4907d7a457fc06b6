import { simplifyTriggerResult } from '../../output/simplifyResults';
import { singleCampaignOperation } from './singleCampaign';

/**
 * Kore.ai: `POST /campaign/api/v2/public/{streamId}/campaign/trigger/{campaignId}?accountId=..&campaignType=sms|voice&trigger=stop`,
 * body `{}`, answer `{status: "Stopped", message: "Campaign Stopped", updatedAt, campaignExecutionType}`.
 *
 * The "Stop SMS Campaign (v2)" page writes the path `.../campaign//trigger/{campaignId}`; the doubled
 * slash is taken as a typo and sent as one, which is the path "Stop Voice Campaign (v2)" (and
 * "Start Voice Campaign (v2)") documents. The voice page writes the prefix without the leading
 * `/campaign`; every other page, "Delete SMS Campaign (v2)" included, has it, so it is kept.
 */
export const stopCampaign = singleCampaignOperation({
	value: 'stop',
	name: 'Stop',
	action: (resource) => `Stop ${resource.label} Campaign`,
	description: (resource) =>
		`Stop a running ${resource.label} campaign (for example an Active or Paused one); it becomes Stopped and sends no more`,
	campaignDescription:
		'The campaign to stop: pick it from the list, or give its ID (cd-...), typed in or mapped with an expression',
	request: ({ pathId, campaignId, resource }) => ({
		method: 'POST',
		path: `/campaign/trigger/${pathId}`,
		qs: { campaignType: resource.campaignType, trigger: 'stop' },
		body: {},
		action: `stop ${resource.label} campaign ${campaignId}`,
	}),
	simplify: (body, { campaignId, resource }) => simplifyTriggerResult(body, campaignId, resource.campaignType),
});
