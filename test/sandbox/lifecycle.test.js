'use strict';

const path = require('node:path');
const { spawn } = require('node:child_process');
const { startSandbox } = require('../../sandbox');
const { parseArgs } = require('../../sandbox/cli');
const { api, sign } = require('./helpers');

describe('sandbox store', () => {
	let sb;
	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: false, record: false });
	});
	afterAll(() => sb.close());

	test("seeded: 10 SMS (with the Delete SMS Campaign page's sample) and 5 voice campaigns in the primary app, 1 in the second", () => {
		const primary = sb.credentials.appId;
		const sms = sb.store.ids('sms').filter((id) => sb.store.streamOf(id) === primary);
		const voice = sb.store.ids('voice');
		expect(sms).toHaveLength(10);
		expect(voice).toHaveLength(5);
		expect(sms).toContain('cd-213cc43a-a340-5b89-a256-ff8da28xxxxx');
		expect(sb.store.get(sb.seedCampaignId).name).toBe('Billing Alert Template Campaign-21212');
		const statuses = new Set([...sms, ...voice].map((id) => sb.store.get(id).status));
		expect(statuses.size).toBeGreaterThanOrEqual(6);
		expect([...sms, ...voice].some((id) => sb.store.get(id).experienceFlow)).toBe(true);
		expect([...sms, ...voice].some((id) => sb.store.get(id).campaignInstanceId)).toBe(true);
		for (const id of voice) {
			const d = sb.store.get(id);
			expect(d.dialingMode).toBeTruthy();
			expect(d.dncLists.id).toMatch(/^cl-/);
			expect(d.dialingStrategy).toEqual(
				expect.objectContaining({
					dialingOrder: expect.any(String),
					maxAttemptsPerRecord: expect.any(Number),
					defaultRetryPeriod: expect.any(Number),
					maxRingTime: expect.any(Number),
				}),
			);
		}
	});

	test('store.get returns a copy', () => {
		const doc = sb.store.get(sb.seedCampaignId);
		doc.name = 'changed';
		expect(sb.store.get(sb.seedCampaignId).name).toBe('Billing Alert Template Campaign-21212');
	});

	test('addCampaigns(10000) gives unique, deletable IDs of the right type', async () => {
		const ids = sb.addCampaigns(10_000, 'sms');
		expect(ids).toHaveLength(10_000);
		expect(new Set(ids).size).toBe(10_000);
		expect(
			ids.every((id) =>
				/^cd-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id),
			),
		).toBe(true);
		const res = await api.del(sb, ids[9_999], 'sms');
		expect(res.status).toBe(200);
		expect(res.json.message).toBe('Campaign Bulk SMS Campaign 10000 deleted successfully');
		expect(sb.store.has(ids[9_999])).toBe(false);
		expect((await api.del(sb, ids[0], 'voice')).status).toBe(404);
		const voiceIds = sb.addCampaigns(3, 'voice', { status: 'Active' });
		expect(sb.store.get(voiceIds[0])).toMatchObject({
			status: 'Active',
			dialingMode: expect.any(String),
		});
		expect(() => sb.addCampaigns(1, 'fax')).toThrow(/sms or voice/);
	});

	test('record: false keeps no requests or tokens', () => {
		expect(sb.requests).toHaveLength(0);
		expect(sb.tokensSeen).toHaveLength(0);
		expect(sb.stats.requests).toBeGreaterThan(0);
	});
});

describe('sandbox options', () => {
	test('accounts replaces the apps; bad options are refused', async () => {
		const app = {
			accountId: 'aaaaaaaaaaaaaaaaaaaaaaaa',
			appId: 'st-custom',
			clientId: 'cs-custom',
			clientSecret: 's3cret',
			algorithm: 'HS512',
		};
		const sb = await startSandbox({ rateLimit: false, accounts: [app] });
		try {
			expect(sb.credentials).toEqual({ host: sb.url, ...app });
			expect(sb.secondaryCredentials).toBeUndefined();
			expect((await api.get(sb, sb.seedCampaignId)).status).toBe(200);
		} finally {
			await sb.close();
		}
		await expect(startSandbox({ accounts: [{ ...app, algorithm: 'RS256' }] })).rejects.toThrow(
			/algorithm/,
		);
		await expect(startSandbox({ notFoundStyle: 'teapot' })).rejects.toThrow(/notFoundStyle/);
		await expect(startSandbox({ faults: { nope: 1 } })).rejects.toThrow(/unknown faults option/);
	});
});

describe('sandbox CLI', () => {
	test('parseArgs', () => {
		expect(
			parseArgs(['--port', '4010', '--enforce-jti', '--rate-limit', 'off', '--latency', '50']),
		).toMatchObject({
			port: 4010,
			enforceJti: true,
			rateLimit: false,
			latencyMs: 50,
		});
		expect(parseArgs(['--rate-limit', '600', '--no-retry-after']).rateLimit).toEqual({
			perMinute: 600,
			retryAfter: false,
		});
		expect(parseArgs([]).rateLimit).toEqual({ perMinute: 60, retryAfter: true });
		expect(() => parseArgs(['--port', 'x'])).toThrow(/--port/);
		expect(() => parseArgs(['--what'])).toThrow(/unknown option/);
	});

	test('starts, prints the credential values, serves requests, stops on SIGTERM with exit code 0', async () => {
		const child = spawn(
			process.execPath,
			[path.join(__dirname, '../../sandbox/cli.js'), '--port', '0', '--rate-limit', 'off'],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let out = '';
		const ready = new Promise((resolve, reject) => {
			child.stdout.on('data', (chunk) => {
				out += chunk;
				if (out.includes('Stop with Ctrl-C')) resolve();
			});
			child.once('exit', (code) => reject(new Error(`cli exited early (${code}): ${out}`)));
		});
		const exited = new Promise((resolve) =>
			child.once('exit', (code, signal) => resolve({ code, signal })),
		);
		try {
			await ready;
			const field = (label) => new RegExp(`${label}\\s*: (\\S+)`).exec(out)[1];
			const creds = {
				host: field('Environment URL'),
				accountId: field('Account ID'),
				appId: field('App ID'),
				clientId: field('Client ID'),
				clientSecret: field('Client Secret'),
				algorithm: field('Algorithm'),
			};
			expect(creds.host).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(creds.clientSecret).toBe('sandbox-only-secret-7Qm2Xw9LpR4tZ8vB3nK6');
			const res = await fetch(
				`${creds.host}/campaign/api/v2/public/${creds.appId}/campaign/cd-213cc43a-a340-5b89-a256-ff8da28xxxxx?accountId=${creds.accountId}`,
				{
					headers: {
						auth: sign(creds),
						iid: creds.appId,
						accountId: creds.accountId,
						connection: 'close',
					},
				},
			);
			expect(res.status).toBe(200);
			expect((await res.json()).data.name).toBe('Billing Alert Template Campaign-21212');
		} finally {
			child.kill('SIGTERM');
		}
		const { code } = await exited;
		expect(code).toBe(0);
		expect(out).toMatch(/GET \/campaign\/api\/v2\/public\/.* -> 200/);
		expect(out).not.toMatch(/eyJ/); // no JWT in the log
	});
});
