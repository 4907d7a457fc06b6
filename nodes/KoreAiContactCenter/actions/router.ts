import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { itemParameter } from '../../../common/itemParameter';
import { readNumberOption } from '../transport/settings';
import type { AllItemsOutcome, ResourceOperation } from './types';
import { RESOURCES } from './versionDescription';

/** Concurrency applies to the whole execution: it is read from the first item. */
function readConcurrency(this: IExecuteFunctions): number {
	return readNumberOption.call(this, 'concurrency', 0);
}

interface FailedItem {
	itemIndex: number;
	error: NodeApiError | NodeOperationError;
}

/**
 * Runs the chosen operation for every input item, up to Concurrency items at once (Options; read
 * from the first item, default 5). One output item per input item (operations that list, such as
 * Get Many or Get Results: one per entry found, possibly none), in input order, paired with it,
 * whatever finishes first. Operations that take every item at once (Add Contacts) run once.
 *
 * A failed item either stops the execution (n8n's default) or, with "On Error: Continue", becomes
 * an item holding only `error`, which n8n routes to the error output when that is enabled; the
 * other items go on. When stopping, no new item is started, items in flight finish, and the error
 * of the first failed item (in input order) is thrown.
 *
 * Canceling the execution stops every item at once (waits and requests in flight are aborted by
 * the transport) and nothing more is started.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const outputs: INodeExecutionData[][] = new Array(items.length);
	const signal = this.getExecutionCancelSignal();
	const continueOnFail = this.continueOnFail();
	if (items.length === 0) return [[]];

	// An operation that takes every item at once (Add Contacts) runs once, not per item.
	const allAtOnce = operationForAllItems.call(this);
	if (allAtOnce) return [await runAllAtOnce.call(this, allAtOnce)];

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
					if (first === undefined || itemIndex < first.itemIndex)
						failed.first = { itemIndex, error: nodeError };
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));

	if (signal?.aborted) {
		// n8n recognises a cancellation by "canceled" in the message (its spelling).
		throw new NodeOperationError(
			this.getNode(),
			'The execution was canceled before every item was done.',
		);
	}
	if (failed.first !== undefined) throw failed.first.error;
	return [outputs.flat()];
}

/** Not async (the worker awaits it inside its try): one promise less per item. */
function runOne(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const operation = chooseOperation.call(this, itemIndex);
	if (!operation.execute) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation.name}" cannot run item by item.`,
			{ itemIndex },
		);
	}
	return operation.execute.call(this, itemIndex);
}

/**
 * The operation when it is one that takes every item at once. Resource and Operation cannot be
 * expressions (noDataExpression), so item 0 speaks for all. Anything wrong is left to the
 * per-item path, which reports it against each item.
 */
function operationForAllItems(this: IExecuteFunctions): ResourceOperation | undefined {
	try {
		const chosen = chooseOperation.call(this, 0);
		return chosen.executeAll ? chosen : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Runs an `executeAll` operation and pairs each of its outcomes with the input items it stands for
 * (an array of pairs when it stands for several: one request made of many items). An error the
 * operation throws concerns every item: with "On Error: Continue" each item gets it.
 */
async function runAllAtOnce(
	this: IExecuteFunctions,
	operation: ResourceOperation,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	let outcomes: AllItemsOutcome[];
	try {
		outcomes = await (operation.executeAll as NonNullable<ResourceOperation['executeAll']>).call(
			this,
		);
	} catch (error) {
		const nodeError = asNodeError.call(this, error, 0);
		if (!this.continueOnFail() || this.getExecutionCancelSignal()?.aborted) throw nodeError;
		return items.map((_item, itemIndex) => errorItem(nodeError, itemIndex));
	}
	if (this.getExecutionCancelSignal()?.aborted) {
		throw new NodeOperationError(
			this.getNode(),
			'The execution was canceled before every item was done.',
		);
	}
	return outcomes.map((outcome) => {
		const pairedItem =
			outcome.items.length === 1
				? { item: outcome.items[0] }
				: outcome.items.map((item) => ({ item }));
		return 'error' in outcome
			? { json: { error: errorText(outcome.error) }, pairedItem }
			: { json: outcome.json, pairedItem };
	});
}

function chooseOperation(this: IExecuteFunctions, itemIndex: number): ResourceOperation {
	const resourceValue = itemParameter.call(this, 'resource', itemIndex) as string;
	const chosen = RESOURCES.find(({ info }) => info.value === resourceValue);
	if (!chosen) {
		// Checked first: for an unknown resource n8n cannot even read the Operation parameter.
		throw new NodeOperationError(
			this.getNode(),
			`The resource "${resourceValue}" is not supported by this version of the node. Choose one from the Resource list (${RESOURCES.map(({ info }) => info.name).join(', ')}).`,
			{ itemIndex },
		);
	}
	const operationValue = itemParameter.call(this, 'operation', itemIndex) as string;
	const operation = chosen.operations.find((candidate) => candidate.value === operationValue);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationValue}" on "${chosen.info.name}" is not supported by this version of the node. Choose one from the Operation list.`,
			{ itemIndex },
		);
	}
	return operation;
}

/**
 * Operations throw NodeApiError (Kore.ai answered or could not be reached) or NodeOperationError
 * (input or configuration); anything else is a bug, still reported against the item.
 */
function asNodeError(
	this: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(this.getNode(), error instanceof Error ? error : String(error), {
		itemIndex,
	});
}

/**
 * The item n8n expects for a failed item under "On Error: Continue": `{ error }` and nothing else.
 * n8n 1.x sends an item to the error output only when its json is exactly `{ error }` or
 * `{ error, message }` (2.x also allows `details`), and both lines replace the json of items that
 * carry `item.error`. So the text itself says everything: the HTTP status and, after retries, how
 * many tries were made. On the error output n8n merges in the input row (the campaign ID).
 */
function errorItem(
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	return { json: { error: errorText(error) }, pairedItem: { item: itemIndex } };
}

/**
 * An error as one text: its title, then its advice when it has one. n8n's error panel shows the two
 * apart (message, description); an error item has only `error` to carry both.
 */
function errorText(error: NodeApiError | NodeOperationError): string {
	const advice = error.description;
	return typeof advice === 'string' && advice !== '' && advice !== error.message
		? `${error.message} ${advice}`
		: error.message;
}
