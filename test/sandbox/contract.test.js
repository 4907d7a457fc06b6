'use strict';

// The contract itself (sandbox/contract/): its checker, that the sandbox serves what it lists, that
// docs/kore-ai-api.md is what it renders, and that a test leaving a violation behind fails.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { check, str, int, obj, arr } = require('../../sandbox/contract/schema');
const { matchEndpoint, checkRequest, endpoints } = require('../../sandbox/contract/check');
const { operations } = require('../../sandbox/contract/operations');
const { unknowns, resolveReadings } = require('../../sandbox/contract/unknowns');
const { render, FILE } = require('../../scripts/contract-docs');

const ROOT = path.join(__dirname, '..', '..');

describe('the schema checker', () => {
	const schema = obj({
		name: str({ required: true, nonEmpty: true, max: 3 }),
		count: int({ min: 1, max: 5 }),
		tags: arr(str({ enum: ['a', 'b'] }), { minItems: 1 }),
		flow: str({ required: (body) => body.mode === 'advanced' }),
		mode: str(),
	});

	test.each([
		[{ name: 'abc' }, []],
		[{}, ['body.name is missing; the page marks it required']],
		[{ name: '  ' }, ['body.name is empty']],
		[{ name: 'abcd' }, ['body.name is 4 characters long; the page allows at most 3']],
		[{ name: 'a', count: 1.5 }, ['body.count is a number (1.5); the page says an integer']],
		[{ name: 'a', count: 9 }, ["body.count is 9; the page's maximum is 5"]],
		[{ name: 'a', tags: [] }, ['body.tags has 0 entries; the page requires at least 1']],
		[{ name: 'a', tags: ['c'] }, ['body.tags[0] is "c"; the page allows "a", "b"']],
		[{ name: 'a', mode: 'advanced' }, ['body.flow is missing; the page marks it required']],
		[
			{ name: 'a', extra: 1 },
			['body.extra is not on the page (and the contract lists no reading for it)'],
		],
	])('%j -> %j', (body, problems) => {
		expect(check(schema, body, 'body')).toEqual(problems);
	});
});

describe('the endpoints', () => {
	test('every request of every operation names an endpoint of the contract, and every endpoint is sent by some operation', () => {
		const ids = new Set(endpoints.map((e) => e.id));
		for (const o of operations) for (const id of o.requests) expect(ids).toContain(id);
		for (const e of endpoints) expect(operations.some((o) => o.requests.includes(e.id))).toBe(true);
	});

	test('each endpoint cites its pages, and each path is matched back to its endpoint', () => {
		for (const e of endpoints) {
			expect(e.pages.length).toBeGreaterThan(0);
			for (const page of e.pages) expect(page).toMatch(/^[a-z0-9-]+\.mdx$/);
			for (const { path: template } of e.paths) {
				const concrete = template
					.replace('{streamId}', 'st-1')
					.replace('{campaignId}', 'cd-1')
					.replace('{contactListId}', 'cl-1');
				const query = {
					view: e.id === 'campaignResults' ? 'contacts' : 'status',
					trigger: e.id.startsWith('stop') ? 'stop' : 'play',
					campaignType: /Voice/.test(e.id) ? 'voice' : 'sms',
				};
				expect(matchEndpoint(e.method, concrete, query).endpoint.id).toBe(e.id);
			}
		}
	});

	test('a request no page documents matches nothing; a literal segment wins over an ID', () => {
		expect(
			matchEndpoint('PATCH', '/campaign/api/v2/public/st-1/campaign/cd-1', {}),
		).toBeUndefined();
		expect(
			matchEndpoint('POST', '/campaign/api/v2/public/st-1/campaign/schedule', {}).endpoint.id,
		).toBe('scheduleCampaign');
		expect(
			matchEndpoint('POST', '/campaign/api/v2/public/st-1/campaign/getAllCampaignDetails', {})
				.endpoint.id,
		).toBe('listCampaigns');
	});

	test('headers, unknown query parameters, a body where none is documented, and a missing one are problems', () => {
		const get = endpoints.find((e) => e.id === 'getCampaign');
		expect(
			checkRequest(get, {
				query: { accountId: 'a', campaignType: 'sms' },
				headers: { auth: 't', iid: 'st-1' },
				bodyText: '{"x":1}',
				body: { x: 1 },
			}),
		).toEqual([
			'header accountId is missing; every page requires it',
			'query parameter campaignType is not on the page (and the contract lists no reading for it)',
			'a body is sent; the page sends none',
		]);
		const start = endpoints.find((e) => e.id === 'startSmsCampaign');
		expect(
			checkRequest(start, {
				query: { campaignType: 'sms', trigger: 'play' },
				headers: { auth: 't', iid: 's', accountid: 'a' },
			}),
		).toEqual(['no body is sent; the page sends `{}` with Content-Type: application/json']);
	});
});

describe('the readings of what the pages leave open', () => {
	test("the presets flip every unknown, the default is each one's sandboxDefault, a wrong value is refused", () => {
		const lenient = resolveReadings('lenient');
		const harsh = resolveReadings('harsh');
		for (const u of unknowns) expect(lenient[u.id]).not.toBe(harsh[u.id]);
		expect(resolveReadings(undefined).updateMerges).toBe('replace');
		expect(() => resolveReadings(undefined, { updateMerges: 'sometimes' })).toThrow(
			/must be one of replace, merge/,
		);
		expect(() => resolveReadings(undefined, { colour: 'blue' })).toThrow(
			/unknown reading "colour"/,
		);
	});
});

test('docs/kore-ai-api.md is what the contract renders (node scripts/contract-docs.js writes it)', () => {
	expect(fs.readFileSync(FILE, 'utf8')).toBe(render());
});

describe('the global check (test/setup/contract.js)', () => {
	const runCase = (which) =>
		execFileSync(
			process.execPath,
			[
				require.resolve('jest/bin/jest'),
				'--rootDir',
				ROOT,
				'--setupFilesAfterEnv',
				'<rootDir>/test/setup/contract.js',
				'--testMatch',
				'**/test/fixtures/contract/violation.check.js',
				'--runInBand',
			],
			{
				cwd: ROOT,
				env: { ...process.env, CONTRACT_CASE: which },
				encoding: 'utf8',
				stdio: 'pipe',
			},
		);

	test("fails a test that leaves a violation behind, naming the request and the page's rule", () => {
		let failure;
		try {
			runCase('left');
		} catch (error) {
			failure = error;
		}
		expect(failure).toBeDefined();
		expect(failure.stderr).toMatch(
			/The sandbox refused 1 request\(s\) that do not follow Kore\.ai's pages:\n\s*POST \/campaign\/api\/v2\/public\/\S+\/campaign\/trigger\/\S+ \(stopSmsCampaign\): no body is sent/,
		);
	}, 60_000);

	test('passes a test that takes its violation on purpose', () => {
		expect(() => runCase('taken')).not.toThrow();
	}, 60_000);
});
