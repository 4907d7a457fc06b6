// The fault matrix: hundreds of deletes through n8n's engine against a sandbox that answers with
// 429s, 502/503/504s, HTML error pages, resets, hangs, lost and cut-off answers, all at once.
// Every input item yields exactly one output item, in input order, paired with it; with the default
// Max Tries and Max Total Wait every campaign ends deleted and is reported deleted; no item is
// reported deleted that was not; nothing escapes the node.
//
// Time is scaled so the matrix runs in seconds: pacing off (the sandbox's rate limit is off too),
// Retry Delay 0.01 s, Timeout 0.5 s (a hang costs half a second), Concurrency 8.
const { createPrng } = require('../../sandbox/faults');
const { NODE, startSandbox, deleteWorkflow, run, outputsOf, maxInFlight, watchUnhandled, allStoredText } = require('./helpers');

const FAST = { requestsPerMinute: 0, concurrency: 8, timeout: 0.5, retryDelay: 0.01 };

/** Faults that keep Kore.ai from acting, and faults where it acted and the answer was lost. */
const NOT_APPLIED = [
	{ type: 'status429', retryAfter: false },
	{ type: 'status429', retryAfter: 0 },
	{ type: 'status5xx', status: 503, body: 'json' },
	{ type: 'status5xx', status: 503, body: 'html' },
	{ type: 'status5xx', status: 502 },
	{ type: 'status5xx', status: 504 },
	{ type: 'html', status: 502 },
	'reset',
	'hang',
];
const APPLIED = ['lostResponse', 'truncatedJson', 'malformedJson'];
const isApplied = (fault) => APPLIED.includes(typeof fault === 'string' ? fault : fault.type);

let sandbox;
let unhandled;
beforeAll(async () => {
	sandbox = await startSandbox({ rateLimit: false });
});
beforeEach(() => {
	sandbox.reset();
	unhandled = watchUnhandled();
});
afterEach(() => unhandled.stop());
afterAll(() => sandbox.close());

/**
 * Each campaign gets its own fault sequence, applied to its 1st, 2nd, ... request whatever the
 * order requests arrive in, so the outcome of every item is known in advance. At most 4 faults:
 * the default Max Tries (5) always gets through.
 */
function planFaults(ids, seed) {
	const random = createPrng(seed);
	const pick = (list) => list[Math.floor(random() * list.length)];
	const plans = new Map();
	for (const id of ids) {
		const length = random() < 0.35 ? 0 : 1 + Math.floor(random() * 4);
		const sequence = [];
		for (let i = 0; i < length; i++) sequence.push(random() < 0.25 ? pick(APPLIED) : pick(NOT_APPLIED));
		plans.set(id, sequence);
	}
	return plans;
}

/**
 * What the node must say for a campaign with this fault sequence, replaying the sandbox: the i-th
 * fault applies to the campaign's i-th request, then requests pass.
 */
function expectedOutcome(sequence) {
	let deleted = false;
	for (let tries = 1; ; tries++) {
		const fault = sequence[tries - 1];
		const type = fault === undefined ? 'none' : typeof fault === 'string' ? fault : fault.type;
		if (!isApplied(type) && type !== 'none') continue; // turned away or cut off before Kore.ai acted
		const answer = deleted ? 404 : 200;
		deleted = true;
		if (type === 'lostResponse') continue; // the answer never arrives
		if (answer === 200 && type !== 'none') continue; // 200 with a damaged body: retried
		// 200 intact: deleted with details; 404 (intact or damaged, its status is enough): deleted
		// by an earlier try whose answer was lost.
		return { confirmedOnRetry: answer === 404, attempts: tries };
	}
}

