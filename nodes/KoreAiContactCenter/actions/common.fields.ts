import type { INodeProperties } from 'n8n-workflow';

import { requestOptions } from '../transport/requestOptions';

/** Fields shared by campaign operations; each operation lists the ones it uses. */

export const CAMPAIGN_ID_EXAMPLE = 'cd-213cc43a-a340-5b89-a256-ff8da28xxxxx';

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
			placeholder: CAMPAIGN_ID_EXAMPLE,
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[A-Za-z0-9][A-Za-z0-9_.:-]*\\s*$',
						errorMessage: 'A Kore.ai campaign ID has only letters, digits and dashes, like cd-213cc43a-...',
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
		"Whether to return a flat object with the campaign's fields and the SMS text decoded, instead of Kore.ai's raw response",
};

export const streamIdOption: INodeProperties = {
	displayName: 'Stream ID',
	name: 'streamId',
	type: 'string',
	default: '',
	placeholder: 'st-0603182c-7ffb-53c3-b307-47ca14bxxxxx',
	description:
		"The app (stream) whose campaign this is. Leave empty to use the credential's App ID, which is almost always right.",
};

/**
 * Options every operation offers about how requests are sent (pacing, concurrency, retries,
 * timeouts), defined with the transport that reads them; operations add their own options in
 * front via `optionsField`.
 */
export { requestOptions };

/** The "Options" collection of an operation: its own options, then the request options. */
export function optionsField(own: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...own, ...requestOptions],
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
