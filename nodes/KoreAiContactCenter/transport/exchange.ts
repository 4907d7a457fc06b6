import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { CREDENTIAL_TYPE, isExecution, type KoreAiCaller } from './caller';
import type { IfMissing } from './errors';
import type { KoreAiTarget } from './target';

/**
 * One HTTP exchange with Kore.ai, nothing more: no retry, no pacing, no judgement of the answer.
 * The credential adds the signed token and the `iid`/`accountId` headers (KoreAiApi.credentials.ts).
 *
 * The v2 campaign endpoints live under `/campaign/api/v2/public/{streamId}` and take `accountId` as a
 * query parameter as well as a header (a few of their pages leave the parameter out; the contract,
 * sandbox/contract/endpoints.js, says why it is sent anyway). Kore.ai's "Add Contacts to Contact
 * List" page documents `/api/1.1/public/{streamId}` with no query at all, so none is sent there.
 *
 * A body of `{}` (Start, Stop, Get Status, Unschedule: their pages send `--data '{}'` with
 * `Content-Type: application/json`) is sent as the text "{}": n8n's HTTP helper drops an empty object.
 */

const API_PREFIXES = {
	campaignV2: '/campaign/api/v2/public/',
	publicV1: '/api/1.1/public/',
} as const;

export interface KoreAiRequest {
	method: IHttpRequestMethods;
	/** Path below the API prefix and stream ID, its segments already encoded. */
	path: string;
	/** Which API prefix the path is below; `campaignV2` (`/campaign/api/v2/public/`) when not given. */
	api?: keyof typeof API_PREFIXES;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Stream ID for the path; the credential's App ID when not given. */
	streamId?: string;
	/** What is attempted, for error sentences: "delete SMS campaign cd-1". */
	action: string;
	/** The campaign the path names, for "Campaign cd-1 was not found" sentences. */
	campaignId?: string;
	/** What else the path names, for the "not found" sentence: `{ what: 'Contact list cl-1', advice }`. */
	ifMissing?: IfMissing;
	/**
	 * Whether repeating the request after a try that may have taken effect does no harm (see
	 * retry.ts). Default: true for GET, DELETE and PUT, false for POST; read-only POST endpoints
	 * (list, status) should say true.
	 */
	idempotent?: boolean;
}

/**
 * An ID as one segment of a request's path, encoded. An empty ID names nothing and would change
 * which endpoint the path is (`/campaign/` is another endpoint than `/campaign/{id}`), so it builds
 * no path: the operations refuse empty IDs with a sentence before this (readIdentifier), and this is
 * the guard that holds whatever calls a builder.
 */
export function pathSegment(id: string): string {
	if (id.trim() === '')
		throw new Error('An empty ID cannot name a Kore.ai object in a request path.');
	return encodeURIComponent(id);
}

export interface KoreAiResponse {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

/** Sends one request and returns Kore.ai's answer whatever its status; throws only on network errors. */
export async function sendOnce(
	this: KoreAiCaller,
	target: KoreAiTarget,
	request: KoreAiRequest,
	timeoutMs: number,
): Promise<KoreAiResponse> {
	const streamId = request.streamId ?? target.appId;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${target.origin}${API_PREFIXES[request.api ?? 'campaignV2']}${encodeURIComponent(streamId)}${request.path}`,
		qs: request.api === 'publicV1' ? request.qs : { accountId: target.accountId, ...request.qs },
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		returnFullResponse: true,
		// Kore.ai's status and body are read by the caller; n8n's own HTTP errors would carry the
		// request, signed token included, into the error and from there into stored execution data.
		ignoreHttpStatusErrors: true,
		timeout: timeoutMs,
		abortSignal: isExecution(this) ? this.getExecutionCancelSignal() : undefined,
	};
	if (request.body !== undefined) options.body = isEmptyObject(request.body) ? '{}' : request.body;

	const response = (await this.helpers.httpRequestWithAuthentication.call(
		this,
		CREDENTIAL_TYPE,
		options,
	)) as {
		statusCode: number;
		body: unknown;
		headers?: Record<string, unknown>;
	};
	return {
		statusCode: response.statusCode,
		body: parseBody(response.body),
		headers: response.headers ?? {},
	};
}

function isEmptyObject(body: IDataObject | IDataObject[]): boolean {
	return !Array.isArray(body) && Object.keys(body).length === 0;
}

/** A header of Kore.ai's answer, whatever its case. */
export function headerOf(response: KoreAiResponse, name: string): unknown {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(response.headers)) {
		if (key.toLowerCase() === wanted) return value;
	}
	return undefined;
}

function parseBody(body: unknown): unknown {
	if (typeof body === 'string') {
		try {
			return JSON.parse(body) as unknown;
		} catch {
			return body;
		}
	}
	if (body instanceof Uint8Array) return parseBody(new TextDecoder().decode(body));
	return body;
}
