// `npm run probe` (scripts/probe/) against the real sandbox over HTTP, in both of its readings of
// what Kore.ai's pages leave open: the probe must report each unknown exactly as the sandbox plays
// it, delete what it created (also when interrupted), touch nothing else, start nothing, and put no
// secret in its report. The probe breaks one page on purpose (a PUT without the caller ID), so the
// sandboxes record violations instead of refusing them, and each test takes that one and no other.
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');
const { startSandbox } = require('../../sandbox');
const { unknowns } = require('../../sandbox/contract/unknowns');
const { runProbe, ProbeInputError } = require('../../scripts/probe');
const { renderText } = require('../../scripts/probe/report');

const root = path.resolve(__dirname, '..', '..');
const CALLER_ID = '+14155550100';
const PREFIX = 'n8n-probe-';
// The sandbox answers in milliseconds: poll and back off at that pace.
const FAST = { pollIntervalMs: 50, backoffMs: 200, cleanupRetryMs: 50, requestTimeoutMs: 10_000 };
// Small enough that the rate-limit step is refused within seconds even on a loaded machine; the other
// steps may meet it too, and wait it out as they would at Kore.ai.
const SMALL_LIMIT = { perMinute: 15, windowMs: 3000 };

let sandbox;
afterEach(async () => {
	await sandbox?.close();
	sandbox = undefined;
});

/** Every campaign and contact list (with its contacts) of every app, as data. */
function snapshot(sb) {
	const campaigns = Object.fromEntries(sb.store.ids().map((id) => [id, sb.store.get(id)]));
	const lists = {};
	for (const app of sb.apps) {
		for (const record of sb.store.contactLists.all(app.appId))
			lists[record.id] = {
				doc: sb.store.contactLists.get(record.id),
				contacts: sb.store.contactLists.contactsOf(record.id),
			};
	}
	return { campaigns, lists };
}

function leftovers(sb) {
	const { campaigns, lists } = snapshot(sb);
	return [
		...Object.values(campaigns).map((doc) => doc.name),
		...Object.values(lists).map((list) => list.doc.name),
	].filter((name) => name.startsWith(PREFIX));
}

const readingsOf = (report) =>
	Object.fromEntries(report.unknowns.map((item) => [item.id, item.reading]));
const expected = (preset, changes = {}) => ({
	...Object.fromEntries(unknowns.map((u) => [u.id, preset ? u[preset] : u.sandboxDefault])),
	...changes,
});

/** No client secret, no token the sandbox received (nor its signature), no App ID or Account ID. */
function expectNoSecrets(text, sb) {
	expect(sb.tokensSeen.length).toBeGreaterThan(0);
	expect(text).not.toContain(sb.credentials.clientSecret);
	for (const token of sb.tokensSeen) {
		expect(text).not.toContain(token);
		expect(text).not.toContain(token.split('.')[2]);
	}
	expect(text).not.toContain(sb.credentials.appId);
	expect(text).not.toContain(sb.credentials.accountId);
}

/** The one page the probe breaks on purpose: the update without dialingStrategy.callerId. */
function expectOnlyTheDeliberateViolation(sb) {
	const taken = sb.takeViolations();
	expect(taken.map((v) => `${v.method} ${v.endpoint}: ${v.problems.join('; ')}`)).toEqual([
		'PUT updateCampaign: body.dialingStrategy.callerId is missing; the page marks it required',
	]);
}

/**
 * Every request named the scratch list or campaign, or an ID the report says was made up; none
 * listed the app's campaigns or lists, none started anything.
 */
function expectOnlyScratchTouched(sb, report) {
	const made = report.unknowns
		.find((item) => item.id === 'notFound')
		.evidence.map((e) => /\/((?:cd|cl)-[0-9a-f-]{36})\?/.exec(e.path)[1]);
	const allowed = new Set([report.scratch.campaignId, report.scratch.contactListId, ...made]);
	expect(sb.requests.length).toBeGreaterThan(10);
	for (const entry of sb.requests) {
		const where = `${entry.method} ${entry.path}`;
		expect(new URL(entry.url, 'http://x').searchParams.get('trigger')).not.toBe('play');
		if (entry.campaignId !== undefined)
			expect([where, allowed.has(entry.campaignId)]).toEqual([where, true]);
		else
			expect([where, entry.body?.name ?? entry.body?.contact_list_name]).toEqual([
				where,
				report.scratch.name,
			]);
	}
}

