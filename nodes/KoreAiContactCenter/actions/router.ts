import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { deleteCampaign } from './campaign/delete.operation';
import { getCampaign } from './campaign/get.operation';
import { getManyCampaigns } from './campaign/getMany.operation';
import { getCampaignStatus } from './campaign/getStatus.operation';
import { startCampaign } from './campaign/start.operation';
import { stopCampaign } from './campaign/stop.operation';
import { readConcurrency } from '../transport/requestOptions';
import { CAMPAIGN_RESOURCES, type CampaignOperation, type CampaignResource } from './types';

/** Every operation of the node. A new operation is a new file plus one line here. */
const OPERATIONS: CampaignOperation[] = [
	deleteCampaign,
	getCampaign,
	getManyCampaigns,
	getCampaignStatus,
	startCampaign,
	stopCampaign,
];

const RESOURCE_NAMES = Object.keys(CAMPAIGN_RESOURCES) as CampaignResource[];

/** The node's parameters: resource, one operation selector per resource, then each operation's fields. */
export function nodeProperties(): INodeProperties[] {
	const resource: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCE_NAMES.map((name) => ({
			name: `${CAMPAIGN_RESOURCES[name].label} Campaign`,
			value: name,
		})),
		default: 'smsCampaign',
	};

	const operationSelectors: INodeProperties[] = RESOURCE_NAMES.map((name) => {
		const { label } = CAMPAIGN_RESOURCES[name];
		return {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [name] } },
			options: OPERATIONS.map(
				(operation): INodePropertyOptions => ({
					name: operation.name,
					value: operation.value,
					action: operation.action(label),
					description: operation.description(label),
				}),
			).sort((a, b) => a.name.localeCompare(b.name)),
			default: 'delete',
		};
	});

	const fields = OPERATIONS.flatMap((operation) =>
		operation.properties.map(
			(property): INodeProperties => ({
				...property,
				// An operation's own rules (Limit only without Return All) are kept.
				displayOptions: {
					...property.displayOptions,
					show: { ...property.displayOptions?.show, resource: RESOURCE_NAMES, operation: [operation.value] },
				},
			}),
		),
	);

	return [resource, ...operationSelectors, ...fields];
}

interface FailedItem {
	itemIndex: number;
	error: NodeApiError | NodeOperationError;
}

/**
 * Runs the chosen operation for every input item, up to Concurrency items at once (Options; read
 * from the first item, default 5). One output item per input item (Get Many: one per campaign
 * found, possibly none), in input order, paired with it, whatever finishes first.
 *
 * A failed item either stops the execution (n8n's default) or, with "On Error: Continue", becomes
 * an item holding only `error`, which n8n routes to the error output when that is enabled; the
 * other items go on. When stopping, no new item is started, items in flight finish, and the error
 * of the first failed item (in input order) is thrown.
 *
 * Cancelling the execution stops every item at once (waits and requests in flight are aborted by
 * the transport) and nothing more is started.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const outputs: INodeExecutionData[][] = new Array(items.length);
	const signal = this.getExecutionCancelSignal();
	const continueOnFail = this.continueOnFail();
	if (items.length === 0) return [[]];

	let concurrency: number;
	try {
		concurrency = readConcurrency.call(this);
	} catch (error) {
		// The setting itself is wrong: no item can run, and nothing was sent.
		const nodeError = asNodeError.call(this, error, 0);
		if (!continueOnFail) throw nodeError;
		return [items.map((_item, itemIndex) => errorItem(nodeError, itemIndex))];
	}

	let next = 0;
	// In an object: TypeScript does not follow assignments made inside the workers.
	const failed: { first?: FailedItem } = {};
	const worker = async (): Promise<void> => {
		while (next < items.length && failed.first === undefined && !signal?.aborted) {
			const itemIndex = next++;
			try {
				const output = await runOne.call(this, itemIndex);
				outputs[itemIndex] = (Array.isArray(output) ? output : [output]).map((json) => ({
					json,
					pairedItem: { item: itemIndex },
				}));
			} catch (error) {
				const nodeError = asNodeError.call(this, error, itemIndex);
				if (continueOnFail && !signal?.aborted) {
					outputs[itemIndex] = [errorItem(nodeError, itemIndex)];
				} else {
					const first = failed.first as FailedItem | undefined;
					if (first === undefined || itemIndex < first.itemIndex) failed.first = { itemIndex, error: nodeError };
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));

	if (signal?.aborted) {
		// n8n recognises a cancellation by "canceled" in the message (its spelling).
		throw new NodeOperationError(this.getNode(), 'The execution was canceled before every item was done.');
	}
	if (failed.first !== undefined) throw failed.first.error;
	return [outputs.flat()];
}

async function runOne(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const resource = this.getNodeParameter('resource', itemIndex) as string;
	const resourceInfo = CAMPAIGN_RESOURCES[resource as CampaignResource];
	if (!resourceInfo) {
		// Checked first: for an unknown resource n8n cannot even read the Operation parameter.
		throw new NodeOperationError(
			this.getNode(),
			`The resource "${resource}" is not supported by this version of the node. Choose one from the Resource list (SMS Campaign or Voice Campaign).`,
			{ itemIndex },
		);
	}
	const operationName = this.getNodeParameter('operation', itemIndex) as string;
	const operation = OPERATIONS.find((candidate) => candidate.value === operationName);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" on "${resource}" is not supported by this version of the node. Choose one from the Operation list.`,
			{ itemIndex },
		);
	}
	return await operation.execute.call(this, itemIndex, {
		resource: resource as CampaignResource,
		campaignType: resourceInfo.campaignType,
		typeLabel: resourceInfo.label,
	});
}

/**
 * Operations throw NodeApiError (Kore.ai answered or could not be reached) or NodeOperationError
 * (input or configuration); anything else is a bug, still reported against the item.
 */
function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(this.getNode(), error instanceof Error ? error : String(error), { itemIndex });
}

/**
 * The item n8n expects for a failed item under "On Error: Continue": `{ error }` and nothing else.
 * n8n 1.x sends an item to the error output only when its json is exactly `{ error }` or
 * `{ error, message }` (2.x also allows `details`), and both lines replace the json of items that
 * carry `item.error`. So the sentence itself says everything: the HTTP status and, after retries,
 * how many tries were made. On the error output n8n merges in the input row (the campaign ID).
 */
export function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, pairedItem: { item: itemIndex } };
}
