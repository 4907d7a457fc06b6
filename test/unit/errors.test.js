const {
	describeHttpError,
	extractApiMessage,
} = require('../../dist/nodes/KoreAiContactCenter/transport/errors');
const {
	describeNetworkError,
} = require('../../dist/nodes/KoreAiContactCenter/transport/networkErrors');

const subject = { action: 'delete SMS campaign cd-1', campaignId: 'cd-1', streamId: 'st-9' };

describe('extractApiMessage', () => {
	test.each([
		[{ errors: [{ msg: 'Invalid SDK credentials', code: 4002 }] }, 'Invalid SDK credentials'],
		[{ errors: [{ msg: 'a' }, { msg: 'b' }] }, 'a; b'],
		[{ status: 'failure', message: 'Campaign not found' }, 'Campaign not found'],
		[
			'<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>',
			'an HTML page titled "502 Bad Gateway"',
		],
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
		const { message, httpCode } = describeHttpError(
			401,
			{ errors: [{ msg: 'Invalid SDK credentials', code: 4002 }] },
			subject,
		);
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
		const described = describeHttpError(status, body, subject);
		expect(described.notFound).toBe(true);
		expect(described.message).toMatch(/^Campaign cd-1 was not found in app st-9/);
	});

	test('not found: a 404 is a short title with the advice apart; another status keeps the words that made it "not found"', () => {
		const on404 = describeHttpError(
			404,
			{ status: 'failure', message: 'Campaign cd-1 not found' },
			subject,
		);
		expect(on404.message).toBe('Campaign cd-1 was not found in app st-9 (HTTP 404 Not Found).');
		expect(on404.advice).toMatch(/^It may already be deleted/);
		const on400 = describeHttpError(
			400,
			{ errors: [{ msg: 'Campaign does not exist', code: 400 }] },
			subject,
		);
		expect(on400.message).toBe(
			'Campaign cd-1 was not found in app st-9 (HTTP 400 Bad Request: Campaign does not exist).',
		);
	});

	test('not found names what the request named (ifMissing), e.g. a schedule by campaign name, not the Environment URL', () => {
		const described = describeHttpError(
			404,
			{ status: 'failure', message: 'Campaign with name Spring not found' },
			{
				action: 'schedule SMS campaign "Spring"',
				streamId: 'st-9',
				ifMissing: { what: 'SMS campaign "Spring"', advice: 'Check the name.' },
			},
		);
		expect(described.message).toBe(
			'SMS campaign "Spring" was not found in app st-9 (HTTP 404 Not Found).',
		);
		expect(described.advice).toBe('Check the name.');
		// Kore.ai's words stay with the error (its details), not in the sentence, where they repeat the name.
		expect(described.apiMessage).toBe('Campaign with name Spring not found');
		// Without it, nothing says what was missing: the address itself is suspect.
		expect(describeHttpError(404, undefined, { action: 'x', streamId: 'st-9' }).message).toMatch(
			/^Kore\.ai answered HTTP 404 Not Found for this request's address without naming anything missing\./,
		);
		// A 404 that names nothing, on a path that names a campaign: the path, not the campaign, is what Kore.ai did not find.
		const unserved = describeHttpError(
			404,
			{ errors: [{ msg: 'Not Found', code: 404 }] },
			{ action: 'stop SMS campaign cd-1', campaignId: 'cd-1', streamId: 'st-9' },
		);
		expect(unserved.message).toBe(
			"Kore.ai answered HTTP 404 Not Found: Not Found for this request's address without naming anything missing.",
		);
		expect(unserved.advice).toMatch(
			/^If other operations work with this credential, Kore\.ai does not serve this request's path/,
		);
		// A 400 whose message names a contact list, on a request naming a campaign: the list is the advice.
		const list = describeHttpError(
			400,
			{ errors: [{ msg: 'Contact list VIP not found', code: 400 }] },
			{ action: 'update SMS campaign cd-1', campaignId: 'cd-1', streamId: 'st-9' },
		);
		expect(list.message).toBe(
			'Kore.ai could not update SMS campaign cd-1: a contact list was not found (HTTP 400 Bad Request: Contact list VIP not found).',
		);
		expect(list.advice).toBe(
			'Check the contact list names: each must be an existing list of this app, written as Kore.ai shows it (Contact List > Get Many lists them).',
		);
	});

	test('HTML 502 page becomes a server-error sentence without the HTML', () => {
		const { message } = describeHttpError(
			502,
			'<html><title>502 Bad Gateway</title><body>' + 'x'.repeat(5000) + '</body></html>',
			subject,
		);
		expect(message).toMatch(
			/server error \(HTTP 502 Bad Gateway, it answered with an HTML page titled "502 Bad Gateway"\)/,
		);
		expect(message.length).toBeLessThan(400);
	});

	test('429 explains the rate limit', () => {
		expect(
			describeHttpError(
				429,
				{ errors: [{ msg: "You've exceeded the per-minute rate limit." }] },
				subject,
			).message,
		).toMatch(/60 campaign requests per minute/);
	});

	test('an unknown status still names the status and the action', () => {
		expect(describeHttpError(418, undefined, subject).message).toBe(
			"Kore.ai refused to delete SMS campaign cd-1 (HTTP 418). Check the node's fields against Kore.ai's message.",
		);
	});

	// Kore.ai's own reason decides the advice; a generic "check the fields" would send the user
	// looking in the wrong place.
	test.each([
		[
			'Campaign is running and cannot be deleted',
			/: Campaign is running and cannot be deleted\)\. The campaign is running: stop it first \(the Stop operation\), then try again\.$/,
		],
		['Cannot delete an active campaign while it is active', /stop it first/],
		[
			'Campaign Spring is not running (status Ready)',
			/The campaign is not running, so there is nothing to stop or pause; check it with Get Status\.$/,
		],
		['Campaign is already running', /already running; there is no need to start it again\.$/],
		['Campaign creation in progress', /still being prepared: wait until Get Status says Ready/],
		[
			'A campaign with this name already exists',
			/That name is already used in Kore\.ai: choose another name\.$/,
		],
		['priority must be between 1 and 5', /names the value it does not accept: correct that field/],
		['Something else entirely', /Check the node's fields against Kore\.ai's message\.$/],
	])('a refusal saying %p gets advice that follows from it', (reason, advice) => {
		const { message } = describeHttpError(400, { status: 'failure', message: reason }, subject);
		expect(message).toMatch(
			/^Kore\.ai refused to delete SMS campaign cd-1 \(HTTP 400 Bad Request: /,
		);
		expect(message).toMatch(advice);
		expect(message).not.toMatch(
			reason === 'Something else entirely' ? /^$/ : /Check the node's fields/,
		);
	});
});

