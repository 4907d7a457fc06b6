import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { IANAZone } from 'luxon';

import { checkPhoneNumber } from '../../../../common/phoneNumbers';
import { charCount, describeType, visible } from '../../../../common/text';
import { CONTACT_LIST_LIMITS } from '../../api/contactLists';
import type { CampaignResourceInfo } from '../types';
import { CALLING_HOURS_NAMES, DAYS, MAX_DESCRIPTION, MAX_NAME } from './campaignFields';

/**
 * Kore.ai's body for Create and Update, from the fields of campaignFields.ts. Every value is
 * checked against what Kore.ai's create pages document (names at most 48 characters, descriptions
 * 256, priority "1".."5", the voice dialing ranges) before anything is sent, with a sentence naming
 * the field and the item.
 *
 * Kore.ai's bodies ("Create SMS Campaign (v2)", with and without template, "Create Voice Campaign -
 * Agentless (v2)"): `name`, `description`, `contactLists` (names), `dncLists: {name}`, `priority`
 * (a string), `format` (SMS), `message: {template_name, templateId, message (base64)}` (SMS),
 * `dialingMode` (voice), `dialingStrategy: {callerId: {phoneNumber}, callingHours: {frequency,
 * timezone, days: [{day, start, end}]}, dialingOrder, maxAttemptsPerRecord, defaultRetryPeriod,
 * maxRingTime}`, `schedule: {isSchedulingEnabled}`, `experienceFlowName`, `enableMachineDetect`
 * (voice: no/detect/disconnect), `campaignType`.
 */

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR'];
/** The documented sample's calling window and voice dialing settings (also the fields' defaults). */
const DEFAULTS = { start: '9:00 AM', end: '6:00 PM', frequency: 'WEEKLY', dialingOrder: 'FIFO', maxAttempts: 3, retryPeriod: 10, ringTime: 30 };

/** Where the values of one item come from: Create's fields, or Update's "Update Fields". */
export interface SettingsInput {
	values: IDataObject;
	mode: 'create' | 'update';
}

interface Check {
	node: IExecuteFunctions;
	itemIndex: number;
}

function fail(check: Check, message: string): never {
	throw new NodeOperationError(check.node.getNode(), message, { itemIndex: check.itemIndex });
}

function has(values: IDataObject, key: string): boolean {
	return values[key] !== undefined && values[key] !== null;
}

/** A text field, trimmed; `undefined` when absent (Update) or empty and not required. */
function readText(check: Check, values: IDataObject, key: string, label: string, opts: { required: boolean; max?: number; hint?: string }) {
	const raw = values[key];
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		if (opts.required) fail(check, `${label} of item ${check.itemIndex} is empty. ${opts.hint ?? `Enter the ${label.toLowerCase()}.`}`);
		return undefined;
	}
	if (typeof raw !== 'string' && typeof raw !== 'number') {
		fail(check, `${label} of item ${check.itemIndex} must be text, but it is ${describeType(raw)}. Map the field that holds the text itself.`);
	}
	const text = String(raw).trim();
	if (opts.max !== undefined && charCount(text) > opts.max) {
		fail(
			check,
			`${label} of item ${check.itemIndex} is ${charCount(text)} characters long ("${visible(text, 40)}"); Kore.ai allows at most ${opts.max}. Shorten it.`,
		);
	}
	return text;
}

function readInteger(check: Check, values: IDataObject, key: string, label: string, min: number, max: number, fallback?: number): number | undefined {
	const raw = values[key];
	if (raw === undefined || raw === null || raw === '') return fallback;
	const value = typeof raw === 'string' ? Number(raw.trim()) : raw;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		fail(check, `${label} of item ${check.itemIndex} must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}.`);
	}
	return value;
}

