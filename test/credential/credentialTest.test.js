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
	const result = await runCredentialTest({ ...sandbox.credentials, host: `${sandbox.url}/botbuilder/apps/x/` });
	expect(result.status).toBe('OK');
});

test('a wrong client secret is told apart: 401 with what to check', async () => {
	const result = await runCredentialTest({ ...sandbox.credentials, clientSecret: 'wrong-secret-123' });
	expect(result.status).toBe('Error');
	expect(result.httpCode).toBe(401);
	expect(result.message).toMatch(/^Kore\.ai refused the signed token\. Check Client ID, Client Secret and Signing Algorithm/);
	expect(result.message).not.toContain('wrong-secret-123');
});

test("an App ID that is not the JWT app's is refused with the same explanation", async () => {
	const other = sandbox.secondaryCredentials;
	const result = await runCredentialTest({ ...sandbox.credentials, appId: other.appId });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/App ID and Account ID belong to the same app/);
});

test('a host without the campaign API answers 404: check the Environment URL', async () => {
	const http = require('node:http');
	const server = http.createServer((req, res) => res.writeHead(404).end('{}'));
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		const result = await runCredentialTest({ ...sandbox.credentials, host: `http://127.0.0.1:${server.address().port}` });
		expect(result).toMatchObject({ status: 'Error', httpCode: 404 });
		expect(result.message).toMatch(/Check the Environment URL/);
	} finally {
		server.close();
	}
});

test('plain http to a remote host is refused before anything is sent', async () => {
	const result = await runCredentialTest({ ...sandbox.credentials, host: 'http://platform.kore.ai' });
	expect(result.status).toBe('Error');
	expect(result.message).toMatch(/plain http/);
});
