'use strict';

const { startSandbox } = require('../../sandbox');
const { base, request, api } = require('./helpers');
// A copy of the "Sample Response" on Kore.ai's "Delete SMS Campaign API (v2)" page, kept apart from
// the sandbox's own files so that a change to the sandbox cannot quietly change what it is checked against.
const pageCopy = require('../fixtures/kore-ai-delete-sms-campaign-v2.sample.json');
const sandboxFixture = require('../../sandbox/fixtures/seed-delete-response.json');

/** The sample response of Kore.ai's Delete SMS Campaign (API v2) page; a fresh object per call. */
function pageSample() {
	return JSON.parse(JSON.stringify(pageCopy.sampleResponse));
}

const SMS_ACTIVE = 'cd-78d3f0a9-8f42-5d8c-af8d-d6a63ea1c7d4';
const SMS_READY = 'cd-4a8f2c6e-1b3d-5f7a-9c2e-4b6d8f0a2c4e';
const SMS_STOPPED = 'cd-0c172a6b-2a01-5247-8e96-4e28eff5d203';
const VOICE_READY = 'cd-a1e45a7e-e8ba-4e97-a339-476ebc7f3d20';
const VOICE_ACTIVE = 'cd-c1b940c7-7012-4e7d-98d9-47071774e6a1';