function readChoice(check: Check, values: IDataObject, key: string, label: string, allowed: string[], fallback?: string): string | undefined {
	const raw = values[key];
	if (raw === undefined || raw === null || raw === '') return fallback;
	const match = allowed.find((candidate) => candidate.toLowerCase() === String(raw).trim().toLowerCase());
	if (match === undefined) fail(check, `${label} of item ${check.itemIndex} is "${visible(String(raw), 40)}"; use one of: ${allowed.join(', ')}.`);
	return match;
}

/** A list of names: a list, or text separated by commas (an expression or an AI agent may give either). */
export function readNameList(raw: unknown): string[] {
	if (raw === undefined || raw === null || raw === '') return [];
	const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [raw];
	return [...new Set(values.map((value) => String(value).trim()).filter((value) => value !== ''))];
}

function readContactLists(check: Check, values: IDataObject, required: boolean): string[] | undefined {
	if (!required && !has(values, 'contactLists')) return undefined;
	const names = readNameList(values.contactLists);
	if (names.length === 0) {
		fail(check, `Contact Lists of item ${check.itemIndex} is empty. Choose at least one contact list, or give names like {{ ["VIP", "Renewals"] }}.`);
	}
	for (const name of names) {
		if (charCount(name) > CONTACT_LIST_LIMITS.name) fail(check, `Contact list name "${visible(name, 40)}" of item ${check.itemIndex} is ${charCount(name)} characters long; Kore.ai list names have at most ${CONTACT_LIST_LIMITS.name}.`);
	}
	return names;
}

/** The number recipients see, checked like Add Contacts' numbers (common/phoneNumbers.ts), formatting removed. */
function readPhoneNumber(check: Check, values: IDataObject, required: boolean): string | undefined {
	const text = readText(check, values, 'callerId', 'Caller ID', { required, hint: 'Enter the number recipients see, like +14155550100.' });
	if (text === undefined) return undefined;
	const checked = checkPhoneNumber(text, `Caller ID of item ${check.itemIndex}`, true);
	if ('problem' in checked) return fail(check, checked.problem);
	return checked.phoneNumber;
}

/** "9:00 AM", "9 am", "09:00", "17:30" -> Kore.ai's "9:00 AM" / "5:30 PM"; and minutes since midnight. */
export function parseTimeOfDay(raw: string): { text: string; minutes: number } | undefined {
	const match = /^\s*(\d{1,2})(?::(\d{2}))?\s*([AaPp][Mm])?\s*$/.exec(raw);
	if (!match) return undefined;
	let hours = Number(match[1]);
	const minutes = match[2] === undefined ? 0 : Number(match[2]);
	const meridiem = match[3]?.toUpperCase();
	if (minutes > 59) return undefined;
	if (meridiem) {
		if (hours < 1 || hours > 12) return undefined;
		hours = (hours % 12) + (meridiem === 'PM' ? 12 : 0);
	} else if (hours > 23 || match[2] === undefined) {
		return undefined;
	}
	const shownHours = hours % 12 === 0 ? 12 : hours % 12;
	return { text: `${shownHours}:${String(minutes).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`, minutes: hours * 60 + minutes };
}

const DAY_ALIASES: Record<string, string> = Object.fromEntries(
	DAYS.flatMap(({ name, value }) => [
		[value.toLowerCase(), value],
		[name.toLowerCase(), value],
		[name.slice(0, 3).toLowerCase(), value],
	]),
);

