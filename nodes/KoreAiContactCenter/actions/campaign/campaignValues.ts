import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { IANAZone } from 'luxon';

import { readNameList } from '../../../../common/lists';
import { allowedNumber, numberProblem, numberRule } from '../../../../common/numbers';
import { checkPhoneNumber } from '../../../../common/phoneNumbers';
import { charCount, describeType, visible } from '../../../../common/text';
import { weekdayOf, type CampaignType } from '../../api/campaign';
import { parseTimeOfDay } from './callingHours';
import { SETTINGS, settingNamed, type CampaignSetting } from './settings';

/**
 * Reading the values of one item, each by its setting's kind, with the setting's own rule (its
 * length limit, its field's range or options): one reader per kind, no rule written twice (lists and
 * numbers are read as everywhere else: common/lists.ts, common/numbers.ts). Every
 * problem is a NodeOperationError naming the field and the item, before anything is sent.
 *
 * Create reads every setting it offers (a field left at its default gives the default); Update
 * reads only what was added under Update Fields.
 */

export interface Check {
	node: IExecuteFunctions;
	itemIndex: number;
}

/** Setting name -> value as checked (a TimeOfDay for times, a list for names and days). */
export type CampaignValues = Record<string, unknown>;

export function fail(check: Check, message: string): never {
	throw new NodeOperationError(check.node.getNode(), message, { itemIndex: check.itemIndex });
}

const labelOf = (setting: CampaignSetting) => setting.label ?? setting.field.displayName;

function isEmpty(raw: unknown): boolean {
	return (
		raw === undefined ||
		raw === null ||
		(typeof raw === 'string' && raw.trim() === '') ||
		(Array.isArray(raw) && raw.length === 0)
	);
}

function readText(check: Check, setting: CampaignSetting, raw: unknown): string {
	const label = labelOf(setting);
	if (typeof raw !== 'string' && typeof raw !== 'number') {
		fail(
			check,
			`${label} of item ${check.itemIndex} must be text, but it is ${describeType(raw)}. Map the field that holds the text itself.`,
		);
	}
	const text = String(raw).trim();
	const max = setting.maxLength;
	if (max !== undefined && charCount(text) > max) {
		fail(
			check,
			`${label} of item ${check.itemIndex} is ${charCount(text)} characters long ("${visible(text, 40)}"); Kore.ai allows at most ${max}. Shorten it.`,
		);
	}
	return text;
}

function readKind(check: Check, setting: CampaignSetting, raw: unknown): unknown {
	const label = labelOf(setting);
	const at = `${label} of item ${check.itemIndex}`;
	switch (setting.kind) {
		case 'text':
			return readText(check, setting, raw);
		case 'smsText':
			if (typeof raw !== 'string')
				fail(check, `${at} must be text, but it is ${describeType(raw)}.`);
			return raw;
		case 'names': {
			const names = readNameList(raw);
			for (const name of names) {
				if (setting.maxLength !== undefined && charCount(name) > setting.maxLength) {
					fail(
						check,
						`Contact list name "${visible(name, 40)}" of item ${check.itemIndex} is ${charCount(name)} characters long; Kore.ai list names have at most ${setting.maxLength}.`,
					);
				}
			}
			return names;
		}
		case 'integer': {
			const rule = numberRule(setting.field);
			const value = allowedNumber(raw, rule);
			return value !== undefined ? value : fail(check, numberProblem(at, rule, raw));
		}
		case 'choice': {
			const allowed = (setting.field.options as Array<{ value: string }>).map(
				(option) => option.value,
			);
			const match = allowed.find(
				(candidate) => candidate.toLowerCase() === String(raw).trim().toLowerCase(),
			);
			if (match === undefined)
				fail(check, `${at} is "${visible(String(raw), 40)}"; use one of: ${allowed.join(', ')}.`);
			return match;
		}
		case 'days': {
			const days: string[] = [];
			for (const value of readNameList(raw)) {
				const day = weekdayOf(value)?.callingHours;
				if (day === undefined)
					fail(
						check,
						`${at} has "${visible(value, 20)}", which is not a day. Use MO, TU, WE, TH, FR, SA, SU (or Monday, ...).`,
					);
				if (!days.includes(day)) days.push(day);
			}
			if (days.length === 0) fail(check, `${at} is empty. Choose at least one day.`);
			return days;
		}
		case 'time': {
			const parsed = parseTimeOfDay(String(raw));
			if (!parsed)
				fail(
					check,
					`${at} is "${visible(String(raw), 20)}", which is not a time of day. Write it like 9:00 AM or 17:30.`,
				);
			return parsed;
		}
		case 'timezone': {
			const zone = String(raw).trim();
			if (!IANAZone.isValidZone(zone)) {
				fail(
					check,
					`${at} is "${visible(zone, 40)}", which is not a time zone name. Use an IANA name like America/New_York or Asia/Kolkata.`,
				);
			}
			return zone;
		}
		case 'phone': {
			const checked = checkPhoneNumber(readText(check, setting, raw), at, true);
			if ('problem' in checked) return fail(check, checked.problem);
			return checked.phoneNumber;
		}
	}
}

