import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../../../common/text';
import { isExecution, isPoll, type KoreAiCaller } from './caller';
import { describeHttpError, describeNetworkError, extractApiMessage, koreAiApiError, readCode, type RequestSubject } from './errors';
import { headerOf, sendOnce, type KoreAiRequest, type KoreAiResponse } from './exchange';
import { intervalForRate, pacerFor } from './pacer';
import { decideRetry, networkEffect, parseRetryAfter, statusEffect, type Effect, type StopReason } from './retry';
import { defaultRequestSettings, readRequestSettings, type RequestSettings } from './settings';
import { knownTarget, readTarget, type KoreAiTarget } from './target';
import { systemClock } from './wait';

/**
 * Sends one request with pacing, retries and timeouts, and returns Kore.ai's final answer whatever
 * its status (see retry.ts for what is retried and why, pacer.ts for pacing). Throws the node's
 * error when no usable answer came (network failure, retries exhausted), and a NodeOperationError
 * for invalid settings or a canceled execution.
 */

/** What came back for one request after all its tries. */
export interface Delivery {
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
	subject: RequestSubject;
}

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE', 'PUT']);

/** The editor waits for a picker's list: the defaults, with short waits. */
const PICKER_SETTINGS: RequestSettings = { ...defaultRequestSettings(), maxTries: 3, maxTotalWaitMs: 10_000, timeoutMs: 15_000 };

/**
 * An item's settings, read and checked once: operations that page (Get Many, Get Results, Get
 * Contacts) or poll (Wait Until Ready) send several requests for one item.
 */
const itemSettings = new WeakMap<object, Map<number, RequestSettings>>();

function settingsFor(caller: KoreAiCaller, itemIndex: number): RequestSettings {
	if (isExecution(caller)) {
		let byItem = itemSettings.get(caller);
		if (byItem === undefined) itemSettings.set(caller, (byItem = new Map()));
		let settings = byItem.get(itemIndex);
		if (settings === undefined) byItem.set(itemIndex, (settings = readRequestSettings.call(caller, itemIndex)));
		return settings;
	}
	// A polling trigger has a whole poll interval; the picker has a user waiting.
	return isPoll(caller) ? defaultRequestSettings() : PICKER_SETTINGS;
}

export async function sendWithRetries(this: KoreAiCaller, itemIndex: number, request: KoreAiRequest): Promise<Delivery> {
	const settings = settingsFor(this, itemIndex);
	const target = knownTarget(this) ?? (await readTarget.call(this, itemIndex));
	const subject: RequestSubject = {
		action: request.action,
		campaignId: request.campaignId,
		ifMissing: request.ifMissing,
		streamId: request.streamId ?? target.appId,
	};
	const signal = isExecution(this) ? this.getExecutionCancelSignal() : undefined;
	const pacer = pacerFor(target.origin, target.accountId);
	const intervalMs = intervalForRate(settings.requestsPerMinute);
	const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
	const startedAt = Date.now();
	let waitedMs = 0;
	let mayHaveTakenEffect = false;
	// 429s while paced: part of pacing, not counted toward Max Tries (see retry.ts).
	let pacedRateLimits = 0;

	for (let attempt = 1; ; attempt++) {
		if (!pacer.tryStart(intervalMs, signal)) await cancelable.call(this, pacer.acquire(intervalMs, signal), subject, itemIndex);
		const outcome = await tryOnce.call(this, target, request, settings.timeoutMs, subject);
		const rateLimited = outcome.kind === 'retryable' && outcome.response?.statusCode === 429;
		// Any other answer from Kore.ai lets the pacer raise its pace again (see pacer.ts).
		if (outcome.kind !== 'fatal' && outcome.response !== undefined && !rateLimited) pacer.onAnswer(Date.now());
		if (signal?.aborted) throw canceledError.call(this, subject, itemIndex);
		if (outcome.kind === 'answer') {
			return { response: outcome.response, attempts: attempt, earlierTryMayHaveTakenEffect: mayHaveTakenEffect, subject };
		}
		if (outcome.kind === 'fatal') throw failure.call(this, outcome, { attempts: attempt, startedAt, itemIndex });

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
		if (!decision.retry) throw failure.call(this, outcome, { attempts: attempt, startedAt, itemIndex, stop: decision.reason });
		if (outcome.effect !== 'none') mayHaveTakenEffect = true;
		await cancelable.call(this, systemClock.sleep(decision.delayMs, signal), subject, itemIndex);
		waitedMs += decision.delayMs;
	}
}