function readCallingHours(check: Check, values: IDataObject, mode: 'create' | 'update'): IDataObject | undefined {
	// Update sends calling hours only when one of their fields is set, and then all of them: Kore.ai
	// documents `callingHours` as one object, so the others take their defaults.
	if (mode === 'update' && !CALLING_HOURS_NAMES.some((name) => has(values, name))) return undefined;
	const dayValues = has(values, 'callingDays') ? readNameList(values.callingDays) : WEEKDAYS;
	const days: string[] = [];
	for (const value of dayValues) {
		const day = DAY_ALIASES[value.toLowerCase()];
		if (day === undefined) fail(check, `Calling Days of item ${check.itemIndex} has "${visible(value, 20)}", which is not a day. Use MO, TU, WE, TH, FR, SA, SU (or Monday, ...).`);
		if (!days.includes(day)) days.push(day);
	}
	if (days.length === 0) fail(check, `Calling Days of item ${check.itemIndex} is empty. Choose at least one day.`);

	const time = (key: string, label: string, fallback: string) => {
		const raw = has(values, key) && String(values[key]).trim() !== '' ? String(values[key]) : fallback;
		const parsed = parseTimeOfDay(raw);
		if (!parsed) fail(check, `${label} of item ${check.itemIndex} is "${visible(raw, 20)}", which is not a time of day. Write it like 9:00 AM or 17:30.`);
		return parsed;
	};
	const start = time('callingStart', 'Calling Window Start', DEFAULTS.start);
	const end = time('callingEnd', 'Calling Window End', DEFAULTS.end);
	if (end.minutes <= start.minutes) {
		fail(check, `Calling Window End of item ${check.itemIndex} (${end.text}) must be after Calling Window Start (${start.text}).`);
	}

	const zoneRaw = has(values, 'callingTimezone') ? String(values.callingTimezone).trim() : '';
	const timezone = zoneRaw === '' ? check.node.getTimezone() : zoneRaw;
	if (!IANAZone.isValidZone(timezone)) {
		fail(check, `Calling Time Zone of item ${check.itemIndex} is "${visible(timezone, 40)}", which is not a time zone name. Use an IANA name like America/New_York or Asia/Kolkata.`);
	}
	const frequency = readChoice(check, values, 'callingFrequency', 'Calling Frequency', ['WEEKLY', 'DAILY'], DEFAULTS.frequency);
	return { frequency, timezone, days: days.map((day) => ({ day, start: start.text, end: end.text })) };
}

/** UTF-8 text as base64, as Kore.ai stores SMS text (`message.message`). */
export function encodeSmsText(text: string): string {
	return Buffer.from(text, 'utf8').toString('base64');
}

function readSmsMessage(check: Check, values: IDataObject, mode: 'create' | 'update'): IDataObject | undefined {
	const source = readChoice(check, values, 'messageSource', 'Message', ['text', 'template'], mode === 'create' ? 'text' : undefined);
	const templateName = readText(check, values, 'templateName', 'Template Name', {
		required: source === 'template',
		max: 256,
		hint: 'Enter the name of an approved SMS template, or set Message to Text.',
	});
	const rawText = values.messageText;
	const hasText = typeof rawText === 'string' ? rawText.trim() !== '' : rawText !== undefined && rawText !== null;
	if (source === 'text' && !hasText) {
		fail(check, `Message Text of item ${check.itemIndex} is empty. Write the SMS text, or set Message to From Template.`);
	}
	const message: IDataObject = {};
	if (source === 'template' || (source === undefined && templateName !== undefined)) {
		if (templateName !== undefined) message.template_name = templateName;
		const templateId = readText(check, values, 'templateId', 'Template ID', { required: false, max: 128 });
		if (templateId !== undefined) message.templateId = templateId;
	}
	if (hasText) {
		if (typeof rawText !== 'string') fail(check, `Message Text of item ${check.itemIndex} must be text, but it is ${describeType(rawText)}.`);
		message.message = encodeSmsText(rawText);
	}
	return Object.keys(message).length > 0 ? message : undefined;
}

/**
 * Kore.ai's body for one item. Create: every required value, checked, with defaults where Kore.ai
 * documents one. Update: only what the user set in "Update Fields" (Kore.ai's update pages show a
 * full body but do not say that absent fields are cleared; sending only the changes leaves the rest
 * to Kore.ai). Throws a NodeOperationError naming the field and the item.
 */
