import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../../../common/text';
import { isExecution, type KoreAiCaller } from './caller';
import { describeHttpError, type RequestSubject } from './errors';
import { headerOf, sendOnce, type KoreAiRequest, type KoreAiResponse } from './exchange';
import { damagedAnswer, failure, type TryFailure } from './failure';
import { networkSentence, readCode } from './networkErrors';
import { intervalForRate } from './pacer';
import { pacerFor } from './pacers';
import { decideRetry, networkEffect, parseRetryAfter, statusEffect } from './retry';
import { settingsFor } from './settings';
import { knownTarget, readTarget, type KoreAiTarget } from './target';
import { systemClock } from './wait';

/**
 * Sends one request with pacing, retries and timeouts, and returns Kore.ai's final answer whatever
 * its status (see retry.ts for what is retried and why, pacer.ts for pacing, settings.ts for the
 * caller's settings). Throws the node's error when no usable answer came (network failure, retries
 * exhausted: failure.ts), and a NodeOperationError for invalid settings or a canceled execution.
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

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set([
	'GET',
	'HEAD',
	'OPTIONS',
	'DELETE',
	'PUT',
]);

export async function sendWithRetries(
	this: KoreAiCaller,
	itemIndex: number,
	request: KoreAiRequest,
): Promise<Delivery> {
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
		if (!pacer.tryStart(intervalMs, signal))
			await cancelable.call(this, pacer.acquire(intervalMs, signal), subject, itemIndex);
		const outcome = await tryOnce.call(this, target, request, settings.timeoutMs, subject);
		const rateLimited = outcome.kind === 'retryable' && outcome.response?.statusCode === 429;
		// Any other answer from Kore.ai lets the pacer raise its pace again (see pacer.ts).
		if (outcome.kind !== 'fatal' && outcome.response !== undefined && !rateLimited)
			pacer.onAnswer(Date.now());
		if (signal?.aborted) throw canceledError.call(this, subject, itemIndex);
		if (outcome.kind === 'answer') {
			return {
				response: outcome.response,
				attempts: attempt,
				earlierTryMayHaveTakenEffect: mayHaveTakenEffect,
				subject,
			};
		}
		if (outcome.kind === 'fatal')
			throw failure.call(this, outcome, { attempts: attempt, startedAt, itemIndex });

		const retryAfterMs = outcome.response
			? parseRetryAfter(headerOf(outcome.response, 'retry-after'), Date.now())
			: undefined;
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
		if (!decision.retry)
			throw failure.call(this, outcome, {
				attempts: attempt,
				startedAt,
				itemIndex,
				stop: decision.reason,
			});
		if (outcome.effect !== 'none') mayHaveTakenEffect = true;
		await cancelable.call(this, systemClock.sleep(decision.delayMs, signal), subject, itemIndex);
		waitedMs += decision.delayMs;
	}
}

type TryOutcome = { kind: 'answer'; response: KoreAiResponse } | TryFailure;

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
		const sentence = networkSentence(error, target.origin, subject);
		return effect === undefined
			? { kind: 'fatal', networkCode, sentence }
			: { kind: 'retryable', effect, networkCode, sentence };
	}
	const effect = statusEffect(response.statusCode);
	if (effect !== undefined) {
		return {
			kind: 'retryable',
			effect,
			response,
			sentence: { what: describeHttpError(response.statusCode, response.body, subject).message },
		};
	}
	if (response.statusCode >= 200 && response.statusCode < 300 && !isObject(response.body)) {
		// Kore.ai did the work but its answer arrived damaged (cut off, not JSON).
		return {
			kind: 'retryable',
			effect: 'applied',
			response,
			sentence: damagedAnswer(response.statusCode, response.body, subject),
		};
	}
	return { kind: 'answer', response };
}

/** Waits on the pacer or a retry delay; both reject only when the execution is canceled. */
async function cancelable(
	this: KoreAiCaller,
	waiting: Promise<void>,
	subject: RequestSubject,
	itemIndex: number,
): Promise<void> {
	try {
		await waiting;
	} catch {
		throw canceledError.call(this, subject, itemIndex);
	}
}

function canceledError(
	this: KoreAiCaller,
	subject: RequestSubject,
	itemIndex: number,
): NodeOperationError {
	return new NodeOperationError(
		this.getNode(),
		`Stopped before Kore.ai answered (${subject.action}): the execution was canceled.`,
		{
			itemIndex,
		},
	);
}
