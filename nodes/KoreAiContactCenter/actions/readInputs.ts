import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { checkIdentifier } from '../validation/identifiers';
import { CAMPAIGN_ID_EXAMPLE } from './common.fields';

/** Reads the per-item inputs that go into URL paths, refusing unsafe values before any request. */

export function readCampaignId(this: IExecuteFunctions, itemIndex: number): string {
	const raw = this.getNodeParameter('campaignId', itemIndex, undefined, { extractValue: true });
	return checked.call(this, raw, 'Campaign ID', itemIndex, CAMPAIGN_ID_EXAMPLE);
}

/** The stream ID override from Options, or undefined to use the credential's App ID. */
export function readStreamId(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const raw = this.getNodeParameter('options.streamId', itemIndex, '');
	if (raw === '' || raw === undefined || raw === null) return undefined;
	return checked.call(this, raw, 'Stream ID', itemIndex, 'st-0603182c-7ffb-53c3-b307-47ca14bxxxxx');
}

/** The campaign an operation acts on, and the stream (app) it belongs to. */
export function readCampaignTarget(
	this: IExecuteFunctions,
	itemIndex: number,
): { campaignId: string; streamId: string | undefined } {
	return { campaignId: readCampaignId.call(this, itemIndex), streamId: readStreamId.call(this, itemIndex) };
}

function checked(this: IExecuteFunctions, raw: unknown, field: string, itemIndex: number, example: string): string {
	const result = checkIdentifier(raw, field, itemIndex, example);
	if ('problem' in result) throw new NodeOperationError(this.getNode(), result.problem, { itemIndex });
	return result.id;
}
