import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { objectAt } from '../../../../common/text';
import { campaignTypeOf } from '../../api/campaign';
import { getCampaignRequest } from '../../api/campaignRequests';
import { koreAiRequestOrNotFound, type IfMissing, type NotFound } from '../../transport';
import type { CampaignResourceInfo } from '../types';

/**
 * Kore.ai's Get answers for an ID whatever the campaign's type (its pages take no `campaignType`):
 * an SMS operation given a voice campaign's ID would act on the wrong kind of campaign. The type of
 * what came back is checked here, once, for every operation that reads a campaign.
 */
export function checkCampaignType(
	this: IExecuteFunctions,
	itemIndex: number,
	campaignId: string,
	data: IDataObject,
	resource: CampaignResourceInfo,
): void {
	const type = campaignTypeOf(data);
	if (type === undefined || type === resource.campaignType) return;
	const actual = type === 'voice' ? 'a voice' : 'an SMS';
	throw new NodeOperationError(
		this.getNode(),
		`Campaign ${campaignId} is ${actual} campaign, not ${resource.campaignType === 'voice' ? 'a voice' : 'an SMS'} campaign: choose ${type === 'voice' ? 'Voice' : 'SMS'} Campaign as the Resource.`,
		{ itemIndex },
	);
}

/** Kore.ai's Get answer for the campaign, and its `data`, of the resource's type. */
export async function readCampaign(
	this: IExecuteFunctions,
	itemIndex: number,
	campaign: { campaignId: string; streamId?: string; resource: CampaignResourceInfo },
): Promise<{ body: IDataObject; data: IDataObject }> {
	const result = await readCampaignOrNotFound.call(this, itemIndex, campaign);
	if (!result.found) throw result.error;
	return { body: result.body, data: result.data };
}

/**
 * Like readCampaign, but a campaign Kore.ai does not find is a result rather than an error (Delete's
 * guards read first, and Treat Missing Campaigns as Deleted decides what "not found" means there).
 * A campaign of the other type is still refused by the type check: it exists, so it is not missing.
 * `ifMissing` words the "not found" the caller may raise (Delete's names its option).
 */
export async function readCampaignOrNotFound(
	this: IExecuteFunctions,
	itemIndex: number,
	campaign: { campaignId: string; streamId?: string; resource: CampaignResourceInfo },
	ifMissing?: IfMissing,
): Promise<{ found: true; body: IDataObject; data: IDataObject } | NotFound> {
	const { campaignId, streamId, resource } = campaign;
	const request = getCampaignRequest(
		{ campaignId, type: resource.campaignType, streamId },
		ifMissing,
	);
	const result = await koreAiRequestOrNotFound.call(this, itemIndex, request);
	if (!result.found) return result;
	const data = objectAt(result.body, 'data');
	checkCampaignType.call(this, itemIndex, campaignId, data, resource);
	return { found: true, body: result.body, data };
}
