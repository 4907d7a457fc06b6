/**
 * When a request to Kore.ai is tried again, and how long the node waits first.
 *
 * What is retried: HTTP 429 (rate limited), 502, 503 and 504 (a gateway or Kore.ai briefly
 * unavailable), a 2xx whose body is cut off or not JSON, and network failures: connection refused,
 * reset or closed before the answer, timeouts (including the node's own Timeout). Nothing else:
 * 4xx answers (bad credentials, not found, refused input) and 500 are Kore.ai's verdict on the
 * request and would come back the same; a host that does not resolve or a TLS certificate that is
 * not trusted are configuration problems.
 *
 * Which requests are safe to retry depends on whether the failed try may have taken effect:
 * - Not taken effect, known: a 429 (Kore.ai's rate limiter turns the request away before any work)
 *   and a refused connection (or a name lookup that failed for now: nothing was sent). Any request
 *   may be retried after these.
 * - Maybe taken effect: a timeout, a reset or closed connection, a 502/503/504 (the gateway may have
 *   passed the request on before failing), a damaged 2xx (it did take effect). Only requests whose
 *   repetition does no harm are retried after these:
 *   - reads (GET, and the POST endpoints that only read: list, status), which change nothing;
 *   - DELETE: repeating it cannot delete anything more. A retry of a delete that already happened
 *     answers "not found"; the Delete operation reports that as deleted and confirmed on retry
 *     (see actions/campaign/delete.operation.ts), so no error and no double effect;
 *   - PUT (update to given values): the same values again.
 *   Start (POST ...trigger=play) is not retried after these: if the first try started the
 *   campaign and only its answer was lost, a second start could start another run and send the
 *   messages twice, or fail with a confusing "already running". The item fails instead, saying the
 *   campaign may have started and to check its status. Stop (trigger=stop) is safe to repeat (a
 *   stopped campaign stays stopped), so an operation may mark it idempotent.
 * Operations say which kind they are with `idempotent` on the request; by default GET, DELETE and
 * PUT are, POST is not.
 *
 * Every try goes through the account's pacer and is signed afresh by the credential (new `jti`,
 * `iat`, `exp`), so a retry is never refused as a replayed token.
 *
 * Rate-limit answers while pacing is on follow their own policy. A 429 is then part of pacing, not
 * a failure: the pacer learns the account's real capacity from these answers (see pacer.ts), and
 * when several n8n processes (queue-mode workers) share one account, a few 429s are how each finds
 * its share. Kore.ai did nothing with the request, so repeating it is always safe. Such a try
 * therefore does not use up Max Tries; the item waits for the pacer's hold (Kore.ai's Retry-After,
 * or the pacer's own hold when there is none, at least Retry Delay) and those waits count toward
 * Max Total Wait, which bounds them. Counting them as tries let items fail with 5 tries of 1, 2,
 * 4, 8 s while an account's rolling minute was full for 40 s (3 workers, one account: 10 of 30
 * items failed). With pacing off, a 429 is retried like a server error (Max Tries, backoff).
 */

export type Effect = 'none' | 'unknown' | 'applied';

/** Network error codes (Node / axios) worth another try, and whether the request could have arrived. */
const RETRYABLE_NETWORK_CODES: Record<string, Effect> = {
	ECONNREFUSED: 'none',
	EAI_AGAIN: 'none',
	ECONNRESET: 'unknown',
	EPIPE: 'unknown',
	ERR_STREAM_PREMATURE_CLOSE: 'unknown',
	ETIMEDOUT: 'unknown',
	ECONNABORTED: 'unknown',
	ESOCKETTIMEDOUT: 'unknown',
	EHOSTUNREACH: 'none',
	ENETUNREACH: 'none',
	ENETDOWN: 'none',
	UND_ERR_SOCKET: 'unknown',
	UND_ERR_CONNECT_TIMEOUT: 'none',
	UND_ERR_HEADERS_TIMEOUT: 'unknown',
	UND_ERR_BODY_TIMEOUT: 'unknown',
};

const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Whether a failed network try is worth repeating, and what it may have done; undefined = not retryable. */
export function networkEffect(code: string | undefined): Effect | undefined {
	if (code === undefined) return undefined;
	return RETRYABLE_NETWORK_CODES[code];
}

