// The credential's tokens, checked by an independent implementation (jsonwebtoken), as Kore.ai would.
const jwt = require('jsonwebtoken');
const { signKoreAiJwt, TOKEN_LIFETIME_SECONDS } = require('../../dist/credentials/koreAiJwt');
const { KoreAiApi } = require('../../dist/credentials/KoreAiApi.credentials');

const clientId = 'cs-11111111-2222-3333-4444-555555555555';
const clientSecret = 'a plain UTF-8 secret with ümlauts';

describe('signKoreAiJwt', () => {
	test.each(['HS256', 'HS512'])(
		'%s token verifies with the client secret and carries the Kore.ai claims',
		(algorithm) => {
			const token = signKoreAiJwt({ clientId, clientSecret, algorithm });
			const decoded = jwt.verify(token, clientSecret, { algorithms: [algorithm], complete: true });
			expect(decoded.header).toEqual({ alg: algorithm, typ: 'JWT' });
			expect(decoded.payload.appId).toBe(clientId);
			expect(decoded.payload.exp - decoded.payload.iat).toBe(TOKEN_LIFETIME_SECONDS);
			expect(TOKEN_LIFETIME_SECONDS).toBeLessThan(3600); // apps that enforce JTI refuse exp > 1 hour
			expect(decoded.payload.jti).toMatch(/^[0-9a-f-]{36}$/);
		},
	);

	test('defaults to HS256', () => {
		const token = signKoreAiJwt({ clientId, clientSecret });
		expect(jwt.decode(token, { complete: true }).header.alg).toBe('HS256');
	});

	test('a wrong secret or a different algorithm does not verify', () => {
		const token = signKoreAiJwt({ clientId, clientSecret, algorithm: 'HS256' });
		expect(() => jwt.verify(token, 'another secret', { algorithms: ['HS256'] })).toThrow(
			/invalid signature/,
		);
		expect(() => jwt.verify(token, clientSecret, { algorithms: ['HS512'] })).toThrow(
			/invalid algorithm/,
		);
	});

	test('iat is now and the token expires', () => {
		const now = 1_700_000_000;
		const token = signKoreAiJwt({ clientId, clientSecret, now });
		expect(jwt.decode(token).iat).toBe(now);
		expect(() => jwt.verify(token, clientSecret, { algorithms: ['HS256'] })).toThrow(/jwt expired/);
		expect(
			jwt.verify(token, clientSecret, { algorithms: ['HS256'], clockTimestamp: now + 10 }).appId,
		).toBe(clientId);
	});

	test('every token has its own jti', () => {
		const ids = new Set();
		for (let i = 0; i < 1000; i++)
			ids.add(jwt.decode(signKoreAiJwt({ clientId, clientSecret })).jti);
		expect(ids.size).toBe(1000);
	});
});

describe('KoreAiApi.authenticate', () => {
	const credential = new KoreAiApi();
	const data = {
		host: 'https://platform.kore.ai/',
		accountId: '67777ce93e25326494abcdef',
		appId: 'st-0603182c-7ffb-53c3-b307-47ca14b12345',
		clientId,
		clientSecret,
		algorithm: 'HS512',
	};

	test('adds auth, iid and accountId headers and keeps the existing ones', async () => {
		const out = await credential.authenticate(data, {
			url: 'https://platform.kore.ai/x',
			headers: { Accept: 'application/json' },
		});
		expect(out.headers.Accept).toBe('application/json');
		expect(out.headers.iid).toBe(data.appId);
		expect(out.headers.accountId).toBe(data.accountId);
		expect(jwt.verify(out.headers.auth, clientSecret, { algorithms: ['HS512'] }).appId).toBe(
			clientId,
		);
		expect(out.headers.auth).not.toMatch(/^Bearer/);
	});

	test('a fresh token per request', async () => {
		const a = await credential.authenticate(data, { url: 'x' });
		const b = await credential.authenticate(data, { url: 'x' });
		expect(a.headers.auth).not.toBe(b.headers.auth);
	});

	test('normalises the base URL of the credential test request', async () => {
		const out = await credential.authenticate(
			{ ...data, host: ' platform.kore.ai/botbuilder/apps ' },
			{ baseURL: 'x', url: '/campaign' },
		);
		expect(out.baseURL).toBe('https://platform.kore.ai');
	});

	test('refuses plain http to a remote host, naming the field, without echoing the secret', async () => {
		await expect(
			credential.authenticate(
				{ ...data, host: 'http://platform.kore.ai' },
				{ baseURL: 'x', url: '/' },
			),
		).rejects.toThrow(/Environment URL .*plain http/);
		const error = await credential
			.authenticate({ ...data, clientSecret: '' }, { url: 'x' })
			.catch((e) => e);
		expect(error.message).toMatch(/^Client Secret in the Kore\.ai API credential is empty/);
	});

	test('the credential test is a read-only list call with rules for 401, 403 and 404', () => {
		expect(credential.test.request.method).toBe('POST');
		expect(credential.test.request.url).toContain('/campaign/getAllCampaignDetails');
		expect(credential.test.rules.map((rule) => rule.properties.value)).toEqual([401, 403, 404]);
		const secretField = credential.properties.find((p) => p.name === 'clientSecret');
		expect(secretField.typeOptions).toEqual({ password: true });
	});
});