describe('sandbox campaigns', () => {
	let sb;
	beforeAll(async () => {
		sb = await startSandbox({
			rateLimit: false,
			now: () => Date.parse('2026-02-03T04:05:06.789Z'),
		});
	});
	beforeEach(() => sb.reset());
	afterAll(() => sb.close());

	describe("Kore.ai's Delete SMS Campaign (API v2) page", () => {
		test('the copy says where it came from', () => {
			expect(pageCopy.source).toMatch(/Delete SMS Campaign API \(v2\)/);
			expect(pageCopy.source).toMatch(/https:\/\/koreai\.mintlify\.app\//);
		});

		test("the sandbox's fixture of the sample is the page's sample, same key order", () => {
			expect(sandboxFixture).toEqual(pageSample());
			expect(JSON.stringify(sandboxFixture)).toBe(JSON.stringify(pageSample()));
		});
	});

	describe('DELETE /campaign/{id}?accountId&campaignType', () => {
		test("deleting the page's sample campaign answers exactly the page's sample response", async () => {
			const sample = pageSample();
			const res = await api.del(sb, sb.seedCampaignId, 'sms');
			expect(res.status).toBe(200);
			expect(res.headers['content-type']).toMatch(/^application\/json/);
			expect(res.json).toEqual(sample);
			expect(res.text).toBe(JSON.stringify(sample)); // same key order too
			expect(sb.store.has(sb.seedCampaignId)).toBe(false);
			expect(sb.store.deletions.map((d) => d.id)).toEqual([sb.seedCampaignId]);
		});

		test('the request the Delete SMS Campaign page documents: path, query and the three headers', async () => {
			await api.del(sb, sb.seedCampaignId, 'sms');
			const entry = sb.requests.at(-1);
			expect(entry).toMatchObject({
				method: 'DELETE',
				route: 'campaign',
				campaignId: sb.seedCampaignId,
				campaignType: 'sms',
				status: 200,
			});
			expect(entry.path).toBe(
				`/campaign/api/v2/public/${sb.credentials.appId}/campaign/${sb.seedCampaignId}`,
			);
		});

		test('a second delete answers not-found (404 style)', async () => {
			expect((await api.del(sb, sb.seedCampaignId)).status).toBe(200);
			const again = await api.del(sb, sb.seedCampaignId);
			expect(again.status).toBe(404);
			expect(again.json).toEqual({
				status: 'failure',
				message: `Campaign ${sb.seedCampaignId} not found`,
			});
		});

		test('a second delete answers not-found (400-errors style)', async () => {
			sb.setNotFoundStyle('400-errors');
			try {
				expect((await api.del(sb, sb.seedCampaignId)).status).toBe(200);
				const again = await api.del(sb, sb.seedCampaignId);
				expect(again.status).toBe(400);
				expect(again.json).toEqual({
					errors: [{ msg: `Campaign ${sb.seedCampaignId} not found`, code: 400 }],
				});
			} finally {
				sb.setNotFoundStyle('404');
			}
		});

		test('notFoundStyle option at start', async () => {
			const other = await startSandbox({ rateLimit: false, notFoundStyle: '400-errors' });
			try {
				const res = await api.del(other, 'cd-does-not-exist');
				expect(res.status).toBe(400);
				expect(res.json.errors[0].msg).toMatch(/not found/);
			} finally {
				await other.close();
			}
		});

		test('a voice campaign deletes with campaignType=voice and keeps its voice fields', async () => {
			const res = await api.del(sb, VOICE_READY, 'voice');
			expect(res.status).toBe(200);
			expect(res.json.message).toBe(
				'Campaign Service Renewal Outreach Campaign deleted successfully',
			);
			expect(res.json.data).toMatchObject({
				_id: VOICE_READY,
				dialingMode: 'Progressive',
				dncLists: { id: expect.stringMatching(/^cl-/), name: expect.any(String) },
				dialingStrategy: {
					dialingOrder: 'FIFO',
					maxAttemptsPerRecord: 3,
					defaultRetryPeriod: 10,
					maxRingTime: 30,
				},
			});
		});

		test('the campaign must be of the given type: an SMS ID with campaignType=voice is not found and survives', async () => {
			const res = await api.del(sb, SMS_READY, 'voice');
			expect(res.status).toBe(404);
			expect(sb.store.has(SMS_READY)).toBe(true);
		});

		test.each([
			[
				'unknown',
				'email',
				/^query parameter campaignType is "email"; the page allows "sms", "voice"$/,
			],
			[
				'upper case',
				'SMS',
				/^query parameter campaignType is "SMS"; the page allows "sms", "voice"$/,
			],
		])('campaignType %s -> 400 with a clear message', async (_n, type, msg) => {
			const res = await api.del(sb, SMS_READY, type);
			expect(res.status).toBe(400);
			expect(res.json.errors[0].msg).toMatch(msg);
			expect(sb.store.has(SMS_READY)).toBe(true);
		});

		test('missing campaignType or accountId query -> 400', async () => {
			const noType = await request(sb, {
				method: 'DELETE',
				path: `${base(sb.credentials)}/campaign/${SMS_READY}?accountId=${sb.credentials.accountId}`,
			});
			expect(noType.status).toBe(400);
			expect(noType.json.errors[0].msg).toMatch(/campaignType/);
			const noAccount = await request(sb, {
				method: 'DELETE',
				path: `${base(sb.credentials)}/campaign/${SMS_READY}?campaignType=sms`,
			});
			expect(noAccount.status).toBe(400);
			expect(noAccount.json.errors[0].msg).toMatch(/accountId/);
			expect(sb.store.has(SMS_READY)).toBe(true);
		});

		test('an encoded slash in the ID is one segment and matches nothing', async () => {
			const res = await api.del(sb, `${SMS_READY}/../x`);
			expect(res.status).toBe(404);
			expect(res.json.status).toBe('failure');
			expect(sb.store.size).toBe(16);
		});

		test('reset() restores deleted campaigns', async () => {
			await api.del(sb, sb.seedCampaignId);
			sb.reset();
			expect(sb.store.has(sb.seedCampaignId)).toBe(true);
			expect(sb.store.deletions).toHaveLength(0);
		});
	});

	describe('routing', () => {
		test.each([
			['PATCH', (id) => `/campaign/${id}?accountId={acct}&campaignType=sms`],
			['GET', () => '/campaign/getAllCampaignDetails?accountId={acct}'],
			['DELETE', (id) => `/campaign/${id}/status?accountId={acct}&view=status`],
			['GET', (id) => `/campaign//trigger/${id}?accountId={acct}&campaignType=sms&trigger=stop`],
		])('%s on a known path -> 405 Method Not Allowed', async (method, rest) => {
			const res = await request(sb, {
				method,
				path: base(sb.credentials) + rest(SMS_READY).replace('{acct}', sb.credentials.accountId),
			});
			expect(res.status).toBe(405);
			expect(res.json).toEqual({ errors: [{ msg: 'Method Not Allowed', code: 405 }] });
			expect(sb.store.has(SMS_READY)).toBe(true);
		});

		test.each([
			'/campaign/api/v1/public/x/campaign/y',
			`${'/campaign/api/v2/public/'}st-x/campaigns/y`,
			'/',
			'/campaign/api/v2/public/',
		])('unknown path %s -> 404', async (p) => {
			const res = await request(sb, { method: 'GET', path: p });
			expect(res.status).toBe(404);
		});

		test('create is simulated (campaignWrites.test.js): a create without a body is refused, 400', async () => {
			const res = await request(sb, {
				method: 'POST',
				path: `${base(sb.credentials)}/campaign?accountId=${sb.credentials.accountId}&campaignType=sms`,
			});
			expect(res.status).toBe(400);
		});

		test('invalid JSON body -> 400', async () => {
			const res = await api.list(sb, '{"type":');
			expect(res.status).toBe(400);
			expect(res.json.errors[0].msg).toMatch(/JSON/);
		});
	});

	describe('GET /campaign/{id}', () => {
		test('returns the campaign with "retrieved successfully"', async () => {
			const res = await api.get(sb, sb.seedCampaignId);
			expect(res.status).toBe(200);
			expect(res.json).toEqual({
				status: 'success',
				message: 'Campaign Billing Alert Template Campaign-21212 retrieved successfully',
				data: pageSample().data,
			});
		});

		test('unknown ID -> not found', async () => {
			const res = await api.get(sb, 'cd-00000000-0000-0000-0000-000000000000');
			expect(res.status).toBe(404);
			expect(res.json).toEqual({
				status: 'failure',
				message: 'Campaign cd-00000000-0000-0000-0000-000000000000 not found',
			});
		});
	});

	describe('POST /campaign/getAllCampaignDetails (list)', () => {
		test('SMS page: documented envelope, SMS items carry `id`', async () => {
			const res = await api.list(sb, { type: 'sms', limit: 4, skip: 0, page: 1 });
			expect(res.status).toBe(200);
			expect(res.json.status).toBe('success');
			expect(res.json.message).toBe('Campaign  retrieved successfully');
			expect(res.json.data).toMatchObject({
				skip: 0,
				limit: 4,
				hasMore: true,
				totalPages: 3,
				totalResults: 10,
			});
			expect(res.json.data.results).toHaveLength(4);
			const item = res.json.data.results[0];
			expect(item.id).toMatch(/^cd-/);
			expect(item._id).toBeUndefined();
			expect(item).toHaveProperty('totalMessagesSent');
			expect(item).toHaveProperty('campaignExecutionType', 'NORMAL');
		});

		test('voice items carry `_id`, dialingMode and connection', async () => {
			const res = await api.list(sb, { type: 'voice' });
			expect(res.json.data.totalResults).toBe(5);
			for (const item of res.json.data.results) {
				expect(item._id).toMatch(/^cd-/);
				expect(['Progressive', 'Preview', 'Agentless']).toContain(item.dialingMode);
				expect(item.connection).toBeTruthy();
			}
		});

		test('paging with skip and with page visits every campaign once', async () => {
			const bySkip = [];
			for (let skip = 0, i = 0; i < 10; i++) {
				const { json } = await api.list(sb, { type: 'sms', limit: 3, skip });
				bySkip.push(...json.data.results.map((r) => r.id));
				if (!json.data.hasMore) break;
				skip += 3;
			}
			const byPage = [];
			for (let page = 1; page <= 10; page++) {
				const { json } = await api.list(sb, { type: 'sms', limit: 3, page, skip: '' });
				byPage.push(...json.data.results.map((r) => r.id));
				if (!json.data.hasMore) break;
			}
			expect(bySkip).toHaveLength(10);
			expect(new Set(bySkip).size).toBe(10);
			expect(byPage).toEqual(bySkip);
		});

		test('default sort is createdAt desc; sortBy name asc works', async () => {
			const { json } = await api.list(sb, { type: 'sms', limit: 50 });
			const created = json.data.results.map((r) => r.createdAt);
			expect(created).toEqual([...created].sort().reverse());
			const byName = (
				await api.list(sb, { type: 'sms', limit: 50, sortBy: { name: 'asc' } })
			).json.data.results.map((r) => r.name);
			expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));
		});

		test('filters: status, priority, dialingMode, date range', async () => {
			const active = (
				await api.list(sb, { type: 'sms', limit: 50, filters: { status: ['Active'] } })
			).json.data.results;
			expect(active.map((r) => r.id).sort()).toEqual(
				[SMS_ACTIVE, 'cd-e35c04a1-52f7-5a7e-86ba-c4a61015b9d2'].sort(),
			);
			const p1 = (await api.list(sb, { type: 'sms', limit: 50, filters: { priority: [1] } })).json
				.data.results;
			expect(p1.length).toBeGreaterThan(0);
			expect(p1.every((r) => r.priority === '1')).toBe(true);
			const preview = (await api.list(sb, { type: 'voice', filters: { dialingMode: ['Preview'] } }))
				.json.data.results;
			expect(preview.length).toBe(2);
			const dec = (
				await api.list(sb, {
					type: 'sms',
					limit: 50,
					startDate: '2025-12-05T00:00:00.000Z',
					endDate: '2025-12-08T00:00:00.000Z',
				})
			).json.data;
			expect(
				dec.results.every((r) => r.createdAt >= '2025-12-05' && r.createdAt <= '2025-12-08'),
			).toBe(true);
			expect(dec.totalResults).toBe(3);
		});

		test("the list never shows another app's campaigns", async () => {
			const { json } = await api.list(sb, { type: 'sms', limit: 100 });
			expect(json.data.results.map((r) => r.id)).not.toContain(
				'cd-7d9e1f3a-5b7c-5d9e-a1f3-5b7c9d1e3f5a',
			);
		});

		test.each([
			[{}, /type/],
			[{ type: 'fax' }, /type/],
			[{ type: 'sms', filters: { status: ['Running'] } }, /filters.status/],
			[{ type: 'sms', filters: { priority: [9] } }, /priority/],
			[{ type: 'sms', sortBy: { size: 'asc' } }, /sortBy/],
			[{ type: 'sms', limit: -1 }, /limit/],
		])('bad list body %j -> 400', async (body, msg) => {
			const res = await api.list(sb, body);
			expect(res.status).toBe(400);
			expect(res.json.errors[0].msg).toMatch(msg);
		});

		test('generated campaigns are listed and paged (addCampaigns)', async () => {
			const ids = sb.addCampaigns(25, 'voice');
			expect(ids).toHaveLength(25);
			expect(new Set(ids).size).toBe(25);
			const { json } = await api.list(sb, { type: 'voice', limit: 10, page: 3 });
			expect(json.data).toMatchObject({
				skip: 20,
				totalResults: 30,
				totalPages: 3,
				hasMore: false,
			});
		});
	});

	describe('start, stop, status', () => {
		const post = (rest, body = {}) =>
			request(sb, { method: 'POST', path: base(sb.credentials) + rest, body });

		test('start SMS (documented path without accountId) makes it Active', async () => {
			const res = await post(`/campaign/${SMS_READY}?campaignType=sms&trigger=play`);
			expect(res.status).toBe(200);
			expect(res.json).toEqual({
				status: 'Active',
				message: 'Campaign Started',
				updatedAt: '2026-02-03T04:05:06.789Z',
			});
			expect(sb.store.get(SMS_READY).status).toBe('Active');
			expect(sb.store.get(SMS_READY).campaignInstanceId).toMatch(/^cid-/);
			const st = await api.status(sb, SMS_READY);
			expect(st.json).toEqual({
				status: 'success',
				data: { id: SMS_READY, status: 'Active', name: 'Account Security Alert' },
			});
		});

		test('stop SMS on the documented double-slash path makes it Stopped', async () => {
			const res = await post(
				`/campaign//trigger/${SMS_ACTIVE}?accountId=${sb.credentials.accountId}&campaignType=sms&trigger=stop`,
			);
			expect(res.status).toBe(200);
			expect(res.json).toEqual({
				status: 'Stopped',
				message: 'Campaign Stopped',
				updatedAt: '2026-02-03T04:05:06.789Z',
				campaignExecutionType: 'NORMAL',
			});
			expect((await api.status(sb, SMS_ACTIVE)).json.data.status).toBe('Stopped');
		});

		test('stop on the single-slash variant works too', async () => {
			const res = await post(
				`/campaign/trigger/${SMS_ACTIVE}?accountId=${sb.credentials.accountId}&campaignType=sms&trigger=stop`,
			);
			expect(res.status).toBe(200);
			expect(sb.store.get(SMS_ACTIVE).status).toBe('Stopped');
		});

		test("voice start/stop on the voice pages' path (no leading /campaign) with their response shapes", async () => {
			const voiceBase = `/api/v2/public/${sb.credentials.appId}`;
			const start = await request(sb, {
				method: 'POST',
				path: `${voiceBase}/campaign/trigger/${VOICE_READY}?accountId=${sb.credentials.accountId}&campaignType=voice&trigger=play`,
				body: {},
			});
			expect(start.status).toBe(200);
			expect(start.json).toMatchObject({
				status: 'Active',
				message: 'Campaign Started',
				totalCallsCompleted: 0,
				campaignInstanceId: expect.stringMatching(/^cid-/),
			});
			const stop = await request(sb, {
				method: 'POST',
				path: `${voiceBase}/campaign/trigger/${VOICE_READY}?accountId=${sb.credentials.accountId}&campaignType=voice&trigger=stop`,
				body: {},
			});
			expect(stop.json).toEqual({
				status: 'Stopped',
				message: 'Campaign Stopped',
				updatedAt: '2026-02-03T04:05:06.789Z',
				campaignInstanceId: start.json.campaignInstanceId,
			});
		});

		test('state rules (guessed): starting an Active campaign and stopping a Stopped one fail with status "failure"', async () => {
			const again = await post(`/campaign/${SMS_ACTIVE}?campaignType=sms&trigger=play`);
			expect(again.status).toBe(400);
			expect(again.json).toEqual({
				status: 'failure',
				message: 'Campaign Event Reminder SMS Campaign is already Active',
			});
			const stopStopped = await post(
				`/campaign//trigger/${SMS_STOPPED}?accountId=${sb.credentials.accountId}&campaignType=sms&trigger=stop`,
			);
			expect(stopStopped.status).toBe(400);
			expect(stopStopped.json.status).toBe('failure');
		});

		test('trigger on the wrong type, unknown trigger, unknown campaign', async () => {
			expect(
				(
					await post(
						`/campaign/trigger/${VOICE_ACTIVE}?accountId=${sb.credentials.accountId}&campaignType=sms&trigger=stop`,
					)
				).status,
			).toBe(404);
			const badTrigger = await post(`/campaign/${SMS_READY}?campaignType=sms&trigger=pause`);
			expect(badTrigger.status).toBe(400);
			expect(badTrigger.json.errors[0].msg).toMatch(/trigger/);
			expect((await post('/campaign/cd-nope?campaignType=sms&trigger=play')).status).toBe(404);
		});

		test('status of an unknown campaign -> not found', async () => {
			expect((await api.status(sb, 'cd-nope')).status).toBe(404);
		});
	});
});
