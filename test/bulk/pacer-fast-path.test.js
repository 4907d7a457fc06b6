// Pacer.tryStart (dist/.../transport/pacer.js): a request that may start at once starts without a
// promise, exactly when acquire would have let it start at once, and never otherwise. Virtual clock,
// no timed assertions.
const { Pacer } = require('../../dist/nodes/KoreAiContactCenter/transport/pacer');
const {
	ExecutionCanceledError,
	systemClock,
} = require('../../dist/nodes/KoreAiContactCenter/transport/wait');

function virtualClock(start = 1_000_000) {
	const clock = {
		t: start,
		now: () => clock.t,
		async sleep(ms, signal) {
			if (signal?.aborted) throw new ExecutionCanceledError();
			clock.t += ms;
			await Promise.resolve();
		},
		race: (promise, signal) => systemClock.race(promise, signal),
	};
	return clock;
}

test('pacing off: every request starts at once, unless Kore.ai asked to wait (Retry-After)', async () => {
	const clock = virtualClock();
	const pacer = new Pacer(clock);
	expect(pacer.tryStart(0)).toBe(true);
	expect(pacer.tryStart(0)).toBe(true);
	pacer.onRateLimited(clock.now(), 3000);
	expect(pacer.tryStart(0)).toBe(false);
	await pacer.acquire(0);
	expect(clock.now()).toBe(1_003_000);
	expect(pacer.tryStart(0)).toBe(true);
});

test('paced: the first request starts at once, the next only once its interval has passed', async () => {
	const clock = virtualClock();
	const pacer = new Pacer(clock);
	expect(pacer.tryStart(1000)).toBe(true);
	expect(pacer.tryStart(1000)).toBe(false);
	clock.t += 999;
	expect(pacer.tryStart(1000)).toBe(false);
	clock.t += 1;
	expect(pacer.tryStart(1000)).toBe(true);
	// A start by tryStart counts for spacing like one by acquire.
	await pacer.acquire(1000);
	expect(clock.now()).toBe(1_002_000);
});

test('paced: never ahead of a request already waiting in the queue', async () => {
	const clock = virtualClock();
	const pacer = new Pacer(clock);
	await pacer.acquire(1000);
	let waiterStarted = false;
	const waiter = pacer.acquire(1000).then(() => (waiterStarted = true));
	// The waiter is queued (its interval has not passed): a newcomer may not jump ahead, even later.
	clock.t += 5000;
	expect(pacer.tryStart(1000)).toBe(false);
	await waiter;
	expect(waiterStarted).toBe(true);
	expect(pacer.tryStart(1000)).toBe(false); // the waiter just started: one interval from now
});

test('paced: a hold after a 429, and a canceled execution, send the request to acquire', async () => {
	const clock = virtualClock();
	const pacer = new Pacer(clock);
	pacer.onRateLimited(clock.now());
	expect(pacer.tryStart(1000)).toBe(false);
	clock.t += 60_000;
	const aborted = AbortSignal.abort();
	expect(pacer.tryStart(1000, aborted)).toBe(false);
	await expect(pacer.acquire(1000, aborted)).rejects.toThrow(ExecutionCanceledError);
	expect(pacer.tryStart(1000)).toBe(true);
});

test('the same starts as acquire alone: a run of requests mixing both keeps the spacing', async () => {
	const run = async (useTryStart) => {
		const clock = virtualClock();
		const pacer = new Pacer(clock);
		const starts = [];
		for (let i = 0; i < 20; i++) {
			clock.t += [0, 300, 1200, 50][i % 4];
			if (!(useTryStart && pacer.tryStart(1000))) await pacer.acquire(1000);
			starts.push(clock.now());
		}
		return starts;
	};
	expect(await run(true)).toEqual(await run(false));
});
