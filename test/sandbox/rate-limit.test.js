'use strict';

const { startSandbox } = require('../../sandbox');
const { api, sign } = require('./helpers');

const LIMIT_BODY = {
	errors: [
		{
			msg: "You've exceeded the per-minute rate limit. Please wait for sometime before retrying.",
			code: 429,
		},
	],
};

describe('sandbox rate limit (per account, rolling 60 s, injectable clock)', () => {
	let clock;
	const now = () => clock;
	const token = (sb) => sign(sb.credentials, { iat: Math.floor(clock / 1000) });

	beforeEach(() => {
		clock = Date.parse('2030-01-01T00:00:00Z');
	});

	test('default is 60 per minute', async () => {
		const sb = await startSandbox({ now });
		try {
			for (let i = 0; i < 60; i++)
				expect((await api.status(sb, sb.seedCampaignId, { token: token(sb) })).status).toBe(200);
			const over = await api.status(sb, sb.seedCampaignId, { token: token(sb) });
			expect(over.status).toBe(429);
			expect(over.json).toEqual(LIMIT_BODY);
		} finally {
			await sb.close();
		}
	});

	test('over the limit: 429 with the documented body and Retry-After; the window rolls', async () => {
		const sb = await startSandbox({ now, rateLimit: { perMinute: 3, retryAfter: true } });
		try {
			for (let i = 0; i < 3; i++) {
				expect((await api.get(sb, sb.seedCampaignId, { token: token(sb) })).status).toBe(200);
				clock += 10_000; // requests at t=0, 10 s, 20 s
			}
			// t = 30 s: the oldest admitted request (t=0) leaves the window at t=60 s.
			const over = await api.get(sb, sb.seedCampaignId, { token: token(sb) });
			expect(over.status).toBe(429);
			expect(over.json).toEqual(LIMIT_BODY);
			expect(over.headers['retry-after']).toBe('30');
			expect(sb.stats.rateLimited).toBe(1);

			clock += 29_000; // t = 59 s: still limited
			const still = await api.get(sb, sb.seedCampaignId, { token: token(sb) });
			expect(still.status).toBe(429);
			expect(still.headers['retry-after']).toBe('1');

			clock += 1_000; // t = 60 s: one slot free
			expect((await api.get(sb, sb.seedCampaignId, { token: token(sb) })).status).toBe(200);
			expect((await api.get(sb, sb.seedCampaignId, { token: token(sb) })).status).toBe(429);
		} finally {
			await sb.close();
		}
	});

	test('retryAfter: false answers 429 without the header', async () => {
		const sb = await startSandbox({ now, rateLimit: { perMinute: 1, retryAfter: false } });
		try {
			expect((await api.get(sb, sb.seedCampaignId, { token: token(sb) })).status).toBe(200);
			const over = await api.get(sb, sb.seedCampaignId, { token: token(sb) });
			expect(over.status).toBe(429);
			expect(over.json).toEqual(LIMIT_BODY);
			expect(over.headers['retry-after']).toBeUndefined();
		} finally {
			await sb.close();
		}
	});

	test('the limit is per account: the other account still gets through', async () => {
		const sb = await startSandbox({ now, rateLimit: { perMinute: 2 } });
		try {
			const s = sb.secondaryCredentials;
			await api.get(sb, sb.seedCampaignId, { token: token(sb) });
			await api.get(sb, sb.seedCampaignId, { token: token(sb) });
			expect((await api.get(sb, sb.seedCampaignId, { token: token(sb) })).status).toBe(429);
			const other = await api.list(
				sb,
				{ type: 'sms' },
				{
					creds: s,
					path: `/campaign/api/v2/public/${s.appId}/campaign/getAllCampaignDetails?accountId=${s.accountId}`,
					token: sign(s, { iat: Math.floor(clock / 1000) }),
				},
			);
			expect(other.status).toBe(200);
			expect(other.json.data.totalResults).toBe(1);
		} finally {
			await sb.close();
		}
	});

	test('a rate-limited DELETE does not delete', async () => {
		const sb = await startSandbox({ now, rateLimit: { perMinute: 1 } });
		try {
			await api.get(sb, sb.seedCampaignId, { token: token(sb) });
			expect((await api.del(sb, sb.seedCampaignId, 'sms', { token: token(sb) })).status).toBe(429);
			expect(sb.store.has(sb.seedCampaignId)).toBe(true);
		} finally {
			await sb.close();
		}
	});

	test('rateLimit: false disables it; setRateLimit changes it at run time', async () => {
		const sb = await startSandbox({ now, rateLimit: false });
		try {
			for (let i = 0; i < 70; i++)
				expect((await api.status(sb, sb.seedCampaignId, { token: token(sb) })).status).toBe(200);
			sb.setRateLimit({ perMinute: 100 });
			for (let i = 0; i < 100; i++) await api.status(sb, sb.seedCampaignId, { token: token(sb) });
			expect((await api.status(sb, sb.seedCampaignId, { token: token(sb) })).status).toBe(429);
		} finally {
			await sb.close();
		}
	});
});