describe.each(['lenient', 'harsh'])('npm run probe against the %s sandbox', (preset) => {
	test("reports every unknown with exactly the preset's reading, deletes its scratch objects, changes nothing else", async () => {
		sandbox = await startSandbox({
			readings: { preset },
			contract: 'record',
			rateLimit: SMALL_LIMIT,
			preparingMs: 200,
		});
		const before = snapshot(sandbox);
		const report = await runProbe({
			...sandbox.credentials,
			callerId: CALLER_ID,
			rateLimit: true,
			timing: FAST,
		});

		expect(readingsOf(report)).toEqual(expected(preset));
		for (const item of report.unknowns) {
			expect(item.settled).toBe(true);
			expect(item.evidence.length).toBeGreaterThan(0);
		}
		expect(report.interrupted).toBe(false);
		expect(report.cleanup).toMatchObject({ ok: true, deleteByHand: [] });
		expect(report.cleanup.items.map((item) => [item.what, item.outcome])).toEqual([
			['SMS campaign', 'deleted'],
			['contact list', 'deleted'],
		]);
		expect(report.scratch.name).toMatch(/^n8n-probe-\d{4}-\d\d-\d\dT/);
		expect(leftovers(sandbox)).toEqual([]);
		expect(snapshot(sandbox)).toEqual(before);
		expectOnlyScratchTouched(sandbox, report);
		expectNoSecrets(JSON.stringify(report) + renderText(report), sandbox);
		expectOnlyTheDeliberateViolation(sandbox);
	});
});

