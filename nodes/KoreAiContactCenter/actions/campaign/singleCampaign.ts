import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { objectAt } from '../../../../common/text';
import type { CampaignType } from '../../api/campaign';
import type { CampaignRef } from '../../api/campaignRequests';
import { koreAiRequest, type KoreAiRequest } from '../../transport';
import { singleCampaignFields } from '../common.fields';
import { readCampaignTarget } from '../readInputs';
import type { CampaignResourceInfo, Operation } from '../types';

/**
 * The shape most campaign operations share: one campaign (the Campaign picker or an ID), one
 * request to Kore.ai, and Kore.ai's answer either as it came (Simplify off) or flattened.
 * Get, Start, Stop and Get Status are a few declarative lines each on top of this.
 */
interface SingleCampaignSpec {
	value: string;
	name: string;
	action: (resource: CampaignResourceInfo) => string;
	description: (resource: CampaignResourceInfo) => string;
	/** The Campaign field's description for this operation. */
	campaignDescription: string;
	/** Options of this operation, shown before the request options. */
	ownOptions?: INodeProperties[];
	/** The operation's endpoint: a builder of api/campaignRequests.ts. */
	request: (campaign: CampaignRef) => KoreAiRequest;
	/** A check of Kore.ai's answer that throws when it does not fit (Get: the campaign's type). */
	verify?: (
		this: IExecuteFunctions,
		itemIndex: number,
		campaignId: string,
		data: IDataObject,
		resource: CampaignResourceInfo,
	) => void;
	/** Kore.ai's answer flattened for the next node (Simplify on). */
	simplify: (body: IDataObject, campaignId: string, campaignType: CampaignType) => IDataObject;
}

export function singleCampaignOperation(spec: SingleCampaignSpec): Operation<CampaignResourceInfo> {
	return {
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		properties: singleCampaignFields(spec.campaignDescription, spec.ownOptions),

		async execute(
			this: IExecuteFunctions,
			itemIndex: number,
			resource: CampaignResourceInfo,
		): Promise<IDataObject> {
			const { campaignId, streamId } = readCampaignTarget.call(this, itemIndex);
			const body = await koreAiRequest.call(
				this,
				itemIndex,
				spec.request({ campaignId, type: resource.campaignType, streamId }),
			);
			spec.verify?.call(this, itemIndex, campaignId, objectAt(body, 'data'), resource);
			if (!this.getNodeParameter('simplify', itemIndex, true)) return body;
			return spec.simplify(body, campaignId, resource.campaignType);
		},
	};
}
