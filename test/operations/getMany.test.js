// Get Many SMS/Voice Campaigns through n8n's engine against the sandbox: paging, filters, sort.
const {
	NODE,
	startSandbox,
	useSandbox,
	runOperation,
	expectNoSecrets,
	withListPages,
} = require('./helpers');

const sandbox = useSandbox({ rateLimit: false });

const getMany = (resource, extra = {}) => ({ resource, operation: 'getMany', ...extra });
const listRequests = () => sandbox.requests.filter((r) => r.route === 'list');
const listBodies = () => listRequests().map((r) => r.body);
const SMS_TOTAL = 10;
const VOICE_TOTAL = 5;

describe('Get Many SMS Campaigns', () => {
	test('Limit: one request for a small limit, newest first, one item per campaign paired with the input', async () => {
		const result = await runOperation(sandbox, getMany('smsCampaign', { limit: 3 }));
		expect(result.status).toBe('success');
		const items = result.items(NODE);
		expect(items).toHaveLength(3);
		expect(items.every((item) => item.pairedItem.item === 0)).toBe(true);
		const created = items.map((item) => Date.parse(item.json.createdAt));
		expect([...created].sort((a, b) => b - a)).toEqual(created);
		expect(listBodies()).toEqual([
			{ type: 'sms', limit: 3, skip: 0, page: 1, sortBy: { createdAt: 'desc' } },
		]);
		expect(listRequests()[0].url).toBe(
			`/campaign/api/v2/public/${sandbox.credentials.appId}/campaign/getAllCampaignDetails?accountId=${sandbox.credentials.accountId}`,
		);
		expectNoSecrets(result, sandbox);
	});

	test("items have the Get shape (SMS entries' `id` becomes campaignId) plus the list's counters", async () => {
		const result = await runOperation(sandbox, getMany('smsCampaign', { returnAll: true }));
		const items = result.json(NODE);
		expect(items).toHaveLength(SMS_TOTAL);
		for (const item of items) {
			expect(item.campaignId).toMatch(/^cd-/);
			expect(item.campaignType).toBe('sms');
			expect(typeof item.name).toBe('string');
			expect(typeof item.status).toBe('string');
			expect(typeof item.priority).toBe('number');
			expect(item).toHaveProperty('totalMessagesSent');
			expect(item).toHaveProperty('campaignExecutionType');
			expect(item).not.toHaveProperty('id');
		}
		expect(new Set(items.map((item) => item.campaignId)).size).toBe(SMS_TOTAL);
		const event = items.find((item) => item.name === 'Event Reminder SMS Campaign');
		expect(event.smsText).toMatch(/^Reminder: <Event Name>/);
	});

	test('Return All pages through 260 campaigns with skip/page, 100 at a time, each campaign once', async () => {
		sandbox.addCampaigns(250, 'sms');
		const result = await runOperation(sandbox, getMany('smsCampaign', { returnAll: true }));
		const ids = result.json(NODE).map((item) => item.campaignId);
		expect(ids).toHaveLength(260);
		expect(new Set(ids).size).toBe(260);
		expect(listBodies().map(({ limit, skip, page }) => ({ limit, skip, page }))).toEqual([
			{ limit: 100, skip: 0, page: 1 },
			{ limit: 100, skip: 100, page: 2 },
			{ limit: 100, skip: 200, page: 3 },
		]);
	});

	test('a Limit above one page stops at the limit', async () => {
		sandbox.addCampaigns(250, 'sms');
		const result = await runOperation(sandbox, getMany('smsCampaign', { limit: 150 }));
		expect(result.json(NODE)).toHaveLength(150);
		expect(listBodies().map((b) => b.skip)).toEqual([0, 100]);
	});

	test('filters: status and priority go to Kore.ai as lists; only matching campaigns come back', async () => {
		const result = await runOperation(
			sandbox,
			getMany('smsCampaign', {
				returnAll: true,
				filters: { status: ['Active', 'Paused'], priority: [1] },
			}),
		);
		const items = result.json(NODE);
		expect(items.map((item) => item.name).sort()).toEqual([
			'Customer Feedback Survey',
			'Payment Due Reminder',
		]);
		expect(listBodies()[0].filters).toEqual({ status: ['Active', 'Paused'], priority: [1] });
	});

	test('a status filter given as text (an expression or an AI agent) is read case-insensitively', async () => {
		const result = await runOperation(
			sandbox,
			getMany('smsCampaign', { returnAll: true, filters: { status: '={{ "active, stopped" }}' } }),
		);
		expect(listBodies()[0].filters).toEqual({ status: ['Active', 'Stopped'] });
		expect(new Set(result.json(NODE).map((item) => item.status))).toEqual(
			new Set(['Active', 'Stopped']),
		);
	});

	test('an unknown status is refused with the allowed values, before any request', async () => {
		const result = await runOperation(
			sandbox,
			getMany('smsCampaign', { returnAll: true, filters: { status: '={{ ["Running"] }}' } }),
			{ settings: { onError: 'continueErrorOutput' } },
		);
		const [failed] = result.json(NODE, 1);
		expect(failed.error).toBe(
			'Filter Status of item 0 has "Running", which Kore.ai does not know. Use one or more of: Active, Completed, Paused, Preparing, Ready, Rescheduled, Scheduled, Stopped.',
		);
		expect(listRequests()).toHaveLength(0);
	});

	test('date range: times without a zone are read in the workflow time zone and sent in UTC', async () => {
		const result = await runOperation(
			sandbox,
			getMany('smsCampaign', {
				returnAll: true,
				filters: { startDate: '2025-12-05T00:00:00', endDate: '2025-12-07T23:59:59Z' },
			}),
		);
		expect(listBodies()[0]).toMatchObject({
			startDate: '2025-12-05T00:00:00.000Z',
			endDate: '2025-12-07T23:59:59.000Z',
		});
		const names = result
			.json(NODE)
			.map((item) => item.name)
			.sort();
		expect(names).toEqual([
			'Account Security Alert',
			'Event Reminder SMS Campaign',
			'Interactive Support SMS Campaign',
		]);
	});

	test('a date that is not a date is refused naming the filter', async () => {
		const result = await runOperation(
			sandbox,
			getMany('smsCampaign', { returnAll: true, filters: { startDate: '={{ "last tuesday" }}' } }),
			{ settings: { onError: 'continueErrorOutput' } },
		);
		expect(result.json(NODE, 1)[0].error).toMatch(
			/^Filter From Date of item 0 is not a date: "last tuesday"/,
		);
	});

	test('sort by name ascending', async () => {
		const result = await runOperation(
			sandbox,
			getMany('smsCampaign', { returnAll: true, options: { sortBy: 'name', sortOrder: 'asc' } }),
		);
		const names = result.json(NODE).map((item) => item.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(listBodies()[0].sortBy).toEqual({ name: 'asc' });
	});

	test("Simplify off gives Kore.ai's list entries as they are", async () => {
		const result = await runOperation(
			sandbox,
			getMany('smsCampaign', { limit: 2, simplify: false }),
		);
		const items = result.json(NODE);
		expect(items).toHaveLength(2);
		expect(items[0].id).toMatch(/^cd-/);
		expect(items[0]).not.toHaveProperty('campaignId');
	});

	test('each input item gets its own list, paired with it; no match gives no item', async () => {
		const result = await runOperation(
			sandbox,
			getMany('smsCampaign', { returnAll: true, filters: { status: '={{ $json.status }}' } }),
			{ input: [{ status: 'Stopped' }, { status: 'Rescheduled' }, { status: 'Active' }] },
		);
		const items = result.items(NODE);
		expect(items.map((item) => [item.pairedItem.item, item.json.status])).toEqual([
			[0, 'Stopped'],
			[2, 'Active'],
			[2, 'Active'],
		]);
	});

	test('a server that ignores skip (the same page again, "hasMore" forever): no endless loop, and Return All fails saying how many were read', async () => {
		const results = [
			{ id: 'cd-aaaa', name: 'A', status: 'Ready', priority: '1' },
			{ id: 'cd-bbbb', name: 'B', status: 'Active', priority: '2' },
		];
		await withListPages(
			() => ({ results, skip: 0, limit: 100, hasMore: true, totalResults: 5 }),
			async (host, requests) => {
				const result = await runOperation(sandbox, getMany('smsCampaign', { returnAll: true }), {
					credentials: { ...sandbox.credentials, host },
					settings: { onError: 'continueErrorOutput' },
				});
				expect(result.json(NODE)).toEqual([]);
				expect(result.json(NODE, 1)[0].error).toBe(
					"Only 2 of 5 of the app's SMS campaigns could be read: Kore.ai said more follow, but the next page brought none not already read (it may not honour the paging parameters). Nothing is returned rather than part of the list; turn off Return All and set Limit to at most 2 to get those, or try again.",
				);
				expect(requests.map((body) => body.skip)).toEqual([0, 2]);
			},
		);
	});

	test('an empty page while Kore.ai says more follow: Return All fails saying how many were read, never ends short', async () => {
		const first = [{ id: 'cd-aaaa', name: 'A', status: 'Ready', priority: '1' }];
		await withListPages(
			({ skip }) => ({ results: skip === 0 ? first : [], hasMore: true, totalResults: 3 }),
			async (host) => {
				const result = await runOperation(sandbox, getMany('smsCampaign', { returnAll: true }), {
					credentials: { ...sandbox.credentials, host },
					settings: { onError: 'continueErrorOutput' },
				});
				expect(result.json(NODE)).toEqual([]);
				expect(result.json(NODE, 1)[0].error).toMatch(
					/^Only 1 of 3 of the app's SMS campaigns could be read: Kore\.ai said more follow/,
				);
			},
		);
	});

	test("a time without a zone is read in the workflow's time zone", async () => {
		await runOperation(
			sandbox,
			getMany('smsCampaign', { limit: 1, filters: { startDate: '2025-12-05T09:00:00' } }),
			{
				timezone: 'Asia/Kolkata',
			},
		);
		expect(listBodies()[0].startDate).toBe('2025-12-05T03:30:00.000Z');
	});
});

describe('Get Many Voice Campaigns', () => {
	test('lists the voice campaigns (entries carry `_id`)', async () => {
		const result = await runOperation(sandbox, getMany('voiceCampaign', { returnAll: true }));
		const items = result.json(NODE);
		expect(items).toHaveLength(VOICE_TOTAL);
		expect(
			items.every((item) => item.campaignType === 'voice' && /^cd-/.test(item.campaignId)),
		).toBe(true);
		expect(items.every((item) => typeof item.dialingMode === 'string')).toBe(true);
		expect(listBodies()[0].type).toBe('voice');
	});

	test('the Dialing Modes filter (voice only) goes to Kore.ai as a list of the values its page allows', async () => {
		const result = await runOperation(
			sandbox,
			getMany('voiceCampaign', {
				returnAll: true,
				filters: { dialingMode: ['Preview', 'Progressive'] },
			}),
		);
		expect(listBodies()[0].filters).toEqual({ dialingMode: ['Preview', 'Progressive'] });
		expect(new Set(result.json(NODE).map((item) => item.dialingMode))).toEqual(
			new Set(['Preview', 'Progressive']),
		);
	});

	test('Agentless, which the list page does not allow as a filter, is refused before anything is sent', async () => {
		const result = await runOperation(
			sandbox,
			getMany('voiceCampaign', { returnAll: true, filters: { dialingMode: 'Preview, Agentless' } }),
			{
				settings: { onError: 'continueErrorOutput' },
			},
		);
		expect(result.json(NODE, 1)[0].error).toMatch(
			/^Filter Dialing Modes of item 0 has "Agentless", .*Progressive, Preview\./,
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('filters work for voice too', async () => {
		const result = await runOperation(
			sandbox,
			getMany('voiceCampaign', { returnAll: true, filters: { status: ['Stopped'] } }),
		);
		expect(result.json(NODE).map((item) => item.name)).toEqual(['Past Due Collections Agentless']);
	});
});

describe('Get Many retries', () => {
	test('a list page whose answer was lost is asked for again (a read), and no campaign comes twice', async () => {
		sandbox.addCampaigns(150, 'sms');
		sandbox.setFaults({ seed: 3, lostResponse: { rate: 1, count: 1 } });
		const result = await runOperation(
			sandbox,
			getMany('smsCampaign', { returnAll: true, options: { retryDelay: 0.01 } }),
		);
		const ids = result.json(NODE).map((item) => item.campaignId);
		expect(ids).toHaveLength(160);
		expect(new Set(ids).size).toBe(160);
		expect(listRequests()).toHaveLength(3);
	});
});
