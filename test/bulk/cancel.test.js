// Canceling an execution (n8n's own cancel, through the harness's run.cancel()) while the node
// waits: on an answer that never comes, on a backoff, on the pacer, on a Retry-After. Every wait
// in these runs is a minute or longer, beyond this file's 20 s test timeout: the run can only end
// in time if the cancel stops the wait. Each test has its own sandbox: the pacer (and a hold from
// a 429) belongs to the account at its Environment URL, and the sandbox's port is part of that.
const { startSandbox, deleteWorkflow, run, watchUnhandled } = require('./helpers');

jest.setTimeout(20_000);

let sandbox;
let unhandled;
beforeEach(async () => {
	sandbox = await startSandbox({ rateLimit: false });
	unhandled = watchUnhandled();
});
afterEach(async () => {
	unhandled.stop();
	await sandbox.close();
});

const LONG = { timeout: 600, retryDelay: 60, maxTotalWait: 3600, maxTries: 10 };

/** Polls until `condition()` holds (at most ~10 s), so the cancel comes while the node waits. */
async function until(condition) {
	for (let i = 0; i < 1000; i++) {
		if (condition()) return;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	throw new Error('condition not reached');
}

async function cancelWhile(options, rows, condition) {
	const running = run(
		sandbox,
		deleteWorkflow(options),
		rows.map((campaignId) => ({ campaignId })),
	);
	await until(condition);
	running.cancel();
	const result = await running;
	expect(result.status).toBe('canceled');
	expect(unhandled.seen).toEqual([]);
	return result;
}

test('while Kore.ai does not answer: the hanging request is aborted and its connection closed', async () => {
	const ids = sandbox.addCampaigns(3, 'sms');
	sandbox.setFaults({ hang: 1 });
	await cancelWhile(
		{ ...LONG, requestsPerMinute: 0, concurrency: 3 },
		ids,
		() => sandbox.stats.hanging === 3,
	);
	// The node's requests were aborted, so the sandbox's hanging sockets close.
	await until(() => sandbox.stats.hanging === 0);
	expect(sandbox.requests).toHaveLength(3);
	expect(ids.every((id) => sandbox.store.has(id))).toBe(true);
});

test('while waiting to retry after a 503 (a backoff of 30 to 60 s)', async () => {
	const ids = sandbox.addCampaigns(2, 'sms');
	sandbox.setFaults({ status5xx: { rate: 1, statuses: [503] } });
	await cancelWhile(
		{ ...LONG, requestsPerMinute: 0, concurrency: 2 },
		ids,
		() => sandbox.stats.answered === 2,
	);
	expect(sandbox.requests).toHaveLength(2);
});

test('while waiting for the pacer (1 request per minute)', async () => {
	const ids = sandbox.addCampaigns(3, 'sms');
	await cancelWhile(
		{ ...LONG, requestsPerMinute: 1, concurrency: 3 },
		ids,
		() => sandbox.stats.answered === 1,
	);
	expect(sandbox.requests).toHaveLength(1);
	expect(sandbox.store.has(ids[1])).toBe(true);
});

test("while holding for Kore.ai's Retry-After of ten minutes", async () => {
	const ids = sandbox.addCampaigns(2, 'sms');
	sandbox.setFaults({ status429: { rate: 1, retryAfter: 600 } });
	await cancelWhile(
		{ ...LONG, requestsPerMinute: 0, concurrency: 1 },
		ids,
		() => sandbox.stats.answered === 1,
	);
	expect(sandbox.requests).toHaveLength(1);
});

test('after a canceled run, the next run of the same account works normally', async () => {
	const ids = sandbox.addCampaigns(4, 'sms');
	sandbox.setFaults({ hang: 1 });
	await cancelWhile(
		{ ...LONG, requestsPerMinute: 0, concurrency: 2 },
		ids.slice(0, 2),
		() => sandbox.stats.hanging === 2,
	);
	sandbox.setFaults({});
	const result = await run(
		sandbox,
		deleteWorkflow({ requestsPerMinute: 0 }),
		ids.slice(2).map((campaignId) => ({ campaignId })),
	);
	expect(result.status).toBe('success');
	expect(result.json('Delete SMS Campaign').map((json) => json.deleted)).toEqual([true, true]);
});
