import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../../common/text';
import { describeHttpError, extractApiMessage, type RequestSubject } from './errors';
import type { KoreAiResponse } from './exchange';

/**
 * Reading Kore.ai's final answer to a request: a success, "not found", or a refusal, each in the
 * words the user will read.
 *
 * A success is a 2xx whose body is a JSON object without `status: "failure"` (the campaign
 * endpoints answer some refusals with HTTP 200 and that status). "Not found" is Kore.ai's 404, or
 * a 4xx whose message says so: the documented error bodies do not say which status a missing
 * campaign gets (see errors.ts).
 */

export type Answer =
	| { kind: 'success'; body: IDataObject }
	| { kind: 'notFound'; message: string; httpCode: number; apiMessage?: string }
	| { kind: 'refused'; message: string; httpCode: number; apiMessage?: string };

export function readAnswer(response: KoreAiResponse, subject: RequestSubject): Answer {
	const { statusCode, body } = response;
	const is2xx = statusCode >= 200 && statusCode < 300;
	if (is2xx && isObject(body) && body.status !== 'failure') return { kind: 'success', body };
	if (is2xx && !isObject(body)) {
		return { kind: 'refused', message: damagedAnswerMessage(statusCode, body, subject), httpCode: statusCode, apiMessage: extractApiMessage(body) };
	}
	const described = describeHttpError(statusCode, body, subject);
	return {
		kind: described.notFound ? 'notFound' : 'refused',
		message: described.message,
		httpCode: statusCode,
		apiMessage: described.apiMessage,
	};
}

/** Kore.ai did the work but its answer arrived damaged (cut off, not JSON). */
export function damagedAnswerMessage(statusCode: number, body: unknown, subject: RequestSubject): string {
	const apiMessage = extractApiMessage(body);
	return `Kore.ai answered HTTP ${statusCode} without a readable JSON body while trying to ${subject.action}${apiMessage ? ` (${apiMessage})` : ''}. Try again; if it persists, check the Environment URL.`;
}

/** Whether a 2xx arrived without a readable JSON object: worth another try (retry.ts). */
export function isDamagedSuccess(response: KoreAiResponse): boolean {
	return response.statusCode >= 200 && response.statusCode < 300 && !isObject(response.body);
}
