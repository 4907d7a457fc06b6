import type { INodeProperties } from 'n8n-workflow';

import { EXAMPLE_IDS, ID_PATTERN_SOURCE } from '../../../common/identifiers';
import { requestOptionFields } from '../transport/requestOptions';

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
						errorMessage:
							'A Kore.ai campaign ID has only letters, digits, dashes, dots, colons and underscores, like cd-213cc43a-...',
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

/** The "Options" collection of an operation: its own options, then the request options. */
export function optionsField(
	own: INodeProperties[],
	{ withConcurrency = true } = {},
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			...own,
			...requestOptionFields.filter((field) => withConcurrency || field.name !== 'concurrency'),
		],
	};
}

/** The fields of an operation on one campaign: Campaign (described for this operation), Simplify, Options. */
export function singleCampaignFields(
	campaignDescription: string,
	ownOptions: INodeProperties[] = [],
): INodeProperties[] {
	return [
		{ ...campaignIdField, description: campaignDescription },
		simplifyField,
		optionsField([streamIdOption, ...ownOptions]),
	];
}
