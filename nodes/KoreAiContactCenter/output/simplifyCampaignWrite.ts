import type { IDataObject } from 'n8n-workflow';

import { PREPARING, type CampaignType } from '../api/campaign';
import { objectAt } from '../../../common/text';
import { put, simplifyCampaign } from './simplifyCampaign';

/**
 * The answers to Create, Update, Schedule and Unschedule, flattened like a campaign (simplifyCampaign).
 */

/**
 * Create and Update answer `{status: "success", message, data: {...campaign}}`. The create answer's
 * campaign carries its ID as `id` (not `_id` as Get does) and `status: "Preparing"`: Kore.ai is
 * still creating it ("... creation in progress"). `creationInProgress` says so in one boolean.
 * Voice answers give `enableMachineDetect` as a boolean (the request sent no/detect/disconnect).
 */
export function simplifyWrittenCampaign(
	body: IDataObject,
	campaignType: CampaignType,
	campaignId?: string,
): IDataObject {
	const data = objectAt(body, 'data');
	const out = simplifyCampaign({ ...data, _id: data._id ?? data.id ?? campaignId }, campaignType);
	put(out, 'machineDetection', data.enableMachineDetect);
	put(out, 'message', body.message);
	out.creationInProgress = out.status === PREPARING;
	return out;
}

/** Schedule and Unschedule answer `{status: "success", message, id}`. */
export function simplifyScheduleAnswer(
	body: IDataObject,
	campaign: { campaignId?: string; campaignName: string; campaignType: CampaignType },
	schedule: IDataObject,
): IDataObject {
	const out: IDataObject = {};
	put(
		out,
		'campaignId',
		typeof body.id === 'string' && body.id !== '' ? body.id : campaign.campaignId,
	);
	out.campaignType = campaign.campaignType;
	out.campaignName = campaign.campaignName;
	Object.assign(out, schedule);
	put(out, 'message', body.message);
	return out;
}
