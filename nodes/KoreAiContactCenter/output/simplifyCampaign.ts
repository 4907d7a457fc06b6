import type { IDataObject } from 'n8n-workflow';

import type { CampaignType } from '../actions/types';

/**
 * Kore.ai's campaign object (`data` in the Delete and Get responses), flattened for the next node.
 *
 * Every field of the documented response is kept under a camelCase name; nesting that only groups
 * one value (`dialingStrategy.callerId.phoneNumber`) is flattened, lists stay lists. Kore.ai sends
 * some fields only for some campaigns (`experienceFlow`, `campaignInstanceId`, the voice dialing
 * settings), so a key is present only when the API sent its value. `priority` is sent as the string
 * "5" although documented as a number: it is given as a number. The SMS text arrives base64-encoded;
 * it is given decoded as `smsText`, next to the original.
 */

export function simplifyCampaign(data: IDataObject | undefined, campaignType: CampaignType): IDataObject {
	const campaign = data ?? {};
	const dialing = objectAt(campaign, 'dialingStrategy');
	const callingHours = objectAt(dialing, 'callingHours');
	const message = objectAt(campaign, 'message');
	const schedule = objectAt(campaign, 'schedule');
	const dnc = objectAt(campaign, 'dncLists');

	const out: IDataObject = {};
	put(out, 'campaignId', campaign._id);
	out.campaignType = campaignType;
	put(out, 'name', campaign.name);
	put(out, 'lowercaseName', campaign.lname);
	put(out, 'description', campaign.description);
	put(out, 'status', campaign.status);
	put(out, 'priority', toNumber(campaign.priority));
	put(out, 'format', campaign.format);
	put(out, 'dialingMode', campaign.dialingMode);
	put(out, 'callerId', objectAt(dialing, 'callerId').phoneNumber);
	put(out, 'callingFrequency', callingHours.frequency);
	put(out, 'callingTimezone', callingHours.timezone);
	if (Array.isArray(callingHours.days)) {
		out.callingDays = callingHours.days
			.filter((day): day is IDataObject => !!day && typeof day === 'object')
			.map((day) => ({ day: day.day, start: day.start, end: day.end }));
	}
	put(out, 'dialingOrder', dialing.dialingOrder);
	put(out, 'maxAttemptsPerRecord', dialing.maxAttemptsPerRecord);
	put(out, 'defaultRetryPeriod', dialing.defaultRetryPeriod);
	put(out, 'maxRingTime', dialing.maxRingTime);
	put(out, 'templateName', message.template_name);
	put(out, 'templateId', message.templateId);
	if (typeof message.message === 'string') {
		out.smsText = decodeBase64Text(message.message);
		out.smsTextBase64 = message.message;
	}
	put(out, 'dncList', dnc.name);
	put(out, 'dncListId', dnc.id);
	if (Array.isArray(campaign.contactLists)) out.contactLists = campaign.contactLists;
	put(out, 'schedulingEnabled', schedule.isSchedulingEnabled);
	put(out, 'recurrenceEnabled', schedule.isRecurrenceEnabled);
	put(out, 'imported', campaign.isImported);
	put(out, 'filtersEnabled', campaign.isFiltersEnabled);
	put(out, 'experienceFlow', campaign.experienceFlow);
	put(out, 'campaignInstanceId', campaign.campaignInstanceId);
	put(out, 'createdAt', campaign.createdAt);
	put(out, 'updatedAt', campaign.updatedAt);
	return out;
}

/**
 * Get's and Delete's answer, `{status, message, data: {...campaign}}`, as one flat item: the
 * campaign, its ID (the one asked for when Kore.ai's `data` has none), and Kore.ai's message.
 */
export function simplifyCampaignAnswer(body: IDataObject, campaignId: string, campaignType: CampaignType): IDataObject {
	const data = objectAt(body, 'data');
	return { ...simplifyCampaign(data, campaignType), campaignId: data._id ?? campaignId, message: body.message };
}

/** Not fatal, not streaming: one decoder serves every call. */
const utf8 = new TextDecoder('utf-8');

/**
 * Decodes Kore.ai's base64 SMS text. A value that is not base64, or whose decoding is not text, is
 * returned as it came: some tenants may store plain text, and a wrong decoding is worse than none.
 * "Not text" means more than 1 in 20 characters are invalid UTF-8 or control characters; a few are
 * tolerated (shown as U+FFFD) because the documented sample itself is redacted mid-sequence.
 */
export function decodeBase64Text(value: string): string {
	// The list endpoint's documented samples end the base64 with a URL-encoded padding ("...Zw%3D%3D").
	const compact = value.replace(/\s+/g, '').replace(/%3D/gi, '=');
	if (compact === '' || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) return value;
	const urlSafe = compact.includes('-') || compact.includes('_');
	const decoded = utf8.decode(Buffer.from(compact, urlSafe ? 'base64url' : 'base64'));
	const text = decoded.replace(/[^\P{Cc}\t\n\r]/gu, '\uFFFD');
	const unreadable = (text.match(/\uFFFD/g) ?? []).length;
	return unreadable * 20 > text.length ? value : text;
}

function toNumber(value: unknown): unknown {
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
	return value;
}

export function objectAt(source: IDataObject, key: string): IDataObject {
	const value = source[key];
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

export function put(target: IDataObject, key: string, value: unknown): void {
	if (value !== undefined && value !== null) target[key] = value as IDataObject[string];
}
