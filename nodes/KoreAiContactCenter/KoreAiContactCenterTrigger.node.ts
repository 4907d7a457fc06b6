import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { matchChoices, readNameList } from '../../common/lists';
import { CAMPAIGN_STATUSES as STATUSES, type CampaignType } from './api/campaign';
import { readTarget } from './transport/target';
import { compareListing, type CampaignChange, type TriggerEvent } from './trigger/changes';
import { listAllCampaigns, type Listing } from './trigger/listing';
import { readMemory, rememberedOf, writeMemory, type Memory } from './trigger/memory';
import { sampleChange } from './trigger/sample';

/**
 * Starts a workflow when a Kore.ai campaign changes. Kore.ai documents no campaign webhooks, so the
 * trigger polls, as n8n's own polling triggers do: at each of n8n's Poll Times it lists the app's
 * campaigns (trigger/listing.ts), compares them with what it remembers (trigger/changes.ts,
 * trigger/memory.ts) and emits one item per change.
 *
 * - The first poll after activation only remembers: existing campaigns are not changes.
 * - The memory is replaced only after every listing of the poll succeeded, right before the items
 *   are handed to n8n, so a poll that fails emits nothing and the next one finds the same changes.
 * - "Fetch Test Event" (manual mode) shows the changes since the last saved poll without keeping
 *   anything (n8n does not save static data of manual runs), or a sample (trigger/sample.ts) when
 *   there are none, so the active workflow still gets every change.
 */

const EVENTS: Array<{ name: string; value: TriggerEvent; description: string }> = [
	{ name: 'Campaign Created', value: 'created', description: 'A campaign appeared in the app' },
	{ name: 'Campaign Deleted', value: 'deleted', description: 'A campaign is no longer in the app' },
	{
		name: 'Campaign Status Changed',
		value: 'statusChanged',
		description: 'A campaign went from one status to another, e.g. Active to Completed',
	},
];

/**
 * n8n's nodes panel (1.123 and 2.41, editor-ui `generateMergedNodesAndActions`) lists this trigger
 * and the action node as ONE entry: it merges a trigger into the node whose name is the trigger's
 * without "Trigger" (koreAiContactCenterTrigger -> koreAiContactCenter), whatever the order of the
 * nodes in package.json, and gives that entry the trigger's description, in search results and on
 * the node's details page. So this describes both nodes, the actions first: someone who searched
 * for "delete sms campaign" reads that this is what they looked for.
 */
const PANEL_DESCRIPTION =
	'Delete, create, start and stop Kore.ai Contact Center SMS and voice campaigns, fill contact lists, or start a workflow when a campaign changes';

const CAMPAIGN_TYPES: Record<string, CampaignType[]> = {
	sms: ['sms'],
	voice: ['voice'],
	both: ['sms', 'voice'],
};

export class KoreAiContactCenterTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kore.ai Contact Center Trigger',
		name: 'koreAiContactCenterTrigger',
		icon: { light: 'file:../../icons/koreai.svg', dark: 'file:../../icons/koreai.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ ($parameter["campaignType"] === "voice" ? "Voice" : $parameter["campaignType"] === "sms" ? "SMS" : "SMS and voice") + " campaigns" }}',
		description: PANEL_DESCRIPTION,
		defaults: { name: 'Kore.ai Contact Center Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'koreAiApi', required: true }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENTS,
				required: true,
				default: ['statusChanged'],
				description: 'The campaign changes that start the workflow, one item per change',
			},
			{
				displayName: 'Only to Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: STATUSES.map((status) => ({ name: status, value: status })),
				default: [],
				description:
					'Only status changes to one of these statuses, e.g. Completed and Stopped. Empty: every status change.',
				displayOptions: { show: { events: ['statusChanged'] } },
			},
			{
				displayName: 'Campaign Type',
				name: 'campaignType',
				type: 'options',
				options: [
					{ name: 'SMS', value: 'sms' },
					{ name: 'SMS and Voice', value: 'both' },
					{ name: 'Voice', value: 'voice' },
				],
				default: 'both',
				description:
					'Which campaigns to watch. Each type is one listing (one request per 100 campaigns) per poll.',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const events = readEvents.call(this);
		const statuses = readStatuses.call(this);
		const types = CAMPAIGN_TYPES[this.getNodeParameter('campaignType', 'both') as string];
		if (types === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				'Campaign Type must be SMS, Voice or SMS and Voice. Choose one in the node.',
			);
		}

		const target = await readTarget.call(this, 0);
		const staticData = this.getWorkflowStaticData('node');
		const before = readMemory(staticData, `${target.origin} ${target.accountId} ${target.appId}`);
		const after: Memory = { v: before.v, scope: before.scope };
		// Types no longer watched are forgotten: watched again later, they start afresh.
		let differs =
			(before.sms !== undefined && !types.includes('sms')) ||
			(before.voice !== undefined && !types.includes('voice'));
		const changes: CampaignChange[] = [];
		const listings: Listing[] = [];
		for (const type of types) {
			const listing = await listAllCampaigns.call(this, type);
			listings.push(listing);
			const comparison = compareListing(rememberedOf(before, type), listing);
			if (comparison.remembered !== undefined) after[type] = comparison.remembered;
			differs ||= comparison.differs;
			changes.push(...comparison.changes);
		}

		const seenAt = new Date().toISOString();
		const wanted = changes.filter(
			(change) =>
				events.includes(change.event) &&
				(change.event !== 'statusChanged' ||
					statuses.length === 0 ||
					statuses.includes(change.status ?? '')),
		);
		if (this.getMode() === 'manual') {
			const shown =
				wanted.length > 0
					? wanted.map((change) => toItem(change, seenAt))
					: [{ ...toItem(sampleChange(listings, events, types[0]), seenAt), sample: true }];
			return [this.helpers.returnJsonArray(shown)];
		}
		// Every listing succeeded: from here on these changes count as seen.
		if (differs) writeMemory(staticData, after);
		return wanted.length > 0
			? [this.helpers.returnJsonArray(wanted.map((change) => toItem(change, seenAt)))]
			: null;
	}
}

function toItem(change: CampaignChange, seenAt: string): IDataObject {
	const item: IDataObject = {
		event: change.event,
		campaignId: change.campaignId,
		name: change.name,
		campaignType: change.campaignType,
		previousStatus: change.previousStatus,
		status: change.status,
	};
	if (change.updatedAt !== undefined) item.updatedAt = change.updatedAt;
	item.seenAt = seenAt;
	return item;
}

function readEvents(this: IPollFunctions): TriggerEvent[] {
	const raw = this.getNodeParameter('events', []) as unknown;
	const values = Array.isArray(raw) ? raw : [raw];
	const events = EVENTS.map((event) => event.value).filter((value) => values.includes(value));
	if (events.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`Events is empty or unknown (${JSON.stringify(raw).slice(0, 60)}): choose at least one of Campaign Created, Campaign Deleted, Campaign Status Changed.`,
		);
	}
	return events;
}

function readStatuses(this: IPollFunctions): string[] {
	const matched = matchChoices(readNameList(this.getNodeParameter('statuses', [])), STATUSES);
	if ('chosen' in matched) return matched.chosen;
	throw new NodeOperationError(
		this.getNode(),
		`Only to Statuses has "${matched.unknown.slice(0, 40)}", which Kore.ai does not know. Use one or more of: ${STATUSES.join(', ')}.`,
	);
}
