import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyStatusResult } from '../../output/simplifyResults';
import { koreAiRequest } from '../../transport/koreAiRequest';
import { singleCampaignFields } from '../common.fields';
import { readCampaignTarget } from '../readInputs';
import type { CampaignOperation, OperationContext } from '../types';

/**
 * Kore.ai: `POST /campaign/api/v2/public/{streamId}/campaign/{campaignId}/status?accountId=..&view=status`,
 * body `{}`, answer `{status: "success", data: {id, status, name}}` (`status: "failure"` is an error).
 * The page documents no `campaignType` for this endpoint, so none is sent.
 */
export const getCampaignStatus: CampaignOperation = {
	value: 'getStatus',
	name: 'Get Status',
	action: (type) => `Get ${type} Campaign Status`,
	description: (type) =>
		`Get only the current status of a ${type} campaign (e.g. Ready, Active, Paused, Stopped, Completed) with its name; lighter than Get`,
	properties: singleCampaignFields(
		'The campaign whose status to check: pick it from the list, or give its ID (cd-...), typed in or mapped with an expression',
	),

	async execute(this: IExecuteFunctions, itemIndex: number, context: OperationContext): Promise<IDataObject> {
		const { campaignId, streamId } = readCampaignTarget.call(this, itemIndex);

		const response = await koreAiRequest.call(this, itemIndex, {
			method: 'POST',
			path: `/campaign/${encodeURIComponent(campaignId)}/status`,
			qs: { view: 'status' },
			body: {},
			streamId,
			// A read despite POST: repeating it after a lost answer changes nothing.
			idempotent: true,
			action: `get the status of ${context.typeLabel} campaign ${campaignId}`,
			campaignId,
		});

		if (!this.getNodeParameter('simplify', itemIndex, true)) return response;
		return simplifyStatusResult(response, campaignId, context.campaignType);
	},
};
