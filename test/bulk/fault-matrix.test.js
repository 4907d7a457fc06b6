// The fault matrix: hundreds of deletes through n8n's engine against a sandbox that answers with
// 429s, 502/503/504s, HTML error pages, resets, hangs, lost and cut-off answers, all at once.
// Every input item yields exactly one output item, in input order, paired with it; with the default
// Max Tries and Max Total Wait every campaign ends deleted and is reported deleted; no item is
// reported deleted that was not; nothing escapes the node.
//
// Time is scaled so the matrix runs in seconds: pacing off (the sandbox's rate limit is off too),
// Retry Delay 0.01 s, Timeout 1 s (a hang costs a second; hangs are planned less often), Concurrency 8.
const { createPrng } = require('../../sandbox/faults');
const {
	NODE,
	useSandbox,
	deleteWorkflow,
	run,
	outputsOf,
	maxInFlight,
	watchUnhandled,
	allStoredText,
} = require('./helpers');

const FAST = { requestsPerMinute: 0, concurrency: 8, timeout: 1, retryDelay: 0.01 };

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

const sandbox = useSandbox({ rateLimit: false });
let unhandled;
beforeEach(() => {
	unhandled = watchUnhandled();
});
afterEach(() => unhandled.stop());

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
		for (let i = 0; i < length; i++) {
			let fault = random() < 0.25 ? pick(APPLIED) : pick(NOT_APPLIED);
			if (fault === 'hang' && random() < 0.6) fault = 'reset'; // each hang costs a Timeout
			sequence.push(fault);
		}
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
		byCampaign: {
			...Object.fromEntries(plans),
			[missing[1]]: [{ type: 'status429', retryAfter: 0 }],
		},
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

	// What the sandbox saw per campaign, in arrival order: the last request got the final answer.
	const seen = new Map();
	for (const request of [...sandbox.requests].sort((x, y) => x.seq - y.seq)) {
		if (!seen.has(request.campaignId)) seen.set(request.campaignId, []);
		seen.get(request.campaignId).push(request);
	}

	// The missing rows, and only they, failed: not found, after tries that certainly did nothing
	// (a 429). (Had a try timed out on a very busy machine, its outcome would be unknown, and the
	// 404 of the retry would rightly read as "confirmed on retry".)
	for (const id of missing) expect(seen.get(id).at(-1).status).toBe(404);
	const missingAsErrors = missing.filter((id) =>
		seen
			.get(id)
			.slice(0, -1)
			.every((r) => r.status === 429),
	);
	expect(missingAsErrors.length).toBeGreaterThan(0);
	expect(failed.map((item) => rows[item.pairedItem.item])).toEqual(missingAsErrors);
	for (const item of failed) {
		expect(item.json.error).toMatch(/^Campaign cd-missing-\d+ was not found in app /);
		expect(item.json.error).toMatch(/\(HTTP 404 Not Found/);
	}

	// Every campaign is gone, each deleted exactly once, and each reported deleted exactly as the
	// sandbox's answers say: details when the last try was answered 200, "confirmed on retry" when
	// an earlier try deleted it and the last one found it gone; tries = requests the sandbox saw.
	expect(ok).toHaveLength(rows.length - missingAsErrors.length);
	let confirmed = 0;
	for (const { json } of ok) {
		if (missing.includes(json.campaignId)) continue;
		expect(sandbox.store.has(json.campaignId)).toBe(false);
		expect(json.deleted).toBe(true);
		const requests = seen.get(json.campaignId);
		const last = requests.at(-1);
		if (last.status === 404) {
			confirmed++;
			expect(json).toEqual({
				deleted: true,
				campaignId: json.campaignId,
				campaignType: 'sms',
				confirmedOnRetry: true,
				attempts: requests.length,
				message: expect.stringMatching(
					/answer to an earlier try was lost, and the retry found the campaign gone/,
				),
			});
		} else {
			expect(last.status).toBe(200);
			expect(json.confirmedOnRetry).toBeUndefined();
			expect(json.name).toEqual(expect.any(String));
			expect(json.message).toBe(`Campaign ${json.name} deleted successfully`);
		}
		// The plan's faults all happened (a try that timed out on a busy machine may add one), and a
		// campaign whose answer the plan lost is always reported confirmed on retry.
		const planned = expectedOutcome(plans.get(json.campaignId));
		expect(requests.length).toBeGreaterThanOrEqual(planned.attempts);
		if (planned.confirmedOnRetry) expect(json.confirmedOnRetry).toBe(true);
	}
	expect(confirmed).toBeGreaterThan(50);
	const deletedIds = sandbox.store.deletions.map((d) => d.id);
	expect(new Set(deletedIds).size).toBe(deletedIds.length);
	expect(deletedIds.sort()).toEqual([...ids].sort());
	// Every try carried its own freshly signed token.
	expect(new Set(sandbox.tokensSeen).size).toBe(sandbox.tokensSeen.length);
	const faults = sandbox.stats.faults;
	for (const type of [
		'status429',
		'status5xx',
		'html',
		'reset',
		'hang',
		'lostResponse',
		'truncatedJson',
		'malformedJson',
	]) {
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
	const result = await run(
		sandbox,
		deleteWorkflow({ ...FAST, maxTries: 10 }),
		ids.map((campaignId) => ({ campaignId })),
	);
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
	for (const type of ['status429', 'status5xx', 'reset', 'hang', 'lostResponse'])
		expect(faults[type]).toBeGreaterThan(3);
	expect(unhandled.seen).toEqual([]);
});

test('with "On Error: Continue (regular output)" the failed and deleted items interleave in input order', async () => {
	const ids = sandbox.addCampaigns(60, 'sms');
	const rows = ids.flatMap((id, i) => (i % 10 === 0 ? [id, `cd-gone-${i}`] : [id]));
	// The missing rows get no fault on their one try: after a try with unknown outcome, a 404 would
	// read as "deleted, confirmed on retry" (the node cannot tell that apart from a lost answer).
	const byCampaign = Object.fromEntries(
		rows.filter((id) => id.startsWith('cd-gone-')).map((id) => [id, ['none']]),
	);
	sandbox.setFaults({
		seed: 9,
		reset: 0.1,
		status5xx: { rate: 0.1, statuses: [503] },
		lostResponse: 0.1,
		byCampaign,
	});
	// No hangs here, so the default Timeout (30 s): no try can time out on a busy machine.
	const workflow = deleteWorkflow(
		{ ...FAST, timeout: 30, maxTries: 10 },
		{ onError: 'continueRegularOutput' },
	);
	const result = await run(
		sandbox,
		workflow,
		rows.map((campaignId) => ({ campaignId })),
	);
	const [items] = result.outputs(NODE);
	expect(items.map((item) => item.pairedItem.item)).toEqual(rows.map((_, i) => i));
	items.forEach((item, i) => {
		if (rows[i].startsWith('cd-gone-')) expect(item.json.error).toMatch(/was not found/);
		else expect(item.json).toMatchObject({ deleted: true, campaignId: rows[i] });
	});
});
