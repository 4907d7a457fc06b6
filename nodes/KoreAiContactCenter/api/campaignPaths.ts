import type { IDataObject } from 'n8n-workflow';

import type { CampaignType } from './campaign';
import type { KoreAiRequest } from '../transport';

/**
 * Where Kore.ai's pages disagree about the campaign endpoints used by Create, Update, Get Results,
 * Schedule and Wait Until Ready, the choice is made here, once, so it is easy to change.
 * All paths are below `/campaign/api/v2/public/{streamId}` (the transport adds the prefix and
 * `accountId`).
 */

/**
 * `campaignType` sent when updating a campaign.
 *
 * "Update SMS Campaign (v2)": `PUT /campaign/{id}?accountId=..&campaignType=sms`.
 * "Update Voice Campaign (v2)": its endpoint line and its curl sample say `campaignType=sms`,
 * its parameter table says `voice`. We send `voice` for voice campaigns: every other voice page
 * (create, delete, start, stop) uses `voice`, the same page's body carries `"campaignType": "voice"`,
 * and on the Delete path ("Delete SMS Campaign (v2)") `campaignType` selects which kind of campaign the ID is looked
 * up as, so `sms` could make Kore.ai look for an SMS campaign with a voice campaign's ID.
 * To follow the endpoint line instead, change `voice: 'voice'` to `voice: 'sms'`.
 */
const UPDATE_CAMPAIGN_TYPE: Record<CampaignType, CampaignType> = { sms: 'sms', voice: 'voice' };

/**
 * "Create SMS Campaign (v2)" (with or without template) and "Create Voice Campaign - Agentless (v2)":
 * `POST /campaign?accountId=..&campaignType=sms|voice`, the body also carrying `campaignType`.
 * Not idempotent: a second POST after a lost answer would create a second campaign.
 */
export function createCampaignRequest(campaignType: CampaignType, body: IDataObject, streamId: string | undefined, label: string): KoreAiRequest {
	return {
		method: 'POST',
		path: '/campaign',
		qs: { campaignType },
		body,
		streamId,
		idempotent: false,
		action: `create ${label} campaign ${String(body.name)}`,
	};
}

/** `PUT /campaign/{id}?accountId=..&campaignType=..` (see UPDATE_CAMPAIGN_TYPE). A PUT sets values: repeating it does no harm. */
export function updateCampaignRequest(
	campaignType: CampaignType,
	campaignId: string,
	body: IDataObject,
	streamId: string | undefined,
	label: string,
): KoreAiRequest {
	return {
		method: 'PUT',
		path: `/campaign/${encodeURIComponent(campaignId)}`,
		qs: { campaignType: UPDATE_CAMPAIGN_TYPE[campaignType] },
		body: { ...body, campaignType },
		streamId,
		campaignId,
		idempotent: true,
		action: `update ${label} campaign ${campaignId}`,
	};
}

/**
 * "Get SMS Campaign API (v2)", "Get Voice Campaign API (v2)": `GET /campaign/{id}?accountId=..`, the
 * same endpoint for both types, without `campaignType` (the pages document none). Get, Update (the
 * read before the write), Wait Until Ready and the delete guards use it; `campaignTypeOf`
 * (campaign.ts) tells the type of what came back.
 */
export function getCampaignRequest(campaignId: string, streamId: string | undefined, label: string): KoreAiRequest {
	return {
		method: 'GET',
		path: `/campaign/${encodeURIComponent(campaignId)}`,
		streamId,
		campaignId,
		action: `get ${label} campaign ${campaignId}`,
	};
}

/**
 * "Get All Contact Details Of Voice Campaigns (v2)": `POST /campaign/{id}/status?view=contacts`,
 * body `{page >= 1, limit 1..100}`. The page shows no `accountId` (the transport sends it, as every
 * v2 endpoint takes it) and no `campaignType`, so none is sent; SMS campaigns use the same endpoint
 * (it is the Get Status endpoint with another view). A read despite POST: safe to repeat.
 */
export function contactResultsRequest(
	campaignId: string,
	page: number,
	limit: number,
	streamId: string | undefined,
	label: string,
): KoreAiRequest {
	return {
		method: 'POST',
		path: `/campaign/${encodeURIComponent(campaignId)}/status`,
		qs: { view: 'contacts' },
		body: { page, limit },
		streamId,
		campaignId,
		idempotent: true,
		action: `get the contact results of ${label} campaign ${campaignId}`,
	};
}

/**
 * "Enable Daily/Weekly Scheduling of Voice or SMS Campaigns" and "Disable a Scheduled Voice or SMS
 * Campaign": `POST /campaign/schedule?enableSchedule=true|false&campaignName={name}`, keyed by the
 * campaign's NAME (Kore.ai has no ID form of this endpoint), the same for SMS and voice. Enabling
 * sends `{startDateTime, endDateTime, recurrenceObject}`, disabling `{}`. The pages show no
 * `accountId`; the transport sends it anyway. Repeating either sets the same schedule again, so
 * both are safe to retry.
 */
export function scheduleRequest(
	enable: boolean,
	campaignName: string,
	body: IDataObject,
	streamId: string | undefined,
	label: string,
): KoreAiRequest {
	return {
		method: 'POST',
		path: '/campaign/schedule',
		qs: { enableSchedule: enable ? 'true' : 'false', campaignName },
		body,
		streamId,
		idempotent: true,
		action: `${enable ? 'schedule' : 'unschedule'} ${label} campaign "${campaignName}"`,
		ifMissing: {
			what: `${label} campaign "${campaignName}"`,
			advice: 'Kore.ai finds schedules by the exact campaign name: pick the campaign from the list, or check the name (and that it is of this campaign type).',
		},
	};
}
