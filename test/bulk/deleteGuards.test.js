// 500 guarded deletes through n8n's engine against a sandbox that enforces a rate limit: the read
// and the delete of each row are both paced, so 1000 requests go out within the account's limit.
// Kore.ai's 60 a minute would take 17 minutes; the same rule is run 100 times faster: Requests per
// Minute 6000 (one start every 10.2 ms) against a sandbox allowing 110 per rolling second (6600 a
// minute). Unpaced reads or deletes would double the rate and be refused. Timing checks are lower
// bounds only.
const { useSandbox, deleteWorkflow, run, outputsOf } = require('./helpers');
const { intervalForRate } = require('../../dist/nodes/KoreAiContactCenter/transport/pacer');

const PER_MINUTE = 6000;
const WINDOW_MS = 1000;
const SANDBOX_LIMIT = 110; // per WINDOW_MS

const sandbox = useSandbox({
	rateLimit: { perMinute: SANDBOX_LIMIT, windowMs: WINDOW_MS, retryAfter: true },
});

/** Most request arrivals the sandbox saw in any window of `ms` (rolling). */
function busiestWindow(times, ms) {
	let most = 0;
	for (let first = 0, last = 0; last < times.length; last++) {
		while (times[last] - times[first] >= ms) first++;
		most = Math.max(most, last - first + 1);
	}
	return most;
}

test('500 rows with Only When Status Is and Expected Name: 1000 requests, two per row, all paced, none refused', async () => {
	const ids = sandbox.addCampaigns(500, 'sms', { status: 'Completed' });
	const input = ids.map((campaignId) => ({ campaignId, name: sandbox.store.get(campaignId).name }));
	const workflow = deleteWorkflow(
		{
			requestsPerMinute: PER_MINUTE,
			onlyWhenStatusIs: ['Completed'],
			expectedName: '={{ $json.name }}',
		},
		{ onError: 'continueErrorOutput' },
	);

	const result = await run(sandbox, workflow, input);

	const [ok, failed] = outputsOf(result);
	expect(failed).toEqual([]);
	expect(ok.map((item) => [item.pairedItem.item, item.json.campaignId, item.json.deleted])).toEqual(
		ids.map((id, i) => [i, id, true]),
	);
	expect(sandbox.store.deletions).toHaveLength(500);

	expect(sandbox.requests).toHaveLength(1000);
	expect(sandbox.stats.rateLimited).toBe(0);
	expect(sandbox.requests.every((r) => r.status === 200)).toBe(true);
	const byCampaign = new Map();
	for (const r of sandbox.requests)
		byCampaign.set(r.campaignId, [...(byCampaign.get(r.campaignId) ?? []), r.method]);
	expect([...byCampaign.values()].every((methods) => methods.join() === 'GET,DELETE')).toBe(true);

	// The pace: 999 gaps of at least one interval between the first and the last start (150 ms of
	// slack for a late first arrival on a busy machine), and no rolling second above the sandbox's limit.
	const starts = sandbox.requests.map((r) => r.startedAt).sort((a, b) => a - b);
	expect(starts.at(-1) - starts[0]).toBeGreaterThanOrEqual(999 * intervalForRate(PER_MINUTE) - 150);
	expect(busiestWindow(starts, WINDOW_MS)).toBeLessThanOrEqual(SANDBOX_LIMIT);
}, 60_000);

test('the busiest-window count can tell a burst from a pace (it can fail)', () => {
	expect(busiestWindow([0, 10, 20, 30], 1000)).toBe(4);
	expect(busiestWindow([0, 1000, 2000], 1000)).toBe(1);
	expect(busiestWindow([0, 500, 999, 1500], 1000)).toBe(3);
});
