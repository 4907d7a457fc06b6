import type { IDataObject } from 'n8n-workflow';

import { pathSegment, type IfMissing, type KoreAiRequest } from '../transport';
import type { CampaignType } from './campaign';

/**
 * Every campaign endpoint the node calls, one builder each, named after its entry in the contract
 * (sandbox/contract/endpoints.js): the builder gets what the request names and returns the whole
 * request, so no operation writes a path. Where Kore.ai's pages disagree the choice is made here,
 * once, with its reason. All paths are below `/campaign/api/v2/public/{streamId}` (the transport
 * adds the prefix and `accountId`). A request's `action` words what it does for error sentences:
 * "delete SMS campaign cd-1".
 */

/** The campaign a request names; `streamId` undefined: the credential's App ID. */
export interface CampaignRef {
	campaignId: string;
	type: CampaignType;
	streamId?: string;
}

/** How sentences name a campaign's kind: "SMS campaign", "Voice campaign". */
const KIND: Record<CampaignType, string> = { sms: 'SMS', voice: 'Voice' };

/** The parts every request about one campaign has; `verb` starts its action ("get the status of"). */
function aboutCampaign({ campaignId, type, streamId }: CampaignRef, verb: string) {
	return { streamId, campaignId, action: `${verb} ${KIND[type]} campaign ${campaignId}` };
}

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
 * `deleteCampaign` (delete-sms-campaign-v2.mdx, delete-voice-campaign-v2.mdx):
 * `DELETE /campaign/{id}?accountId=..&campaignType=sms|voice`. Repeating a DELETE cannot delete
 * anything more, so the transport retries it (by method). `ifMissing` words its "not found".
 */
export function deleteCampaignRequest(campaign: CampaignRef, ifMissing?: IfMissing): KoreAiRequest {
	return {
		method: 'DELETE',
		path: `/campaign/${pathSegment(campaign.campaignId)}`,
		qs: { campaignType: campaign.type },
		...aboutCampaign(campaign, 'delete'),
		...(ifMissing === undefined ? {} : { ifMissing }),
	};
}

/**
 * `getCampaign` (get-sms-campaign-by-id-v2.mdx, get-voice-campaign-by-id-v2.mdx): `GET /campaign/{id}?accountId=..`,
 * the same endpoint for both types, without `campaignType` (the pages document none). Get, Update
 * (the read before the write), Wait Until Ready and the delete guards use it; `campaignTypeOf`
 * (campaign.ts) tells the type of what came back. `ifMissing` words its "not found".
 */
export function getCampaignRequest(campaign: CampaignRef, ifMissing?: IfMissing): KoreAiRequest {
	return {
		method: 'GET',
		path: `/campaign/${pathSegment(campaign.campaignId)}`,
		...aboutCampaign(campaign, 'get'),
		...(ifMissing === undefined ? {} : { ifMissing }),
	};
}

/**
 * `campaignStatus` (get-campaign-status-v2.mdx): `POST /campaign/{id}/status?accountId=..&view=status`,
 * body `{}`. The page documents no `campaignType` for it, so none is sent. A read despite POST:
 * repeating it after a lost answer changes nothing.
 */
export function campaignStatusRequest(campaign: CampaignRef): KoreAiRequest {
	return {
		method: 'POST',
		path: `/campaign/${pathSegment(campaign.campaignId)}/status`,
		qs: { view: 'status' },
		body: {},
		idempotent: true,
		...aboutCampaign(campaign, 'get the status of'),
	};
}

/**
 * `campaignResults` (get-all-contact-details-voice-campaigns-v2.mdx): `POST /campaign/{id}/status?view=contacts`,
 * body `{page >= 1, limit 1..100}`. The page shows no `accountId` (the transport sends it, as every
 * v2 endpoint takes it) and no `campaignType`, so none is sent; SMS campaigns use the same endpoint
 * (it is the Get Status endpoint with another view). A read despite POST: safe to repeat.
 */
export function campaignResultsRequest(
	campaign: CampaignRef,
	page: number,
	limit: number,
): KoreAiRequest {
	return {
		method: 'POST',
		path: `/campaign/${pathSegment(campaign.campaignId)}/status`,
		qs: { view: 'contacts' },
		body: { page, limit },
		idempotent: true,
		...aboutCampaign(campaign, 'get the contact results of'),
	};
}

/**
 * `startSmsCampaign`, `startVoiceCampaign` (start-sms-campaign-v2.mdx, start-voice-campaign-v2.mdx):
 * Kore.ai's two Start pages document two paths, and each type follows its own page:
 *   SMS   `POST .../campaign/{campaignId}?campaignType=sms&trigger=play` ("Start SMS Campaign (v2)";
 *         the same path as "Delete SMS Campaign (v2)", with the action in `trigger`)
 *   voice `POST .../campaign/trigger/{campaignId}?accountId=..&campaignType=voice&trigger=play`
 *         ("Start Voice Campaign (v2)", the same path as both Stop pages)
 * under the prefix every other page uses, `/campaign/api/v2/public/{streamId}` (the voice page
 * writes it without the leading `/campaign`, which no other page does). The SMS page leaves out
 * `accountId`; the transport sends it anyway, as every other v2 endpoint requires it. Body `{}`.
 *
 * Not idempotent (a POST): after a try whose answer was lost, a second start could start another
 * run and send the messages twice, so the transport does not repeat it then (transport/retry.ts).
 */
export function startCampaignRequest(campaign: CampaignRef): KoreAiRequest {
	const segment = pathSegment(campaign.campaignId);
	return {
		method: 'POST',
		path: campaign.type === 'sms' ? `/campaign/${segment}` : `/campaign/trigger/${segment}`,
		qs: { campaignType: campaign.type, trigger: 'play' },
		body: {},
		...aboutCampaign(campaign, 'start'),
	};
}

