// Pacing, concurrency, retries, Retry-After, timeouts and the delete's not-found rules, through
// n8n's engine against the sandbox. Timing checks are lower bounds only (a wait can never be
// shorter than asked, however slow the machine), never "finished within".
const {
	NODE,
	useSandbox,
	deleteWorkflow,
	run,
	runWorkflow,
	outputsOf,
	maxInFlight,
	allStoredText,
} = require('./helpers');

const FAST = { requestsPerMinute: 0, retryDelay: 0.01 };

const sandbox = useSandbox({ rateLimit: false });
beforeEach(() => {
	sandbox.setFaults({});
	sandbox.setLatency(0);
});

const rowsOf = (ids) => ids.map((campaignId) => ({ campaignId }));
const deletes = () => sandbox.requests.filter((r) => r.method === 'DELETE');

function expectNoSecrets(result) {
	const stored = allStoredText(result);
	expect(stored).not.toContain(sandbox.credentials.clientSecret);
	for (const token of sandbox.tokensSeen) expect(stored).not.toContain(token.split('.')[2]);
}

describe('pacing', () => {
	test('requests to one account start evenly spaced at Requests per Minute (600/min: one per 100 ms and more)', async () => {
		const ids = sandbox.addCampaigns(8, 'sms');
		const result = await run(
			sandbox,
			deleteWorkflow({ requestsPerMinute: 600, concurrency: 4 }),
			rowsOf(ids),
		);
		expect(outputsOf(result)[0]).toHaveLength(8);
		const starts = deletes().map((r) => r.startedAt);
		// 7 gaps of at least 60000/600 ms (+2 % headroom) between the first and the last start, as the
		// sandbox saw them arrive; 150 ms of slack for the first request arriving late on a busy
		// machine (unpaced, the 8 would arrive within a few milliseconds).
		expect(starts.at(-1) - starts[0]).toBeGreaterThanOrEqual(7 * 102 - 150);
	});

	test('two executions at once share the pacing of their account', async () => {
		const ids = sandbox.addCampaigns(8, 'sms');
		const workflow = deleteWorkflow({ requestsPerMinute: 600, concurrency: 4 });
		const [a, b] = await Promise.all([
			run(sandbox, workflow, rowsOf(ids.slice(0, 4))),
			run(sandbox, workflow, rowsOf(ids.slice(4))),
		]);
		expect(outputsOf(a)[0]).toHaveLength(4);
		expect(outputsOf(b)[0]).toHaveLength(4);
		const starts = deletes()
			.map((r) => r.startedAt)
			.sort((x, y) => x - y);
		// Each alone would span 3 gaps (306 ms); sharing one pacer, the 8 requests span 7 (714 ms).
		expect(starts.at(-1) - starts[0]).toBeGreaterThanOrEqual(7 * 102 - 150);
	});

	test('a 429 with Retry-After holds every request of the account for that long', async () => {
		const ids = sandbox.addCampaigns(4, 'sms');
		sandbox.setFaults({ byCampaign: { [ids[0]]: [{ type: 'status429', retryAfter: 1 }] } });
		const result = await run(sandbox, deleteWorkflow({ ...FAST, concurrency: 1 }), rowsOf(ids));
		const [ok] = outputsOf(result);
		expect(ok.map((i) => i.json.campaignId)).toEqual(ids);
		const [limited, retried, ...others] = deletes();
		expect(limited.status).toBe(429);
		expect(retried.campaignId).toBe(ids[0]);
		expect(retried.startedAt - limited.endedAt).toBeGreaterThanOrEqual(1000);
		for (const request of others)
			expect(request.startedAt - limited.endedAt).toBeGreaterThanOrEqual(1000);
	});

	test('while paced, 429s do not use up Max Tries: Max Total Wait bounds them; other failures still count', async () => {
		const [a, b] = sandbox.addCampaigns(2, 'sms');
		const limited = { type: 'status429', retryAfter: 1 };
		sandbox.setFaults({
			byCampaign: {
				[a]: [limited, limited, limited],
				[b]: [limited, { type: 'status5xx', status: 503 }, 'reset'],
			},
		});
		const options = { requestsPerMinute: 6000, concurrency: 1, maxTries: 2, retryDelay: 0.01 };
		const result = await run(sandbox, deleteWorkflow(options), rowsOf([a, b]));
		const [ok, failed] = outputsOf(result);
		// a: three 429s, then deleted on the 4th try although Max Tries is 2
		expect(ok.map((item) => item.json.campaignId)).toEqual([a]);
		expect(
			deletes()
				.filter((r) => r.campaignId === a)
				.map((r) => r.status),
		).toEqual([429, 429, 429, 200]);
		// b: the 429 is free; the 503 and the reset are its 2 tries
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toMatch(/Tried 3 times in [\d.]+ s \(Max Tries is 2\)\.$/);
		expect(deletes().filter((r) => r.campaignId === b)).toHaveLength(3);
	}, 60_000);
});

