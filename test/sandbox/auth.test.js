'use strict';

const jwt = require('jsonwebtoken');
const { startSandbox } = require('../../sandbox');
const { sign, base, request, api } = require('./helpers');

const INVALID = { errors: [{ msg: 'Invalid SDK credentials', code: 4002 }] };
const REPLAY = { errors: [{ msg: 'error verifying the jwt: possibly a replay', code: 401 }] };
const EXP_TOO_LONG = {
	errors: [
		{ msg: 'error verifying the jwt: if "jti" claim "exp" must be <= 1 hour(s)', code: 401 },
	],
};

describe('sandbox auth (JWT in `auth`, `iid`, `accountId`)', () => {
	let sb;
	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: false });
	});
	afterAll(() => sb.close());

	const statusOf = (extra) =>
		request(sb, {
			method: 'POST',
			path: `${base(sb.credentials)}/campaign/${sb.seedCampaignId}/status?accountId=${sb.credentials.accountId}&view=status`,
			body: {},
			...extra,
		});

	test('default credentials are the documented sandbox values', () => {
		expect(sb.credentials).toEqual({
			host: sb.url,
			accountId: '67777ce93e25326494a1b2c3',
			appId: 'st-0603182c-7ffb-53c3-b307-47ca14b5a4d1',
			clientId: 'cs-5f2e8c1a-93d4-5b7e-a0c6-2d8f4e1b7c90',
			clientSecret: 'sandbox-only-secret-7Qm2Xw9LpR4tZ8vB3nK6',
			algorithm: 'HS256',
		});
		expect(sb.credentials.accountId).toMatch(/^[0-9a-f]{24}$/);
		expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});

	test('a correctly signed request passes, and its token is recorded in tokensSeen', async () => {
		const token = sign(sb.credentials);
		const res = await statusOf({ token });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			status: 'success',
			data: {
				id: sb.seedCampaignId,
				status: 'Ready',
				name: 'Billing Alert Template Campaign-21212',
			},
		});
		expect(sb.tokensSeen).toContain(token);
	});

	test('header names are case-insensitive (accountid, IID, Auth)', async () => {
		const res = await statusOf({
			auth: false,
			headers: {
				Auth: sign(sb.credentials),
				IID: sb.credentials.appId,
				accountid: sb.credentials.accountId,
			},
		});
		expect(res.status).toBe(200);
	});

	test("a token with only { appId } and no exp is accepted when JTI is not enforced (Kore.ai's own sample)", async () => {
		const token = jwt.sign(
			{ appId: sb.credentials.clientId, sub: 'anything' },
			sb.credentials.clientSecret,
			{ algorithm: 'HS256' },
		);
		expect((await statusOf({ token })).status).toBe(200);
	});

	test.each([
		['missing auth header', { auth: false, headers: { iid: 'x', accountId: 'y' } }],
		[
			'"Bearer " prefix',
			{
				token: `Bearer ${sign({ clientId: 'cs-5f2e8c1a-93d4-5b7e-a0c6-2d8f4e1b7c90', clientSecret: 'sandbox-only-secret-7Qm2Xw9LpR4tZ8vB3nK6', algorithm: 'HS256' })}`,
			},
		],
		['not a JWT', { token: 'not-a-jwt' }],
		['wrong secret', { tokenOpts: { secret: 'wrong-secret' } }],
		['appId claim is not the client ID', { tokenOpts: { claims: { appId: 'cs-someone-else' } } }],
		['appId claim missing', { tokenOpts: { omit: ['appId'] } }],
		['expired', { tokenOpts: { iat: Math.floor(Date.now() / 1000) - 1000, lifetime: 300 } }],
		['HS512 for an HS256 app', { tokenOpts: { algorithm: 'HS512' } }],
	])('401 Invalid SDK credentials: %s', async (_name, { tokenOpts, ...extra }) => {
		const token = extra.token ?? (tokenOpts ? sign(sb.credentials, tokenOpts) : undefined);
		const res = await statusOf({ ...extra, ...(token ? { token } : {}) });
		expect(res.status).toBe(401);
		expect(res.json).toEqual(INVALID);
		expect(res.headers['x-sandbox-reason']).toBeTruthy();
	});

	test('alg "none" is refused', async () => {
		const unsigned = jwt.sign({ appId: sb.credentials.clientId }, null, { algorithm: 'none' });
		const res = await statusOf({ token: unsigned });
		expect(res.status).toBe(401);
		expect(res.json).toEqual(INVALID);
		expect(res.headers['x-sandbox-reason']).toMatch(/algorithm none/);
	});

	test('HS256 token whose header claims "none" but carries a signature is refused', async () => {
		const good = sign(sb.credentials).split('.');
		const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
		const res = await statusOf({ token: `${header}.${good[1]}.${good[2]}` });
		expect(res.status).toBe(401);
	});

	test('iid header that does not match the path stream ID -> 401', async () => {
		const s = sb.secondaryCredentials;
		// A valid token of the second app, but the path names the primary app's stream.
		const res = await request(sb, {
			method: 'POST',
			path: `${base(sb.credentials)}/campaign/${sb.seedCampaignId}/status?accountId=${s.accountId}&view=status`,
			creds: s,
			body: {},
		});
		expect(res.status).toBe(401);
		expect(res.json).toEqual(INVALID);
		expect(res.headers['x-sandbox-reason']).toMatch(/stream ID/);
	});

	test('unknown iid -> 401', async () => {
		const res = await statusOf({ headers: { iid: 'st-00000000-0000-0000-0000-000000000000' } });
		expect(res.status).toBe(401);
		expect(res.json).toEqual(INVALID);
	});

	test('accountId header of another account -> 401', async () => {
		const res = await statusOf({ headers: { accountId: sb.secondaryCredentials.accountId } });
		expect(res.status).toBe(401);
		expect(res.headers['x-sandbox-reason']).toMatch(/account/);
	});

	test('accountId query that differs from the header -> 401', async () => {
		const res = await request(sb, {
			method: 'POST',
			path: `${base(sb.credentials)}/campaign/${sb.seedCampaignId}/status?accountId=${sb.secondaryCredentials.accountId}&view=status`,
			body: {},
		});
		expect(res.status).toBe(401);
		expect(res.headers['x-sandbox-reason']).toMatch(/query/);
	});

	test("the second app (HS512, other account) works with its own stream and cannot see the first app's campaigns", async () => {
		const s = sb.secondaryCredentials;
		expect(s.algorithm).toBe('HS512');
		const own = await request(sb, {
			method: 'GET',
			creds: s,
			path: `${base(s)}/campaign/cd-7d9e1f3a-5b7c-5d9e-a1f3-5b7c9d1e3f5a?accountId=${s.accountId}`,
		});
		expect(own.status).toBe(200);
		const other = await request(sb, {
			method: 'GET',
			creds: s,
			path: `${base(s)}/campaign/${sb.seedCampaignId}?accountId=${s.accountId}`,
		});
		expect(other.status).toBe(404);
	});
});

