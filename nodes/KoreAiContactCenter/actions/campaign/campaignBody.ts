import type { IDataObject } from 'n8n-workflow';

import { isObject, objectAt } from '../../../../common/text';
import type { CampaignType } from '../../api/campaign';
import {
	changeCallingHours,
	daysOf,
	newCallingHours,
	type CallingHoursChange,
	type TimeOfDay,
} from './callingHours';
import type { CampaignValues } from './campaignValues';
import { decodeBase64Text } from '../../output/simplifyCampaign';
import { MESSAGE, SETTINGS, type CampaignSetting } from './settings';

/**
 * Kore.ai's create and update bodies, from checked values (campaignValues.ts) and the settings'
 * paths (settings/). Create sends every documented field (defaults where Kore.ai documents one).
 * Update sends the complete documented body too: the campaign as Get gave it, with only what the
 * user changed replaced. Kore.ai's update pages do not say whether a PUT merges or replaces; a
 * complete body is right either way (sandbox/contract/endpoints.js, `updateCampaign`).
 */

export function getAt(source: IDataObject, path: string[]): unknown {
	let current: unknown = source;
	for (const key of path) current = isObject(current) ? current[key] : undefined;
	return current;
}

function setAt(target: IDataObject, path: string[], value: unknown): void {
	let current = target;
	for (const key of path.slice(0, -1)) {
		if (!isObject(current[key])) current[key] = {};
		current = current[key] as IDataObject;
	}
	current[path[path.length - 1]] = value as IDataObject[string];
}

/** UTF-8 text as base64, as Kore.ai keeps SMS text (`message.message`). */
export function encodeSmsText(text: string): string {
	return Buffer.from(text, 'utf8').toString('base64');
}

const given = (values: CampaignValues, names: string[]) =>
	names.some((name) => values[name] !== undefined);

/** The settings with a path that `type` offers, their values set into `body`. */
function applyPaths(
	body: IDataObject,
	type: CampaignType,
	values: CampaignValues,
	offered: (s: CampaignSetting) => boolean,
): void {
	for (const setting of SETTINGS) {
		const value = values[setting.field.name];
		if (!setting.path || value === undefined || !offered(setting)) continue;
		setAt(body, setting.path, setting.toBody ? setting.toBody(value) : value);
	}
}

/** Create SMS / Voice Campaign's body (create-sms-campaign-*-v2.mdx, create-voice-campaign-agentless-v2.mdx). */
export function createBody(type: CampaignType, values: CampaignValues): IDataObject {
	const body: IDataObject = {
		dialingStrategy: {
			callingHours: newCallingHours(
				values.callingDays as string[],
				values.callingStart as TimeOfDay,
				values.callingEnd as TimeOfDay,
				values.callingTimezone as string,
				values.callingFrequency as string,
			),
		},
	};
	applyPaths(body, type, values, (setting) => setting.create[type] !== undefined);
	if (type === 'sms') {
		const message: IDataObject = { message: encodeSmsText(values.messageText as string) };
		if (values.messageSource === 'template') {
			message.template_name = values.templateName as string;
			if (values.templateId !== undefined) message.templateId = values.templateId as string;
		}
		body.message = message;
	} else {
		// This node creates agentless campaigns (the bot talks): the other modes need agent queues.
		body.dialingMode = 'Agentless';
	}
	// Kore.ai's samples create campaigns unscheduled; Schedule turns scheduling on afterwards.
	body.schedule = { isSchedulingEnabled: false };
	body.campaignType = type;
	return body;
}