describe('concurrency', () => {
	test('at most Concurrency requests are in flight, and the output keeps the input order', async () => {
		const ids = sandbox.addCampaigns(24, 'sms');
		sandbox.setLatency(40, 30); // answers take 40-70 ms, so later items often finish first
		const result = await run(sandbox, deleteWorkflow({ ...FAST, concurrency: 4 }), rowsOf(ids));
		const [ok] = outputsOf(result);
		expect(ok.map((i) => i.json.campaignId)).toEqual(ids);
		expect(ok.map((i) => i.pairedItem.item)).toEqual(ids.map((_, i) => i));
		expect(maxInFlight(sandbox.requests)).toBeLessThanOrEqual(4);
		expect(maxInFlight(sandbox.requests)).toBeGreaterThan(1);
	});

	test('Concurrency 1 sends one request at a time', async () => {
		const ids = sandbox.addCampaigns(6, 'sms');
		sandbox.setLatency(20);
		await run(sandbox, deleteWorkflow({ ...FAST, concurrency: 1 }), rowsOf(ids));
		expect(maxInFlight(sandbox.requests)).toBe(1);
	});

	test('without "On Error: Continue", the first failed item in input order stops the run and no new item starts', async () => {
		const ids = sandbox.addCampaigns(30, 'sms');
		const rows = [...ids];
		rows.splice(2, 0, 'cd-not-there');
		sandbox.setLatency(10);
		const workflow = deleteWorkflow({ ...FAST, concurrency: 3 }, { onError: 'stopWorkflow' });
		const result = await run(sandbox, workflow, rowsOf(rows));
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/^Campaign cd-not-there was not found/);
		expect(deletes().length).toBeLessThan(rows.length);
	});
});