type TryOutcome =
	| { kind: 'answer'; response: KoreAiResponse }
	/** Worth another try; `effect` says whether this try may have done something. */
	| { kind: 'retryable'; effect: Effect; response?: KoreAiResponse; networkCode?: string; message: string }
	| { kind: 'fatal'; networkCode?: string; message: string };

async function tryOnce(
	this: KoreAiCaller,
	target: KoreAiTarget,
	request: KoreAiRequest,
	timeoutMs: number,
	subject: RequestSubject,
): Promise<TryOutcome> {
	let response: KoreAiResponse;
	try {
		response = await sendOnce.call(this, target, request, timeoutMs);
	} catch (error) {
		// The caught error may hold the request options, signed token included: only its code is kept.
		const networkCode = readCode(error);
		const effect = networkEffect(networkCode);
		const message = describeNetworkError(error, target.origin, subject);
		return effect === undefined ? { kind: 'fatal', networkCode, message } : { kind: 'retryable', effect, networkCode, message };
	}
	const effect = statusEffect(response.statusCode);
	if (effect !== undefined) {
		return { kind: 'retryable', effect, response, message: describeHttpError(response.statusCode, response.body, subject).message };
	}
	if (response.statusCode >= 200 && response.statusCode < 300 && !isObject(response.body)) {
		// Kore.ai did the work but its answer arrived damaged (cut off, not JSON).
		return { kind: 'retryable', effect: 'applied', response, message: damagedAnswerMessage(response.statusCode, response.body, subject) };
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
function failure(this: KoreAiCaller, outcome: Exclude<TryOutcome, { kind: 'answer' }>, info: FailureInfo) {
	let message = outcome.message;
	if (info.stop?.kind === 'unsafe') {
		// The network sentences end with "Try again."; here repeating is exactly what is not safe.
		message = message.replace(/ Try again\.$/, '');
		message +=
			' It was not tried again: Kore.ai may already have acted on it, and repeating this request is not safe. Check in Kore.ai whether it was done before running it again.';
	} else if (info.attempts > 1 || info.stop?.kind === 'maxTotalWait') {
		message += ` ${triesSentence(info)}`;
	}
	const response = outcome.kind === 'retryable' ? outcome.response : undefined;
	return koreAiApiError(
		this.getNode(),
		{
			message,
			attempts: info.attempts,
			httpCode: response?.statusCode,
			apiMessage: response ? extractApiMessage(response.body) : undefined,
			networkCode: outcome.networkCode,
		},
		info.itemIndex,
	);
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

function damagedAnswerMessage(statusCode: number, body: unknown, subject: RequestSubject): string {
	const apiMessage = extractApiMessage(body);
	return `Kore.ai answered HTTP ${statusCode} without a readable JSON body while trying to ${subject.action}${apiMessage ? ` (${apiMessage})` : ''}. Try again; if it persists, check the Environment URL.`;
}

function seconds(ms: number): string {
	const s = ms / 1000;
	return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
}

/** Waits on the pacer or a retry delay; both reject only when the execution is canceled. */
async function cancelable(this: KoreAiCaller, waiting: Promise<void>, subject: RequestSubject, itemIndex: number): Promise<void> {
	try {
		await waiting;
	} catch {
		throw canceledError.call(this, subject, itemIndex);
	}
}

function canceledError(this: KoreAiCaller, subject: RequestSubject, itemIndex: number): NodeOperationError {
	return new NodeOperationError(this.getNode(), `Stopped before Kore.ai answered (${subject.action}): the execution was canceled.`, {
		itemIndex,
	});
}
