'use strict';

const { startSandbox } = require('../../sandbox');
const { api, request, until } = require('./helpers');

const SMS_READY = 'cd-4a8f2c6e-1b3d-5f7a-9c2e-4b6d8f0a2c4e';

describe('sandbox fault injection', () => {
	let sb;
	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: false });
	});
	beforeEach(() => {
		sb.reset();
		sb.setFaults({});
	});
	afterAll(() => sb.close());

	test('reset: the connection is destroyed and the delete is NOT applied', async () => {
		sb.setFaults({ byCampaign: { [SMS_READY]: ['reset'] } });
		const res = await api.del(sb, SMS_READY);
		expect(res.error).toBeDefined();
		expect(res.status).toBeUndefined();
		expect(sb.store.has(SMS_READY)).toBe(true);
		expect(sb.stats.faults.reset).toBe(1);
		// The targeted list is used up: the retry goes through.
		expect((await api.del(sb, SMS_READY)).status).toBe(200);
	});

	test('lostResponse: the delete IS applied, the answer never comes, a retry answers not-found', async () => {
		sb.setFaults({ byCampaign: { [SMS_READY]: ['lostResponse'] } });
		const res = await api.del(sb, SMS_READY);
		expect(res.error).toBeDefined();
		expect(sb.store.has(SMS_READY)).toBe(false);
		expect(sb.store.deletions.map((d) => d.id)).toEqual([SMS_READY]);
		const retry = await api.del(sb, SMS_READY);
		expect(retry.status).toBe(404);
		expect(sb.stats.faults.lostResponse).toBe(1);
	});

	test.each([
		[{ type: 'status5xx', status: 503, body: 'json' }, 503, /^application\/json/],
		[{ type: 'status5xx', status: 504, body: 'html' }, 504, /^text\/html/],
		[{ type: 'html' }, 502, /^text\/html/],
	])('%j: gateway error, NOT applied', async (fault, status, contentType) => {
		sb.setFaults({ byCampaign: { [SMS_READY]: [fault] } });
		const res = await api.del(sb, SMS_READY);
		expect(res.status).toBe(status);
		expect(res.headers['content-type']).toMatch(contentType);
		if (/html/.test(res.headers['content-type']))
			expect(res.text).toMatch(new RegExp(`<title>${status} `));
		else expect(res.json.errors[0].code).toBe(status);
		expect(sb.store.has(SMS_READY)).toBe(true);
	});

	test('status429 fault: the documented rate-limit answer without a real limit', async () => {
		sb.setFaults({ byCampaign: { [SMS_READY]: [{ type: 'status429', retryAfter: 7 }] } });
		const res = await api.del(sb, SMS_READY);
		expect(res.status).toBe(429);
		expect(res.headers['retry-after']).toBe('7');
		expect(res.json.errors[0].code).toBe(429);
		expect(sb.store.has(SMS_READY)).toBe(true);
	});

	test('truncatedJson: 200 with half a JSON body; the delete IS applied', async () => {
		sb.setFaults({ byCampaign: { [SMS_READY]: ['truncatedJson'] } });
		const res = await api.del(sb, SMS_READY);
		expect(res.status).toBe(200);
		expect(res.json).toBeUndefined();
		expect(
			res.text.startsWith('{"status":"success","message":"Campaign Account Security Alert deleted'),
		).toBe(true);
		expect(sb.store.has(SMS_READY)).toBe(false);
	});

	test('malformedJson: an unparseable body; the delete IS applied', async () => {
		sb.setFaults({ byCampaign: { [SMS_READY]: ['malformedJson'] } });
		const res = await api.del(sb, SMS_READY);
		expect(res.status).toBe(200);
		expect(() => JSON.parse(res.text)).toThrow();
		expect(sb.store.has(SMS_READY)).toBe(false);
	});

	test('targeted faults run in order per campaign, "none" passes, other campaigns are untouched', async () => {
		sb.setFaults({ byCampaign: { [SMS_READY]: ['status5xx', 'none', 'reset'] } });
		expect((await api.get(sb, sb.seedCampaignId)).status).toBe(200);
		expect((await api.get(sb, SMS_READY)).status).toBeGreaterThanOrEqual(502);
		expect((await api.get(sb, SMS_READY)).status).toBe(200);
		expect(sb.stats.pendingTargetedFaults).toEqual({ [SMS_READY]: 1 });
		expect((await api.get(sb, SMS_READY)).error).toBeDefined();
		expect(sb.stats.pendingTargetedFaults).toEqual({});
		expect((await api.get(sb, SMS_READY)).status).toBe(200);
	});

	test('random faults are reproducible for a seed and differ for another seed', async () => {
		const run = async (seed) => {
			sb.reset();
			sb.setFaults({ seed, status5xx: 0.3, reset: 0.1, malformedJson: 0.1 });
			for (let i = 0; i < 40; i++) await api.get(sb, sb.seedCampaignId);
			return sb.requests.map((r) => r.fault || '-').join(',');
		};
		const a = await run(42);
		const b = await run(42);
		const c = await run(43);
		expect(a).toBe(b);
		expect(c).not.toBe(a);
		expect(a).toMatch(/status5xx/);
	});

	test('count caps a fault; methods limits it', async () => {
		sb.setFaults({ status5xx: { rate: 1, count: 2, statuses: [503], methods: ['DELETE'] } });
		expect((await api.get(sb, SMS_READY)).status).toBe(200); // GET is not targeted
		expect((await api.del(sb, SMS_READY)).status).toBe(503);
		expect((await api.del(sb, SMS_READY)).status).toBe(503);
		expect((await api.del(sb, SMS_READY)).status).toBe(200);
		expect(sb.stats.faults.status5xx).toBe(2);
	});

	test('latency and seeded jitter are applied and recorded per request', async () => {
		sb.setFaults({ seed: 9, latencyMs: 5, latencyJitterMs: 10 });
		for (let i = 0; i < 5; i++) await api.get(sb, sb.seedCampaignId);
		const first = sb.requests.map((r) => r.delayMs);
		expect(first.every((d) => d >= 5 && d < 15)).toBe(true);
		sb.reset();
		sb.setFaults({ seed: 9, latencyMs: 5, latencyJitterMs: 10 });
		for (let i = 0; i < 5; i++) await api.get(sb, sb.seedCampaignId);
		expect(sb.requests.map((r) => r.delayMs)).toEqual(first);
	});

	test('unknown fault names are refused', () => {
		expect(() => sb.setFaults({ explode: 1 })).toThrow(/unknown faults option/);
		expect(() => sb.setFaults({ byCampaign: { x: ['explode'] } })).toThrow(/unknown fault/);
		expect(() => sb.setFaults({ reset: 2 })).toThrow(/between 0 and 1/);
	});
});

