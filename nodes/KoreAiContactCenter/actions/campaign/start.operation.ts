import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyTriggerResult } from '../../output/simplifyResults';
import { koreAiRequest } from '../../transport/koreAiRequest';
import { singleCampaignFields } from '../common.fields';
import { readCampaignTarget } from '../readInputs';
import type { CampaignOperation, OperationContext } from '../types';

/**
 * Kore.ai's two Start pages document two paths; each type follows its own page:
 *   SMS   `POST .../campaign/{campaignId}?campaignType=sms&trigger=play` (Start SMS Campaign v2;
 *         the same path as the seed's Delete, with the action in `trigger`)
 *   voice `POST .../campaign/trigger/{campaignId}?accountId=..&campaignType=voice&trigger=play`
 *         (Start Voice Campaign v2, the same path as both Stop pages)
 * under the prefix every other page uses, `/campaign/api/v2/public/{streamId}` (the voice page
 * writes it without the leading `/campaign`, which no other page does). The SMS page leaves out
 * `accountId`; the transport sends it anyway, as every other v2 endpoint requires it.
 * Body `{}`. Answer `{status: "Active", message: "Campaign Started", updatedAt}`.
 */
export const startCampaign: CampaignOperation = {
	value: 'start',
	name: 'Start',
	action: (type) => `Start ${type} Campaign`,
	description: (type) =>
		`Start (play) a ${type} campaign so it begins sending to its contact lists; the campaign becomes Active`,
	properties: singleCampaignFields(
		'The campaign to start: pick it from the list, or give its ID (cd-...), typed in or mapped with an expression. Starting sends messages or places calls to real contacts.',
	),

	async execute(this: IExecuteFunctions, itemIndex: number, context: OperationContext): Promise<IDataObject> {
		const { campaignId, streamId } = readCampaignTarget.call(this, itemIndex);
		const id = encodeURIComponent(campaignId);

		const response = await koreAiRequest.call(this, itemIndex, {
			method: 'POST',
			path: context.campaignType === 'sms' ? `/campaign/${id}` : `/campaign/trigger/${id}`,
			qs: { campaignType: context.campaignType, trigger: 'play' },
			body: {},
			streamId,
			action: `start ${context.typeLabel} campaign ${campaignId}`,
			campaignId,
		});

		if (!this.getNodeParameter('simplify', itemIndex, true)) return response;
		return simplifyTriggerResult(response, campaignId, context.campaignType);
	},
};