/**
 * `stopSmsCampaign`, `stopVoiceCampaign` (stop-sms-campaign-v2.mdx, stop-voice-campaign-v2.mdx): `POST .../campaign/trigger/{campaignId}?accountId=..&campaignType=sms|voice&trigger=stop`,
 * body `{}`. The "Stop SMS Campaign (v2)" page writes the path `.../campaign//trigger/{campaignId}`;
 * the doubled slash is taken as a typo and sent as one, which is the path "Stop Voice Campaign (v2)"
 * (and "Start Voice Campaign (v2)") documents. The voice page writes the prefix without the leading
 * `/campaign`; every other page, "Delete SMS Campaign (v2)" included, has it, so it is kept.
 */
export function stopCampaignRequest(campaign: CampaignRef): KoreAiRequest {
	return {
		method: 'POST',
		path: `/campaign/trigger/${pathSegment(campaign.campaignId)}`,
		qs: { campaignType: campaign.type, trigger: 'stop' },
		body: {},
		...aboutCampaign(campaign, 'stop'),
	};
}

/**
 * `createCampaign` (create-sms-campaign-without-template-v2.mdx, create-sms-campaign-using-template-v2.mdx,
 * create-sms-campaign-advanced-format-v2.mdx, create-voice-campaign-agentless-v2.mdx):
 * `POST /campaign?accountId=..&campaignType=sms|voice`, the body also carrying `campaignType`. Not idempotent: a second POST after a lost answer would create a second campaign.
 */
export function createCampaignRequest(
	type: CampaignType,
	body: IDataObject,
	streamId: string | undefined,
): KoreAiRequest {
	return {
		method: 'POST',
		path: '/campaign',
		qs: { campaignType: type },
		body,
		streamId,
		idempotent: false,
		action: `create ${KIND[type]} campaign ${String(body.name)}`,
	};
}

/** `updateCampaign` (update-sms-campaign-v2.mdx, update-voice-campaign-v2.mdx): `PUT /campaign/{id}?accountId=..&campaignType=..` (see UPDATE_CAMPAIGN_TYPE). A PUT sets values: repeating it does no harm. */
export function updateCampaignRequest(campaign: CampaignRef, body: IDataObject): KoreAiRequest {
	return {
		method: 'PUT',
		path: `/campaign/${pathSegment(campaign.campaignId)}`,
		qs: { campaignType: UPDATE_CAMPAIGN_TYPE[campaign.type] },
		body: { ...body, campaignType: campaign.type },
		idempotent: true,
		...aboutCampaign(campaign, 'update'),
	};
}

/**
 * `scheduleCampaign` (enable-voice-or-sms-campaign-schedule-daily.mdx, ...-weekly.mdx,
 * disable-voice-or-sms-campaign-schedule.mdx): `POST /campaign/schedule?enableSchedule=true|false&campaignName={name}`,
 * keyed by the campaign's NAME (Kore.ai has no ID form of this endpoint), the same for SMS and voice.
 * Enabling sends `{startDateTime, endDateTime, recurrenceObject}` (`schedule`), disabling `{}`
 * (`schedule` undefined). The pages show no `accountId`; the transport sends it anyway. Repeating
 * either sets the same schedule again, so both are safe to retry.
 */
export function scheduleCampaignRequest(
	campaign: { campaignName: string; type: CampaignType; streamId?: string },
	schedule: IDataObject | undefined,
): KoreAiRequest {
	const enable = schedule !== undefined;
	const named = `${KIND[campaign.type]} campaign "${campaign.campaignName}"`;
	return {
		method: 'POST',
		path: '/campaign/schedule',
		qs: { enableSchedule: enable ? 'true' : 'false', campaignName: campaign.campaignName },
		body: schedule ?? {},
		streamId: campaign.streamId,
		idempotent: true,
		action: `${enable ? 'schedule' : 'unschedule'} ${named}`,
		ifMissing: {
			what: named,
			advice:
				'Kore.ai finds schedules by the exact campaign name: pick the campaign from the list, or check the name (and that it is of this campaign type).',
		},
	};
}

/** What one page of the campaign list asks for. */
export interface ListQuery {
	campaignType: CampaignType;
	limit: number;
	skip: number;
	/** e.g. `{ createdAt: 'desc' }` */
	sortBy?: IDataObject;
	filters?: IDataObject;
	startDate?: string;
	endDate?: string;
	streamId?: string;
}

/**
 * `listCampaigns` (get-all-campaigns-v2.mdx): `POST /campaign/getAllCampaignDetails?accountId=..`,
 * body `{type, limit, skip, page, sortBy, filters, startDate, endDate}`. Kore.ai documents both
 * `skip` and `page` (its sample sends `limit: 100, skip: 0, page: 1`) without saying which one wins,
 * so every request sends both, consistent with each other: the page size stays fixed for a whole
 * listing and `page = skip / limit + 1`. A read sent as POST: repeating it changes nothing.
 */
export function listCampaignsRequest(query: ListQuery): KoreAiRequest {
	const body: IDataObject = {
		type: query.campaignType,
		limit: query.limit,
		skip: query.skip,
		page: Math.floor(query.skip / query.limit) + 1,
	};
	if (query.sortBy) body.sortBy = query.sortBy;
	if (query.filters && Object.keys(query.filters).length > 0) body.filters = query.filters;
	if (query.startDate) body.startDate = query.startDate;
	if (query.endDate) body.endDate = query.endDate;
	return {
		method: 'POST',
		path: '/campaign/getAllCampaignDetails',
		body,
		streamId: query.streamId,
		idempotent: true,
		action: `list ${query.campaignType === 'voice' ? 'voice' : 'SMS'} campaigns`,
	};
}
