'use strict';

/**
 * Kore.ai's documented limit: 60 requests per minute per account, counted over a rolling sixty
 * seconds. Only admitted requests are counted (a rejected one does not extend the wait).
 * The HTTP status (429) and the Retry-After header are not documented; both are configurable.
 */
function normalizeRateLimit(option) {
	if (option === false || option === 'off' || option === null) return false;
	const cfg = option === undefined || option === true ? {} : option;
	const perMinute = cfg.perMinute === undefined ? 60 : Number(cfg.perMinute);
	if (!Number.isFinite(perMinute) || perMinute < 1)
		throw new Error('sandbox: rateLimit.perMinute must be >= 1');
	return {
		perMinute: Math.floor(perMinute),
		windowMs: cfg.windowMs === undefined ? 60_000 : Number(cfg.windowMs),
		retryAfter: cfg.retryAfter === undefined ? true : Boolean(cfg.retryAfter),
	};
}

function createRateLimiter(option, now) {
	let cfg = normalizeRateLimit(option);
	const windows = new Map(); // account -> { times: number[], head: number }

	function hit(key) {
		if (!cfg) return { allowed: true };
		const t = now();
		let w = windows.get(key);
		if (!w) {
			w = { times: [], head: 0 };
			windows.set(key, w);
		}
		while (w.head < w.times.length && w.times[w.head] <= t - cfg.windowMs) w.head += 1;
		if (w.head > 1024) {
			w.times = w.times.slice(w.head);
			w.head = 0;
		}
		if (w.times.length - w.head >= cfg.perMinute) {
			const waitMs = w.times[w.head] + cfg.windowMs - t;
			return {
				allowed: false,
				retryAfterSec: Math.max(1, Math.ceil(waitMs / 1000)),
				sendRetryAfter: cfg.retryAfter,
			};
		}
		w.times.push(t);
		return { allowed: true };
	}

	return {
		hit,
		get config() {
			return cfg;
		},
		set(option) {
			cfg = normalizeRateLimit(option);
			windows.clear();
		},
		reset: () => windows.clear(),
	};
}

module.exports = { createRateLimiter, normalizeRateLimit };