describe('hang and close()', () => {
	test('a hanging request never answers; close() ends it and every other socket', async () => {
		const sb = await startSandbox({
			rateLimit: false,
			faults: { byCampaign: { [SMS_READY]: ['hang'] } },
		});
		let settled = false;
		const pending = api.get(sb, SMS_READY).then((r) => {
			settled = true;
			return r;
		});
		expect(await until(() => sb.stats.hanging === 1)).toBe(true);
		// Other requests are served meanwhile.
		expect((await api.get(sb, sb.seedCampaignId)).status).toBe(200);
		expect(settled).toBe(false);
		expect(sb.requests.find((r) => r.campaignId === SMS_READY).status).toBe('hang');
		await sb.close();
		const res = await pending;
		expect(res.error).toBeDefined();
		expect(sb.stats.openSockets).toBe(0);
	});

	test('close() also ends keep-alive connections of fetch and requests waiting on latency', async () => {
		const sb = await startSandbox({ rateLimit: false });
		const c = sb.credentials;
		const { sign } = require('./helpers');
		const res = await fetch(
			`${sb.url}/campaign/api/v2/public/${c.appId}/campaign/${sb.seedCampaignId}?accountId=${c.accountId}`,
			{
				headers: { auth: sign(c), iid: c.appId, accountId: c.accountId },
			},
		);
		expect(res.status).toBe(200);
		await res.json();
		sb.setLatency(60_000);
		const slow = request(sb, {
			method: 'GET',
			path: `/campaign/api/v2/public/${c.appId}/campaign/${sb.seedCampaignId}?accountId=${c.accountId}`,
		});
		expect(await until(() => sb.requests.length === 2 && sb.requests[1].delayMs === 60_000)).toBe(
			true,
		);
		await sb.close();
		expect((await slow).error).toBeDefined();
		expect(sb.stats.openSockets).toBe(0);
	});
});
