import type { NodeApiError } from 'n8n-workflow';

import { secondsText } from '../../../common/text';
import type { KoreAiCaller } from './caller';
import { extractApiMessage, koreAiApiError, type RequestSubject } from './errors';
import type { Sentence } from './networkErrors';
import type { KoreAiResponse } from './exchange';
import type { Effect, StopReason } from './retry';

/**
 * The error for a request that got no usable answer after its tries (sendWithRetries.ts): what
 * happened last, then either what to do and how many tries were made, or, when repeating the
 * request was not safe, that it was not tried again. Sentences come in parts (errors.ts), so the
 * "Try again." of a lost connection is left out rather than cut off afterwards.
 */

/** A try that brought no usable answer. */
export type TryFailure =
	/** Worth another try; `effect` says whether this try may have done something. */
	| {
			kind: 'retryable';
			effect: Effect;
			response?: KoreAiResponse;
			networkCode?: string;
			sentence: Sentence;
	  }
	| { kind: 'fatal'; networkCode?: string; sentence: Sentence };

interface FailureInfo {
	attempts: number;
	startedAt: number;
	itemIndex: number;
	stop?: StopReason;
}

const NOT_REPEATED =
	'It was not tried again: Kore.ai may already have acted on it, and repeating this request is not safe. Check in Kore.ai whether it was done before running it again.';

export function failure(this: KoreAiCaller, outcome: TryFailure, info: FailureInfo): NodeApiError {
	const { what, advice } = outcome.sentence;
	const parts = [what];
	if (info.stop?.kind === 'unsafe') {
		parts.push(NOT_REPEATED);
	} else {
		if (advice !== undefined) parts.push(advice);
		if (info.attempts > 1 || info.stop?.kind === 'maxTotalWait') parts.push(triesSentence(info));
	}
	const response = outcome.kind === 'retryable' ? outcome.response : undefined;
	return koreAiApiError(
		this.getNode(),
		{
			message: parts.join(' '),
			attempts: info.attempts,
			httpCode: response?.statusCode,
			apiMessage: response ? extractApiMessage(response.body) : undefined,
			networkCode: outcome.networkCode,
		},
		info.itemIndex,
	);
}

/** A 2xx whose body is cut off or not JSON: Kore.ai did the work, its answer arrived damaged. */
export function damagedAnswer(
	statusCode: number,
	body: unknown,
	subject: RequestSubject,
): Sentence {
	const apiMessage = extractApiMessage(body);
	return {
		what: `Kore.ai answered HTTP ${statusCode} without a readable JSON body while trying to ${subject.action}${apiMessage ? ` (${apiMessage})` : ''}.`,
		advice: 'Try again; if it persists, check the Environment URL.',
	};
}

function triesSentence(info: FailureInfo): string {
	const tries = info.attempts === 1 ? 'once' : `${info.attempts} times`;
	const over = secondsText(Date.now() - info.startedAt);
	const stop = info.stop;
	if (stop?.kind === 'maxTotalWait') {
		const waitWhy = stop.fromRetryAfter ? 'Kore.ai asked to wait' : 'the next retry would wait';
		return `Tried ${tries} in ${over}; gave up because ${waitWhy} ${secondsText(stop.neededMs)} more, beyond Max Total Wait (${secondsText(stop.maxTotalWaitMs)}).`;
	}
	if (stop?.kind === 'maxTries')
		return `Tried ${tries} in ${over} (Max Tries is ${stop.maxTries}).`;
	return `Tried ${tries} in ${over}.`;
}
