// A table of bad inputs, each run through n8n's engine against the sandbox: campaign IDs from
// expressions (wrong types, path tricks, control characters, empty and huge values), credential
// fields (host, account, app and client IDs, secret, algorithm), resource and operation, and option
// values out of range. Each gives its own clear message on the error output, naming the field and
// what to do, and no request reaches Kore.ai.
const { startSandbox, useSandbox, deleteWorkflow, run, outputsOf } = require('../bulk/helpers');

const sandbox = useSandbox({ rateLimit: false });

const OK_OPTIONS = { requestsPerMinute: 0 };
const CAMPAIGN = 'cd-213cc43a-a340-5b89-a256-ff8da28xxxxx';
const esc = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const idProblem = (what) => new RegExp(`^Campaign ID of item 0 ${what}`);
const option = (label, range, value) =>
	new RegExp(
		`^${esc(label)} \\(in Options\\) must be ${esc(range)}, but for item 0 it is ${esc(value)}\\. Change the option or the expression that sets it\\.$`,
	);

/**
 * [name, { row, options, credentials, more }, expected message]. `row` is the input item (its
 * campaignId is mapped with {{ $json.campaignId }}); `credentials` override the sandbox's.
 */
const CASES = [
	// Campaign IDs, mapped from the previous node
	[
		'empty campaign ID',
		{ row: { campaignId: '' } },
		idProblem('is empty\\. Enter an ID like cd-213cc43a-.*, or map one from the previous node'),
	],
	[
		'blank campaign ID',
		{ row: { campaignId: '   ' } },
		idProblem('is blank \\(only spaces\\)\\. Enter an ID like cd-'),
	],
	['missing campaignId key', { row: { name: 'no id here' } }, idProblem('is empty\\.')],
	['null campaign ID', { row: { campaignId: null } }, idProblem('is empty\\.')],
	[
		'number campaign ID',
		{ row: { campaignId: 42 } },
		idProblem(
			'must be text like cd-.*, but it is the number 42\\. Map the field that holds the ID itself\\.',
		),
	],
	[
		'boolean campaign ID',
		{ row: { campaignId: true } },
		idProblem('must be text like .*, but it is a boolean'),
	],
	[
		'object campaign ID',
		{ row: { campaignId: { id: CAMPAIGN } } },
		idProblem('must be text like .*, but it is an object'),
	],
	[
		'list campaign ID',
		{ row: { campaignId: [CAMPAIGN] } },
		idProblem('must be text like .*, but it is a list'),
	],
	[
		'path climbing',
		{ row: { campaignId: '../st-other/campaign/x' } },
		idProblem('"\\.\\./st-other/campaign/x" contains "\\.\\."'),
	],
	[
		'slash',
		{ row: { campaignId: 'cd-1/evil' } },
		idProblem(
			'"cd-1/evil" contains "/", which Kore\\.ai IDs never do\\. Use the ID exactly as Kore\\.ai shows it',
		),
	],
	[
		'query string',
		{ row: { campaignId: 'cd-1?campaignType=voice' } },
		idProblem('"cd-1\\?campaignType=voice" contains "\\?"'),
	],
	['fragment', { row: { campaignId: 'cd-1#x' } }, idProblem('"cd-1#x" contains "#"')],
	[
		'percent-encoding',
		{ row: { campaignId: 'cd-1%2F..' } },
		idProblem('"cd-1%2F\\.\\." contains "\\.\\."'),
	],
	['inner space', { row: { campaignId: 'cd 1' } }, idProblem('"cd 1" contains a space,')],
	[
		'NUL character',
		{ row: { campaignId: 'cd-1\u0000' } },
		idProblem('"cd-1<U\\+0000>" contains a control character \\(U\\+0000\\)'),
	],
	[
		'newline inside',
		{ row: { campaignId: 'cd-1\nDELETE' } },
		idProblem('"cd-1<U\\+000A>DELETE" contains a control character \\(U\\+000A\\)'),
	],
	[
		'non-ASCII letters',
		{ row: { campaignId: 'cd-é1' } },
		idProblem('"cd-é1" contains "é" \\(U\\+00E9\\), a letter outside A-Z'),
	],
	[
		'Cyrillic look-alike',
		{ row: { campaignId: 'cd-\u0441d1' } },
		idProblem(
			'"cd-\u0441d1" contains "\u0441" \\(U\\+0441\\), a Cyrillic letter that looks like a Latin one',
		),
	],
	[
		'zero-width space',
		{ row: { campaignId: 'cd-1\u200b2' } },
		idProblem('"cd-1<U\\+200B>2" contains an invisible formatting character \\(U\\+200B'),
	],
	[
		'bidirectional override',
		{ row: { campaignId: 'cd-\u202e21' } },
		idProblem(
			'"cd-<U\\+202E>21" contains an invisible bidirectional control character \\(U\\+202E\\)',
		),
	],
	[
		'129 characters',
		{ row: { campaignId: `cd-${'a'.repeat(126)}` } },
		idProblem('is 129 characters long; Kore\\.ai IDs are much shorter'),
	],
	[
		'one megabyte',
		{ row: { campaignId: 'x'.repeat(1_000_000) } },
		idProblem(
			'is 1000000 characters long; Kore\\.ai IDs are much shorter \\(like cd-213cc43a-a340-5b89-a256-ff8da28xxxxx\\)\\. Check the mapped value\\.$',
		),
	],
	[
		'stream ID override with a slash',
		{ options: { streamId: 'st-1/../st-2' } },
		/^Stream ID of item 0 "st-1\/\.\.\/st-2" contains "\.\."/,
	],
	[
		'stream ID override that is a number',
		{ options: { streamId: '={{ 7 }}' } },
		/^Stream ID of item 0 must be text like st-0603182c-.*, but it is the number 7/,
	],

	// The credential
	[
		'host with plain http',
		{ credentials: { host: 'http://platform.kore.ai' } },
		/^Environment URL "http:\/\/platform\.kore\.ai" uses plain http, which would send your signed token unencrypted\. Use https:\/\//,
	],
	[
		'host with another scheme',
		{ credentials: { host: 'ftp://platform.kore.ai' } },
		/^Environment URL must start with https:\/\/ \(got ftp:\/\/\)\. Fix it in the Kore\.ai API credential\.$/,
	],
	[
		'host with a password',
		{ credentials: { host: 'https://me:pw@platform.kore.ai' } },
		/^Environment URL must not contain a user name or password\./,
	],
	[
		'host with spaces',
		{ credentials: { host: 'platform kore ai' } },
		/^Environment URL "platform kore ai" contains a space\. Type the URL again/,
	],
	[
		'host that is not a URL',
		{ credentials: { host: 'https://' } },
		/^Environment URL "https:\/\/" is not a URL\. Use your region's platform URL/,
	],
	[
		'host emptied',
		{ credentials: { host: '' } },
		/^Environment URL in the Kore\.ai API credential is empty\. Enter your region's platform URL/,
	],
	[
		'host only whitespace',
		{ credentials: { host: ' \t ' } },
		/^Environment URL in the Kore\.ai API credential is empty\./,
	],
	[
		'host with a zero-width space',
		{ credentials: { host: 'https://platform.kore.ai\u200b' } },
		/^Environment URL "https:\/\/platform\.kore\.ai<U\+200B>" contains an invisible formatting character \(U\+200B/,
	],
	[
		'host with a Cyrillic letter',
		{ credentials: { host: 'https://platform.kor\u0435.ai' } },
		/^Environment URL "https:\/\/platform\.kor\u0435\.ai" contains "\u0435" \(U\+0435\), a Cyrillic letter that looks like a Latin one/,
	],
	[
		'host that is not text',
		{ credentials: { host: 443 } },
		/^Environment URL must be text such as https:\/\/platform\.kore\.ai\./,
	],
	[
		'empty account ID',
		{ credentials: { accountId: '' } },
		/^Account ID in the Kore\.ai API credential is empty\. Enter an ID like 67777ce93e25326494xxxxx\.$/,
	],
	[
		'account ID only whitespace',
		{ credentials: { accountId: '   ' } },
		/^Account ID in the Kore\.ai API credential is blank \(only spaces\)\. Enter an ID like 67777ce93e25326494xxxxx\.$/,
	],
	[
		'account ID with a path',
		{ credentials: { accountId: 'acc/../x' } },
		/^Account ID in the Kore\.ai API credential "acc\/\.\.\/x" contains "\.\."/,
	],
	[
		'empty app ID',
		{ credentials: { appId: '' } },
		/^App ID in the Kore\.ai API credential is empty\. Enter an ID like st-/,
	],
	[
		'app ID with a space',
		{ credentials: { appId: 'st 0603' } },
		/^App ID in the Kore\.ai API credential "st 0603" contains a space, which Kore\.ai IDs never do\. Use the ID exactly as Kore\.ai shows it, like st-0603182c-/,
	],
	[
		'app ID that is a number',
		{ credentials: { appId: 12345 } },
		/^App ID in the Kore\.ai API credential must be text like st-.*, but it is the number 12345\. Enter the ID as text\.$/,
	],
	[
		'empty client ID',
		{ credentials: { clientId: '' } },
		/^Client ID in the Kore\.ai API credential is empty\. Enter an ID like cs-/,
	],
	[
		'client ID with a Cyrillic letter',
		{ credentials: { clientId: 'cs-\u0441afe' } },
		/^Client ID in the Kore\.ai API credential "cs-\u0441afe" contains "\u0441" \(U\+0441\), a Cyrillic letter/,
	],
	[
		'empty client secret',
		{ credentials: { clientSecret: '' } },
		/^Client Secret in the Kore\.ai API credential is empty\. Copy it from your JWT app in Kore\.ai/,
	],
	[
		'client secret only whitespace',
		{ credentials: { clientSecret: ' \t\n ' } },
		/^Client Secret in the Kore\.ai API credential is only whitespace\. Copy it from your JWT app/,
	],
	[
		'client secret that is not text',
		{ credentials: { clientSecret: 123456 } },
		/^Client Secret in the Kore\.ai API credential is not text\./,
	],
	[
		'unsupported signing algorithm',
		{ credentials: { algorithm: 'RS256' } },
		/^Signing Algorithm in the Kore\.ai API credential must be HS256 or HS512, matching your JWT app in Kore\.ai\./,
	],

	// Resource and operation
	[
		'unknown resource',
		{ more: { resource: 'emailCampaign' } },
		/^The resource "emailCampaign" is not supported by this version of the node\. Choose one from the Resource list \(SMS Campaign, Voice Campaign, Contact List\)\.$/,
	],
	[
		'unknown operation',
		{ more: { operation: 'purge' } },
		/^The operation "purge" on "SMS Campaign" is not supported by this version of the node\./,
	],

	// Option values
	[
		'negative Requests per Minute',
		{ options: { requestsPerMinute: -1 } },
		option('Requests per Minute', 'a whole number from 0 to 60000 (0 turns pacing off)', '-1'),
	],
	[
		'Requests per Minute as text',
		{ options: { requestsPerMinute: '={{ "fast" }}' } },
		option(
			'Requests per Minute',
			'a whole number from 0 to 60000 (0 turns pacing off)',
			'the text "fast"',
		),
	],
	[
		'Requests per Minute with a fraction',
		{ options: { requestsPerMinute: 0.5 } },
		option('Requests per Minute', 'a whole number from 0 to 60000 (0 turns pacing off)', '0.5'),
	],
	[
		'Concurrency 0',
		{ options: { concurrency: 0 } },
		option('Concurrency', 'a whole number from 1 to 50', '0'),
	],
	[
		'Concurrency 2.5',
		{ options: { concurrency: 2.5 } },
		option('Concurrency', 'a whole number from 1 to 50', '2.5'),
	],
	[
		'Concurrency 1000',
		{ options: { concurrency: 1000 } },
		option('Concurrency', 'a whole number from 1 to 50', '1000'),
	],
	[
		'Concurrency from an object',
		{ options: { concurrency: '={{ { n: 4 } }}' } },
		option('Concurrency', 'a whole number from 1 to 50', 'an object'),
	],
	[
		'Max Tries 0',
		{ options: { maxTries: 0 } },
		option('Max Tries', 'a whole number from 1 to 10 (1 turns retries off)', '0'),
	],
	[
		'Max Tries 11',
		{ options: { maxTries: 11 } },
		option('Max Tries', 'a whole number from 1 to 10 (1 turns retries off)', '11'),
	],
	[
		'Max Total Wait negative',
		{ options: { maxTotalWait: -5 } },
		option('Max Total Wait (Seconds)', 'a number from 0 to 3600', '-5'),
	],
	[
		'Max Total Wait null',
		{ options: { maxTotalWait: '={{ null }}' } },
		option('Max Total Wait (Seconds)', 'a number from 0 to 3600', 'empty'),
	],
	[
		'Retry Delay 0',
		{ options: { retryDelay: 0 } },
		option('Retry Delay (Seconds)', 'a number from 0.01 to 60', '0'),
	],
	[
		'Timeout 0',
		{ options: { timeout: 0 } },
		option('Timeout (Seconds)', 'a number from 0.1 to 600', '0'),
	],
	[
		'Timeout a day',
		{ options: { timeout: 86_400 } },
		option('Timeout (Seconds)', 'a number from 0.1 to 600', '86400'),
	],
	[
		'Timeout as a boolean',
		{ options: { timeout: '={{ true }}' } },
		option('Timeout (Seconds)', 'a number from 0.1 to 600', 'a boolean'),
	],
];

test('the table has at least 30 bad inputs', () => {
	expect(CASES.length).toBeGreaterThanOrEqual(30);
});

test.each(CASES)(
	'%s: a clear message, nothing sent',
	async (_name, { row, options = {}, credentials = {}, more = {} }, message) => {
		const workflow = deleteWorkflow({ ...OK_OPTIONS, ...options }, more);
		const result = await run(sandbox, workflow, [row ?? { campaignId: CAMPAIGN }], {
			...sandbox.credentials,
			...credentials,
		});
		const [ok, failed] = outputsOf(result);
		expect(ok).toEqual([]);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 0 });
		expect(failed[0].json.error).toMatch(message);
		// Messages stay short even for huge inputs, and never carry the secret.
		expect(failed[0].json.error.length).toBeLessThan(400);
		expect(failed[0].json.error).not.toContain(sandbox.credentials.clientSecret);
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.store.has(CAMPAIGN)).toBe(true);
	},
);

