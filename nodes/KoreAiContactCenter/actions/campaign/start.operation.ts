import { startCampaignRequest } from '../../api/campaignRequests';
import { simplifyTriggerResult } from '../../output/simplifyResults';
import { singleCampaignOperation } from './singleCampaign';

/**
 * Kore.ai "Start SMS Campaign (v2)", "Start Voice Campaign (v2)": each type on its own page's path,
 * body `{}` (api/campaignRequests.ts, startCampaignRequest), answer `{status: "Active", message:
 * "Campaign Started", updatedAt}`. Not repeated after a try whose answer was lost: a second start
 * could send the messages twice (transport/retry.ts).
 */
export const startCampaign = singleCampaignOperation({
	value: 'start',
	name: 'Start',
	action: (resource) => `Start ${resource.label} Campaign`,
	description: (resource) =>
		`Start (play) ${resource.aCampaign} so it begins sending to its contact lists; the campaign becomes Active`,
	campaignDescription:
		'The campaign to start: pick it from the list, or give its ID (cd-...), typed in or mapped with an expression. Starting sends messages or places calls to real contacts.',
	request: startCampaignRequest,
	simplify: simplifyTriggerResult,
});
