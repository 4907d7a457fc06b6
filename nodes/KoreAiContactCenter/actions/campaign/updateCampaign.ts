import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateCampaignRequest } from '../../api/campaignPaths';
import { simplifyWrittenCampaign } from '../../output/simplifyCampaignWrite';
import { koreAiRequest } from '../../transport';
import { campaignIdField, optionsField, simplifyField, streamIdOption } from '../common.fields';
import { readCampaignTarget } from '../readInputs';
import type { CampaignResourceInfo, Operation } from '../types';
import { buildCampaignBody } from './campaignBody';
import { asUpdateField } from './campaignFields';

/**
 * Update SMS Campaign and Update Voice Campaign: `PUT /campaign/{id}?accountId=..&campaignType=..`
 * (api/campaignPaths.ts says which `campaignType` and why), body: the fields set under "Update
 * Fields", checked like Create's (campaignBody.ts), plus `campaignType`. Kore.ai's pages show a full body but do not
 * say whether fields left out are kept; only the fields the user set are sent, so nothing else is
 * overwritten with defaults. The calling hours travel as one object: setting any of their fields
 * sends all of them (the others at their defaults).
 *
 * A PUT sets values: repeating it after a lost answer does no harm, so the transport may retry it.
 * The answer is taken as Kore.ai's usual `{status, message, data: {...campaign}}`; if it carries no
 * campaign, the item still has `campaignId`, `campaignType` and the message.
 */
export function updateOperation(fields: INodeProperties[], description: (resource: CampaignResourceInfo) => string): Operation<CampaignResourceInfo> {
	return {
		value: 'update',
		name: 'Update',
		action: (resource) => `Update ${resource.label} Campaign`,
		description,
		properties: [
			{
				...campaignIdField,
				description:
					'The campaign to change: pick it from the list, or give its ID (cd-...), typed in or mapped from the previous node with an expression',
			},
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				description: 'Only the fields added here are sent to Kore.ai; the rest of the campaign stays as it is',
				options: fields.map(asUpdateField).sort((a, b) => a.displayName.localeCompare(b.displayName)),
			},
			simplifyField,
			optionsField([streamIdOption]),
		],

		async execute(this: IExecuteFunctions, itemIndex: number, resource: CampaignResourceInfo): Promise<IDataObject> {
			const { campaignId, streamId } = readCampaignTarget.call(this, itemIndex);
			const values = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
			const body = buildCampaignBody.call(this, itemIndex, resource, { values, mode: 'update' });
			const answer = await koreAiRequest.call(this, itemIndex, updateCampaignRequest(resource.campaignType, campaignId, body, streamId, resource.label));
			if (!this.getNodeParameter('simplify', itemIndex, true)) return answer;
			const flat = simplifyWrittenCampaign(answer, resource.campaignType, campaignId);
			// Only creation leaves a campaign Preparing; an update's answer says nothing about it.
			delete flat.creationInProgress;
			return { ...flat, updated: true, updatedFields: Object.keys(body).filter((key) => key !== 'campaignType') };
		},
	};
}