describe('sandbox auth with enforceJti', () => {
	let sb;
	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: false, enforceJti: true });
	});
	afterAll(() => sb.close());

	const get = (token) => api.get(sb, sb.seedCampaignId, { token });

	test('fresh tokens with unique jti pass', async () => {
		expect((await get(sign(sb.credentials))).status).toBe(200);
		expect((await get(sign(sb.credentials))).status).toBe(200);
	});

	test('the same token twice is a replay', async () => {
		const token = sign(sb.credentials);
		expect((await get(token)).status).toBe(200);
		const again = await get(token);
		expect(again.status).toBe(401);
		expect(again.json).toEqual(REPLAY);
	});

	test('exp more than one hour after iat is refused with the documented body', async () => {
		const res = await get(sign(sb.credentials, { lifetime: 3601 }));
		expect(res.status).toBe(401);
		expect(res.json).toEqual(EXP_TOO_LONG);
		expect((await get(sign(sb.credentials, { lifetime: 3600 }))).status).toBe(200);
	});

	test('a token without jti is refused', async () => {
		const res = await get(sign(sb.credentials, { omit: ['jti'] }));
		expect(res.status).toBe(401);
		expect(res.json.errors[0].code).toBe(401);
	});

	test('a token without exp is refused (exp cannot be checked against the one-hour rule)', async () => {
		const res = await get(sign(sb.credentials, { omit: ['exp'] }));
		expect(res.status).toBe(401);
		expect(res.json).toEqual(EXP_TOO_LONG);
	});
});

describe('sandbox auth: injectable clock and HS512 apps', () => {
	test('exp is checked against options.now', async () => {
		let clock = Date.parse('2030-01-01T00:00:00Z');
		const sb = await startSandbox({ rateLimit: false, now: () => clock });
		try {
			const iat = Math.floor(clock / 1000);
			const token = sign(sb.credentials, { iat, lifetime: 300 });
			expect((await api.get(sb, sb.seedCampaignId, { token })).status).toBe(200);
			clock += 301 * 1000;
			expect((await api.get(sb, sb.seedCampaignId, { token })).status).toBe(401);
		} finally {
			await sb.close();
		}
	});

	test('credentials override: an HS512 primary app', async () => {
		const sb = await startSandbox({ rateLimit: false, credentials: { algorithm: 'HS512' } });
		try {
			expect(sb.credentials.algorithm).toBe('HS512');
			expect((await api.get(sb, sb.seedCampaignId)).status).toBe(200);
			expect(
				(
					await api.get(sb, sb.seedCampaignId, {
						token: sign(sb.credentials, { algorithm: 'HS256' }),
					})
				).status,
			).toBe(401);
		} finally {
			await sb.close();
		}
	});
});
