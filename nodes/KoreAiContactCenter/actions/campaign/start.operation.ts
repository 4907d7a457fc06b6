import { simplifyTriggerResult } from '../../output/simplifyResults';
import { singleCampaignOperation } from './singleCampaign';

/**
 * Kore.ai's two Start pages document two paths; each type follows its own page:
 *   SMS   `POST .../campaign/{campaignId}?campaignType=sms&trigger=play` ("Start SMS Campaign (v2)";
 *         the same path as "Delete SMS Campaign (v2)", with the action in `trigger`)
 *   voice `POST .../campaign/trigger/{campaignId}?accountId=..&campaignType=voice&trigger=play`
 *         ("Start Voice Campaign (v2)", the same path as both Stop pages)
 * under the prefix every other page uses, `/campaign/api/v2/public/{streamId}` (the voice page
 * writes it without the leading `/campaign`, which no other page does). The SMS page leaves out
 * `accountId`; the transport sends it anyway, as every other v2 endpoint requires it.
 * Body `{}`. Answer `{status: "Active", message: "Campaign Started", updatedAt}`.
 *
 * Not idempotent: after a try whose answer was lost, a second start could start another run and
 * send the messages twice, so the transport does not repeat it then (see transport/retry.ts).
 */
export const startCampaign = singleCampaignOperation({
	value: 'start',
	name: 'Start',
	action: (resource) => `Start ${resource.label} Campaign`,
	description: (resource) =>
		`Start (play) ${resource.aCampaign} so it begins sending to its contact lists; the campaign becomes Active`,
	campaignDescription:
		'The campaign to start: pick it from the list, or give its ID (cd-...), typed in or mapped with an expression. Starting sends messages or places calls to real contacts.',
	request: ({ pathId, campaignId, resource }) => ({
		method: 'POST',
		path: resource.campaignType === 'sms' ? `/campaign/${pathId}` : `/campaign/trigger/${pathId}`,
		qs: { campaignType: resource.campaignType, trigger: 'play' },
		body: {},
		action: `start ${resource.label} campaign ${campaignId}`,
	}),
	simplify: (body, { campaignId, resource }) => simplifyTriggerResult(body, campaignId, resource.campaignType),
});
