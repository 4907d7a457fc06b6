import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';
import { DateTime } from 'luxon';

import { simplifyListedCampaign } from '../../output/simplifyResults';
import { optionsField, simplifyField, streamIdOption } from '../common.fields';
import { readChoices, readStreamId } from '../readInputs';
import { readLimit, returnAllFields } from '../returnAll.fields';
import type { CampaignResourceInfo, Operation } from '../types';
import { CAMPAIGN_STATUSES as STATUSES } from '../../api/campaign';
import { fetchCampaignPage, LIST_PAGE_SIZE, listedCampaignId } from '../../api/campaignList';
import { collectPages, incompleteListing } from '../../api/paging';

/**
 * Kore.ai: `POST /campaign/api/v2/public/{streamId}/campaign/getAllCampaignDetails?accountId=..`
 * (api/campaignRequests.ts, api/campaignList.ts), one request per page of up to 100 campaigns, `skip` advancing by what
 * each page returned, until Kore.ai says there is no more (`hasMore`), the limit is reached, or a
 * page brings no campaign not seen before (a server that ignored `skip` would otherwise repeat
 * its first page forever).
 */

const PRIORITIES = [1, 2, 3, 4, 5];
/** The dialing modes the list page's filter takes (get-all-campaigns-v2.mdx). */
const DIALING_MODES = ['Progressive', 'Preview'];
/** 1,000 pages of 100: far beyond any account, and a bound on the loop. */
const MAX_PAGES = 1000;

const properties: INodeProperties[] = [
	...returnAllFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Dialing Modes',
				name: 'dialingMode',
				type: 'multiOptions',
				options: DIALING_MODES.map((mode) => ({ name: mode, value: mode })),
				default: [],
				description:
					"Voice only. Kore.ai's list filter takes Progressive and Preview; to keep only Agentless campaigns, filter the output on dialingMode.",
				displayOptions: { show: { '/resource': ['voiceCampaign'] } },
			},
			{
				displayName: 'From Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				description:
					"Only campaigns from this time on, sent as Kore.ai's startDate. A time without a time zone is read in the workflow's time zone.",
			},
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'multiOptions',
				options: PRIORITIES.map((priority) => ({ name: String(priority), value: priority })),
				default: [],
				description: 'Only campaigns with one of these priorities (1 to 5). Empty: any priority.',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: STATUSES.map((status) => ({ name: status, value: status })),
				default: [],
				description:
					'Only campaigns in one of these states, e.g. Active for the running ones. Empty: any status.',
			},
			{
				displayName: 'To Date',
				name: 'endDate',
				type: 'dateTime',
				default: '',
				description:
					"Only campaigns up to this time, sent as Kore.ai's endDate. A time without a time zone is read in the workflow's time zone.",
			},
		],
	},
	simplifyField,
	optionsField([
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			options: [
				{ name: 'Created At', value: 'createdAt' },
				{ name: 'Name', value: 'name' },
				{ name: 'Updated At', value: 'updatedAt' },
			],
			default: 'createdAt',
			description: 'The campaign field Kore.ai sorts the list by',
		},
		{
			displayName: 'Sort Order',
			name: 'sortOrder',
			type: 'options',
			options: [
				{ name: 'Ascending', value: 'asc' },
				{ name: 'Descending', value: 'desc' },
			],
			default: 'desc',
			description: 'Descending puts the newest (or Z) first',
		},
		streamIdOption,
	]),
];

export const getManyCampaigns: Operation<CampaignResourceInfo> = {
	value: 'getMany',
	name: 'Get Many',
	action: (resource) => `Get Many ${resource.label} Campaigns`,
	description: (resource) =>
		`List the account's ${resource.label} campaigns, one item per campaign, optionally filtered by status, priority and date`,
	properties,

	async execute(
		this: IExecuteFunctions,
		itemIndex: number,
		resource: CampaignResourceInfo,
	): Promise<IDataObject[]> {
		const limit = readLimit.call(this, itemIndex);
		const filtersIn = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const streamId = readStreamId.call(this, itemIndex);
		const sortBy = this.getNodeParameter('options.sortBy', itemIndex, 'createdAt') as string;
		const sortOrder = this.getNodeParameter('options.sortOrder', itemIndex, 'desc') as string;

		const filters: IDataObject = {};
		const status = readChoices.call(this, filtersIn.status, 'Filter Status', STATUSES, itemIndex);
		if (status.length > 0) filters.status = status;
		const priority = readChoices.call(
			this,
			filtersIn.priority,
			'Filter Priority',
			PRIORITIES,
			itemIndex,
		);
		if (priority.length > 0) filters.priority = priority;
		if (resource.campaignType === 'voice') {
			const dialingModes = readChoices.call(
				this,
				filtersIn.dialingMode,
				'Filter Dialing Modes',
				DIALING_MODES,
				itemIndex,
			);
			if (dialingModes.length > 0) filters.dialingMode = dialingModes;
		}
		const startDate = readDate.call(this, filtersIn.startDate, 'From Date', itemIndex);
		const endDate = readDate.call(this, filtersIn.endDate, 'To Date', itemIndex);

		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		const collected = await collectPages(
			async (skip, pageSize) =>
				await fetchCampaignPage.call(this, itemIndex, {
					campaignType: resource.campaignType,
					limit: pageSize,
					skip,
					sortBy: { [sortBy]: sortOrder },
					filters,
					startDate,
					endDate,
					streamId,
				}),
			{
				limit,
				pageSize: Math.min(limit, LIST_PAGE_SIZE),
				idOf: listedCampaignId,
				maxPages: MAX_PAGES,
			},
		);
		if (!collected.complete)
			throw incompleteListing(
				this.getNode(),
				itemIndex,
				`the app's ${resource.label} campaigns`,
				collected,
			);
		return collected.entries.map((entry) =>
			simplify ? simplifyListedCampaign(entry, resource.campaignType) : entry,
		);
	},
};

/** An ISO 8601 timestamp in UTC, read in the workflow's time zone when it names none. */
function readDate(
	this: IExecuteFunctions,
	raw: unknown,
	field: string,
	itemIndex: number,
): string | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	let date: DateTime | undefined;
	if (raw instanceof Date) date = DateTime.fromJSDate(raw);
	else if (DateTime.isDateTime(raw)) date = raw;
	else if (typeof raw === 'string')
		date = DateTime.fromISO(raw.trim(), { zone: this.getTimezone() });
	if (!date || !date.isValid) {
		throw new NodeOperationError(
			this.getNode(),
			`Filter ${field} of item ${itemIndex} is not a date: ${JSON.stringify(String(raw)).slice(0, 60)}. Use a date like 2025-12-01 or 2025-12-01T09:00:00Z.`,
			{ itemIndex },
		);
	}
	return date.toUTC().toISO() ?? undefined;
}
