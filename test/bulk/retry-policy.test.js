// Unit tests of the transport's retry rules (dist/.../transport/retry.js): Retry-After parsing,
// backoff bounds, and which failures are tried again.
const {
	parseRetryAfter,
	backoffDelay,
	backoffCeiling,
	decideRetry,
	networkEffect,
	statusEffect,
	MAX_BACKOFF_MS,
} = require('../../dist/nodes/KoreAiContactCenter/transport/retry');

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

describe('Retry-After', () => {
	test.each([
		['0', 0],
		['1', 1000],
		['  30 ', 30_000],
		['120', 120_000],
		['1.5', 1500],
		[7, 7000],
		[['5', '9'], 5000],
	])('delta-seconds %p -> %p ms', (value, expected) => {
		expect(parseRetryAfter(value, NOW)).toBe(expected);
	});

	test('an HTTP date in the future is the time until then', () => {
		const header = new Date(NOW + 42_000).toUTCString(); // e.g. "Wed, 15 Jan 2025 12:00:42 GMT"
		expect(parseRetryAfter(header, NOW)).toBe(42_000);
	});

	test('an HTTP date in the past means now', () => {
		expect(parseRetryAfter(new Date(NOW - 60_000).toUTCString(), NOW)).toBe(0);
	});

	test.each([
		[undefined],
		[null],
		[''],
		['  '],
		['-5'],
		['soon'],
		['5s'],
		['1e3'],
		[-1],
		[Number.NaN],
		[{}],
		[[]],
	])('absent or unreadable %p -> undefined (backoff decides)', (value) => {
		expect(parseRetryAfter(value, NOW)).toBeUndefined();
	});
});

describe('backoff', () => {
	test('the ceiling doubles per try from the retry delay and stops at 30 s', () => {
		expect([1, 2, 3, 4, 5].map((n) => backoffCeiling(n, 1000))).toEqual([
			1000, 2000, 4000, 8000, 16_000,
		]);
		expect(backoffCeiling(6, 1000)).toBe(MAX_BACKOFF_MS);
		expect(backoffCeiling(50, 1000)).toBe(MAX_BACKOFF_MS);
		expect(backoffCeiling(1, 10)).toBe(10);
	});

	test('jitter keeps every wait within [ceiling / 2, ceiling]', () => {
		for (let tries = 1; tries <= 12; tries++) {
			const ceiling = backoffCeiling(tries, 1000);
			expect(backoffDelay(tries, 1000, () => 0)).toBe(ceiling / 2);
			expect(backoffDelay(tries, 1000, () => 1)).toBe(ceiling);
			expect(backoffDelay(tries, 1000, () => 0.5)).toBe(ceiling * 0.75);
		}
	});

	test('random values outside [0, 1] are clamped; Math.random stays within bounds', () => {
		expect(backoffDelay(1, 1000, () => -3)).toBe(500);
		expect(backoffDelay(1, 1000, () => 7)).toBe(1000);
		for (let i = 0; i < 200; i++) {
			const delay = backoffDelay(3, 1000);
			expect(delay).toBeGreaterThanOrEqual(2000);
			expect(delay).toBeLessThanOrEqual(4000);
		}
	});
});

describe('what is retried', () => {
	test.each([
		[429, 'none'],
		[502, 'unknown'],
		[503, 'unknown'],
		[504, 'unknown'],
		[500, undefined],
		[400, undefined],
		[401, undefined],
		[404, undefined],
		[200, undefined],
	])('HTTP %p -> %p', (status, effect) => {
		expect(statusEffect(status)).toBe(effect);
	});

	test.each([
		['ECONNREFUSED', 'none'],
		['EAI_AGAIN', 'none'],
		['ECONNRESET', 'unknown'],
		['EPIPE', 'unknown'],
		['ETIMEDOUT', 'unknown'],
		['ECONNABORTED', 'unknown'],
		['ENOTFOUND', undefined],
		['CERT_HAS_EXPIRED', undefined],
		['ERR_CANCELED', undefined],
		[undefined, undefined],
	])('network error %p -> %p', (code, effect) => {
		expect(networkEffect(code)).toBe(effect);
	});
});

