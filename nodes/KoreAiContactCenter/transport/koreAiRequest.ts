import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type ILoadOptionsFunctions,
	type IHttpRequestOptions,
	type JsonObject,
} from 'n8n-workflow';

import { checkCredentialValues } from '../../../credentials/koreAiCredentialValues';
import { describeHttpError, describeNetworkError, type KoreAiErrorContext } from './errors';

/**
 * The one way the node talks to Kore.ai. Every operation calls `koreAiRequest`; the credential
 * adds the signed token and the `iid`/`accountId` headers (see KoreAiApi.credentials.ts).
 *
 * All v2 campaign endpoints live under `/campaign/api/v2/public/{streamId}` and take `accountId`
 * as a query parameter as well as a header, so both are added here.
 */

export const CREDENTIAL_TYPE = 'koreAiApi';

/**
 * Where requests are sent from: a workflow execution, or the editor loading the campaign picker's
 * list (a load-options context: no input items, no execution cancel signal).
 */
export type KoreAiContext = IExecuteFunctions | ILoadOptionsFunctions;

const API_PREFIX = '/campaign/api/v2/public/';

export interface KoreAiRequest {
	method: IHttpRequestMethods;
	/** Path below `/campaign/api/v2/public/{streamId}`, its segments already encoded. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Stream ID for the path; the credential's App ID when not given. */
	streamId?: string;
	/** For error messages. */
	action: string;
	campaignId?: string;
}

export interface KoreAiResponse {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

export interface KoreAiTarget {
	origin: string;
	accountId: string;
	appId: string;
}

/** Reads and checks the credential; errors name the credential field to fix. */
export async function resolveTarget(this: KoreAiContext, itemIndex: number): Promise<KoreAiTarget> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE, itemIndex);
	const checked = checkCredentialValues(credentials);
	if ('problem' in checked) throw new NodeOperationError(this.getNode(), checked.problem, { itemIndex });
	const { origin, accountId, appId } = checked.values;
	return { origin, accountId, appId };
}

/** Sends one request and returns Kore.ai's answer whatever its status; throws only on network errors. */
export async function sendOnce(
	this: KoreAiContext,
	target: KoreAiTarget,
	request: KoreAiRequest,
	timeout: number,
): Promise<KoreAiResponse> {
	const streamId = request.streamId ?? target.appId;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${target.origin}${API_PREFIX}${encodeURIComponent(streamId)}${request.path}`,
		qs: { accountId: target.accountId, ...request.qs },
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		returnFullResponse: true,
		// Kore.ai's status and body are read below; n8n's own HTTP errors would carry the request,
		// signed token included, into the error and from there into stored execution data.
		ignoreHttpStatusErrors: true,
		timeout,
		abortSignal: 'getExecutionCancelSignal' in this ? this.getExecutionCancelSignal() : undefined,
	};
	if (request.body !== undefined) options.body = request.body;

	const response = (await this.helpers.httpRequestWithAuthentication.call(
		this,
		CREDENTIAL_TYPE,
		options,
	)) as { statusCode: number; body: unknown; headers?: Record<string, unknown> };
	return { statusCode: response.statusCode, body: parseBody(response.body), headers: response.headers ?? {} };
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** One request, answered with Kore.ai's JSON body on success and a clear NodeApiError otherwise. */
export async function koreAiRequest(
	this: KoreAiContext,
	itemIndex: number,
	request: KoreAiRequest,
): Promise<IDataObject> {
	const target = await resolveTarget.call(this, itemIndex);
	const context: KoreAiErrorContext = {
		action: request.action,
		campaignId: request.campaignId,
		streamId: request.streamId ?? target.appId,
	};
	let response: KoreAiResponse;
	try {
		response = await sendOnce.call(this, target, request, DEFAULT_TIMEOUT_MS);
	} catch (error) {
		// The caught error may hold the request options, signed token included: only its code is kept.
		throw new NodeApiError(
			this.getNode(),
			{ code: 'NETWORK_ERROR' },
			{ message: describeNetworkError(error, target.origin, context), itemIndex },
		);
	}
	return readResponse.call(this, response, context, itemIndex);
}

export function readResponse(
	this: KoreAiContext,
	response: KoreAiResponse,
	context: KoreAiErrorContext,
	itemIndex: number,
): IDataObject {
	const { statusCode, body } = response;
	if (statusCode >= 200 && statusCode < 300 && isObject(body) && body.status !== 'failure') {
		return body;
	}
	if (statusCode >= 200 && statusCode < 300 && !isObject(body)) {
		const described = describeHttpError(statusCode, body, context);
		const message = `Kore.ai answered HTTP ${statusCode} without a JSON body while trying to ${context.action}${described.apiMessage ? ` (${described.apiMessage})` : ''}. Try again; if it persists, check the Environment URL.`;
		throw apiError.call(this, { ...described, message }, itemIndex);
	}
	// Non-2xx, or a 2xx whose body says `status: "failure"`.
	throw apiError.call(this, describeHttpError(statusCode, body, context), itemIndex);
}

function apiError(
	this: KoreAiContext,
	described: { message: string; apiMessage?: string; httpCode: number; notFound?: boolean },
	itemIndex: number,
): NodeApiError {
	const details: JsonObject = { httpCode: described.httpCode };
	if (described.apiMessage !== undefined) details.apiMessage = described.apiMessage;
	if (described.notFound) details.notFound = true;
	return new NodeApiError(this.getNode(), details, {
		message: described.message,
		httpCode: String(described.httpCode),
		itemIndex,
	});
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

function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}