test("a sandbox that enforces the pages refuses the partial PUT: reported as Kore.ai's refusal, not as a reading", async () => {
	sandbox = await startSandbox({ rateLimit: false, preparingMs: 0 });
	const report = await runProbe({ ...sandbox.credentials, callerId: CALLER_ID, timing: FAST });
	// No --rate-limit and no 429 met: that question stays open.
	expect(readingsOf(report)).toEqual(
		expected(undefined, { updateMerges: 'refused', rateLimit: 'notProbed' }),
	);
	const update = report.unknowns.find((item) => item.id === 'updateMerges');
	expect(update.settled).toBe(false);
	expect(update.evidence).toHaveLength(1);
	expect(update.evidence[0]).toMatchObject({
		method: 'PUT',
		status: 400,
		body: {
			errors: [{ msg: 'body.dialingStrategy.callerId is missing; the page marks it required' }],
		},
	});
	expect(report.contractUpdates.find((line) => line.startsWith('updateMerges'))).toMatch(
		/none of unknowns\.js's values \(replace, merge\) but 'refused'/,
	);
	expect(report.contractUpdates.find((line) => line.startsWith('rateLimit'))).toMatch(
		/still open \(notProbed: run with --rate-limit/,
	);
	expect(leftovers(sandbox)).toEqual([]);
	expectOnlyTheDeliberateViolation(sandbox);
});

test('an AbortSignal mid-run stops after the request in flight and still deletes the campaign and the list', async () => {
	const stop = new AbortController();
	sandbox = await startSandbox({
		contract: 'record',
		rateLimit: false,
		preparingMs: 0,
		onRequest: (entry) => entry.method === 'PUT' && stop.abort(),
	});
	const before = snapshot(sandbox);
	const report = await runProbe({
		...sandbox.credentials,
		callerId: CALLER_ID,
		timing: FAST,
		signal: stop.signal,
	});

	expect(report.interrupted).toBe(true);
	expect(report.cleanup.items.map((item) => item.outcome)).toEqual(['deleted', 'deleted']);
	const after = sandbox.requests.slice(
		sandbox.requests.findIndex((entry) => entry.method === 'PUT') + 1,
	);
	expect(after.map((entry) => entry.method)).toEqual(['DELETE', 'DELETE']);
	for (const id of [
		'updateMerges',
		'smsResults',
		'smsStopPath',
		'voiceTriggerPrefix',
		'rateLimit',
	]) {
		expect(report.unknowns.find((item) => item.id === id)).toMatchObject({
			reading: 'notProbed',
			why: 'interrupted before this step',
		});
	}
	expect(leftovers(sandbox)).toEqual([]);
	expect(snapshot(sandbox)).toEqual(before);
	expectOnlyTheDeliberateViolation(sandbox);
});

test('deletes Kore.ai keeps refusing: the report says CLEANUP FAILED and names both IDs to delete by hand', async () => {
	sandbox = await startSandbox({
		contract: 'record',
		rateLimit: false,
		preparingMs: 0,
		faults: { status5xx: { rate: 1, methods: ['DELETE'] } },
	});
	const report = await runProbe({ ...sandbox.credentials, callerId: CALLER_ID, timing: FAST });

	const { campaignId, contactListId, name } = report.scratch;
	expect(report.cleanup.ok).toBe(false);
	expect(report.cleanup.items.map((item) => [item.outcome, item.evidence.length])).toEqual([
		['FAILED', 3],
		['FAILED', 3],
	]);
	expect(report.cleanup.deleteByHand).toEqual([
		`SMS campaign "${name}" (ID ${campaignId})`,
		`contact list "${name}" (ID ${contactListId})`,
	]);
	expect(renderText(report)).toContain(
		`CLEANUP FAILED. Delete by hand in Kore.ai: SMS campaign "${name}" (ID ${campaignId}), contact list "${name}" (ID ${contactListId})`,
	);
	expect(leftovers(sandbox)).toEqual([name, name]);
	expectOnlyTheDeliberateViolation(sandbox);
});

test('a campaign create whose answer is lost: the campaign may exist, so the report names it to look for', async () => {
	let sb;
	// The service creates the campaign, then the connection drops before the answer (an "applied" fault).
	sandbox = sb = await startSandbox({
		contract: 'record',
		rateLimit: false,
		onRequest: (entry) =>
			entry.route === 'contactList.addContacts' &&
			sb.setFaults({ lostResponse: { rate: 1, count: 1, methods: ['POST'] } }),
	});
	const report = await runProbe({ ...sandbox.credentials, callerId: CALLER_ID, timing: FAST });

	const name = report.scratch.name;
	expect(report.setup).toEqual([
		expect.objectContaining({
			what: 'SMS campaign',
			problem: expect.stringMatching(
				/^no clear answer to creating the scratch SMS campaign \(it may exist\): /,
			),
		}),
	]);
	expect(report.unknowns.find((item) => item.id === 'updateMerges')).toMatchObject({
		reading: 'notProbed',
		why: expect.stringMatching(/campaign was not created/),
	});
	expect(report.cleanup.items.map((item) => item.outcome)).toEqual(['UNKNOWN', 'deleted']);
	expect(report.cleanup.deleteByHand).toEqual([`SMS campaign "${name}"`]);
	expect(leftovers(sandbox)).toEqual([name]);
	expect(sandbox.takeViolations()).toEqual([]);
});

test('bad inputs are refused before anything is sent, naming the field and never the secret', async () => {
	sandbox = await startSandbox({ rateLimit: false });
	const credentials = sandbox.credentials;
	await expect(runProbe({ ...credentials, callerId: '4155550100' })).rejects.toThrow(
		/^Caller ID "4155550100" does not start with "\+"/,
	);
	await expect(runProbe({ ...credentials, callerId: undefined })).rejects.toThrow(ProbeInputError);
	const error = await runProbe({ ...credentials, clientSecret: ' ', callerId: CALLER_ID }).catch(
		(e) => e,
	);
	expect(error.message).toMatch(/^Client Secret is only whitespace/);
	await expect(
		runProbe({ ...credentials, host: 'http://example.com', callerId: CALLER_ID }),
	).rejects.toThrow(/plain http/);
	expect(sandbox.requests).toEqual([]);
});

/** Runs the CLI in a child process; resolves with its exit code and output. */
function runCli(command, args, { env = {}, onStart = () => {} } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: root,
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
		onStart(child);
	});
}

