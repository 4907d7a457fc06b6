import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

/**
 * How requests are sent: pacing, concurrency, retries and timeouts. Every operation offers these in
 * its "Options" collection (see `optionsField` in actions/common.fields.ts); the transport reads
 * them here, checked, for every item, before anything is sent.
 */

export interface RequestSettings {
	/** 0 = no pacing. */
	requestsPerMinute: number;
	concurrency: number;
	maxTries: number;
	maxTotalWaitMs: number;
	retryDelayMs: number;
	timeoutMs: number;
}

type SettingName = 'requestsPerMinute' | 'concurrency' | 'maxTries' | 'maxTotalWait' | 'retryDelay' | 'timeout';

/**
 * The request options every operation offers, after its own options. These fields are also the
 * rules the values are checked against: default, minValue, maxValue, and numberPrecision 0 for
 * whole numbers.
 */
export const requestOptions: INodeProperties[] = [
	{
		displayName: 'Requests per Minute',
		name: 'requestsPerMinute',
		type: 'number',
		default: 60,
		typeOptions: { minValue: 0, maxValue: 60000, numberPrecision: 2 },
		description:
			"Kore.ai's limit for this account, in requests per minute. The default, 60 (one a second), is Kore.ai's documented limit per account: raise it only if Kore.ai gave your account a higher one. Within one n8n process, every workflow using the same account and Environment URL shares this pace, spread evenly. Several n8n instances or queue-mode workers using the account cannot see each other: each starts at this pace, slows down when Kore.ai answers with its rate limit, and speeds up again step by step, never above this value, so together they settle near the account's limit. Set the same value everywhere. 0 turns pacing off.",
	},
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		default: 5,
		typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
		description:
			'How many items this execution works on at once (requests in flight), always within Requests per Minute. The default, 5, keeps the pace even when Kore.ai answers slowly. Output order stays the input order. When an item fails and On Error stops the workflow, items already in flight still finish.',
	},
	{
		displayName: 'Max Tries',
		name: 'maxTries',
		type: 'number',
		default: 5,
		typeOptions: { minValue: 1, maxValue: 10, numberPrecision: 0 },
		description:
			"Attempts per item, the first included (default 5), when Kore.ai is briefly unavailable (502, 503, 504), too slow to answer, or the connection fails. Each try signs a fresh token. A delete is retried only in ways that cannot delete twice; a start is retried only when Kore.ai certainly did not act. While pacing is on, Kore.ai's rate-limit answers (HTTP 429) do not count: they are how the node finds the account's pace, and Max Total Wait bounds them. 1 turns all retries off.",
	},
	{
		displayName: 'Max Total Wait (Seconds)',
		name: 'maxTotalWait',
		type: 'number',
		default: 120,
		typeOptions: { minValue: 0, maxValue: 3600, numberPrecision: 2 },
		description:
			"Longest time in seconds one item may wait between its tries, all waits together (waiting for its turn under Requests per Minute does not count). The default, 120, lets an item sit out Kore.ai's rate limit for two full minutes. If Kore.ai asks for a longer wait (Retry-After), the item fails at once and says so.",
	},
	{
		displayName: 'Retry Delay (Seconds)',
		name: 'retryDelay',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 0.01, maxValue: 60, numberPrecision: 2 },
		description:
			'Seconds before the first retry; each further retry waits twice as long (at most 30 s), with random jitter so items do not retry in step: with the default, 1, about 1, 2, 4 and 8 s. A wait Kore.ai asks for (Retry-After) is used instead; after a rate-limit answer while pacing is on, the item waits as long as the pace is held (at least this).',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		default: 30,
		typeOptions: { minValue: 0.1, maxValue: 600, numberPrecision: 2 },
		description:
			"Seconds to wait for Kore.ai's answer to one request (default 30) before giving up on that try, and retrying it when that is safe",
	},
];

/** What a range means, for the error sentence. */
const HINTS: Partial<Record<SettingName, string>> = {
	requestsPerMinute: '0 turns pacing off',
	maxTries: '1 turns retries off',
};

interface NumberSetting {
	name: SettingName;
	displayName: string;
	default: number;
	min: number;
	max: number;
	integer: boolean;
	hint?: string;
}

function setting(name: SettingName): NumberSetting {
	const field = requestOptions.find((candidate) => candidate.name === name) as INodeProperties;
	const typeOptions = field.typeOptions ?? {};
	return {
		name,
		displayName: field.displayName,
		default: field.default as number,
		min: typeOptions.minValue as number,
		max: typeOptions.maxValue as number,
		integer: typeOptions.numberPrecision === 0,
		hint: HINTS[name],
	};
}

