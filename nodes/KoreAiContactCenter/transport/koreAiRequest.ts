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
import { describeHttpError, describeNetworkError, extractApiMessage, readCode, type KoreAiErrorContext } from './errors';
import { intervalForRate, pacerFor } from './pacer';
import { defaultRequestSettings, readRequestSettings, type RequestSettings } from './requestOptions';
import { decideRetry, networkEffect, parseRetryAfter, statusEffect, type Effect, type StopReason } from './retry';
import { systemClock } from './wait';

/**
 * The one way the node talks to Kore.ai. Every operation calls `koreAiRequest`; the credential
 * adds the signed token and the `iid`/`accountId` headers (see KoreAiApi.credentials.ts).
 *
 * Pacing, retries, timeouts and cancellation happen here too, for every operation alike:
 * see pacer.ts and retry.ts.
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
	/**
	 * Whether repeating the request after a try that may have taken effect does no harm (see
	 * retry.ts). Default: true for GET, DELETE and PUT, false for POST; read-only POST endpoints
	 * (list, status) should say true.
	 */
	idempotent?: boolean;
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

/**
 * Where this execution's requests go, once checked: n8n reads credentials from its database, and
 * the HTTP helper already reads them again for every request to sign it, so the node reads them
 * once per execution (per node run), not once per item.
 */
const targets = new WeakMap<object, KoreAiTarget>();