function cliArgs(sb, extra = []) {
	const c = sb.credentials;
	return [
		'--host',
		c.host,
		'--account-id',
		c.accountId,
		'--app-id',
		c.appId,
		'--client-id',
		c.clientId,
		'--caller-id',
		CALLER_ID,
		'--poll-interval',
		'50',
		...extra,
	];
}

test('npm run probe -- ... --rate-limit --json: the same report on stdout, the secret only from the environment', async () => {
	sandbox = await startSandbox({
		readings: { preset: 'lenient' },
		contract: 'record',
		rateLimit: SMALL_LIMIT,
		preparingMs: 200,
	});
	const before = snapshot(sandbox);
	const run = await runCli(
		'npm',
		['run', '--silent', 'probe', '--', ...cliArgs(sandbox, ['--rate-limit', '--json'])],
		{
			env: { KORE_AI_CLIENT_SECRET: sandbox.credentials.clientSecret },
		},
	);
	expect([run.code, run.stderr]).toEqual([0, expect.stringContaining('probe: asking notFound')]);
	const report = JSON.parse(run.stdout);
	expect(readingsOf(report)).toEqual(expected('lenient'));
	expect(report.cleanup.ok).toBe(true);
	expect(leftovers(sandbox)).toEqual([]);
	expect(snapshot(sandbox)).toEqual(before);
	expect(run.stdout + run.stderr).not.toContain(sandbox.credentials.clientSecret);
	expectNoSecrets(run.stdout, sandbox);
	expectOnlyTheDeliberateViolation(sandbox);
});

test('SIGINT to the CLI while the campaign is being created: the answer is kept, both scratch objects deleted, exit 130', async () => {
	let child;
	// The signal goes out as the sandbox answers the campaign's create request.
	sandbox = await startSandbox({
		contract: 'record',
		rateLimit: false,
		onRequest: (entry) => entry.route === 'create' && entry.status === 200 && child.kill('SIGINT'),
	});
	const before = snapshot(sandbox);
	const run = runCli(process.execPath, ['scripts/probe/cli.js', ...cliArgs(sandbox)], {
		env: { KORE_AI_CLIENT_SECRET: sandbox.credentials.clientSecret },
		onStart: (c) => (child = c),
	});
	const { code, stdout, stderr } = await run;

	expect(code).toBe(130);
	expect(stderr).toMatch(
		/SIGINT: finishing the request in flight, then deleting the scratch objects/,
	);
	expect(stdout).toMatch(/INTERRUPTED/);
	expect(stdout).toMatch(/Cleanup: SMS campaign deleted; contact list deleted/);
	expect(sandbox.requests.filter((entry) => entry.method === 'DELETE')).toHaveLength(2);
	expect(sandbox.requests.some((entry) => entry.method === 'PUT')).toBe(false);
	expect(leftovers(sandbox)).toEqual([]);
	expect(snapshot(sandbox)).toEqual(before);
	expectNoSecrets(stdout + stderr, sandbox);
	expect(sandbox.takeViolations()).toEqual([]);
});

test('the CLI names a missing flag with its variable, echoes no secret, and exits 2 before sending anything', async () => {
	const secret = 'never-shown-secret-123';
	const run = await runCli(process.execPath, [
		'scripts/probe/cli.js',
		'--host',
		'https://platform.kore.ai',
		'--client-secret',
		secret,
	]);
	expect(run.code).toBe(2);
	expect(run.stderr).toBe('probe: --account-id (or KORE_AI_ACCOUNT_ID) is missing: Account ID.\n');
	const stray = await runCli(process.execPath, [
		'scripts/probe/cli.js',
		'--client-secret',
		'x',
		secret,
	]);
	expect(stray.code).toBe(2);
	expect(stray.stderr).not.toContain(secret);
});

test('the probe is not in the tarball', () => {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8' }),
	);
	const files = packed.files.map((file) => file.path);
	expect(files.some((file) => file.startsWith('dist/'))).toBe(true);
	expect(files.filter((file) => /probe|^scripts\/|^sandbox\//.test(file))).toEqual([]);
});