const SETTINGS: Record<SettingName, NumberSetting> = {
	requestsPerMinute: setting('requestsPerMinute'),
	concurrency: setting('concurrency'),
	maxTries: setting('maxTries'),
	maxTotalWait: setting('maxTotalWait'),
	retryDelay: setting('retryDelay'),
	timeout: setting('timeout'),
};

/** All request settings for one item, each checked. */
export function readRequestSettings(this: IExecuteFunctions, itemIndex: number): RequestSettings {
	return {
		requestsPerMinute: readNumber.call(this, SETTINGS.requestsPerMinute, itemIndex),
		concurrency: readNumber.call(this, SETTINGS.concurrency, itemIndex),
		maxTries: readNumber.call(this, SETTINGS.maxTries, itemIndex),
		maxTotalWaitMs: Math.round(readNumber.call(this, SETTINGS.maxTotalWait, itemIndex) * 1000),
		retryDelayMs: Math.round(readNumber.call(this, SETTINGS.retryDelay, itemIndex) * 1000),
		timeoutMs: Math.round(readNumber.call(this, SETTINGS.timeout, itemIndex) * 1000),
	};
}

/** The defaults, as the Options collection shows them. */
export function defaultRequestSettings(): RequestSettings {
	return {
		requestsPerMinute: SETTINGS.requestsPerMinute.default,
		concurrency: SETTINGS.concurrency.default,
		maxTries: SETTINGS.maxTries.default,
		maxTotalWaitMs: SETTINGS.maxTotalWait.default * 1000,
		retryDelayMs: SETTINGS.retryDelay.default * 1000,
		timeoutMs: SETTINGS.timeout.default * 1000,
	};
}

/** Concurrency applies to the whole execution; it is read from the first item. */
export function readConcurrency(this: IExecuteFunctions): number {
	return readNumber.call(this, SETTINGS.concurrency, 0);
}

/**
 * Values of options set without an expression, checked once per execution (node run): they are
 * the same for every item. Options set with an expression are read and checked for every item.
 */
const constantValues = new WeakMap<object, Map<SettingName, number>>();

function readNumber(this: IExecuteFunctions, setting: NumberSetting, itemIndex: number): number {
	let constants = constantValues.get(this);
	if (constants === undefined) {
		constants = new Map();
		constantValues.set(this, constants);
		const options = this.getNode().parameters.options ?? {};
		// The whole collection set by one expression: nothing is constant.
		const given = typeof options === 'object' && !Array.isArray(options) ? options : undefined;
		for (const name of given ? (Object.keys(SETTINGS) as SettingName[]) : []) {
			const raw = (given as Record<string, unknown>)[name] ?? SETTINGS[name].default;
			const isExpression = typeof raw === 'string' && raw.startsWith('=');
			if (!isExpression && checkNumber(raw, SETTINGS[name]) === undefined) constants.set(name, toNumber(raw));
		}
	}
	const constant = constants.get(setting.name);
	if (constant !== undefined) return constant;

	const raw = this.getNodeParameter(`options.${setting.name}`, itemIndex, setting.default) as unknown;
	const problem = checkNumber(raw, setting);
	if (problem === undefined) return toNumber(raw);
	throw new NodeOperationError(
		this.getNode(),
		`${setting.displayName} (in Options) must be ${describeRange(setting)}, but for item ${itemIndex} it is ${problem}. Change the option or the expression that sets it.`,
		{ itemIndex },
	);
}

function toNumber(raw: unknown): number {
	return typeof raw === 'string' ? Number(raw.trim()) : (raw as number);
}

/** Undefined when the value is acceptable, else how it was, for the sentence. */
export function checkNumber(raw: unknown, setting: Pick<NumberSetting, 'min' | 'max' | 'integer'>): string | undefined {
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
	if (value < setting.min || value > setting.max) return String(value);
	if (setting.integer && !Number.isInteger(value)) return String(value);
	return undefined;
}

function describeRange(setting: NumberSetting): string {
	const kind = setting.integer ? 'a whole number' : 'a number';
	return `${kind} from ${setting.min} to ${setting.max}${setting.hint ? ` (${setting.hint})` : ''}`;
}

function describeValue(raw: unknown): string {
	if (raw === undefined || raw === null) return 'empty';
	if (typeof raw === 'string') {
		if (raw.trim() === '') return 'empty';
		const shown = raw.replace(/\p{Cc}/gu, '?');
		return `the text "${shown.length > 40 ? `${shown.slice(0, 37)}...` : shown}"`;
	}
	if (Array.isArray(raw)) return 'a list';
	if (typeof raw === 'object') return 'an object';
	return `a ${typeof raw}`;
}
