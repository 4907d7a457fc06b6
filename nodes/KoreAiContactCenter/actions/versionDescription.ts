import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { deleteCampaign } from './campaign/delete.operation';
import { getCampaign } from './campaign/get.operation';
import { getManyCampaigns } from './campaign/getMany.operation';
import { getCampaignStatus } from './campaign/getStatus.operation';
import { startCampaign } from './campaign/start.operation';
import { stopCampaign } from './campaign/stop.operation';
import { addContacts } from './contactList/addContacts.operation';
import { createContactList } from './contactList/create.operation';
import { deleteContactList } from './contactList/delete.operation';
import { getContactList } from './contactList/get.operation';
import { getContactListContacts } from './contactList/getContacts.operation';
import { getManyContactLists } from './contactList/getMany.operation';
import { updateContactList } from './contactList/update.operation';
import { createSmsCampaign } from './campaign/createSms.operation';
import { createVoiceCampaign } from './campaign/createVoice.operation';
import { updateSmsCampaign } from './campaign/updateSms.operation';
import { updateVoiceCampaign } from './campaign/updateVoice.operation';
import { getCampaignResults } from './campaign/getResults.operation';
import { scheduleCampaign } from './campaign/schedule.operation';
import { unscheduleCampaign } from './campaign/unschedule.operation';
import { CONTACT_LIST, SMS_CAMPAIGN, VOICE_CAMPAIGN } from './resources';
import { actionSubtitle } from './subtitle';
import type {
	CampaignResourceInfo,
	Operation,
	Resource,
	ResourceInfo,
	ResourceOperation,
} from './types';

/**
 * What the action node offers: every resource with its operations (the registry the router runs
 * from), and the parameters n8n shows for them. The rest of the node's description (name, icon,
 * credentials) stays in KoreAiContactCenter.node.ts, where n8n's lint reads it.
 */

/** What SMS and voice campaigns both offer. */
const CAMPAIGN_OPERATIONS: Array<Operation<CampaignResourceInfo>> = [
	deleteCampaign,
	getCampaign,
	getManyCampaigns,
	getCampaignStatus,
	startCampaign,
	stopCampaign,
	getCampaignResults,
	scheduleCampaign,
	unscheduleCampaign,
];

/**
 * Every resource of the node with its operations. A new operation is a new file plus one line here.
 * Resource and operation lists are shown sorted by name.
 */
export const RESOURCES: Resource[] = [
	resource(SMS_CAMPAIGN, [...CAMPAIGN_OPERATIONS, createSmsCampaign, updateSmsCampaign], 'delete'),
	resource(
		VOICE_CAMPAIGN,
		[...CAMPAIGN_OPERATIONS, createVoiceCampaign, updateVoiceCampaign],
		'delete',
	),
	resource(
		CONTACT_LIST,
		[
			addContacts,
			createContactList,
			deleteContactList,
			getContactList,
			getContactListContacts,
			getManyContactLists,
			updateContactList,
		],
		'getMany',
	),
];

function resource<R extends ResourceInfo>(
	info: R,
	operations: Array<Operation<R>>,
	defaultOperation: string,
): Resource {
	return {
		info,
		operations: operations.map((operation) => forResource(operation, info)),
		defaultOperation,
	};
}

/** An operation's texts for one resource, and its work told which resource it serves. */
function forResource<R extends ResourceInfo>(operation: Operation<R>, info: R): ResourceOperation {
	const { execute, executeAll } = operation;
	return {
		from: operation,
		value: operation.value,
		name: operation.name,
		action: operation.action(info),
		description: operation.description(info),
		properties: operation.properties,
		execute:
			execute &&
			function (this: IExecuteFunctions, itemIndex: number) {
				return execute.call(this, itemIndex, info);
			},
		executeAll:
			executeAll &&
			function (this: IExecuteFunctions) {
				return executeAll.call(this, info);
			},
	};
}

/** The node's parameters: resource, one operation selector per resource, then each operation's fields. */
function nodeProperties(): INodeProperties[] {
	const resourceSelector: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCES.map(({ info }) => ({ name: info.name, value: info.value })).sort(byName),
		// A literal: n8n's lint checks that selectors have one. Saved workflows rely on it not changing.
		default: 'smsCampaign',
	};

	const operationSelectors = RESOURCES.map(
		({ info, operations, defaultOperation }): INodeProperties => ({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [info.value] } },
			options: operations
				.map(({ name, value, action, description }): INodePropertyOptions => ({
					name,
					value,
					action,
					description,
				}))
				.sort(byName),
			default: defaultOperation,
		}),
	);

	// An operation object that serves several resources has its fields listed once, shown for all of them.
	const servedBy = new Map<object, { operation: ResourceOperation; resources: string[] }>();
	for (const { info, operations } of RESOURCES) {
		for (const operation of operations) {
			const served = servedBy.get(operation.from) ?? { operation, resources: [] };
			served.resources.push(info.value);
			servedBy.set(operation.from, served);
		}
	}
	const fields = [...servedBy.values()].flatMap(({ operation, resources }) =>
		operation.properties.map((property): INodeProperties => ({
			...property,
			// An operation's own rules (Limit only without Return All) are kept.
			displayOptions: {
				...property.displayOptions,
				show: {
					...property.displayOptions?.show,
					resource: resources,
					operation: [operation.value],
				},
			},
		})),
	);

	return [resourceSelector, ...operationSelectors, ...fields];
}

function byName(a: { name: string }, b: { name: string }): number {
	return a.name.localeCompare(b.name);
}

export const properties = nodeProperties();

/** The canvas subtitle: the action as the nodes panel names it (subtitle.ts). */
export const subtitle = actionSubtitle(properties);