export function buildCampaignBody(
	this: IExecuteFunctions,
	itemIndex: number,
	resource: CampaignResourceInfo,
	{ values, mode }: SettingsInput,
): IDataObject {
	const check: Check = { node: this, itemIndex };
	const create = mode === 'create';
	const voice = resource.campaignType === 'voice';
	const body: IDataObject = {};
	const set = (key: string, value: unknown) => {
		if (value !== undefined) body[key] = value as IDataObject[string];
	};

	set('name', readText(check, values, 'name', 'Campaign Name', { required: create, max: MAX_NAME }));
	set('description', readText(check, values, 'description', 'Description', { required: create, max: MAX_DESCRIPTION }));
	set('contactLists', readContactLists(check, values, create));
	const dnc = readText(check, values, 'dncList', 'Do-Not-Call List Name', {
		required: create && voice,
		max: MAX_NAME,
		hint: 'Kore.ai requires a do-not-call list for voice campaigns: enter the name of the contact list that holds numbers never to call.',
	});
	if (dnc !== undefined) body.dncLists = { name: dnc };
	const priority = readInteger(check, values, 'priority', 'Priority', 1, 5, create ? 3 : undefined);
	// Documented as a number in answers, but every request sample sends it as text ("5").
	if (priority !== undefined) body.priority = String(priority);

	if (voice) {
		// This node creates agentless campaigns (the bot talks): the other modes need agent queues.
		if (create) body.dialingMode = 'Agentless';
	} else {
		const format = readChoice(check, values, 'format', 'Format', ['simple', 'advanced'], create ? 'simple' : undefined);
		set('format', format);
		set('message', readSmsMessage(check, values, mode));
	}

	const strategy: IDataObject = {};
	const callerId = readPhoneNumber(check, values, create);
	if (callerId !== undefined) strategy.callerId = { phoneNumber: callerId };
	const callingHours = readCallingHours(check, values, mode);
	if (callingHours !== undefined) strategy.callingHours = callingHours;
	if (voice) {
		const fallback = <T>(value: T) => (create ? value : undefined);
		const dialingOrder = readChoice(check, values, 'dialingOrder', 'Dialing Order', ['FIFO', 'LIFO'], fallback(DEFAULTS.dialingOrder));
		if (dialingOrder !== undefined) strategy.dialingOrder = dialingOrder;
		const attempts = readInteger(check, values, 'maxAttemptsPerRecord', 'Max Attempts per Contact', 1, 100, fallback(DEFAULTS.maxAttempts));
		if (attempts !== undefined) strategy.maxAttemptsPerRecord = attempts;
		const retry = readInteger(check, values, 'defaultRetryPeriod', 'Retry Period (Minutes)', 1, 1440, fallback(DEFAULTS.retryPeriod));
		if (retry !== undefined) strategy.defaultRetryPeriod = retry;
		const ring = readInteger(check, values, 'maxRingTime', 'Max Ring Time (Seconds)', 5, 120, fallback(DEFAULTS.ringTime));
		if (ring !== undefined) strategy.maxRingTime = ring;
	}
	if (Object.keys(strategy).length > 0) body.dialingStrategy = strategy;

	// Kore.ai's samples create campaigns unscheduled; Schedule turns scheduling on afterwards.
	if (create) body.schedule = { isSchedulingEnabled: false };

	const flow = readText(check, values, 'experienceFlowName', 'Experience Flow Name', {
		required: create && (voice || body.format === 'advanced'),
		max: 256,
		hint: voice
			? 'Kore.ai requires the experience flow (bot) that talks with the contact: enter its name.'
			: 'An Advanced SMS campaign hands replies to an experience flow: enter its name, or set Format to Simple.',
	});
	set('experienceFlowName', flow);
	if (voice) set('enableMachineDetect', readChoice(check, values, 'enableMachineDetect', 'Answering Machine Detection', ['no', 'detect', 'disconnect'], create ? 'no' : undefined));

	if (!create && Object.keys(body).length === 0) {
		fail(check, `Update Fields of item ${itemIndex} is empty: nothing to change. Add at least one field to update.`);
	}
	body.campaignType = resource.campaignType;
	return body;
}