describe('retries', () => {
	test('503 every time: the error says how many tries and what happened last, with the status', async () => {
		const [id] = sandbox.addCampaigns(1, 'sms');
		sandbox.setFaults({
			byCampaign: { [id]: Array(5).fill({ type: 'status5xx', status: 503, body: 'html' }) },
		});
		const result = await run(sandbox, deleteWorkflow(FAST), rowsOf([id]));
		const [, [failed]] = outputsOf(result);
		expect(failed.json.error).toMatch(
			new RegExp(
				`^Kore\\.ai could not delete SMS campaign ${id} because of a server error \\(HTTP 503 Service Unavailable, it answered with an HTML page titled "503 Service Temporarily Unavailable"\\)\\..* Tried 5 times in [\\d.]+ s \\(Max Tries is 5\\)\\.$`,
			),
		);
		expect(failed.json).not.toHaveProperty('details'); // n8n 1.x routes only `{ error }` to the error output
		expect(deletes()).toHaveLength(5);
		expect(sandbox.store.has(id)).toBe(true);
		// Each try carried its own freshly signed token.
		expect(new Set(sandbox.tokensSeen).size).toBe(5);
		expectNoSecrets(result);
	});

	test('Max Tries 2 stops after two tries', async () => {
		const [id] = sandbox.addCampaigns(1, 'sms');
		sandbox.setFaults({ byCampaign: { [id]: ['reset', 'reset', 'reset'] } });
		const result = await run(sandbox, deleteWorkflow({ ...FAST, maxTries: 2 }), rowsOf([id]));
		const [, [failed]] = outputsOf(result);
		expect(failed.json.error).toMatch(
			/the connection to http:\/\/127\.0\.0\.1:\d+ was closed before Kore\.ai answered\. Try again\. Tried 2 times in [\d.]+ s \(Max Tries is 2\)\.$/,
		);
		expect(deletes()).toHaveLength(2);
	});

	test('a Retry-After longer than Max Total Wait fails at once and says so', async () => {
		const [id] = sandbox.addCampaigns(1, 'sms');
		sandbox.setFaults({ byCampaign: { [id]: [{ type: 'status429', retryAfter: 30 }] } });
		const result = await run(sandbox, deleteWorkflow({ ...FAST, maxTotalWait: 5 }), rowsOf([id]));
		const [, [failed]] = outputsOf(result);
		expect(failed.json.error).toMatch(
			/^Kore\.ai's rate limit was reached \(HTTP 429 Too Many Requests: You've exceeded the per-minute rate limit/,
		);
		expect(failed.json.error).toMatch(
			/Tried once in [\d.]+ s; gave up because Kore\.ai asked to wait 30 s more, beyond Max Total Wait \(5\.0 s\)\.$/,
		);
		expect(deletes()).toHaveLength(1);
	});

	test('backoff waits are bounded by Max Total Wait too', async () => {
		const [id] = sandbox.addCampaigns(1, 'sms');
		sandbox.setFaults({ byCampaign: { [id]: Array(5).fill({ type: 'status5xx', status: 502 }) } });
		// Retry Delay 0.5 s: the first wait is 0.25-0.5 s, the second 0.5-1 s: over the 0.6 s allowed.
		const result = await run(
			sandbox,
			deleteWorkflow({ requestsPerMinute: 0, retryDelay: 0.5, maxTotalWait: 0.6 }),
			rowsOf([id]),
		);
		const [, [failed]] = outputsOf(result);
		expect(failed.json.error).toMatch(
			/gave up because the next retry would wait [\d.]+ s more, beyond Max Total Wait \(0\.6 s\)\.$/,
		);
		expect(deletes().length).toBeLessThanOrEqual(2);
	});

	test("HTTP 500 is Kore.ai's verdict, not a passing problem: no retry", async () => {
		const [id] = sandbox.addCampaigns(1, 'sms');
		sandbox.setFaults({ byCampaign: { [id]: [{ type: 'status5xx', status: 500, body: 'json' }] } });
		const result = await run(sandbox, deleteWorkflow(FAST), rowsOf([id]));
		const [, [failed]] = outputsOf(result);
		expect(failed.json.error).toMatch(/\(HTTP 500 Internal Server Error/);
		expect(deletes()).toHaveLength(1);
	});

	test('an answer that never comes is cut off at Timeout and tried again', async () => {
		const [id, other] = sandbox.addCampaigns(2, 'sms');
		sandbox.setFaults({ byCampaign: { [id]: ['hang', 'hang'], [other]: ['hang', 'hang'] } });
		const result = await run(
			sandbox,
			deleteWorkflow({ ...FAST, timeout: 0.2, maxTries: 2 }),
			rowsOf([id, other]),
		);
		const [, failed] = outputsOf(result);
		for (const item of failed) {
			expect(item.json.error).toMatch(
				/did not answer in time\. Try again, or raise Timeout \(Seconds\) in the node's Options\. Tried 2 times in [\d.]+ s \(Max Tries is 2\)\.$/,
			);
		}
		expect(deletes()).toHaveLength(4);

		// A Timeout of 1 s: the answer of the try after the hang must not be cut off on a busy machine.
		sandbox.reset();
		sandbox.setFaults({ byCampaign: { [sandbox.seedCampaignId]: ['hang'] } });
		const later = await run(
			sandbox,
			deleteWorkflow({ ...FAST, timeout: 1 }),
			rowsOf([sandbox.seedCampaignId]),
		);
		expect(outputsOf(later)[0][0].json).toMatchObject({
			deleted: true,
			name: 'Billing Alert Template Campaign-21212',
		});
	});

	test('Start (a POST that must not run twice) is not repeated after a lost answer, only after a 429', async () => {
		const [a, b] = sandbox.addCampaigns(2, 'sms', { status: 'Ready' });
		sandbox.setFaults({
			byCampaign: { [a]: ['lostResponse'], [b]: [{ type: 'status429', retryAfter: 0 }] },
		});
		const result = await run(sandbox, deleteWorkflow(FAST, { operation: 'start' }), rowsOf([a, b]));
		const [ok, failed] = outputsOf(result);
		expect(failed.map((i) => i.pairedItem.item)).toEqual([0]);
		expect(failed[0].json.error).toMatch(
			/It was not tried again: Kore\.ai may already have acted on it, and repeating this request is not safe\. Check in Kore\.ai whether it was done/,
		);
		// No "Try again." right before saying it was not safe to try again.
		expect(failed[0].json.error).not.toMatch(/Try again\. It was not tried again/);
		expect(ok.map((i) => i.pairedItem.item)).toEqual([1]);
		expect(sandbox.requests.filter((r) => r.campaignId === a)).toHaveLength(1);
		expect(sandbox.requests.filter((r) => r.campaignId === b)).toHaveLength(2);
	});
});

describe('delete: not found', () => {
	test('after a lost answer, not-found on the retry reports the campaign deleted, confirmed on retry, without details', async () => {
		for (const simplify of [true, false]) {
			sandbox.reset();
			const [again] = sandbox.addCampaigns(1, 'sms');
			sandbox.setFaults({ byCampaign: { [again]: ['reset', 'lostResponse'] } });
			const result = await run(sandbox, deleteWorkflow(FAST, { simplify }), rowsOf([again]));
			const [[item]] = outputsOf(result);
			expect(item.json).toEqual({
				deleted: true,
				campaignId: again,
				campaignType: 'sms',
				confirmedOnRetry: true,
				attempts: 3,
				message: `Campaign ${again} is deleted: Kore.ai's answer to an earlier try was lost, and the retry found the campaign gone. Its details are not available.`,
			});
			expect(sandbox.store.has(again)).toBe(false);
		}
	});

	test('after a 503 or a timeout (outcome unknown) not-found on the retry counts as deleted; after a 429 (turned away) it stays an error', async () => {
		// None of these exist. After a try whose outcome is unknown the node cannot tell "deleted by
		// that try" from "never there": either way the campaign is gone, and it says deleted.
		sandbox.setFaults({
			byCampaign: {
				'cd-gone-after-503': [{ type: 'status5xx', status: 503 }],
				'cd-gone-after-timeout': ['hang'],
				'cd-never-existed': [{ type: 'status429', retryAfter: 0 }],
			},
		});
		const rows = rowsOf(['cd-gone-after-503', 'cd-gone-after-timeout', 'cd-never-existed']);
		const result = await run(sandbox, deleteWorkflow({ ...FAST, timeout: 1 }), rows);
		const [ok, failed] = outputsOf(result);
		expect(
			ok.map((i) => [i.pairedItem.item, i.json.deleted, i.json.confirmedOnRetry, i.json.attempts]),
		).toEqual([
			[0, true, true, 2],
			[1, true, true, 2],
		]);
		expect(failed.map((i) => i.pairedItem.item)).toEqual([2]);
		expect(failed[0].json.error).toMatch(
			/^Campaign cd-never-existed was not found in app .*HTTP 404/,
		);
	});

	test('not found on the first try is an error by default; "Treat Missing Campaigns as Deleted" makes it deleted: false with the reason', async () => {
		const [id] = sandbox.addCampaigns(1, 'sms');
		const rows = rowsOf([id, 'cd-already-gone']);
		const strict = await run(sandbox, deleteWorkflow(FAST), rows);
		expect(outputsOf(strict)[1].map((i) => i.json.error)).toEqual([
			expect.stringMatching(/^Campaign cd-already-gone was not found in app /),
		]);

		sandbox.reset();
		const [again] = sandbox.addCampaigns(1, 'sms');
		const lenient = await run(
			sandbox,
			deleteWorkflow({ ...FAST, treatMissingAsDeleted: true }),
			rowsOf([again, 'cd-already-gone']),
		);
		const [ok, failed] = outputsOf(lenient);
		expect(failed).toEqual([]);
		expect(ok[0].json).toMatchObject({ deleted: true, campaignId: again });
		expect(ok[1].json).toEqual({
			deleted: false,
			campaignId: 'cd-already-gone',
			campaignType: 'sms',
			reason: `Campaign cd-already-gone was not found in app ${sandbox.credentials.appId}, so there was nothing to delete (it may have been deleted earlier).`,
		});
		expect(ok[1].pairedItem).toEqual({ item: 1 });
	});
});
