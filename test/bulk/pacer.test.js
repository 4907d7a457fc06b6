// Unit tests of the pacer (dist/.../transport/pacer.js) on a virtual clock: no real waiting, no
// timed assertions; the clock only moves when the pacer sleeps.
const {
	Pacer,
	intervalForRate,
	PACING_HEADROOM,
} = require('../../dist/nodes/KoreAiContactCenter/transport/pacer');
const { pacerFor } = require('../../dist/nodes/KoreAiContactCenter/transport/pacers');
const {
	ExecutionCanceledError,
	systemClock,
} = require('../../dist/nodes/KoreAiContactCenter/transport/wait');

/** A clock whose time moves only by sleeping; sleeps resolve on the next microtask. */
function virtualClock(start = 1_000_000) {
	const clock = {
		t: start,
		sleeps: [],
		now: () => clock.t,
		async sleep(ms, signal) {
			if (signal?.aborted) throw new ExecutionCanceledError();
			clock.sleeps.push(ms);
			clock.t += ms;
			await Promise.resolve();
			if (signal?.aborted) throw new ExecutionCanceledError();
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
	expect(times.map((t) => t - t0)).toEqual([
		0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000,
	]);
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

test('a canceled waiter leaves the queue; the ones behind it keep their order and spacing', async () => {
	const clock = virtualClock();
	const pacer = new Pacer(clock);
	const controller = new AbortController();
	const order = [];
	await pacer.acquire(1000);
	const a = pacer.acquire(1000).then(() => order.push('a'));
	const b = pacer.acquire(1000, controller.signal).then(
		() => order.push('b'),
		(error) => order.push(error instanceof ExecutionCanceledError ? 'b canceled' : `b ${error}`),
	);
	const c = pacer.acquire(1000).then(() => order.push('c'));
	controller.abort();
	await Promise.all([a, b, c]);
	expect(order).toEqual(['b canceled', 'a', 'c']);
});

test('an already canceled execution does not wait at all', async () => {
	const clock = virtualClock();
	const pacer = new Pacer(clock);
	await pacer.acquire(1000);
	const controller = new AbortController();
	controller.abort();
	await expect(pacer.acquire(1000, controller.signal)).rejects.toBeInstanceOf(
		ExecutionCanceledError,
	);
	await expect(systemClock.sleep(60_000, controller.signal)).rejects.toBeInstanceOf(
		ExecutionCanceledError,
	);
});

test('the real clock stops sleeping when the signal aborts', async () => {
	const controller = new AbortController();
	const sleeping = systemClock.sleep(600_000, controller.signal);
	controller.abort();
	await expect(sleeping).rejects.toBeInstanceOf(ExecutionCanceledError);
});

test('one pacer per account and Environment URL, shared process-wide', () => {
	const a = pacerFor('https://platform.kore.ai', 'acc1');
	expect(pacerFor('https://platform.kore.ai', 'acc1')).toBe(a);
	expect(pacerFor('https://platform.kore.ai', 'acc2')).not.toBe(a);
	expect(pacerFor('https://de-platform.kore.ai', 'acc1')).not.toBe(a);
});

describe('adaptive share of the account (AIMD, see pacer.ts)', () => {
	const {
		DEFAULT_HOLD_MS,
		DECREASE_FACTOR,
		RAISE_STEP,
		RAISE_EVERY_MS,
		MIN_FRACTION,
	} = require('../../dist/nodes/KoreAiContactCenter/transport/pacer');

	test('the rule as documented: halve, hold 10 s without Retry-After, +5 % of the limit per 6 s', () => {
		expect([DEFAULT_HOLD_MS, DECREASE_FACTOR, RAISE_STEP, RAISE_EVERY_MS]).toEqual([
			10_000, 0.5, 0.05, 6_000,
		]);
		expect(MIN_FRACTION).toBeGreaterThan(0);
	});

	test('a 429 halves the pace and holds the account for the default hold when there is no Retry-After', async () => {
		const clock = virtualClock();
		const pacer = new Pacer(clock);
		await pacer.acquire(1000);
		expect(pacer.fraction).toBe(1);
		expect(pacer.onRateLimited(clock.now(), undefined)).toBe(DEFAULT_HOLD_MS);
		expect(pacer.fraction).toBe(0.5);
		const t0 = clock.now();
		await pacer.acquire(1000);
		expect(clock.now() - t0).toBe(DEFAULT_HOLD_MS);
		// then starts are twice as far apart: half the rate
		const t1 = clock.now();
		await pacer.acquire(1000);
		expect(clock.now() - t1).toBe(2000);
	});

	test('a Retry-After sets the hold instead, for paced and unpaced requests alike', async () => {
		const clock = virtualClock();
		const pacer = new Pacer(clock);
		expect(pacer.onRateLimited(clock.now(), 3000)).toBe(3000);
		expect(pacer.fraction).toBe(0.5);
		const t0 = clock.now();
		await pacer.acquire(0);
		expect(clock.now() - t0).toBe(3000);
	});

	test("with pacing off, the pacer's own hold (no Retry-After) does not apply", async () => {
		const clock = virtualClock();
		const pacer = new Pacer(clock);
		pacer.onRateLimited(clock.now(), undefined);
		const t0 = clock.now();
		await pacer.acquire(0);
		expect(clock.now()).toBe(t0);
	});

	test('429s during a hold, or again before any answer came, do not lower the pace again', async () => {
		const clock = virtualClock();
		const pacer = new Pacer(clock);
		pacer.onRateLimited(clock.now(), undefined);
		clock.t += 100; // requests sent before the hold are answered 429 too
		expect(pacer.onRateLimited(clock.now(), undefined)).toBe(DEFAULT_HOLD_MS - 100);
		expect(pacer.fraction).toBe(0.5);
		clock.t += DEFAULT_HOLD_MS; // the hold is over; the first request is turned away again
		expect(pacer.onRateLimited(clock.now(), undefined)).toBe(DEFAULT_HOLD_MS);
		expect(pacer.fraction).toBe(0.5); // the account is still full from before: hold again, same pace
		clock.t += DEFAULT_HOLD_MS;
		pacer.onAnswer(clock.now());
		clock.t += 1000;
		pacer.onRateLimited(clock.now(), undefined); // after an answer: a new sign of sending too fast
		expect(pacer.fraction).toBe(0.25);
	});

	test('answers without a 429 raise the pace one step per 6 s, never above Requests per Minute', () => {
		const clock = virtualClock();
		const pacer = new Pacer(clock);
		pacer.onRateLimited(clock.now(), undefined);
		const holdEnd = clock.now() + DEFAULT_HOLD_MS;
		clock.t = holdEnd + RAISE_EVERY_MS - 1;
		pacer.onAnswer(clock.now());
		expect(pacer.fraction).toBe(0.5); // not a full step since the hold ended
		clock.t = holdEnd + RAISE_EVERY_MS;
		pacer.onAnswer(clock.now());
		expect(pacer.fraction).toBeCloseTo(0.55);
		pacer.onAnswer(clock.now()); // more answers in the same step: no more
		expect(pacer.fraction).toBeCloseTo(0.55);
		clock.t += 3 * RAISE_EVERY_MS;
		pacer.onAnswer(clock.now());
		expect(pacer.fraction).toBeCloseTo(0.7);
		clock.t += 100 * RAISE_EVERY_MS;
		pacer.onAnswer(clock.now());
		expect(pacer.fraction).toBe(1);
	});

	test('the pace never drops below its floor, so the pacer keeps probing', () => {
		const clock = virtualClock();
		const pacer = new Pacer(clock);
		for (let i = 0; i < 30; i++) {
			pacer.onAnswer(clock.now());
			pacer.onRateLimited(clock.now(), 0);
		}
		expect(pacer.fraction).toBe(MIN_FRACTION);
	});

	test('the share applies to whatever Requests per Minute the caller gives', async () => {
		const clock = virtualClock();
		const pacer = new Pacer(clock);
		pacer.onRateLimited(clock.now(), 0);
		pacer.onAnswer(clock.now());
		pacer.onRateLimited(clock.now(), 0); // 0.25
		await pacer.acquire(100);
		const t0 = clock.now();
		await pacer.acquire(100);
		expect(clock.now() - t0).toBe(400);
	});
});
