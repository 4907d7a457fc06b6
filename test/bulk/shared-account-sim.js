// A simulation, on a virtual clock, of K n8n processes (queue-mode workers) deleting campaigns of
// one Kore.ai account at once. Each process has its own Pacer (dist/.../transport/pacer.js, no
// shared state) and runs its items with its own retry loop: the same steps as the transport's loop
// (acquire a start from the pacer, send, on a 429 tell the pacer and ask retry.js's decideRetry
// whether and when to try again, otherwise tell the pacer an answer came). The account's limit is
// the sandbox's own rolling-window limiter (sandbox/rate-limit.js), answering 429 without
// Retry-After, which is the case Kore.ai leaves undocumented.
//
// No real time passes: sleeps are timers on the virtual clock, and the clock jumps to the next
// timer once every promise has settled.
const { Pacer, intervalForRate } = require('../../dist/nodes/KoreAiContactCenter/transport/pacer');
const { decideRetry } = require('../../dist/nodes/KoreAiContactCenter/transport/retry');
const {
	defaultRequestSettings,
} = require('../../dist/nodes/KoreAiContactCenter/transport/settings');
const {
	systemClock,
	ExecutionCanceledError,
} = require('../../dist/nodes/KoreAiContactCenter/transport/wait');
const { createRateLimiter } = require('../../sandbox/rate-limit');
const { createPrng } = require('../../sandbox/faults');

/** A clock that only moves when every pending promise has settled and a timer is due. */
function eventClock(start = 1_000_000) {
	let t = start;
	let seq = 0;
	const timers = [];
	return {
		now: () => t,
		sleep(ms, signal) {
			if (signal?.aborted) return Promise.reject(new ExecutionCanceledError());
			return new Promise((resolve) =>
				timers.push({ at: t + Math.max(0, ms), seq: seq++, resolve }),
			);
		},
		race: (promise, signal) => systemClock.race(promise, signal),
		/** Runs until nothing is left to do (all work settled and no timer pending). */
		async runAll() {
			for (;;) {
				await new Promise((resolve) => setImmediate(resolve));
				if (timers.length === 0) return;
				timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
				const next = timers.shift();
				t = next.at;
				next.resolve();
			}
		},
	};
}

/**
 * processes: [{ items, startAt? }] (items: how many deletes that process runs; startAt: virtual ms
 * after the start). Returns per-process and overall figures.
 */
async function simulate({
	processes,
	limitPerMinute,
	settings = {},
	latencyMs = 80,
	seed = 7,
	tuning = {},
	retryAfter = false,
}) {
	const clock = eventClock();
	const t0 = clock.now();
	const limiter = createRateLimiter({ perMinute: limitPerMinute, retryAfter }, clock.now);
	const options = { ...defaultRequestSettings(), ...settings };
	const random = createPrng(seed);
	const admitted = []; // times of admitted requests, all processes
	const results = processes.map(() => ({
		done: 0,
		failed: 0,
		rateLimited: 0,
		admitted: [],
		mostTries: 0,
		mostWaitedMs: 0,
		fractions: [],
	}));

	async function runItem(pacer, result) {
		let waitedMs = 0;
		for (let attempt = 1; ; attempt++) {
			await pacer.acquire(intervalForRate(options.requestsPerMinute));
			await clock.sleep(latencyMs / 2);
			const verdict = limiter.hit('account');
			const at = clock.now();
			await clock.sleep(latencyMs / 2);
			if (verdict.allowed) {
				admitted.push(at);
				result.admitted.push(at);
				pacer.onAnswer(clock.now());
				result.fractions.push([clock.now() - t0, pacer.fraction]);
				result.done += 1;
				result.mostTries = Math.max(result.mostTries, attempt);
				return;
			}
			result.rateLimited += 1;
			const retryAfterMs = verdict.sendRetryAfter ? verdict.retryAfterSec * 1000 : undefined;
			const heldMs = pacer.onRateLimited(clock.now(), retryAfterMs);
			const decision = decideRetry({
				triesDone: attempt,
				effect: 'none',
				idempotent: true,
				retryAfterMs,
				rateLimitHoldMs: heldMs,
				waitedMs,
				maxTries: options.maxTries,
				maxTotalWaitMs: options.maxTotalWaitMs,
				retryDelayMs: options.retryDelayMs,
				random,
			});
			if (!decision.retry) {
				result.failed += 1;
				result.mostTries = Math.max(result.mostTries, attempt);
				return;
			}
			await clock.sleep(decision.delayMs);
			waitedMs += decision.delayMs;
			result.mostWaitedMs = Math.max(result.mostWaitedMs, waitedMs);
		}
	}

	async function runProcess(spec, result) {
		if (spec.startAt) await clock.sleep(spec.startAt);
		const pacer = new Pacer(clock, tuning);
		result.pacer = pacer;
		result.startedAt = clock.now() - t0;
		let next = 0;
		const worker = async () => {
			while (next < spec.items) {
				next += 1;
				await runItem(pacer, result);
			}
		};
		await Promise.all(Array.from({ length: options.concurrency }, worker));
		result.endedAt = clock.now() - t0;
	}

	const running = Promise.all(processes.map((spec, i) => runProcess(spec, results[i])));
	await clock.runAll();
	await running;
	const total = results.reduce((n, r) => n + r.done + r.failed, 0);
	const wallMs = Math.max(...results.map((r) => r.endedAt));
	return {
		processes: results,
		wallMs,
		total,
		failed: results.reduce((n, r) => n + r.failed, 0),
		rateLimited: results.reduce((n, r) => n + r.rateLimited, 0),
		admitted: admitted.map((t) => t - t0),
		/** Mean share of Requests per Minute of each process, sampled at its answers in [fromMs, toMs). */
		meanFractionsBetween(fromMs, toMs) {
			return results.map((r) => {
				const samples = r.fractions.filter(([t]) => t >= fromMs && t < toMs).map(([, f]) => f);
				return samples.reduce((a, b) => a + b, 0) / samples.length;
			});
		},
		/** Admitted requests per process in [fromMs, toMs) after the start. */
		countsBetween(fromMs, toMs) {
			return results.map((r) => r.admitted.filter((t) => t - t0 >= fromMs && t - t0 < toMs).length);
		},
	};
}

module.exports = { eventClock, simulate };
