'use strict';
// The sandbox's completeAfterMs (sandbox/progress.js): a campaign started through the API becomes
// Completed after the given time, by the sandbox's own clock (a fake one here, so nothing is timed).

const { startSandbox } = require('../../sandbox');
const { base, request, api } = require('./helpers');

const SMS_READY = 'cd-4a8f2c6e-1b3d-5f7a-9c2e-4b6d8f0a2c4e';
const VOICE_READY = 'cd-a1e45a7e-e8ba-4e97-a339-476ebc7f3d20';

describe('sandbox: started campaigns complete after completeAfterMs', () => {
	let sb;
	let clock;
	beforeEach(async () => {
		clock = Date.parse('2026-12-02T10:00:00.000Z');
		sb = await startSandbox({ rateLimit: false, completeAfterMs: 30_000, now: () => clock });
	});
	afterEach(() => sb.close());

	const start = (id, type = 'sms') =>
		type === 'sms'
			? request(sb, {
					method: 'POST',
					path: `${base(sb.credentials)}/campaign/${id}?campaignType=sms&trigger=play`,
					body: {},
				})
			: request(sb, {
					method: 'POST',
					path: `${base(sb.credentials)}/campaign/trigger/${id}?accountId=${sb.credentials.accountId}&campaignType=voice&trigger=play`,
					body: {},
				});
	const listed = async (type, id) => {
		const res = await api.list(sb, { type, limit: 100 });
		return res.json.data.results.find((c) => (c.id ?? c._id) === id);
	};

	test('Active until the time has come, then Completed in the list and by ID, with a new updatedAt', async () => {
		expect((await start(SMS_READY)).status).toBe(200);
		clock += 29_999;
		expect((await listed('sms', SMS_READY)).status).toBe('Active');
		clock += 1;
		const entry = await listed('sms', SMS_READY);
		expect(entry.status).toBe('Completed');
		expect(entry.updatedAt).toBe(new Date(clock).toISOString());
		expect((await api.get(sb, SMS_READY)).json.data.status).toBe('Completed');
	});

	test('voice campaigns too; tickCampaigns() applies it without a request', async () => {
		expect((await start(VOICE_READY, 'voice')).status).toBe(200);
		clock += 30_000;
		expect(sb.tickCampaigns()).toEqual([VOICE_READY]);
		expect(sb.store.get(VOICE_READY).status).toBe('Completed');
	});

	test('a campaign stopped before its time stays Stopped', async () => {
		await start(SMS_READY);
		const stop = await request(sb, {
			method: 'POST',
			path: `${base(sb.credentials)}/campaign/trigger/${SMS_READY}?accountId=${sb.credentials.accountId}&campaignType=sms&trigger=stop`,
			body: {},
		});
		expect(stop.status).toBe(200);
		clock += 60_000;
		expect(sb.tickCampaigns()).toEqual([]);
		expect(sb.store.get(SMS_READY).status).toBe('Stopped');
	});

	test('off by default and after setCompleteAfter(0): started campaigns stay Active', async () => {
		sb.setCompleteAfter(0);
		await start(SMS_READY);
		clock += 3_600_000;
		expect(sb.tickCampaigns()).toEqual([]);
		expect((await listed('sms', SMS_READY)).status).toBe('Active');
		const plain = await startSandbox({ rateLimit: false, now: () => clock });
		try {
			expect(
				await request(plain, {
					method: 'POST',
					path: `${base(plain.credentials)}/campaign/${SMS_READY}?campaignType=sms&trigger=play`,
					body: {},
				}),
			).toMatchObject({ status: 200 });
			clock += 3_600_000;
			expect(plain.tickCampaigns()).toEqual([]);
			expect(plain.store.get(SMS_READY).status).toBe('Active');
		} finally {
			await plain.close();
		}
	});

	test('the CLI takes --complete-after MS', () => {
		const { parseArgs } = require('../../sandbox/cli');
		expect(parseArgs(['--complete-after', '30000']).completeAfterMs).toBe(30000);
		expect(() => parseArgs(['--complete-after', 'soon'])).toThrow(/--complete-after/);
	});

	test('a bad value is refused when the sandbox starts', async () => {
		await expect(startSandbox({ completeAfterMs: -1 })).rejects.toThrow(/completeAfterMs/);
	});
});
