import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyCampaign } from '../../output/simplifyCampaign';
import { koreAiRequest } from '../../transport/koreAiRequest';
import { campaignIdField, optionsField, simplifyField, streamIdOption } from '../common.fields';
import { readCampaignId, readStreamId } from '../readInputs';
import type { CampaignOperation, OperationContext } from '../types';

/**
 * Kore.ai: `DELETE /campaign/api/v2/public/{streamId}/campaign/{campaignId}?accountId=..&campaignType=sms|voice`.
 * Deletion is permanent: Kore.ai has no undo and answers with the deleted campaign's details, which
 * become the output item. Deleting a campaign a second time answers "not found".
 */
export const deleteCampaign: CampaignOperation = {
	value: 'delete',
	name: 'Delete',
	action: (type) => `Delete ${type} Campaign`,
	description: (type) => `Permanently delete a ${type} campaign and return its details`,
	properties: [
		{
			...campaignIdField,
			description:
				'The campaign to delete: its ID, typed in or mapped from the previous node with an expression. Deletion is permanent and cannot be undone.',
		},
		simplifyField,
		optionsField([streamIdOption]),
	],

	async execute(this: IExecuteFunctions, itemIndex: number, context: OperationContext): Promise<IDataObject> {
		const campaignId = readCampaignId.call(this, itemIndex);
		const streamId = readStreamId.call(this, itemIndex);

		const response = await koreAiRequest.call(this, itemIndex, {
			method: 'DELETE',
			path: `/campaign/${encodeURIComponent(campaignId)}`,
			qs: { campaignType: context.campaignType },
			streamId,
			action: `delete ${context.typeLabel} campaign ${campaignId}`,
			campaignId,
		});

		if (!this.getNodeParameter('simplify', itemIndex, true)) return response;
		return {
			deleted: true,
			...simplifyCampaign(response.data as IDataObject | undefined, context.campaignType),
			campaignId: (response.data as IDataObject | undefined)?._id ?? campaignId,
			message: response.message,
		};
	},
};