/** Reads and checks the credential; errors name the credential field to fix. */
export async function resolveTarget(this: KoreAiContext, itemIndex: number): Promise<KoreAiTarget> {
	const cached = targets.get(this);
	if (cached !== undefined) return cached;
	const credentials = await this.getCredentials(CREDENTIAL_TYPE, itemIndex);
	const checked = checkCredentialValues(credentials);
	if ('problem' in checked) throw new NodeOperationError(this.getNode(), checked.problem, { itemIndex });
	const { origin, accountId, appId } = checked.values;
	const target = { origin, accountId, appId };
	targets.set(this, target);
	return target;
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

/** What came back for one request after all its tries. */
export interface KoreAiExchange {
	/** Kore.ai's final answer (2xx, or an error that retrying would not change). */
	response: KoreAiResponse;
	/** Tries made, this one included. */
	attempts: number;
	/**
	 * Whether an earlier try may have taken effect although its answer never arrived or was damaged
	 * (timeout, reset, 502/503/504, a cut-off body). A DELETE answered "not found" after such a try
	 * was most likely done by that try.
	 */
	earlierTryMayHaveTakenEffect: boolean;
	context: KoreAiErrorContext;
}

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE', 'PUT']);

const LIST_SEARCH_SETTINGS: RequestSettings = {
	...defaultRequestSettings(),
	maxTries: 3,
	maxTotalWaitMs: 10_000,
	timeoutMs: 15_000,
};

function isExecution(context: KoreAiContext): context is IExecuteFunctions {
	return typeof (context as Partial<IExecuteFunctions>).getExecutionCancelSignal === 'function';
}

/**
 * Sends one request with pacing, retries and timeouts (see retry.ts for what is retried and why,
 * pacer.ts for pacing), and returns Kore.ai's final answer whatever its status. Throws a
 * NodeApiError when no usable answer came (network failure, retries exhausted) and a
 * NodeOperationError for invalid settings or a cancelled execution.
 */
export async function koreAiSend(
	this: KoreAiContext,
	itemIndex: number,
	request: KoreAiRequest,
): Promise<KoreAiExchange> {
	const execution = isExecution(this);
	// The editor's list search has no Options to read: it uses the defaults, with short waits.
	const settings = execution ? readRequestSettings.call(this, itemIndex) : LIST_SEARCH_SETTINGS;
	const target = await resolveTarget.call(this, itemIndex);
	const context: KoreAiErrorContext = {
		action: request.action,
		campaignId: request.campaignId,
		streamId: request.streamId ?? target.appId,
	};
	const signal = execution ? this.getExecutionCancelSignal() : undefined;
	const pacer = pacerFor(target.origin, target.accountId);
	const intervalMs = intervalForRate(settings.requestsPerMinute);
	const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
	const startedAt = Date.now();
	let waitedMs = 0;
	let mayHaveTakenEffect = false;
	// 429s while paced: part of pacing, not counted toward Max Tries (see retry.ts).
	let pacedRateLimits = 0;

	for (let attempt = 1; ; attempt++) {
		await cancellable.call(this, pacer.acquire(intervalMs, signal), context, itemIndex);
		const outcome = await tryOnce.call(this, target, request, settings.timeoutMs, context);
		const rateLimited = outcome.kind === 'retryable' && outcome.response?.statusCode === 429;
		// Any other answer from Kore.ai lets the pacer raise its pace again (see pacer.ts).
		if (outcome.kind !== 'fatal' && outcome.response !== undefined && !rateLimited) pacer.onAnswer(Date.now());
		if (signal?.aborted) throw cancelledError.call(this, context, itemIndex);
		if (outcome.kind === 'answer') {
			return { response: outcome.response, attempts: attempt, earlierTryMayHaveTakenEffect: mayHaveTakenEffect, context };
		}
		if (outcome.kind === 'fatal') {
			throw failure.call(this, outcome, { attempts: attempt, startedAt, itemIndex });
		}

		const retryAfterMs = outcome.response ? parseRetryAfter(headerOf(outcome.response, 'retry-after'), Date.now()) : undefined;
		// Kore.ai's limit is per account: the pacer lowers this process's pace and holds every request to it.
		const holdMs = rateLimited ? pacer.onRateLimited(Date.now(), retryAfterMs) : undefined;
		if (rateLimited && intervalMs > 0) pacedRateLimits++;
		const decision = decideRetry({
			triesDone: attempt - pacedRateLimits,
			effect: outcome.effect,
			idempotent,
			retryAfterMs,
			waitedMs,
			maxTries: settings.maxTries,
			maxTotalWaitMs: settings.maxTotalWaitMs,
			retryDelayMs: settings.retryDelayMs,
			rateLimitHoldMs: intervalMs > 0 ? holdMs : undefined,
		});
		if (!decision.retry) {
			throw failure.call(this, outcome, { attempts: attempt, startedAt, itemIndex, stop: decision.reason });
		}
		if (outcome.effect !== 'none') mayHaveTakenEffect = true;
		await cancellable.call(this, systemClock.sleep(decision.delayMs, signal), context, itemIndex);
		waitedMs += decision.delayMs;
	}
}

/** One request, answered with Kore.ai's JSON body on success and a clear NodeApiError otherwise. */
export async function koreAiRequest(
	this: KoreAiContext,
	itemIndex: number,
	request: KoreAiRequest,
): Promise<IDataObject> {
	const exchange = await koreAiSend.call(this, itemIndex, request);
	return readResponse.call(this, exchange.response, exchange.context, itemIndex, exchange.attempts);
}

type TryOutcome =
	| { kind: 'answer'; response: KoreAiResponse }
	/** Worth another try; `effect` says whether this try may have done something. */
	| { kind: 'retryable'; effect: Effect; response?: KoreAiResponse; code?: string; message: string; httpCode?: number }
	| { kind: 'fatal'; code?: string; message: string };

async function tryOnce(
	this: KoreAiContext,
	target: KoreAiTarget,
	request: KoreAiRequest,
	timeoutMs: number,
	context: KoreAiErrorContext,
): Promise<TryOutcome> {
	let response: KoreAiResponse;
	try {
		response = await sendOnce.call(this, target, request, timeoutMs);
	} catch (error) {
		// The caught error may hold the request options, signed token included: only its code is kept.
		const code = readCode(error);
		const effect = networkEffect(code);
		const message = describeNetworkError(error, target.origin, context);
		return effect === undefined ? { kind: 'fatal', code, message } : { kind: 'retryable', effect, code, message };
	}
	const { statusCode, body } = response;
	const effect = statusEffect(statusCode);
	if (effect !== undefined) {
		return { kind: 'retryable', effect, response, httpCode: statusCode, message: describeHttpError(statusCode, body, context).message };
	}
	if (statusCode >= 200 && statusCode < 300 && !isObject(body)) {
		// Kore.ai did the work but its answer arrived damaged (cut off, not JSON).
		return { kind: 'retryable', effect: 'applied', response, httpCode: statusCode, message: damagedAnswerMessage(statusCode, body, context) };
	}
	return { kind: 'answer', response };
}

interface FailureInfo {
	attempts: number;
	startedAt: number;
	itemIndex: number;
	stop?: StopReason;
}

/** The error for a request that got no usable answer: what happened last, and how many tries. */
function failure(
	this: KoreAiContext,
	outcome: Exclude<TryOutcome, { kind: 'answer' }>,
	info: FailureInfo,
): NodeApiError {
	let message = outcome.message;
	if (info.stop?.kind === 'unsafe') {
		message += ' It was not tried again: Kore.ai may already have acted on it, and repeating this request is not safe. Check the campaign in Kore.ai before running it again.';
	} else if (info.attempts > 1 || info.stop?.kind === 'maxTotalWait') {
		message += ` ${triesSentence(info)}`;
	}
	const details: JsonObject = { attempts: info.attempts };
	if (outcome.kind === 'retryable' && outcome.httpCode !== undefined) details.httpCode = outcome.httpCode;
	if (outcome.kind === 'retryable' && outcome.response) {
		const apiMessage = extractApiMessage(outcome.response.body);
		if (apiMessage !== undefined) details.apiMessage = apiMessage;
	}
	if (outcome.kind !== 'retryable' || outcome.response === undefined) {
		// Not the Node error code itself: n8n would swap the message for its generic text for it.
		details.code = 'NETWORK_ERROR';
		if (outcome.code !== undefined) details.networkCode = outcome.code;
	}
	const error = new NodeApiError(this.getNode(), details, {
		message,
		itemIndex: info.itemIndex,
		...(outcome.kind === 'retryable' && outcome.httpCode !== undefined ? { httpCode: String(outcome.httpCode) } : {}),
	});
	// n8n rewrites messages that mention common network error codes; this one is already specific.
	error.message = message;
	error.context.attempts = info.attempts;
	return error;
}

function triesSentence(info: FailureInfo): string {
	const tries = info.attempts === 1 ? 'once' : `${info.attempts} times`;
	const over = seconds(Date.now() - info.startedAt);
	const stop = info.stop;
	if (stop?.kind === 'maxTotalWait') {
		const waitWhy = stop.fromRetryAfter ? 'Kore.ai asked to wait' : 'the next retry would wait';
		return `Tried ${tries} in ${over}; gave up because ${waitWhy} ${seconds(stop.neededMs)} more, beyond Max Total Wait (${seconds(stop.maxTotalWaitMs)}).`;
	}
	if (stop?.kind === 'maxTries') return `Tried ${tries} in ${over} (Max Tries is ${stop.maxTries}).`;
	return `Tried ${tries} in ${over}.`;
}

function seconds(ms: number): string {
	const s = ms / 1000;
	return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
}

function damagedAnswerMessage(statusCode: number, body: unknown, context: KoreAiErrorContext): string {
	const apiMessage = extractApiMessage(body);
	return `Kore.ai answered HTTP ${statusCode} without a readable JSON body while trying to ${context.action}${apiMessage ? ` (${apiMessage})` : ''}. Try again; if it persists, check the Environment URL.`;
}

/** Waits on the pacer or a retry delay; both reject only when the execution is canceled. */
async function cancellable(
	this: KoreAiContext,
	waiting: Promise<void>,
	context: KoreAiErrorContext,
	itemIndex: number,
): Promise<void> {
	try {
		await waiting;
	} catch {
		throw cancelledError.call(this, context, itemIndex);
	}
}

function cancelledError(this: KoreAiContext, context: KoreAiErrorContext, itemIndex: number): NodeOperationError {
	return new NodeOperationError(this.getNode(), `Stopped before Kore.ai answered (${context.action}): the execution was canceled.`, {
		itemIndex,
	});
}

function headerOf(response: KoreAiResponse, name: string): unknown {
	for (const [key, value] of Object.entries(response.headers)) {
		if (key.toLowerCase() === name) return value;
	}
	return undefined;
}

/** Whether Kore.ai's answer is a success: 2xx, a JSON object, and no `status: "failure"`. */
export function isSuccess(response: KoreAiResponse): response is KoreAiResponse & { body: IDataObject } {
	const { statusCode, body } = response;
	return statusCode >= 200 && statusCode < 300 && isObject(body) && body.status !== 'failure';
}

/** Whether Kore.ai's answer says the campaign (or whatever the path names) does not exist. */
export function isNotFound(response: KoreAiResponse, context: KoreAiErrorContext): boolean {
	return !isSuccess(response) && describeHttpError(response.statusCode, response.body, context).notFound;
}

/** Kore.ai's JSON body on success; otherwise throws the NodeApiError that explains the answer. */
export function readResponse(
	this: KoreAiContext,
	response: KoreAiResponse,
	context: KoreAiErrorContext,
	itemIndex: number,
	attempts = 1,
): IDataObject {
	if (isSuccess(response)) return response.body;
	const { statusCode, body } = response;
	if (statusCode >= 200 && statusCode < 300 && !isObject(body)) {
		const described = describeHttpError(statusCode, body, context);
		throw apiError.call(this, { ...described, message: damagedAnswerMessage(statusCode, body, context) }, itemIndex, attempts);
	}
	// Non-2xx, or a 2xx whose body says `status: "failure"`.
	throw apiError.call(this, describeHttpError(statusCode, body, context), itemIndex, attempts);
}

function apiError(
	this: KoreAiContext,
	described: { message: string; apiMessage?: string; httpCode: number; notFound?: boolean },
	itemIndex: number,
	attempts: number,
): NodeApiError {
	const details: JsonObject = { httpCode: described.httpCode };
	if (described.apiMessage !== undefined) details.apiMessage = described.apiMessage;
	if (described.notFound) details.notFound = true;
	const error = new NodeApiError(this.getNode(), details, {
		message: described.message,
		httpCode: String(described.httpCode),
		itemIndex,
	});
	if (attempts > 1) error.context.attempts = attempts;
	return error;
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
