import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readNumber } from './readInputs';

/** Return All / Limit, as n8n's own nodes show them, for every operation that lists (campaigns, results, contact lists, contacts). */

const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export function returnAllFields(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		limitField,
	];
}

/** Infinity with Return All, else the checked Limit. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number {
	if (this.getNodeParameter('returnAll', itemIndex, false) === true) return Infinity;
	return readNumber.call(this, limitField, itemIndex, { advice: ' Or turn on Return All.' });
}
