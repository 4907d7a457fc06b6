import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../../common/text';
import { describeHttpError, type RequestSubject } from './errors';
import type { KoreAiResponse } from './exchange';

/**
 * Reading Kore.ai's final answer to a request: a success, "not found", or a refusal, each in the
 * words the user will read.
 *
 * A success is a 2xx whose body is a JSON object without `status: "failure"` (the campaign
 * endpoints answer some refusals with HTTP 200 and that status). A 2xx without a readable body never
 * gets here: sendWithRetries treats it as a damaged answer and retries or fails. "Not found" is Kore.ai's 404, or
 * a 4xx whose message says so: the documented error bodies do not say which status a missing
 * campaign gets (see errors.ts).
 */

export type Answer =
	| { kind: 'success'; body: IDataObject }
	| { kind: 'notFound'; message: string; advice?: string; httpCode: number; apiMessage?: string }
	| { kind: 'refused'; message: string; advice?: string; httpCode: number; apiMessage?: string };

export function readAnswer(response: KoreAiResponse, subject: RequestSubject): Answer {
	const { statusCode, body } = response;
	if (statusCode >= 200 && statusCode < 300 && isObject(body) && body.status !== 'failure')
		return { kind: 'success', body };
	const described = describeHttpError(statusCode, body, subject);
	return {
		kind: described.notFound ? 'notFound' : 'refused',
		message: described.message,
		advice: described.advice,
		httpCode: statusCode,
		apiMessage: described.apiMessage,
	};
}
