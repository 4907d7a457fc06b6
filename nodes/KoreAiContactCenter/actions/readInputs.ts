import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { checkIdentifier, EXAMPLE_IDS } from '../../../common/identifiers';
import { matchChoices, readNameList } from '../../../common/lists';
import { allowedNumber, numberProblem, numberRule } from '../../../common/numbers';
import { itemParameter } from '../../../common/itemParameter';

/** Reads an item's inputs, each kind by one rule: IDs (which go into URL paths, refused when unsafe before any request), choices, numbers. */

/** An identifier parameter of one item (a resource locator's value, or plain text), checked. */
export function readIdentifier(
	this: IExecuteFunctions,
	parameter: string,
	field: string,
	itemIndex: number,
	example: string,
): string {
	// skipValidation: n8n's schema check would look the field up among the node's hundred-odd (for
	// every item) to apply a `validateType` none of the node's fields has; checkIdentifier checks it.
	const raw = this.getNodeParameter(parameter, itemIndex, undefined, {
		extractValue: true,
		skipValidation: true,
	});
	return checkedIdentifier.call(this, raw, field, itemIndex, example);
}

function checkedIdentifier(
	this: IExecuteFunctions,
	raw: unknown,
	field: string,
	itemIndex: number,
	example: string,
): string {
	const result = checkIdentifier(raw, `${field} of item ${itemIndex}`, example);
	if ('problem' in result)
		throw new NodeOperationError(this.getNode(), result.problem, { itemIndex });
	return result.id;
}

/** The stream ID override from Options, or undefined to use the credential's App ID. */
export function readStreamId(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const raw = itemParameter.call(this, 'options.streamId', itemIndex, '');
	if (raw === '' || raw === undefined || raw === null) return undefined;
	return checkedIdentifier.call(this, raw, 'Stream ID', itemIndex, EXAMPLE_IDS.stream);
}

/** The campaign an operation acts on, and the stream (app) it belongs to. */
export function readCampaignTarget(
	this: IExecuteFunctions,
	itemIndex: number,
): { campaignId: string; streamId: string | undefined } {
	return {
		campaignId: readIdentifier.call(
			this,
			'campaignId',
			'Campaign ID',
			itemIndex,
			EXAMPLE_IDS.campaign,
		),
		streamId: readStreamId.call(this, itemIndex),
	};
}

/**
 * A multi-choice filter as the editor sets it (a list), or as an expression or an AI agent may
 * give it: one value, or text like "Active, Paused" (common/lists.ts). Matched without regard to
 * case. `field` names the field in the error sentence ("Filter Status").
 */
export function readChoices<T extends string | number>(
	this: IExecuteFunctions,
	raw: unknown,
	field: string,
	allowed: T[],
	itemIndex: number,
): T[] {
	const matched = matchChoices(readNameList(raw), allowed);
	if ('chosen' in matched) return matched.chosen;
	throw new NodeOperationError(
		this.getNode(),
		`${field} of item ${itemIndex} has "${matched.unknown.slice(0, 40)}", which Kore.ai does not know. Use one or more of: ${allowed.join(', ')}.`,
		{ itemIndex },
	);
}

/**
 * A number field of one item, checked by the field's own rule (common/numbers.ts). `parameter` is
 * where the value is ("options.maxWait"), `where` how the sentence names it ("Limit of item 0"),
 * `advice` what the sentence adds.
 */
export function readNumber(
	this: IExecuteFunctions,
	field: INodeProperties,
	itemIndex: number,
	{ parameter = field.name, where = `${field.displayName} of item ${itemIndex}`, advice = '' } = {},
): number {
	const raw = this.getNodeParameter(parameter, itemIndex, field.default) as unknown;
	const rule = numberRule(field);
	const value = allowedNumber(raw, rule);
	if (value !== undefined) return value;
	throw new NodeOperationError(this.getNode(), `${numberProblem(where, rule, raw)}${advice}`, {
		itemIndex,
	});
}
