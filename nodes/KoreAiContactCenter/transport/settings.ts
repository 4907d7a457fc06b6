import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { isExecution, isPoll, type KoreAiCaller } from './caller';
import { requestOptionFields } from './requestOptions';
import {
	allowedNumber,
	numberExpected,
	numberRule,
	type NumberRule,
} from '../../../common/numbers';
import { itemParameter } from '../../../common/itemParameter';
import { describeType, visible } from '../../../common/text';

/**
 * How requests are sent: pacing, concurrency, retries and timeouts, as the user set them in an
 * operation's "Options" collection (the fields are in requestOptions.ts). The fields are
 * also the rules the values are checked against (common/numbers.ts): default, minValue, maxValue,
 * and numberPrecision 0 for whole numbers. Every value is checked before anything is sent.
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

export type SettingName =
	'requestsPerMinute' | 'concurrency' | 'maxTries' | 'maxTotalWait' | 'retryDelay' | 'timeout';

/** What a range means, for the error sentence. */
const HINTS: Partial<Record<SettingName, string>> = {
	requestsPerMinute: '0 turns pacing off',
	maxTries: '1 turns retries off',
};

interface SettingRule extends NumberRule {
	name: SettingName;
	displayName: string;
	default: number;
}

function ruleOf(field: INodeProperties): SettingRule {
	return {
		...numberRule(field),
		name: field.name as SettingName,
		displayName: field.displayName,
		default: field.default as number,
	};
}

const RULES = Object.fromEntries(
	requestOptionFields.map((field) => [field.name, ruleOf(field)]),
) as Record<SettingName, SettingRule>;

/**
 * Settings already checked, by the Options object they came from: without an expression in it,
 * every item of a node run gets the same object (common/itemParameter.ts), checked once.
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
export function readNumberOption(
	this: IExecuteFunctions,
	name: SettingName,
	itemIndex: number,
): number {
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
	return options !== null && typeof options === 'object' && !Array.isArray(options)
		? (options as IDataObject)
		: {};
}

function checked(
	this: IExecuteFunctions,
	rule: SettingRule,
	raw: unknown,
	itemIndex: number,
): number {
	const value = allowedNumber(raw === undefined ? rule.default : raw, rule);
	if (value !== undefined) return value;
	const hint = HINTS[rule.name] ? ` (${HINTS[rule.name]})` : '';
	throw new NodeOperationError(
		this.getNode(),
		`${rule.displayName} (in Options) must be ${numberExpected(rule)}${hint}, but for item ${itemIndex} it is ${describeValue(raw)}. Change the option or the expression that sets it.`,
		{ itemIndex },
	);
}

/** How a refused value was, for the sentence: the number (also when given as text), "empty", the text, or its type. */
function describeValue(raw: unknown): string {
	if (typeof raw === 'number') return String(raw);
	if (raw === undefined || raw === null) return 'empty';
	if (typeof raw === 'string') {
		const text = raw.trim();
		if (text === '') return 'empty';
		return Number.isFinite(Number(text)) ? String(Number(text)) : `the text "${visible(raw, 40)}"`;
	}
	return describeType(raw);
}

/** The editor waits for a picker's list: the defaults, with short waits. */
const PICKER_SETTINGS: RequestSettings = {
	...defaultRequestSettings(),
	maxTries: 3,
	maxTotalWaitMs: 10_000,
	timeoutMs: 15_000,
};

/**
 * An item's settings, read and checked once: operations that page (Get Many, Get Results, Get
 * Contacts) or poll (Wait Until Ready) send several requests for one item.
 */
const itemSettings = new WeakMap<object, Map<number, RequestSettings>>();

/** The settings a caller's request is sent with: an item's Options, or fixed ones for a poll or a picker. */
export function settingsFor(caller: KoreAiCaller, itemIndex: number): RequestSettings {
	if (isExecution(caller)) {
		let byItem = itemSettings.get(caller);
		if (byItem === undefined) itemSettings.set(caller, (byItem = new Map()));
		let settings = byItem.get(itemIndex);
		if (settings === undefined)
			byItem.set(itemIndex, (settings = readRequestSettings.call(caller, itemIndex)));
		return settings;
	}
	// A polling trigger has a whole poll interval; the picker has a user waiting.
	return isPoll(caller) ? defaultRequestSettings() : PICKER_SETTINGS;
}
