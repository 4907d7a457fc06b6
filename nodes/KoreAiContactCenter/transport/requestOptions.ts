import type { INodeProperties } from 'n8n-workflow';

/** The README's section on the request options, linked from their tooltips (which stay short). */
const REQUEST_OPTIONS_DOCS =
	'https://github.com/n8n-nodes-kore-ai/n8n-nodes-kore-ai#request-options';
const details = `<a href="${REQUEST_OPTIONS_DOCS}">details</a>`;

/**
 * How requests are sent (pacing, concurrency, retries, timeouts): every operation offers these
 * options after its own (optionsField, actions/common.fields.ts). The transport reads and checks
 * them (settings.ts); their default, minValue, maxValue and numberPrecision are the rules it checks
 * against: numberPrecision 0 for counts (whole numbers, shown without decimals), none for seconds
 * (fractions allowed, and n8n shows a value as typed: 1, not 1.00). Tooltips say what the option
 * does in at most two sentences; the README's "Request options" section explains the rest.
 */
export const requestOptionFields: INodeProperties[] = [
	{
		displayName: 'Requests per Minute',
		name: 'requestsPerMinute',
		type: 'number',
		default: 60,
		typeOptions: { minValue: 0, maxValue: 60000, numberPrecision: 0 },
		description: `Your Kore.ai account's limit (default 60, Kore.ai's documented one); 0 turns pacing off. Workflows that use the same account share this pace (${details}).`,
	},
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		default: 5,
		typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
		description:
			'How many items are worked on at once (default 5), always within Requests per Minute. The output keeps the input order.',
	},
	{
		displayName: 'Max Tries',
		name: 'maxTries',
		type: 'number',
		default: 5,
		typeOptions: { minValue: 1, maxValue: 10, numberPrecision: 0 },
		description: `Tries per item, the first included (default 5), when Kore.ai is briefly unavailable, too slow or unreachable; 1 turns retries off. Only what is safe to repeat is retried (${details}).`,
	},
	{
		displayName: 'Max Total Wait (Seconds)',
		name: 'maxTotalWait',
		type: 'number',
		default: 120,
		typeOptions: { minValue: 0, maxValue: 3600 },
		description:
			'Longest time one item may wait between its tries, all waits together (default 120). If Kore.ai asks for a longer wait, the item fails at once and says so.',
	},
	{
		displayName: 'Retry Delay (Seconds)',
		name: 'retryDelay',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 0.01, maxValue: 60 },
		description: `Wait before the first retry (default 1), doubled for each further retry up to 30 s, with jitter. A wait Kore.ai asks for (Retry-After) is used instead (${details}).`,
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		default: 30,
		typeOptions: { minValue: 0.1, maxValue: 600 },
		description:
			"Time to wait for Kore.ai's answer to one request (default 30) before that try is given up",
	},
];