/** The effect of a retryable HTTP status; 429 is refused before any work. */
export function statusEffect(status: number): Effect | undefined {
	if (status === 429) return 'none';
	if (RETRYABLE_STATUSES.has(status)) return 'unknown';
	return undefined;
}

/**
 * A `Retry-After` header in milliseconds: delta-seconds ("120", decimals tolerated) or an HTTP
 * date (a date in the past means now). Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: unknown, nowMs: number): number | undefined {
	const header = Array.isArray(value) ? value[0] : value;
	if (typeof header === 'number')
		return Number.isFinite(header) && header >= 0 ? Math.round(header * 1000) : undefined;
	if (typeof header !== 'string') return undefined;
	const text = header.trim();
	if (text === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	if (/^-/.test(text) || /^\d/.test(text)) return undefined;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - nowMs);
}

/** Longest backoff between two tries, whatever the try number. */
export const MAX_BACKOFF_MS = 30_000;

/**
 * Exponential backoff with jitter: before try n+1 (n >= 1 tries done) the ceiling is
 * `baseMs * 2^(n-1)`, capped at MAX_BACKOFF_MS; the wait is uniform in [ceiling / 2, ceiling]
 * ("equal jitter"), so parallel items spread out but never retry sooner than half the ceiling.
 */
export function backoffDelay(
	triesDone: number,
	baseMs: number,
	random: () => number = Math.random,
): number {
	const ceiling = backoffCeiling(triesDone, baseMs);
	const r = Math.min(Math.max(random(), 0), 1);
	return ceiling / 2 + r * (ceiling / 2);
}

export function backoffCeiling(triesDone: number, baseMs: number): number {
	const exponent = Math.max(0, Math.min(triesDone - 1, 30));
	return Math.min(MAX_BACKOFF_MS, Math.max(0, baseMs) * 2 ** exponent);
}

type RetryDecision =
	{ retry: true; delayMs: number; fromRetryAfter: boolean } | { retry: false; reason: StopReason };

export type StopReason =
	| { kind: 'maxTries'; maxTries: number }
	| { kind: 'maxTotalWait'; maxTotalWaitMs: number; neededMs: number; fromRetryAfter: boolean }
	| { kind: 'unsafe' };

interface RetryInput {
	/** Tries done so far that count toward Max Tries, the failed one included (paced 429s do not count). */
	triesDone: number;
	effect: Effect;
	idempotent: boolean;
	retryAfterMs: number | undefined;
	waitedMs: number;
	maxTries: number;
	maxTotalWaitMs: number;
	retryDelayMs: number;
	/**
	 * Set for a 429 while pacing is on: how long the account's pacer holds after it (from
	 * `Pacer.onRateLimited`). The item then waits that long (at least Retry Delay) and the try does
	 * not count toward Max Tries.
	 */
	rateLimitHoldMs?: number;
	random?: () => number;
}

/** Whether to try again after a retryable failure, and after how long. */
export function decideRetry(input: RetryInput): RetryDecision {
	if (!input.idempotent && input.effect !== 'none')
		return { retry: false, reason: { kind: 'unsafe' } };
	const paced = input.rateLimitHoldMs !== undefined;
	// Max Tries 1 turns every retry off, rate limits included.
	if (input.maxTries <= 1 || (!paced && input.triesDone >= input.maxTries)) {
		return { retry: false, reason: { kind: 'maxTries', maxTries: input.maxTries } };
	}
	const fromRetryAfter = input.retryAfterMs !== undefined;
	let delayMs: number;
	if (paced) delayMs = Math.max(input.rateLimitHoldMs as number, input.retryDelayMs);
	else if (fromRetryAfter) delayMs = input.retryAfterMs as number;
	else delayMs = backoffDelay(input.triesDone, input.retryDelayMs, input.random);
	if (input.waitedMs + delayMs > input.maxTotalWaitMs) {
		return {
			retry: false,
			reason: {
				kind: 'maxTotalWait',
				maxTotalWaitMs: input.maxTotalWaitMs,
				neededMs: delayMs,
				fromRetryAfter,
			},
		};
	}
	return { retry: true, delayMs, fromRetryAfter };
}