describe('koreAiApiError: the one error the transport throws', () => {
	const { koreAiApiError } = require('../../dist/nodes/KoreAiContactCenter/transport/errors');
	const node = {
		id: '1',
		name: 'Kore.ai',
		type: 'n8n-nodes-kore-ai.koreAiContactCenter',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};

	test("an answer: message kept as written, details hold attempts, status and Kore.ai's words", () => {
		const error = koreAiApiError(
			node,
			{ message: 'Kore.ai refused X (HTTP 400).', attempts: 2, httpCode: 400, apiMessage: 'bad' },
			3,
		);
		expect(error.message).toBe('Kore.ai refused X (HTTP 400).');
		expect(error.httpCode).toBe('400');
		expect(error.context).toMatchObject({ itemIndex: 3, attempts: 2 });
		expect(error.errorResponse).toEqual({ attempts: 2, httpCode: 400, apiMessage: 'bad' });
	});

	test("no answer: a network code, never the Node error code as n8n's generic message", () => {
		const error = koreAiApiError(
			node,
			{ message: 'Could not X: ECONNRESET happened.', attempts: 5, networkCode: 'ECONNRESET' },
			0,
		);
		expect(error.message).toBe('Could not X: ECONNRESET happened.');
		expect(error.errorResponse).toEqual({
			attempts: 5,
			code: 'NETWORK_ERROR',
			networkCode: 'ECONNRESET',
		});
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
		expect(describeNetworkError(error, 'https://x', subject)).toMatch(pattern);
	});
});
