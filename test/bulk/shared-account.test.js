// Several n8n processes (queue-mode workers) deleting for one Kore.ai account at once, each with its
// own pacer and nothing shared, against one rolling-window limit that answers 429 without
// Retry-After. Simulated on a virtual clock (shared-account-sim.js): minutes of traffic in well
// under a second, and no timed assertion.
const { simulate } = require('./shared-account-sim');

const LIMIT = 60; // Kore.ai's documented limit, and Requests per Minute's default
const MINUTE = 60_000;

test('3 processes with 500 rows each at once, default options: no failed item, near the limit, few 429s', async () => {
	const r = await simulate({
		processes: [{ items: 500 }, { items: 500 }, { items: 500 }],
		limitPerMinute: LIMIT,
	});
	expect(r.failed).toBe(0);
	expect(r.processes.map((p) => p.done)).toEqual([500, 500, 500]);
	// The rolling window admits at most LIMIT per minute: 1500 rows need at least 24 minutes.
	const throughput = r.total / (r.wallMs / MINUTE) / LIMIT;
	expect(throughput).toBeLessThanOrEqual(LIMIT / (LIMIT - 1) + 0.01);
	expect(throughput).toBeGreaterThan(0.9);
	expect(r.rateLimited / (r.total + r.rateLimited)).toBeLessThan(0.12);
	// Each waits its share: the three settled near a third of the limit each.
	for (const share of r.meanFractionsBetween(5 * MINUTE, 20 * MINUTE)) {
		expect(share).toBeGreaterThan(0.2);
		expect(share).toBeLessThan(0.55);
	}
});

test('processes that start at different times converge near a fair share of the account', async () => {
	const r = await simulate({
		processes: [
			{ items: 1000 },
			{ items: 700, startAt: 1 * MINUTE },
			{ items: 600, startAt: 2 * MINUTE },
		],
		limitPerMinute: LIMIT,
	});
	expect(r.failed).toBe(0);
	// Minutes 5 to 15, all three running: a third of 600 admitted requests each, give or take a quarter.
	const counts = r.countsBetween(5 * MINUTE, 15 * MINUTE);
	const total = counts.reduce((a, b) => a + b, 0);
	expect(total).toBeGreaterThan(0.88 * 10 * LIMIT);
	for (const count of counts) {
		expect(count).toBeGreaterThan(0.75 * (total / 3));
		expect(count).toBeLessThan(1.25 * (total / 3));
	}
	for (const share of r.meanFractionsBetween(5 * MINUTE, 15 * MINUTE)) {
		expect(share).toBeGreaterThan(0.2);
		expect(share).toBeLessThan(0.55);
	}
});

test('when the others stop, the one left recovers the full Requests per Minute', async () => {
	const r = await simulate({
		processes: [{ items: 500 }, { items: 100 }, { items: 100 }],
		limitPerMinute: LIMIT,
	});
	expect(r.failed).toBe(0);
	const [alone, ...others] = r.processes;
	const othersEnd = Math.max(...others.map((p) => p.endedAt));
	// It ran at a share while the others ran, and still had rows left after them ...
	expect(alone.endedAt - othersEnd).toBeGreaterThan(5 * MINUTE);
	const [during] = r.meanFractionsBetween(2 * MINUTE, othersEnd);
	expect(during).toBeLessThan(0.7);
	// ... then, within two minutes of being alone, runs at the full rate (60 / 1.02 a minute).
	const [late] = r.countsBetween(othersEnd + 2 * MINUTE, othersEnd + 5 * MINUTE);
	expect(late).toBeGreaterThanOrEqual(Math.floor((3 * LIMIT) / 1.02) - 2);
	expect(alone.pacer.fraction).toBe(1);
});

test('with a Retry-After too, no item fails', async () => {
	const r = await simulate({
		processes: [{ items: 60 }, { items: 60 }, { items: 60 }],
		limitPerMinute: LIMIT,
		retryAfter: true,
	});
	expect(r.failed).toBe(0);
	expect(r.processes.map((p) => p.done)).toEqual([60, 60, 60]);
});

test('the simulation can tell: a pacer that does not slow down on 429s never finds its share', async () => {
	const r = await simulate({
		processes: [{ items: 200 }, { items: 200 }, { items: 200 }],
		limitPerMinute: LIMIT,
		tuning: { decreaseFactor: 1, defaultHoldMs: 0 },
	});
	expect(r.rateLimited / (r.total + r.rateLimited)).toBeGreaterThan(0.3);
	for (const share of r.meanFractionsBetween(2 * MINUTE, 8 * MINUTE)) expect(share).toBe(1);
});