function pick(source: unknown, keys: string[]): IDataObject | undefined {
	if (!isObject(source)) return undefined;
	const out: IDataObject = {};
	for (const key of keys)
		if (source[key] !== undefined && source[key] !== null) out[key] = source[key];
	return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The documented update body of a campaign as Get gave it (update-sms-campaign-v2.mdx,
 * update-voice-campaign-v2.mdx): every setting Update offers for the type, read at its path, and
 * what is no single setting: the calling days, the SMS message, the schedule flags, the dialing mode.
 * A setting added to settings/ is carried over here by its path, with nothing more to write.
 */
function documentedBody(type: CampaignType, doc: IDataObject): IDataObject {
	const body: IDataObject = { campaignType: type };
	for (const setting of SETTINGS) {
		if (!setting.path || !setting.update.includes(type)) continue;
		const value = getAt(doc, setting.path);
		if (value === undefined || value === null) continue;
		setAt(body, setting.path, setting.toBody ? setting.toBody(value) : value);
	}
	const hours = getAt(doc, ['dialingStrategy', 'callingHours']);
	setAt(body, ['dialingStrategy', 'callingHours', 'days'], daysOf(isObject(hours) ? hours : {}));
	const schedule = pick(doc.schedule, ['isSchedulingEnabled', 'isRecurrenceEnabled']);
	if (schedule) body.schedule = schedule;
	if (type === 'sms') {
		const message = pick(doc.message, ['message', 'template_name', 'templateId']);
		if (message) body.message = message;
	} else if (typeof doc.dialingMode === 'string') {
		body.dialingMode = doc.dialingMode;
	}
	return body;
}

/** A setting's value in a body, to tell what changed (a calling window: the distinct times of its days). */
function valueIn(body: IDataObject, setting: CampaignSetting): unknown {
	if (setting.path) return getAt(body, setting.path);
	const days = daysOf((getAt(body, ['dialingStrategy', 'callingHours']) as IDataObject) ?? {});
	const distinct = (list: string[]) =>
		[...new Set(list)].length === 1 ? list[0] : [...new Set(list)];
	switch (setting.field.name) {
		case 'callingDays':
			return days.map((window) => window.day);
		case 'callingStart':
			return distinct(days.map((window) => window.start));
		case 'callingEnd':
			return distinct(days.map((window) => window.end));
		case 'messageText': {
			const encoded = getAt(body, ['message', 'message']);
			return typeof encoded === 'string' ? decodeBase64Text(encoded) : encoded;
		}
		case 'templateName':
			return getAt(body, ['message', 'template_name']);
		case 'templateId':
			return getAt(body, ['message', 'templateId']);
		default:
			return undefined;
	}
}

interface UpdatePlan {
	body: IDataObject;
	/** Setting name -> { from, to }, for the settings whose value changes. */
	changes: IDataObject;
}

/** The complete update body: the campaign as read (`current`, Get's `data`), with only `values` replaced. */
export function updateBody(
	type: CampaignType,
	current: IDataObject,
	values: CampaignValues,
): UpdatePlan {
	const before = documentedBody(type, current);
	const body = JSON.parse(JSON.stringify(before)) as IDataObject;
	if (given(values, ['callingDays', 'callingStart', 'callingEnd'])) {
		const change: CallingHoursChange = {
			days: values.callingDays as string[] | undefined,
			start: values.callingStart as TimeOfDay | undefined,
			end: values.callingEnd as TimeOfDay | undefined,
		};
		setAt(
			body,
			['dialingStrategy', 'callingHours'],
			changeCallingHours(getAt(body, ['dialingStrategy', 'callingHours']) as IDataObject, change),
		);
	}
	applyPaths(body, type, values, (setting) => setting.update.includes(type));
	if (given(values, MESSAGE)) {
		const message: IDataObject = { ...objectAt(body, 'message') };
		if (values.messageText !== undefined)
			message.message = encodeSmsText(values.messageText as string);
		if (values.templateName !== undefined) message.template_name = values.templateName as string;
		if (values.templateId !== undefined) message.templateId = values.templateId as string;
		body.message = message;
	}
	const changes: IDataObject = {};
	for (const setting of SETTINGS) {
		const name = setting.field.name;
		if (values[name] === undefined) continue;
		const from = valueIn(before, setting);
		const to = valueIn(body, setting);
		if (JSON.stringify(from) !== JSON.stringify(to))
			changes[name] = { from: from as IDataObject[string], to: to as IDataObject[string] };
	}
	return { body, changes };
}
