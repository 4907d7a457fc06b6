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

interface NumberSetting {
	name: keyof typeof FIELD_NAMES;
	displayName: string;
	default: number;
	min: number;
	max: number;
	integer: boolean;
	/** What the range means, for the error sentence. */
	hint?: string;
}

const FIELD_NAMES = {
	requestsPerMinute: 'requestsPerMinute',
	concurrency: 'concurrency',
	maxTries: 'maxTries',
	maxTotalWait: 'maxTotalWait',
	retryDelay: 'retryDelay',
	timeout: 'timeout',
} as const;

/** Kore.ai's documented limit for Contact Center APIs: 60 requests per minute per account. */
export const DEFAULT_REQUESTS_PER_MINUTE = 60;

const SETTINGS: Record<keyof typeof FIELD_NAMES, NumberSetting> = {
	requestsPerMinute: {
		name: 'requestsPerMinute',
		displayName: 'Requests per Minute',
		default: DEFAULT_REQUESTS_PER_MINUTE,
		min: 0,
		max: 60_000,
		integer: false,
		hint: '0 turns pacing off',
	},
	concurrency: { name: 'concurrency', displayName: 'Concurrency', default: 5, min: 1, max: 50, integer: true },
	maxTries: { name: 'maxTries', displayName: 'Max Tries', default: 5, min: 1, max: 10, integer: true, hint: '1 turns retries off' },
	maxTotalWait: { name: 'maxTotalWait', displayName: 'Max Total Wait (s)', default: 120, min: 0, max: 3600, integer: false },
	retryDelay: { name: 'retryDelay', displayName: 'Retry Delay (s)', default: 1, min: 0.01, max: 60, integer: false },
	timeout: { name: 'timeout', displayName: 'Timeout (s)', default: 30, min: 0.1, max: 600, integer: false },
};

function numberField(setting: NumberSetting, description: string): INodeProperties {
	return {
		displayName: setting.displayName,
		name: setting.name,
		type: 'number',
		default: setting.default,
		typeOptions: {
			minValue: setting.min,
			maxValue: setting.max,
			...(setting.integer ? { numberPrecision: 0 } : { numberPrecision: 2 }),
		},
		description,
	};
}

/** The request options every operation offers, after its own options. */
export const requestOptions: INodeProperties[] = [
	numberField(
		SETTINGS.requestsPerMinute,
		"Most requests sent to this Kore.ai account per minute, spread evenly (60 = one a second) and shared by every workflow in this n8n instance that uses the same account and Environment URL. Kore.ai allows 60 per minute per account: raise it only if Kore.ai gave your account a higher limit. 0 turns pacing off.",
	),
	numberField(
		SETTINGS.concurrency,
		'How many items this execution works on at once (requests in flight), always within Requests per Minute. Output order stays the input order. When an item fails and On Error stops the workflow, items already in flight still finish.',
	),
	numberField(
		SETTINGS.maxTries,
		'Attempts per item, the first included, when Kore.ai is rate limiting (HTTP 429), briefly unavailable (502, 503, 504), too slow to answer, or the connection fails. Each try signs a fresh token. 1 turns retries off.',
	),
	numberField(
		SETTINGS.maxTotalWait,
		'Longest time in seconds one item may wait between its tries, all waits together. If Kore.ai asks for a longer wait (Retry-After), the item fails at once and says so.',
	),
	numberField(
		SETTINGS.retryDelay,
		"Seconds before the first retry; each further retry waits twice as long (at most 30 s), with random jitter so items do not retry in step. A wait Kore.ai asks for (Retry-After) is used instead.",
	),
	numberField(
		SETTINGS.timeout,
		"Seconds to wait for Kore.ai's answer to one request before giving up on that try (and retrying it when that is safe)",
	),
];

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

function readNumber(this: IExecuteFunctions, setting: NumberSetting, itemIndex: number): number {
	const raw = this.getNodeParameter(`options.${setting.name}`, itemIndex, setting.default) as unknown;
	const problem = checkNumber(raw, setting);
	if (problem === undefined) return typeof raw === 'string' ? Number(raw.trim()) : (raw as number);
	throw new NodeOperationError(
		this.getNode(),
		`${setting.displayName} (in Options) must be ${describeRange(setting)}, but for item ${itemIndex} it is ${problem}. Change the option or the expression that sets it.`,
		{ itemIndex },
	);
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
