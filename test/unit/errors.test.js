const { describeHttpError, describeNetworkError, extractApiMessage } = require('../../dist/nodes/KoreAiContactCenter/transport/errors');

const context = { action: 'delete SMS campaign cd-1', campaignId: 'cd-1', streamId: 'st-9' };

describe('extractApiMessage', () => {
	test.each([
		[{ errors: [{ msg: 'Invalid SDK credentials', code: 4002 }] }, 'Invalid SDK credentials'],
		[{ errors: [{ msg: 'a' }, { msg: 'b' }] }, 'a; b'],
		[{ status: 'failure', message: 'Campaign not found' }, 'Campaign not found'],
		['<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>', 'an HTML page titled "502 Bad Gateway"'],
		['<!DOCTYPE html><p>oops</p>', 'an HTML page instead of JSON'],
		['{"status":"succ', '{"status":"succ'],
		['', undefined],
		[null, undefined],
		[{ errors: [] }, undefined],
	])('%p -> %p', (body, message) => {
		expect(extractApiMessage(body)).toBe(message);
	});
});

describe('describeHttpError', () => {
	test('401 names the credential values to check and the scope', () => {
		const { message, httpCode } = describeHttpError(401, { errors: [{ msg: 'Invalid SDK credentials', code: 4002 }] }, context);
		expect(httpCode).toBe(401);
		expect(message).toMatch(/HTTP 401 Unauthorized: Invalid SDK credentials/);
		expect(message).toMatch(/Client ID, Client Secret/);
		expect(message).toMatch(/Campaign Management API scope, published/);
	});

	test.each([
		[404, { status: 'failure', message: 'Campaign cd-1 not found' }],
		[400, { errors: [{ msg: 'Campaign does not exist', code: 400 }] }],
		[200, { status: 'failure', message: 'No campaign found with the given id' }],
	])('not found (%p) says which campaign in which app', (status, body) => {
		const described = describeHttpError(status, body, context);
		expect(described.notFound).toBe(true);
		expect(described.message).toMatch(/^Campaign cd-1 was not found in app st-9/);
	});

	test('HTML 502 page becomes a server-error sentence without the HTML', () => {
		const { message } = describeHttpError(502, '<html><title>502 Bad Gateway</title><body>' + 'x'.repeat(5000) + '</body></html>', context);
		expect(message).toMatch(/server error \(HTTP 502 Bad Gateway, it answered with an HTML page titled "502 Bad Gateway"\)/);
		expect(message.length).toBeLessThan(400);
	});

	test('429 explains the rate limit', () => {
		expect(describeHttpError(429, { errors: [{ msg: "You've exceeded the per-minute rate limit." }] }, context).message).toMatch(/60 campaign requests per minute/);
	});

	test('an unknown status still names the status and the action', () => {
		expect(describeHttpError(418, undefined, context).message).toBe(
			'Kore.ai refused to delete SMS campaign cd-1 (HTTP 418). Check the node\'s fields against the message.',
		);
	});
});

describe('describeNetworkError', () => {
	test.each([
		['ECONNREFUSED', /connection refused.*Environment URL/],
		['ENOTFOUND', /could not be found/],
		['ECONNRESET', /closed before Kore.ai answered/],
		['ETIMEDOUT', /did not answer in time/],
		[undefined, /request to https:\/\/x failed\./],
	])('%p', (code, pattern) => {
		const error = new Error('boom');
		if (code) error.cause = { code };
		expect(describeNetworkError(error, 'https://x', context)).toMatch(pattern);
	});
});
