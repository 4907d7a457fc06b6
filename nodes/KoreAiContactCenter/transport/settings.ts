import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { requestOptionFields } from '../actions/common.fields';
import { itemParameter } from '../actions/itemParameter';
import { describeType, visible } from '../../../common/text';

/**
 * How requests are sent: pacing, concurrency, retries and timeouts, as the user set them in an
 * operation's "Options" collection (the fields are in actions/common.fields.ts). The fields are
 * also the rules the values are checked against: default, minValue, maxValue, and
 * numberPrecision 0 for whole numbers. Every value is checked before anything is sent.
 */

export interface RequestSettings {
	/** The account's limit; 0 = no pacing. */
	requestsPerMinute: number;
	concurrency: number;
	maxTries: number;
	maxTotalWaitMs: number;
	retryDelayMs: number;
	timeoutMs: number;
}

export type SettingName = 'requestsPerMinute' | 'concurrency' | 'maxTries' | 'maxTotalWait' | 'retryDelay' | 'timeout';

/** What a range means, for the error sentence. */
const HINTS: Partial<Record<SettingName, string>> = {
	requestsPerMinute: '0 turns pacing off',
	maxTries: '1 turns retries off',
};

interface NumberRule {
	name: SettingName;
	displayName: string;
	default: number;
	min: number;
	max: number;
	integer: boolean;
}

function ruleOf(field: INodeProperties): NumberRule {
	const typeOptions = field.typeOptions ?? {};
	return {
		name: field.name as SettingName,
		displayName: field.displayName,
		default: field.default as number,
		min: typeOptions.minValue as number,
		max: typeOptions.maxValue as number,
		integer: typeOptions.numberPrecision === 0,
	};
}

const RULES = Object.fromEntries(requestOptionFields.map((field) => [field.name, ruleOf(field)])) as Record<
	SettingName,
	NumberRule
>;

/**
 * Settings already checked, by the Options object they came from: without an expression in it,
 * every item of a node run gets the same object (actions/itemParameter.ts), checked once.
 */
const checkedSettings = new WeakMap<IDataObject, RequestSettings>();

/**
 * All request settings for one item, each checked. The Options collection is read per item:
 * options set by expressions can differ between items.
 */
export function readRequestSettings(this: IExecuteFunctions, itemIndex: number): RequestSettings {
	const options = readOptions.call(this, itemIndex);
	const known = checkedSettings.get(options);
	if (known !== undefined) return known;
	const value = (name: SettingName) => checked.call(this, RULES[name], options[name], itemIndex);
	const settings: RequestSettings = {
		requestsPerMinute: value('requestsPerMinute'),
		concurrency: value('concurrency'),
		maxTries: value('maxTries'),
		maxTotalWaitMs: Math.round(value('maxTotalWait') * 1000),
		retryDelayMs: Math.round(value('retryDelay') * 1000),
		timeoutMs: Math.round(value('timeout') * 1000),
	};
	checkedSettings.set(options, settings);
	return settings;
}

/** One request option of one item, checked. */
export function readNumberOption(this: IExecuteFunctions, name: SettingName, itemIndex: number): number {
	return checked.call(this, RULES[name], readOptions.call(this, itemIndex)[name], itemIndex);
}

/** The defaults, as the Options collection shows them. */
export function defaultRequestSettings(): RequestSettings {
	return {
		requestsPerMinute: RULES.requestsPerMinute.default,
		concurrency: RULES.concurrency.default,
		maxTries: RULES.maxTries.default,
		maxTotalWaitMs: RULES.maxTotalWait.default * 1000,
		retryDelayMs: RULES.retryDelay.default * 1000,
		timeoutMs: RULES.timeout.default * 1000,
	};
}

function readOptions(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = itemParameter.call(this, 'options', itemIndex, {}) as unknown;
	return options !== null && typeof options === 'object' && !Array.isArray(options) ? (options as IDataObject) : {};
}

function checked(this: IExecuteFunctions, rule: NumberRule, raw: unknown, itemIndex: number): number {
	const value = raw === undefined ? rule.default : raw;
	const problem = checkNumber(value, rule);
	if (problem === undefined) return typeof value === 'string' ? Number(value.trim()) : (value as number);
	const kind = rule.integer ? 'a whole number' : 'a number';
	const hint = HINTS[rule.name] ? ` (${HINTS[rule.name]})` : '';
	throw new NodeOperationError(
		this.getNode(),
		`${rule.displayName} (in Options) must be ${kind} from ${rule.min} to ${rule.max}${hint}, but for item ${itemIndex} it is ${problem}. Change the option or the expression that sets it.`,
		{ itemIndex },
	);
}

/** Undefined when the value is acceptable, else how it was, for the sentence. */
function checkNumber(raw: unknown, rule: Pick<NumberRule, 'min' | 'max' | 'integer'>): string | undefined {
	let value: number;
	if (typeof raw === 'number') {
		value = raw;
	} else if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw.trim()))) {
		// Expressions often give numbers as text ("10" from a sheet); those are fine.
		value = Number(raw.trim());
	} else {
		return describeValue(raw);
	}
	if (!Number.isFinite(value)) return String(value);
	if (value < rule.min || value > rule.max) return String(value);
	if (rule.integer && !Number.isInteger(value)) return String(value);
	return undefined;
}

function describeValue(raw: unknown): string {
	if (raw === undefined || raw === null) return 'empty';
	if (typeof raw === 'string') return raw.trim() === '' ? 'empty' : `the text "${visible(raw, 40)}"`;
	return describeType(raw);
}