describe('decideRetry', () => {
	const base = {
		triesDone: 1,
		effect: 'unknown',
		idempotent: true,
		retryAfterMs: undefined,
		waitedMs: 0,
		maxTries: 5,
		maxTotalWaitMs: 120_000,
		retryDelayMs: 1000,
		random: () => 1,
	};

	test('a DELETE after an unknown outcome is retried after the backoff', () => {
		expect(decideRetry(base)).toEqual({ retry: true, delayMs: 1000, fromRetryAfter: false });
		expect(decideRetry({ ...base, triesDone: 3 })).toEqual({
			retry: true,
			delayMs: 4000,
			fromRetryAfter: false,
		});
	});

	test("Kore.ai's Retry-After replaces the backoff", () => {
		expect(decideRetry({ ...base, effect: 'none', retryAfterMs: 7000 })).toEqual({
			retry: true,
			delayMs: 7000,
			fromRetryAfter: true,
		});
		expect(decideRetry({ ...base, effect: 'none', retryAfterMs: 0 })).toEqual({
			retry: true,
			delayMs: 0,
			fromRetryAfter: true,
		});
	});

	test('a request that is not safe to repeat is retried only when the try certainly did nothing', () => {
		expect(decideRetry({ ...base, idempotent: false, effect: 'unknown' })).toEqual({
			retry: false,
			reason: { kind: 'unsafe' },
		});
		expect(decideRetry({ ...base, idempotent: false, effect: 'applied' })).toEqual({
			retry: false,
			reason: { kind: 'unsafe' },
		});
		expect(decideRetry({ ...base, idempotent: false, effect: 'none' }).retry).toBe(true);
	});

	test('Max Tries bounds the tries, the first included', () => {
		expect(decideRetry({ ...base, triesDone: 5 })).toEqual({
			retry: false,
			reason: { kind: 'maxTries', maxTries: 5 },
		});
		expect(decideRetry({ ...base, maxTries: 1 })).toEqual({
			retry: false,
			reason: { kind: 'maxTries', maxTries: 1 },
		});
	});

	test('Max Total Wait bounds the waits together; a longer Retry-After gives up at once', () => {
		expect(decideRetry({ ...base, waitedMs: 119_500 })).toEqual({
			retry: false,
			reason: {
				kind: 'maxTotalWait',
				maxTotalWaitMs: 120_000,
				neededMs: 1000,
				fromRetryAfter: false,
			},
		});
		expect(decideRetry({ ...base, waitedMs: 119_000 }).retry).toBe(true);
		expect(decideRetry({ ...base, retryAfterMs: 300_000 })).toEqual({
			retry: false,
			reason: {
				kind: 'maxTotalWait',
				maxTotalWaitMs: 120_000,
				neededMs: 300_000,
				fromRetryAfter: true,
			},
		});
		expect(decideRetry({ ...base, maxTotalWaitMs: 0 }).retry).toBe(false);
	});

	describe("a 429 while pacing is on (rateLimitHoldMs: the pacer's hold)", () => {
		const limited = { ...base, effect: 'none', rateLimitHoldMs: 10_000 };

		test('waits for the hold, at least Retry Delay, instead of the backoff', () => {
			expect(decideRetry(limited)).toEqual({ retry: true, delayMs: 10_000, fromRetryAfter: false });
			expect(decideRetry({ ...limited, rateLimitHoldMs: 200 })).toEqual({
				retry: true,
				delayMs: 1000,
				fromRetryAfter: false,
			});
			expect(decideRetry({ ...limited, retryAfterMs: 4000, rateLimitHoldMs: 4000 })).toEqual({
				retry: true,
				delayMs: 4000,
				fromRetryAfter: true,
			});
		});

		test('does not use up Max Tries (except Max Tries 1: no retries at all)', () => {
			expect(decideRetry({ ...limited, triesDone: 5 }).retry).toBe(true);
			expect(decideRetry({ ...limited, triesDone: 40 }).retry).toBe(true);
			expect(decideRetry({ ...limited, maxTries: 1 })).toEqual({
				retry: false,
				reason: { kind: 'maxTries', maxTries: 1 },
			});
			// the same 429 with pacing off counts as usual
			expect(decideRetry({ ...base, effect: 'none', triesDone: 5 })).toEqual({
				retry: false,
				reason: { kind: 'maxTries', maxTries: 5 },
			});
		});

		test('is bounded by Max Total Wait', () => {
			expect(decideRetry({ ...limited, waitedMs: 110_000 }).retry).toBe(true);
			expect(decideRetry({ ...limited, waitedMs: 110_001 })).toEqual({
				retry: false,
				reason: {
					kind: 'maxTotalWait',
					maxTotalWaitMs: 120_000,
					neededMs: 10_000,
					fromRetryAfter: false,
				},
			});
		});
	});
});
