import type { IDataObject, NodeApiError } from 'n8n-workflow';

import { readAnswer } from './answers';
import type { KoreAiCaller } from './caller';
import { koreAiApiError } from './errors';
import type { KoreAiRequest } from './exchange';
import { sendWithRetries } from './sendWithRetries';

/**
 * The one way the nodes talk to Kore.ai. An operation says what it wants and gets a typed result:
 *
 * - `koreAiRequest`: Kore.ai's JSON body on success; anything else throws the node's error,
 *   worded for the user (errors.ts).
 * - `koreAiRequestOrNotFound`: "not found" is a result, not an error (Delete, with "Treat Missing
 *   Campaigns as Deleted"); it says whether an earlier try whose answer was lost may have done the
 *   work, and carries the ready error for a caller to whom it is one.
 *
 * Every request goes through the account's pacer, retries, timeouts and cancellation
 * (sendWithRetries.ts), and is signed by the credential.
 */

export { pathSegment, type KoreAiRequest } from './exchange';
export type { KoreAiCaller } from './caller';
export type { IfMissing } from './errors';

export interface Found {
	found: true;
	body: IDataObject;
}

export interface NotFound {
	found: false;
	/** Tries made, this one included. */
	attempts: number;
	/** An earlier try may have done the work (its answer was lost), so "not found" may mean "done". */
	earlierTryMayHaveTakenEffect: boolean;
	/** The error for a caller that decides "not found" is an error after all: Kore.ai's sentence and what to do. */
	error: NodeApiError;
	/** The app (stream) that was asked. */
	streamId: string;
}

/** Kore.ai's JSON body on success; anything else throws the node's error, worded for the user. */
export async function koreAiRequest(
	this: KoreAiCaller,
	itemIndex: number,
	request: KoreAiRequest,
): Promise<IDataObject> {
	const result = await koreAiRequestOrNotFound.call(this, itemIndex, request);
	if (result.found) return result.body;
	throw result.error;
}

/** Like koreAiRequest, but "not found" is a result, not an error. */
export async function koreAiRequestOrNotFound(
	this: KoreAiCaller,
	itemIndex: number,
	request: KoreAiRequest,
): Promise<Found | NotFound> {
	const delivery = await sendWithRetries.call(this, itemIndex, request);
	const answer = readAnswer(delivery.response, delivery.subject);
	if (answer.kind === 'success') return { found: true, body: answer.body };
	const error = answerError.call(this, answer, delivery.attempts, itemIndex);
	if (answer.kind === 'refused') throw error;
	return {
		found: false,
		attempts: delivery.attempts,
		earlierTryMayHaveTakenEffect: delivery.earlierTryMayHaveTakenEffect,
		error,
		streamId: delivery.subject.streamId,
	};
}

function answerError(
	this: KoreAiCaller,
	answer: { message: string; advice?: string; httpCode: number; apiMessage?: string },
	attempts: number,
	itemIndex: number,
): NodeApiError {
	const { message, advice, httpCode, apiMessage } = answer;
	return koreAiApiError(
		this.getNode(),
		{ message, advice, attempts, httpCode, apiMessage },
		itemIndex,
	);
}
