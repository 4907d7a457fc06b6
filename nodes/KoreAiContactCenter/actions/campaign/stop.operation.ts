import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyTriggerResult } from '../../output/simplifyResults';
import { koreAiRequest } from '../../transport/koreAiRequest';
import { singleCampaignFields } from '../common.fields';
import { readCampaignTarget } from '../readInputs';
import type { CampaignOperation, OperationContext } from '../types';

/**
 * Kore.ai: `POST /campaign/api/v2/public/{streamId}/campaign/trigger/{campaignId}?accountId=..&campaignType=sms|voice&trigger=stop`,
 * body `{}`, answer `{status: "Stopped", message: "Campaign Stopped", updatedAt, campaignExecutionType}`.
 *
 * The Stop SMS page writes the path `.../campaign//trigger/{campaignId}`; the doubled slash is taken
 * as a typo and sent as one, which is the path the Stop Voice page (and Start Voice) documents.
 * The voice page writes the prefix without the leading `/campaign`; every other page, the seed's
 * Delete included, has it, so it is kept.
 */
export const stopCampaign: CampaignOperation = {
	value: 'stop',
	name: 'Stop',
	action: (type) => `Stop ${type} Campaign`,
	description: (type) =>
		`Stop a running ${type} campaign (for example an Active or Paused one); it becomes Stopped and sends no more`,
	properties: singleCampaignFields(
		'The campaign to stop: pick it from the list, or give its ID (cd-...), typed in or mapped with an expression',
	),

	async execute(this: IExecuteFunctions, itemIndex: number, context: OperationContext): Promise<IDataObject> {
		const { campaignId, streamId } = readCampaignTarget.call(this, itemIndex);

		const response = await koreAiRequest.call(this, itemIndex, {
			method: 'POST',
			path: `/campaign/trigger/${encodeURIComponent(campaignId)}`,
			qs: { campaignType: context.campaignType, trigger: 'stop' },
			body: {},
			streamId,
			action: `stop ${context.typeLabel} campaign ${campaignId}`,
			campaignId,
		});

		if (!this.getNodeParameter('simplify', itemIndex, true)) return response;
		return simplifyTriggerResult(response, campaignId, context.campaignType);
	},
};
