import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

/** Return All / Limit, as n8n's own nodes show them, for every operation that lists (campaigns, results, contact lists, contacts). */

export function returnAllFields(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** Infinity with Return All, else the checked Limit. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number {
	if (this.getNodeParameter('returnAll', itemIndex, false) === true) return Infinity;
	const raw = this.getNodeParameter('limit', itemIndex, 50);
	const limit = typeof raw === 'string' ? Number(raw) : raw;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(
			this.getNode(),
			`Limit of item ${itemIndex} must be a whole number of at least 1, not ${JSON.stringify(raw)}. Or turn on Return All.`,
			{ itemIndex },
		);
	}
	return limit;
}