test('numbers given as text by an expression are accepted ("3" from a sheet)', async () => {
	const options = {
		requestsPerMinute: '={{ "0" }}',
		concurrency: '={{ "3" }}',
		maxTries: '2',
		timeout: '={{ "5" }}',
	};
	const result = await run(sandbox, deleteWorkflow(options), [{ campaignId: CAMPAIGN }]);
	expect(outputsOf(result)[0][0].json).toMatchObject({ deleted: true, campaignId: CAMPAIGN });
});

test('a bad Concurrency without "On Error: Continue" stops the run before anything is sent', async () => {
	const result = await run(
		sandbox,
		deleteWorkflow({ concurrency: 0 }, { onError: 'stopWorkflow' }),
		[{ campaignId: CAMPAIGN }],
	);
	expect(result.status).toBe('error');
	expect(result.error.message).toMatch(
		/^Concurrency \(in Options\) must be a whole number from 1 to 50/,
	);
	expect(sandbox.requests).toHaveLength(0);
});

test('an option that is bad for one item only fails that item; the others are deleted', async () => {
	const ids = sandbox.addCampaigns(3, 'sms');
	const options = { requestsPerMinute: 0, timeout: '={{ $json.timeout }}' };
	const rows = [
		{ campaignId: ids[0], timeout: 5 },
		{ campaignId: ids[1], timeout: -1 },
		{ campaignId: ids[2], timeout: 5 },
	];
	const result = await run(sandbox, deleteWorkflow(options), rows);
	const [ok, failed] = outputsOf(result);
	expect(ok.map((i) => i.pairedItem.item)).toEqual([0, 2]);
	expect(failed.map((i) => i.pairedItem.item)).toEqual([1]);
	expect(failed[0].json.error).toMatch(
		/^Timeout \(Seconds\) \(in Options\) must be a number from 0\.1 to 600, but for item 1 it is -1\./,
	);
	expect(sandbox.store.has(ids[1])).toBe(true);
	expect(sandbox.requests.map((r) => r.campaignId)).toEqual([ids[0], ids[2]]);
});

test('empty input: nothing to do, nothing sent', async () => {
	const result = await run(sandbox, deleteWorkflow(OK_OPTIONS), []);
	expect(result.status).toBe('success');
	const [ok, failed] = outputsOf(result);
	expect([...ok, ...failed]).toEqual([]);
	expect(sandbox.requests).toHaveLength(0);
});

test('a huge input of bad rows: 5,000 error items, in order, paired, and not one request', async () => {
	const rows = Array.from({ length: 5000 }, (_, i) => ({ campaignId: i % 2 ? `bad/${i}` : '' }));
	const result = await run(sandbox, deleteWorkflow({ ...OK_OPTIONS, concurrency: 8 }), rows);
	const [ok, failed] = outputsOf(result);
	expect(ok).toEqual([]);
	expect(failed.map((i) => i.pairedItem.item)).toEqual(rows.map((_, i) => i));
	expect(failed[4999].json.error).toMatch(/^Campaign ID of item 4999 "bad\/4999" contains "\/"/);
	expect(sandbox.requests).toHaveLength(0);
});
