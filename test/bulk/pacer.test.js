// Unit tests of the pacer (dist/.../transport/pacer.js) on a virtual clock: no real waiting, no
// timed assertions; the clock only moves when the pacer sleeps.
const { Pacer, pacerFor, intervalForRate, PACING_HEADROOM } = require('../../dist/nodes/KoreAiContactCenter/transport/pacer');
const { ExecutionCancelledError, systemClock } = require('../../dist/nodes/KoreAiContactCenter/transport/wait');

/** A clock whose time moves only by sleeping; sleeps resolve on the next microtask. */
function virtualClock(start = 1_000_000) {
	const clock = {
		t: start,
		sleeps: [],
		now: () => clock.t,
		async sleep(ms, signal) {
			if (signal?.aborted) throw new ExecutionCancelledError();
			clock.sleeps.push(ms);
			clock.t += ms;
			await Promise.resolve();
			if (signal?.aborted) throw new ExecutionCancelledError();
		},
		race: (promise, signal) => systemClock.race(promise, signal),
	};
	return clock;
}

/** Runs acquires "at once" and records the virtual time each one was allowed to start. */
async function startTimes(pacer, clock, count, intervalMs) {
	const times = [];
	await Promise.all(
		Array.from({ length: count }, (_, i) =>
			pacer.acquire(intervalMs, undefined).then(() => {
				times[i] = clock.now();
			}),
		),
	);
	return times;
}

test('the interval is 60 s / limit plus the headroom; 0 or less means no pacing', () => {
	expect(intervalForRate(60)).toBeCloseTo(1000 * (1 + PACING_HEADROOM));
	expect(intervalForRate(600)).toBeCloseTo(100 * (1 + PACING_HEADROOM));
	expect(intervalForRate(0)).toBe(0);
	expect(intervalForRate(-5)).toBe(0);
	expect(intervalForRate(Number.NaN)).toBe(0);
});

test('requests start one interval apart, in arrival order; the first starts at once', async () => {
	const clock = virtualClock();
	const pacer = new Pacer(clock);
	const t0 = clock.now();
	const times = await startTimes(pacer, clock, 10, 1000);
	expect(times.map((t) => t - t0)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]);
});

test('at the limit, no window of sixty seconds ever holds more than the limit', async () => {
	const clock = virtualClock();
	const pacer = new Pacer(clock);
	const interval = intervalForRate(60);
	const times = await startTimes(pacer, clock, 200, interval);
	for (let i = 0; i + 60 < times.length; i++) {
		// the 61st start after any start is more than a minute later
		expect(times[i + 60] - times[i]).toBeGreaterThan(60_000);
	}
});

test('after being idle the next request starts at once, then spacing resumes', async () => {
	const clock = virtualClock();
	const pacer = new Pacer(clock);
	await pacer.acquire(1000);
	clock.t += 5000; // idle
	const t0 = clock.now();
	const times = await startTimes(pacer, clock, 3, 1000);
	expect(times.map((t) => t - t0)).toEqual([0, 1000, 2000]);
});

test('spacing is measured from the actual start: a late start pushes the next one back', async () => {
	const clock = virtualClock();
	const pacer = new Pacer(clock);
	await pacer.acquire(1000);
	const first = clock.now();
	clock.t += 1500; // the caller was slow to send: next may start right away
	await pacer.acquire(1000);
	expect(clock.now() - first).toBe(1500);
	const second = clock.now();
	await pacer.acquire(1000);
	expect(clock.now() - second).toBe(1000);
});

test('a hold (Retry-After of a 429) delays every request of the account, paced or not', async () => {
	const clock = virtualClock();
	const pacer = new Pacer(clock);
	await pacer.acquire(100);
	pacer.hold(clock.now() + 5000);
	const t0 = clock.now();
	await pacer.acquire(100);
	expect(clock.now() - t0).toBe(5000);
	pacer.hold(clock.now() + 2000);
	const t1 = clock.now();
	await pacer.acquire(0); // pacing off still honours Kore.ai's hold
	expect(clock.now() - t1).toBe(2000);
	// a shorter hold never shortens a longer one
	pacer.hold(clock.now() + 3000);
	pacer.hold(clock.now() + 1000);
	const t2 = clock.now();
	await pacer.acquire(0);
	expect(clock.now() - t2).toBe(3000);
});

test('without pacing, requests start at once', async () => {
	const clock = virtualClock();
	const pacer = new Pacer(clock);
	const t0 = clock.now();
	const times = await startTimes(pacer, clock, 5, 0);
	expect(times.map((t) => t - t0)).toEqual([0, 0, 0, 0, 0]);
	expect(clock.sleeps).toEqual([]);
});

test('a cancelled waiter leaves the queue; the ones behind it keep their order and spacing', async () => {
	const clock = virtualClock();
	const pacer = new Pacer(clock);
	const controller = new AbortController();
	const order = [];
	await pacer.acquire(1000);
	const a = pacer.acquire(1000).then(() => order.push('a'));
	const b = pacer.acquire(1000, controller.signal).then(
		() => order.push('b'),
		(error) => order.push(error instanceof ExecutionCancelledError ? 'b cancelled' : `b ${error}`),
	);
	const c = pacer.acquire(1000).then(() => order.push('c'));
	controller.abort();
	await Promise.all([a, b, c]);
	expect(order).toEqual(['b cancelled', 'a', 'c']);
});

test('an already cancelled execution does not wait at all', async () => {
	const clock = virtualClock();
	const pacer = new Pacer(clock);
	await pacer.acquire(1000);
	const controller = new AbortController();
	controller.abort();
	await expect(pacer.acquire(1000, controller.signal)).rejects.toBeInstanceOf(ExecutionCancelledError);
	await expect(systemClock.sleep(60_000, controller.signal)).rejects.toBeInstanceOf(ExecutionCancelledError);
});

test('the real clock stops sleeping when the signal aborts', async () => {
	const controller = new AbortController();
	const sleeping = systemClock.sleep(600_000, controller.signal);
	controller.abort();
	await expect(sleeping).rejects.toBeInstanceOf(ExecutionCancelledError);
});

test('one pacer per account and Environment URL, shared process-wide', () => {
	const a = pacerFor('https://platform.kore.ai', 'acc1');
	expect(pacerFor('https://platform.kore.ai', 'acc1')).toBe(a);
	expect(pacerFor('https://platform.kore.ai', 'acc2')).not.toBe(a);
	expect(pacerFor('https://de-platform.kore.ai', 'acc1')).not.toBe(a);
});
