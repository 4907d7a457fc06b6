// The "Test" button of the Kore.ai API credential: a working setup, a wrong secret, a wrong app and a
// wrong host each get their own answer, from a real (read-only) request to the sandbox.
const { useSandbox } = require('../helpers');
const { runCredentialTest } = require('./credentialTest');

const sandbox = useSandbox({ rateLimit: false });

test('a working setup passes, with a read-only list call and a freshly signed token', async () => {
	const before = sandbox.store.ids('sms').length;
	const result = await runCredentialTest(sandbox.credentials);
	expect(result).toEqual({ status: 'OK', message: 'Connection tested successfully' });
	const [request] = sandbox.requests;
	expect(request.method).toBe('POST');
	expect(request.url).toBe(
		`/campaign/api/v2/public/${sandbox.credentials.appId}/campaign/getAllCampaignDetails?accountId=${sandbox.credentials.accountId}`,
	);
	expect(request.status).toBe(200);
	expect(sandbox.store.ids('sms')).toHaveLength(before);
});

test('a pasted page URL with a trailing slash still works', async () => {
	const result = await runCredentialTest({
		...sandbox.credentials,
		host: `${sandbox.url}/botbuilder/apps/x/`,
	});
	expect(result.status).toBe('OK');
});

// Kore.ai answers 401 "Invalid SDK credentials" whichever of these is wrong: the App ID and the
// Account ID too (the token is checked against the app the iid header names, and its account), so
// the one 401 sentence names all five fields and says any of them gives it.
const REFUSED =
	/^Kore\.ai refused the signed token \(HTTP 401\)\. Check that Account ID, App ID, Client ID, Client Secret and Signing Algorithm in the Kore\.ai API credential all belong to the same Kore\.ai app and its JWT app \(a wrong value in any of them gives this answer\)/;

test.each([
	['Client Secret', { clientSecret: 'wrong-secret-123' }],
	['Client ID', { clientId: 'cs-00000000-0000-0000-0000-000000000000' }],
	['Signing Algorithm', { algorithm: 'HS512' }],
	['App ID (another app of the sandbox)', { appId: 'secondary' }],
	['App ID (no such app)', { appId: 'st-00000000-0000-0000-0000-000000000000' }],
	['Account ID', { accountId: '000000000000000000000000' }],
])(
	'a wrong %s: HTTP 401, and the sentence names every field that gives it',
	async (_field, wrong) => {
		const values = { ...sandbox.credentials, ...wrong };
		if (wrong.appId === 'secondary') values.appId = sandbox.secondaryCredentials.appId;
		const result = await runCredentialTest(values);
		expect(result).toMatchObject({ status: 'Error', httpCode: 401 });
		expect(result.message).toMatch(REFUSED);
		expect(result.message).not.toContain('wrong-secret-123');
	},
);

test('a host without the campaign API answers 404: check the Environment URL (a wrong App ID is a 401, not this)', async () => {
	const http = require('node:http');
	const server = http.createServer((req, res) => res.writeHead(404).end('{}'));
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		const result = await runCredentialTest({
			...sandbox.credentials,
			host: `http://127.0.0.1:${server.address().port}`,
		});
		expect(result).toMatchObject({ status: 'Error', httpCode: 404 });
		expect(result.message).toMatch(
			/^Something answers at this Environment URL, but not Kore\.ai's campaign API \(HTTP 404\)\. Check the Environment URL/,
		);
		expect(result.message).not.toMatch(/App ID/);
	} finally {
		server.close();
	}
});

test('plain http to a remote host is refused before anything is sent', async () => {
	const result = await runCredentialTest({
		...sandbox.credentials,
		host: 'http://platform.kore.ai',
	});
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/plain http/);
});

// When nothing answers, n8n's Test shows the bare network code of the failure and nothing of ours:
// its credential-test rules match HTTP statuses only, and the one way to word it (a node's
// credentialTest method) is closed to community nodes by n8n's lint (see KoreAiApi.credentials.ts).
// These pin what users see, which the README's Credentials section explains; the node itself says it
// in words at run time (test/workflow/delete.test.js).
test('a closed port: n8n shows ECONNREFUSED', async () => {
	const net = require('node:net');
	const server = net.createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));
	const result = await runCredentialTest({
		...sandbox.credentials,
		host: `http://127.0.0.1:${port}`,
	});
	expect(result).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
});

test('a plain-http host written without http:// (https is assumed): n8n shows EPROTO', async () => {
	const result = await runCredentialTest({
		...sandbox.credentials,
		host: sandbox.url.replace(/^http:\/\//, ''),
	});
	expect(result).toEqual({ status: 'Error', message: 'EPROTO' });
});
