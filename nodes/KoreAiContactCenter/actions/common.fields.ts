import type { INodeProperties } from 'n8n-workflow';

import { EXAMPLE_IDS, ID_PATTERN_SOURCE } from '../../../common/identifiers';

/** Fields shared by operations; each operation lists the ones it uses. */

export const campaignIdField: INodeProperties = {
	displayName: 'Campaign',
	name: 'campaignId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description:
		'The campaign to act on: pick it from the list, or give its ID, typed in or mapped from the previous node with an expression',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a campaign...',
			typeOptions: {
				// methods/searchCampaigns.ts: the campaigns of the chosen type (SMS or voice), with their status.
				searchListMethod: 'searchCampaigns',
				searchable: true,
			},
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: EXAMPLE_IDS.campaign,
			validation: [
				{
					type: 'regex',
					properties: {
						// Kore.ai's ID pattern; surrounding spaces are allowed (trimmed), as in sheets.
						regex: `^\\s*${ID_PATTERN_SOURCE.slice(1, -1)}\\s*$`,
						errorMessage: 'A Kore.ai campaign ID has only letters, digits, dashes, dots, colons and underscores, like cd-213cc43a-...',
					},
				},
			],
		},
	],
};

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description:
		"Whether to return a flat object with Kore.ai's answer in camelCase keys (and an SMS text decoded), instead of Kore.ai's raw response",
};

export const streamIdOption: INodeProperties = {
	displayName: 'Stream ID',
	name: 'streamId',
	type: 'string',
	default: '',
	placeholder: EXAMPLE_IDS.stream,
	description:
		"The app (stream) the request is for. Leave empty to use the credential's App ID, which is almost always right.",
};

/**
 * How requests are sent (pacing, concurrency, retries, timeouts): every operation offers these
 * options after its own. The transport reads and checks them (transport/settings.ts); their
 * default, minValue, maxValue and numberPrecision are the rules it checks against.
 */
export const requestOptionFields: INodeProperties[] = [
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

/** The "Options" collection of an operation: its own options, then the request options. */
export function optionsField(own: INodeProperties[], { withConcurrency = true } = {}): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...own, ...requestOptionFields.filter((field) => withConcurrency || field.name !== 'concurrency')],
	};
}

/** The fields of an operation on one campaign: Campaign (described for this operation), Simplify, Options. */
export function singleCampaignFields(campaignDescription: string, ownOptions: INodeProperties[] = []): INodeProperties[] {
	return [
		{ ...campaignIdField, description: campaignDescription },
		simplifyField,
		optionsField([streamIdOption, ...ownOptions]),
	];
}
