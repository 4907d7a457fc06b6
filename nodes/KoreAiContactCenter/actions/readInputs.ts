import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { checkIdentifier, EXAMPLE_IDS } from '../../../common/identifiers';
import { itemParameter } from './itemParameter';

/** Reads the per-item inputs that go into URL paths, refusing unsafe values before any request. */

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
	const raw = this.getNodeParameter(parameter, itemIndex, undefined, { extractValue: true, skipValidation: true });
	const result = checkIdentifier(raw, `${field} of item ${itemIndex}`, example);
	if ('problem' in result) throw new NodeOperationError(this.getNode(), result.problem, { itemIndex });
	return result.id;
}

/** The stream ID override from Options, or undefined to use the credential's App ID. */
export function readStreamId(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const raw = itemParameter.call(this, 'options.streamId', itemIndex, '');
	if (raw === '' || raw === undefined || raw === null) return undefined;
	return readIdentifier.call(this, 'options.streamId', 'Stream ID', itemIndex, EXAMPLE_IDS.stream);
}

/** The campaign an operation acts on, and the stream (app) it belongs to. */
export function readCampaignTarget(
	this: IExecuteFunctions,
	itemIndex: number,
): { campaignId: string; streamId: string | undefined } {
	return {
		campaignId: readIdentifier.call(this, 'campaignId', 'Campaign ID', itemIndex, EXAMPLE_IDS.campaign),
		streamId: readStreamId.call(this, itemIndex),
	};
}
