import type { IDataObject } from 'n8n-workflow';

import type { CampaignType } from '../api/campaign';
import { objectAt } from '../../../common/text';
import { put, simplifyCampaign } from './simplifyCampaign';

/**
 * The other answers Kore.ai gives, flattened the same way as a campaign (simplifyCampaign):
 * `campaignId` and `campaignType` first, then what Kore.ai sent, each key only when it was sent.
 */

/**
 * One entry of the list endpoint (`getAllCampaignDetails`): the campaign's fields as Get and
 * Delete give them, plus the counters only the list shows. The documented SMS entries name the ID
 * `id`, the voice entries `_id`; both become `campaignId`.
 */
export function simplifyListedCampaign(
	entry: IDataObject,
	campaignType: CampaignType,
): IDataObject {
	const out = simplifyCampaign({ ...entry, _id: entry._id ?? entry.id }, campaignType);
	put(out, 'totalMessagesSent', entry.totalMessagesSent);
	put(out, 'campaignExecutionType', entry.campaignExecutionType);
	put(out, 'campaignInstanceUpdatedAt', entry.campaignInstanceUpdatedAt);
	put(out, 'connection', entry.connection);
	return out;
}

/**
 * Start and Stop answer the campaign's new state, not the campaign:
 * `{status: "Active", message: "Campaign Started", updatedAt}` (voice adds `totalCallsCompleted`
 * and `campaignInstanceId`; SMS stop adds `campaignExecutionType`).
 */
export function simplifyTriggerResult(
	body: IDataObject,
	campaignId: string,
	campaignType: CampaignType,
): IDataObject {
	const out: IDataObject = { campaignId, campaignType };
	put(out, 'status', body.status);
	put(out, 'message', body.message);
	put(out, 'updatedAt', body.updatedAt);
	put(out, 'campaignInstanceId', body.campaignInstanceId);
	put(out, 'campaignExecutionType', body.campaignExecutionType);
	put(out, 'totalCallsCompleted', body.totalCallsCompleted);
	return out;
}

/** Get Status answers `{status: "success", data: {id, status, name}}`: the campaign's status is `data.status`. */
export function simplifyStatusResult(
	body: IDataObject,
	campaignId: string,
	campaignType: CampaignType,
): IDataObject {
	const data = objectAt(body, 'data');
	const out: IDataObject = {
		campaignId: typeof data.id === 'string' && data.id !== '' ? data.id : campaignId,
		campaignType,
	};
	put(out, 'name', data.name);
	put(out, 'status', data.status);
	put(out, 'message', body.message);
	return out;
}
