import type { IDataObject } from 'n8n-workflow';

import type { CampaignType } from '../api/campaign';
import { put } from './simplifyCampaign';

/**
 * One contact's result from `status?view=contacts` ("Get All Contact Details Of Voice Campaigns
 * (v2)"): `{phoneNumber, uniqueId, dialerOutcome, numberOfAttemptsSoFar, botSessionId,
 * agentDispositionCodes[], botOutboundStatus, botOutboundStatusDetail}`, with the campaign it
 * belongs to first, so a results row can be matched back to the campaign and the CRM record
 * (`uniqueId` is the contact's own ID from the list, when it has one). Each key only when sent;
 * an empty `uniqueId` or `dialerOutcome` (the sample has both) stays as Kore.ai sent it.
 */
export function simplifyContactResult(
	entry: IDataObject,
	campaignId: string,
	campaignType: CampaignType,
): IDataObject {
	const out: IDataObject = { campaignId, campaignType };
	for (const key of [
		'phoneNumber',
		'uniqueId',
		'dialerOutcome',
		'numberOfAttemptsSoFar',
		'botSessionId',
		'agentDispositionCodes',
		'botOutboundStatus',
		'botOutboundStatusDetail',
	]) {
		put(out, key, entry[key]);
	}
	return out;
}