test('520 deletes through 429s, 5xx, HTML pages, resets, hangs and lost answers: one paired item each, in order, all deleted, none wrongly', async () => {
	const ids = sandbox.addCampaigns(520, 'sms');
	// A few campaigns whose 429 asks for a real wait (Retry-After: 1): the whole account holds.
	const plans = planFaults(ids, 20250115);
	plans.set(ids[17], [{ type: 'status429', retryAfter: 1 }]);
	plans.set(ids[300], [{ type: 'status429', retryAfter: 1 }, 'lostResponse']);
	// Rows that name no campaign: a 404 on the first try stays an error, also after a 429.
	const missing = ['cd-missing-0001', 'cd-missing-0002', 'cd-missing-0003'];
	sandbox.setFaults({
		// 5 ms per answer, so requests overlap and the sandbox can see how many are in flight.
		latencyMs: 5,
		byCampaign: { ...Object.fromEntries(plans), [missing[1]]: [{ type: 'status429', retryAfter: 0 }] },
	});
	const rows = [...ids];
	rows.splice(5, 0, missing[0]);
	rows.splice(250, 0, missing[1]);
	rows.push(missing[2]);
	const input = rows.map((campaignId, row) => ({ campaignId, row }));

	const result = await run(sandbox, deleteWorkflow(FAST), input);
	expect(result.status).toBe('success');
	expect(result.error).toBeUndefined();
	const [ok, failed] = outputsOf(result);

	// One output item per input item, each paired with its own row, in input order on each output.
	expect(ok.length + failed.length).toBe(input.length);
	const pairedRows = [...ok, ...failed].map((item) => item.pairedItem.item).sort((a, b) => a - b);
	expect(pairedRows).toEqual(input.map((_, i) => i));
	for (const output of [ok, failed]) {
		const order = output.map((item) => item.pairedItem.item);
		expect(order).toEqual([...order].sort((a, b) => a - b));
	}
	for (const item of ok) expect(item.json.campaignId).toBe(rows[item.pairedItem.item]);

	// The missing rows, and only they, failed: not found, on the first try that reached Kore.ai.
	expect(failed.map((item) => rows[item.pairedItem.item])).toEqual(missing);
	for (const item of failed) {
		expect(item.json.error).toMatch(/^Campaign cd-missing-\d+ was not found in app /);
		expect(item.json.error).toMatch(/\(HTTP 404 Not Found/);
	}

	// Every campaign is gone, and every one is reported deleted exactly as its faults predict.
	expect(ok).toHaveLength(ids.length);
	let confirmed = 0;
	for (const { json } of ok) {
		expect(sandbox.store.has(json.campaignId)).toBe(false);
		expect(json.deleted).toBe(true);
		const expected = expectedOutcome(plans.get(json.campaignId));
		if (expected.confirmedOnRetry) {
			confirmed++;
			expect(json).toEqual({
				deleted: true,
				campaignId: json.campaignId,
				campaignType: 'sms',
				confirmedOnRetry: true,
				attempts: expected.attempts,
				message: expect.stringMatching(/answer to an earlier try was lost, and the retry found the campaign gone/),
			});
		} else {
			expect(json.confirmedOnRetry).toBeUndefined();
			expect(json.name).toEqual(expect.any(String));
			expect(json.message).toBe(`Campaign ${json.name} deleted successfully`);
		}
	}
	expect(confirmed).toBeGreaterThan(50);
	// Each campaign was deleted once: by its one successful or lost-answer DELETE.
	expect(sandbox.store.deletions.length).toBe(ids.length);

	// The sandbox saw exactly the planned number of tries per campaign, each with a fresh token.
	const triesPerCampaign = new Map();
	for (const request of sandbox.requests) triesPerCampaign.set(request.campaignId, (triesPerCampaign.get(request.campaignId) ?? 0) + 1);
	for (const id of ids) expect(triesPerCampaign.get(id)).toBe(expectedOutcome(plans.get(id)).attempts);
	expect(new Set(sandbox.tokensSeen).size).toBe(sandbox.tokensSeen.length);
	// Faults planned after a campaign's final answer were never used; all others were.
	const unused = Object.fromEntries(
		ids.map((id) => [id, Math.max(0, plans.get(id).length - expectedOutcome(plans.get(id)).attempts)]).filter(([, n]) => n > 0),
	);
	expect(sandbox.stats.pendingTargetedFaults).toEqual(unused);
	const faults = sandbox.stats.faults;
	for (const type of ['status429', 'status5xx', 'html', 'reset', 'hang', 'lostResponse', 'truncatedJson', 'malformedJson']) {
		expect(faults[type]).toBeGreaterThan(5);
	}

	// Concurrency 8 was used and never exceeded.
	expect(maxInFlight(sandbox.requests)).toBeLessThanOrEqual(8);
	expect(maxInFlight(sandbox.requests)).toBeGreaterThan(4);

	expect(allStoredText(result, { deep: false })).not.toContain(sandbox.credentials.clientSecret);
	expect(unhandled.seen).toEqual([]);
});

test('random faults on every request (no plan): with Max Tries 10 every campaign is deleted and reported so, in order', async () => {
	const ids = sandbox.addCampaigns(500, 'sms');
	sandbox.setFaults({
		seed: 4242,
		status429: { rate: 0.05, retryAfter: false },
		status5xx: { rate: 0.05, statuses: [502, 503, 504] },
		reset: 0.04,
		hang: 0.02,
		lostResponse: 0.04,
		truncatedJson: 0.02,
	});
	const result = await run(sandbox, deleteWorkflow({ ...FAST, maxTries: 10 }), ids.map((campaignId) => ({ campaignId })));
	expect(result.status).toBe('success');
	const [ok, failed] = outputsOf(result);
	expect(failed).toEqual([]);
	expect(ok.map((item) => item.pairedItem.item)).toEqual(ids.map((_, i) => i));
	expect(ok.map((item) => item.json.campaignId)).toEqual(ids);
	for (const { json } of ok) {
		expect(json.deleted).toBe(true);
		expect(sandbox.store.has(json.campaignId)).toBe(false);
		// Details exist exactly when the successful answer arrived.
		if (json.confirmedOnRetry) expect(json.name).toBeUndefined();
		else expect(json.name).toEqual(expect.any(String));
	}
	const faults = sandbox.stats.faults;
	for (const type of ['status429', 'status5xx', 'reset', 'hang', 'lostResponse']) expect(faults[type]).toBeGreaterThan(3);
	expect(unhandled.seen).toEqual([]);
});

test('with "On Error: Continue (regular output)" the failed and deleted items interleave in input order', async () => {
	const ids = sandbox.addCampaigns(60, 'sms');
	const rows = ids.flatMap((id, i) => (i % 10 === 0 ? [id, `cd-gone-${i}`] : [id]));
	// The missing rows get no fault on their one try: after a try with unknown outcome, a 404 would
	// read as "deleted, confirmed on retry" (the node cannot tell that apart from a lost answer).
	const byCampaign = Object.fromEntries(rows.filter((id) => id.startsWith('cd-gone-')).map((id) => [id, ['none']]));
	sandbox.setFaults({ seed: 9, reset: 0.1, status5xx: { rate: 0.1, statuses: [503] }, lostResponse: 0.1, byCampaign });
	const workflow = deleteWorkflow({ ...FAST, maxTries: 10 }, { onError: 'continueRegularOutput' });
	const result = await run(sandbox, workflow, rows.map((campaignId) => ({ campaignId })));
	const [items] = result.outputs(NODE);
	expect(items.map((item) => item.pairedItem.item)).toEqual(rows.map((_, i) => i));
	items.forEach((item, i) => {
		if (rows[i].startsWith('cd-gone-')) expect(item.json.error).toMatch(/was not found/);
		else expect(item.json).toMatchObject({ deleted: true, campaignId: rows[i] });
	});
});
