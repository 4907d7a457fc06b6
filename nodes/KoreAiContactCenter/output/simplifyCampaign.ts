import type { IDataObject } from 'n8n-workflow';

import { objectAt } from '../../../common/text';
import type { CampaignType } from '../api/campaign';

/**
 * Kore.ai's campaign object (`data` in the Delete and Get responses), flattened for the next node.
 *
 * Every field of the documented response is kept under a camelCase name; nesting that only groups
 * one value (`dialingStrategy.callerId.phoneNumber`) is flattened, lists stay lists. Kore.ai sends
 * some fields only for some campaigns (`experienceFlow`, `campaignInstanceId`, the voice dialing
 * settings), so a key is present only when the API sent its value. `priority` is sent as the string
 * "5" although documented as a number: it is given as a number. The SMS text arrives base64-encoded;
 * it is given decoded as `smsText`, next to the original (`smsTextBase64`), when it decodes to text.
 */

export function simplifyCampaign(
	data: IDataObject | undefined,
	campaignType: CampaignType,
): IDataObject {
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
		const text = decodeBase64Text(message.message);
		if (text !== undefined) out.smsText = text;
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
export function simplifyCampaignAnswer(
	body: IDataObject,
	campaignId: string,
	campaignType: CampaignType,
): IDataObject {
	const data = objectAt(body, 'data');
	return {
		...simplifyCampaign(data, campaignType),
		campaignId: data._id ?? campaignId,
		message: body.message,
	};
}

/** Fatal (invalid UTF-8 throws), not streaming: one decoder serves every call. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes Kore.ai's base64 SMS text; undefined when it does not decode to text.
 *
 * - Not base64 at all (spaces, punctuation): returned as it came, since some tenants may store plain
 *   text.
 * - base64 whose bytes are not valid UTF-8, or hold control characters other than tab and line
 *   breaks: undefined, and the caller leaves `smsText` out (`smsTextBase64` keeps the value). A
 *   wrong decoding is worse than none: base64 cut off mid-character (the sample campaign of Kore.ai's
 *   Delete SMS Campaign page is redacted that way) would end in replacement characters and garbage
 *   ("...reply right herq\uFFFDq").
 */
export function decodeBase64Text(value: string): string | undefined {
	// The list endpoint's documented samples end the base64 with a URL-encoded padding ("...Zw%3D%3D").
	const compact = value.replace(/\s+/g, '').replace(/%3D/gi, '=');
	if (compact === '' || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) return value;
	const urlSafe = compact.includes('-') || compact.includes('_');
	let text: string;
	try {
		text = utf8.decode(Buffer.from(compact, urlSafe ? 'base64url' : 'base64'));
	} catch {
		return undefined;
	}
	return /[^\P{Cc}\t\n\r]/u.test(text) ? undefined : text;
}

function toNumber(value: unknown): unknown {
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
		return Number(value);
	return value;
}

export function put(target: IDataObject, key: string, value: unknown): void {
	if (value !== undefined && value !== null) target[key] = value as IDataObject[string];
}