function emptyError(check: Check, setting: CampaignSetting, hint = setting.emptyHint): never {
	const label = labelOf(setting);
	return fail(
		check,
		`${label} of item ${check.itemIndex} is empty. ${hint ?? `Enter the ${label.toLowerCase()}.`}`,
	);
}

/** Create: every setting offered for this type; an empty optional one gives its field's default (none for text). */
export function readCreateValues(
	check: Check,
	type: CampaignType,
	given: IDataObject,
): CampaignValues {
	const values: CampaignValues = {};
	for (const setting of SETTINGS) {
		if (setting.create[type] === undefined) continue;
		const name = setting.field.name;
		const raw = given[name];
		if (
			isEmpty(raw) ||
			(setting.kind === 'smsText' && typeof raw === 'string' && raw.trim() === '')
		) {
			if (setting.required?.includes(type)) emptyError(check, setting);
			if (setting.kind === 'timezone') values[name] = check.node.getTimezone();
			else if (
				setting.kind !== 'text' &&
				setting.kind !== 'smsText' &&
				!isEmpty(setting.field.default)
			)
				values[name] = readKind(check, setting, setting.field.default);
			continue;
		}
		values[name] = readKind(check, setting, raw);
	}
	if (type === 'sms') {
		if (values.messageSource === 'template' && values.templateName === undefined)
			emptyError(check, settingNamed('templateName'));
		// Every create page requires the base64 text, a template's too ("should match the registered template body").
		if (values.messageText === undefined) {
			emptyError(
				check,
				settingNamed('messageText'),
				values.messageSource === 'template'
					? "Kore.ai requires the template's text too: write it exactly as the template registers it."
					: 'Write the SMS text, or set Message to From Template.',
			);
		}
		if (values.format === 'advanced' && values.experienceFlowName === undefined) {
			emptyError(
				check,
				settingNamed('experienceFlowName'),
				'An Advanced SMS campaign hands replies to an experience flow: enter its name, or set Format to Simple.',
			);
		}
	}
	const start = values.callingStart as { text: string; minutes: number };
	const end = values.callingEnd as { text: string; minutes: number };
	if (end.minutes <= start.minutes) {
		fail(
			check,
			`Calling Window End of item ${check.itemIndex} (${end.text}) must be after Calling Window Start (${start.text}).`,
		);
	}
	return values;
}

/** Update: only the settings added under Update Fields and given a value. */
export function readUpdateValues(
	check: Check,
	type: CampaignType,
	given: IDataObject,
): CampaignValues {
	const values: CampaignValues = {};
	for (const setting of SETTINGS) {
		const name = setting.field.name;
		if (
			!setting.update.includes(type) ||
			!(name in given) ||
			given[name] === undefined ||
			given[name] === null
		)
			continue;
		const raw = given[name];
		// Empty (a blank cell mapped in, a field added but not filled) means "keep the campaign's":
		// Kore.ai's update requires most of these (settings' updateRequired), and Update does not offer
		// emptying the others.
		if (isEmpty(raw)) continue;
		values[name] = readKind(check, setting, raw);
	}
	if (Object.keys(values).length === 0) {
		fail(
			check,
			`Update Fields of item ${check.itemIndex} is empty: nothing to change. Add at least one field to update.`,
		);
	}
	return values;
}
