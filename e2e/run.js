'use strict';
// npm run test:e2e — proves the packed n8n-nodes-kore-ai inside real n8n installations:
//   1. installs (or reuses) n8n 1.123.81 on Node 20 and n8n 2.41.1 on Node 24 (e2e/install.js)
//   2. builds and packs the package, installs the tarball as n8n's "Install community node" does
//   3. per n8n line: fresh user folder, in-process Kore.ai sandbox, import credentials and the
//      workflows of e2e/workflows/, run each with `n8n execute --rawOutput`, assert on the items
//   4. searches everything n8n wrote for the client secrets and every JWT the sandbox received
//   5. queue mode on n8n 2.x: Redis, PostgreSQL, a main and two workers sharing one Kore.ai
//      account's limit, then a worker killed mid-run, Redis restarted, the trigger across a restart
//      of the main and a Kore.ai outage (e2e/queue.js)
//   6. the browser test against the playground (e2e/browser.js)
// Options: --line n8n1|n8n2 (repeatable; default both), --no-browser, --no-queue, --queue-only (only
//          step 5, after the build), --queue-scenarios load,kill,redis,trigger (a subset of step 5's
//          scenarios, always in that order; default all), --skip-build, --skip-install,
//          --tarball FILE (test this packed tarball instead of building and packing the work tree)
// Env: E2E_CACHE_DIR (installs and run folders, default ~/.cache/n8n-nodes-kore-ai/e2e), E2E_LINES=n8n1,n8n2, E2E_BROWSER=0,
//      E2E_QUEUE=0, E2E_TARBALL=FILE.
// Ends with "N passed, N failed" and exits non-zero on any failure.
const fs = require('node:fs');
const path = require('node:path');
const { CACHE_DIR, LINES, REPO_ROOT, RUNS_DIR } = require('./lib/lines');
const { log, elapsed } = require('./lib/proc');
const { Checks, assert, eq, checkContract } = require('./lib/checks');
const {
	buildAndPack,
	installCommunityPackage,
	n8nEnv,
	n8nCli,
	parseRunOutput,
	networkAttempts,
	NODE_TYPE,
	PACKAGE_NAME,
} = require('./lib/n8n');
const { loadWorkflow, outputItems } = require('./lib/workflows');
const { scanForSecrets, tokenNeedles } = require('./lib/scan');
const { runTriggerCheck } = require('./lib/trigger');

const CRED_ID = 'koreSandbox00001';
const BAD_CRED_ID = 'koreSandboxBad01';
const WRONG_SECRET = 'wrong-secret-e2e-Zr8Kq3Vn5Tx1Lw7Jd2Pb';

function parseArgs(argv) {
	const opts = {
		lines: [],
		browser: process.env.E2E_BROWSER !== '0',
		queue: process.env.E2E_QUEUE !== '0',
		build: true,
		install: true,
		tarball: process.env.E2E_TARBALL,
		queueScenarios: undefined,
	};
	let queueOnly = false;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--line') opts.lines.push(argv[++i]);
		else if (a === '--no-browser') opts.browser = false;
		else if (a === '--no-queue') opts.queue = false;
		else if (a === '--queue-only') queueOnly = true;
		else if (a === '--queue-scenarios') opts.queueScenarios = argv[++i].split(',').filter(Boolean);
		else if (a === '--skip-build') opts.build = false;
		else if (a === '--skip-install') opts.install = false;
		else if (a === '--tarball') opts.tarball = path.resolve(argv[++i]);
		else throw new Error(`unknown option ${a}`);
	}
	if (queueOnly) Object.assign(opts, { lines: [], browser: false, queue: true });
	else if (!opts.lines.length)
		opts.lines = (process.env.E2E_LINES || 'n8n1,n8n2').split(',').filter(Boolean);
	for (const l of opts.lines) if (!LINES[l]) throw new Error(`unknown line ${l} (n8n1, n8n2)`);
	const { SCENARIOS } = require('./queue');
	for (const q of opts.queueScenarios || [])
		if (!SCENARIOS.includes(q))
			throw new Error(`unknown queue scenario ${q} (${SCENARIOS.join(', ')})`);
	return opts;
}

/** Error items n8n left on the success output: say why, since that is a node bug, not a flaky run. */
function notRouted(successItems) {
	const stray = successItems.filter((i) => i.json && 'error' in i.json);
	if (!stray.length) return;
	throw new Error(
		`${stray.length} error item(s) stayed on the success output with keys [${Object.keys(stray[0].json).join(', ')}]: ` +
			'n8n (WorkflowExecute.handleNodeErrorOutput) moves an item to the error output only when item.error is set ' +
			'or its json is exactly {error} or {error, message}. First one: ' +
			JSON.stringify(stray[0].json).slice(0, 400),
	);
}

/** An existing tarball (--tarball / E2E_TARBALL), e.g. the one CI packed or a published version. */
function tarballInfo(tarball) {
	const { execFileSync } = require('node:child_process');
	const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
		.split('\n')
		.filter((f) => f && !f.endsWith('/'))
		.map((f) => f.replace(/^package\//, ''));
	log(`using ${tarball}: ${files.length} files`);
	return { tarball, files };
}

function formatAttempts(attempts) {
	const byHost = new Map();
	for (const a of attempts) if (!byHost.has(a.host)) byHost.set(a.host, a);
	return [...byHost.values()]
		.map((a) => `${a.kind} ${a.host}${a.port ? `:${a.port}` : ''}\n    ${a.stack.join('\n    ')}`)
		.join('\n');
}

function pairedIndexes(items) {
	return items.map((it) =>
		Array.isArray(it.pairedItem) ? it.pairedItem[0]?.item : it.pairedItem?.item,
	);
}

async function runLine(line, tarball, checks, timings) {
	const started = Date.now();
	const tag = `[${line.id}]`;
	log(`===== ${line.label} =====`);
	const runDir = path.join(RUNS_DIR, line.id);
	fs.rmSync(runDir, { recursive: true, force: true });
	const userFolder = path.join(runDir, 'user');
	const inputsDir = path.join(runDir, 'inputs');
	const logFile = path.join(runDir, 'n8n-output.log');
	fs.mkdirSync(userFolder, { recursive: true });
	fs.mkdirSync(inputsDir, { recursive: true });

	const { startSandbox } = require(path.join(REPO_ROOT, 'sandbox'));
	const sandbox = await startSandbox({});
	const sbCreds = sandbox.credentials;
	log(`${tag} sandbox listening on ${sandbox.url}`);
	const env = n8nEnv(line, userFolder);
	const tokens = [];
	try {
		const pkgDir = await installCommunityPackage(userFolder, tarball);
		await checks.check(`${tag} package laid out as n8n's community install does`, () => {
			const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
			assert(
				!pkg.devDependencies && !pkg.peerDependencies,
				'dev/peer dependencies were not stripped',
			);
			const manifest = JSON.parse(
				fs.readFileSync(path.join(userFolder, '.n8n', 'nodes', 'package.json'), 'utf8'),
			);
			eq(manifest.dependencies[PACKAGE_NAME], pkg.version, 'nodes/package.json dependency');
			for (const f of pkg.n8n.nodes.concat(pkg.n8n.credentials))
				assert(fs.existsSync(path.join(pkgDir, f)), `missing ${f}`);
		});

		// Campaigns for this line's runs (fresh sandbox per line, so IDs are deterministic).
		const mappedIds = sandbox.addCampaigns(3, 'sms', { namePrefix: 'Mapped SMS' });
		const routeIds = sandbox.addCampaigns(3, 'sms', { namePrefix: 'Routed SMS' });
		const voiceIds = sandbox.addCampaigns(2, 'voice', { namePrefix: 'Voice' });
		const [wrongSecretTarget] = sandbox.addCampaigns(1, 'sms', { namePrefix: 'Kept SMS' });
		const seedId = 'cd-213cc43a-a340-5b89-a256-ff8da28xxxxx';
		const missingId = 'cd-00000000-dead-5000-8000-000000000000';
		const malformedId = 'cd-../../admin?x=1';
		// (e) campaigns created, started and measured in one run (no Add Contacts yet: generated contacts).
		// (e) contacts for a list the sandbox holds (empty, as Contact List > Create leaves it)
		const lifecycleList = `E2E ${line.id} Spring leads`;
		sandbox.store.contactLists.addList(lifecycleList, { appId: sbCreds.appId });
		const lifecycleContacts = [
			{ phone: '+1 (415) 555-0171', firstName: 'Ada' },
			{ phone: '+14155550172', firstName: 'Alan' },
			{ phone: '+44 20 7946 0173', firstName: 'Grace' },
			{ phone: '+4930901820174', firstName: 'Jürgen' },
		];
		const lifecycleText = 'Grüße <First Name> 👋, spring offer!';
		const rows = [
			{ row: 1, campaignId: routeIds[0] },
			{ row: 2, campaignId: missingId },
			{ row: 3, campaignId: routeIds[1] },
			{ row: 4, campaignId: malformedId },
			{ row: 5, campaignId: routeIds[2] },
		];

		// Credentials: written outside the user folder, deleted right after the import.
		const credFile = path.join(inputsDir, 'credentials.json');
		const credData = {
			host: sandbox.url,
			accountId: sbCreds.accountId,
			appId: sbCreds.appId,
			clientId: sbCreds.clientId,
			clientSecret: sbCreds.clientSecret,
			algorithm: sbCreds.algorithm,
		};
		fs.writeFileSync(
			credFile,
			JSON.stringify([
				{ id: CRED_ID, name: 'Kore.ai sandbox', type: 'koreAiApi', data: credData },
				{
					id: BAD_CRED_ID,
					name: 'Kore.ai sandbox (wrong secret)',
					type: 'koreAiApi',
					data: { ...credData, clientSecret: WRONG_SECRET },
				},
			]),
		);
		const imp = await n8nCli(line, userFolder, ['import:credentials', `--input=${credFile}`], {
			env,
			logFile,
		});
		fs.rmSync(credFile);
		await checks.check(`${tag} n8n import:credentials`, () => {
			assert(
				imp.code === 0,
				`exit ${imp.code}: ${imp.stderr.slice(-1500)}${imp.stdout.slice(-1500)}`,
			);
		});

		const vars = {
			CRED_ID,
			BAD_CRED_ID,
			SMS_IDS: mappedIds,
			ROWS: rows,
			SMS_ID: wrongSecretTarget,
			VOICE_IDS: voiceIds,
			SEED_ID: seedId,
			APP_ID: sbCreds.appId,
			LIFECYCLE_CONTACTS: lifecycleContacts,
			LIFECYCLE_LIST: lifecycleList,
			LIFECYCLE_TEXT: lifecycleText,
			LINE: line.id,
		};
		const wfDir = path.join(inputsDir, 'workflows');
		fs.mkdirSync(wfDir);
		const files = [
			'delete-mapped.json',
			'error-output.json',
			'wrong-secret.json',
			'voice-and-sms.json',
			'campaign-lifecycle.json',
		];
		const wfs = {};
		for (const f of files) {
			const wf = loadWorkflow(f, vars);
			wfs[f] = wf;
			fs.writeFileSync(path.join(wfDir, f), JSON.stringify(wf, null, 2));
		}
		const impW = await n8nCli(
			line,
			userFolder,
			['import:workflow', '--separate', `--input=${wfDir}`],
			{ env, logFile },
		);
		await checks.check(`${tag} n8n import:workflow (${files.length} workflows)`, () => {
			assert(
				impW.code === 0,
				`exit ${impW.code}: ${impW.stderr.slice(-1500)}${impW.stdout.slice(-1500)}`,
			);
		});

		async function execute(file) {
			const wf = wfs[file];
			const t = Date.now();
			const res = await n8nCli(line, userFolder, ['execute', `--id=${wf.id}`, '--rawOutput'], {
				env,
				logFile,
			});
			const data = parseRunOutput(res.stdout);
			log(`${tag} executed "${wf.name}" (exit ${res.code}, ${elapsed(Date.now() - t)})`);
			if (!data) {
				throw new Error(
					`no run data from n8n execute (exit ${res.code})\n--- stdout tail ---\n${res.stdout.slice(-2500)}\n--- stderr tail ---\n${res.stderr.slice(-2500)}`,
				);
			}
			if (data.data?.resultData?.error)
				throw new Error(
					`execution error: ${JSON.stringify(data.data.resultData.error).slice(0, 1500)}`,
				);
			return data;
		}

		// (a) several deletes whose IDs come from a Code node through {{ $json.campaignId }}
		await checks.check(
			`${tag} (a) deletes 3 SMS campaigns mapped from Code-node rows, in order, paired`,
			async () => {
				const data = await execute('delete-mapped.json');
				const items = outputItems(data, 'Delete SMS Campaign');
				eq(items.length, 3, 'item count');
				eq(
					items.map((i) => i.json.campaignId),
					mappedIds,
					'campaign IDs in order',
				);
				eq(pairedIndexes(items), [0, 1, 2], 'pairedItem');
				for (const it of items) {
					eq(it.json.deleted, true, 'deleted');
					eq(it.json.campaignType, 'sms', 'campaignType');
					assert(
						typeof it.json.name === 'string' && it.json.name.startsWith('Mapped SMS'),
						`name ${it.json.name}`,
					);
					assert(typeof it.json.priority === 'number', `priority is ${typeof it.json.priority}`);
				}
				for (const id of mappedIds)
					assert(!sandbox.store.has(id), `${id} still exists in the sandbox`);
			},
		);

		// (b) not-found and malformed -> error output; the others succeed; both outputs in order
		await checks.check(
			`${tag} (b) not-found and malformed IDs go to the error output, the others succeed, in order`,
			async () => {
				const data = await execute('error-output.json');
				const ok = outputItems(data, 'Delete SMS Campaign', 0);
				const bad = outputItems(data, 'Delete SMS Campaign', 1);
				notRouted(ok);
				eq(
					ok.map((i) => i.json.campaignId),
					routeIds,
					'success output campaign IDs',
				);
				eq(pairedIndexes(ok), [0, 2, 4], 'success output pairedItem');
				eq(bad.length, 2, 'error output item count');
				eq(pairedIndexes(bad), [1, 3], 'error output pairedItem');
				// n8n merges the paired input row into each error item: the row tells which one failed.
				eq(
					bad.map((i) => i.json.row),
					[2, 4],
					'rows of the error items',
				);
				for (const it of bad)
					assert(
						typeof it.json.error === 'string' && it.json.error.length > 20,
						'error item without a message',
					);
				assert(
					bad[0].json.error.includes(missingId) && /not found/i.test(bad[0].json.error),
					`not-found message: ${bad[0].json.error}`,
				);
				assert(
					/campaign/i.test(bad[1].json.error) && /item/i.test(bad[1].json.error),
					`malformed message does not name the item/field: ${bad[1].json.error}`,
				);
				eq(outputItems(data, 'Deleted').length, 3, 'items reaching "Deleted"');
				eq(outputItems(data, 'Failed').length, 2, 'items reaching "Failed"');
				const malformedRequests = sandbox.requests.filter((r) => (r.url || '').includes('admin'));
				eq(malformedRequests.length, 0, 'requests made for the malformed ID');
				for (const id of routeIds) assert(!sandbox.store.has(id), `${id} still exists`);
			},
		);

		// (c) wrong client secret -> clear 401 message naming the credential values to check
		await checks.check(`${tag} (c) wrong client secret gives the clear 401 message`, async () => {
			const data = await execute('wrong-secret.json');
			const ok = outputItems(data, 'Delete SMS Campaign', 0);
			const bad = outputItems(data, 'Delete SMS Campaign', 1);
			notRouted(ok);
			eq(ok.length, 0, 'success items');
			eq(bad.length, 1, 'error items');
			const msg = bad[0].json.error;
			assert(/401/.test(msg), `no HTTP status in: ${msg}`);
			for (const word of ['Client ID', 'Client Secret', 'App ID', 'Account ID'])
				assert(msg.includes(word), `message does not name ${word}: ${msg}`);
			assert(sandbox.store.has(wrongSecretTarget), 'the campaign was deleted with a wrong secret');
		});

		// (d) voice and SMS
		await checks.check(
			`${tag} (d) voice campaigns from rows, and Kore.ai's sample SMS campaign raw (Simplify off)`,
			async () => {
				const data = await execute('voice-and-sms.json');
				const voice = outputItems(data, 'Delete Voice Campaign');
				eq(
					voice.map((i) => i.json.campaignId),
					voiceIds,
					'voice campaign IDs',
				);
				for (const it of voice) eq(it.json.campaignType, 'voice', 'campaignType');
				const raw = outputItems(data, 'Delete Sample SMS Campaign (raw)');
				eq(raw.length, 1, 'raw item count (execute once)');
				eq(raw[0].json.status, 'success', 'raw status');
				eq(raw[0].json.data?._id, seedId, 'raw data._id');
				assert(
					/deleted successfully/.test(raw[0].json.message),
					`raw message ${raw[0].json.message}`,
				);
				for (const id of [...voiceIds, seedId])
					assert(!sandbox.store.has(id), `${id} still exists`);
				const types = sandbox.requests
					.filter((r) => voiceIds.includes(r.campaignId))
					.map((r) => r.campaignType);
				eq(types, ['voice', 'voice'], 'campaignType query of the voice requests');
			},
		);

		// (e) contact rows -> Add Contacts -> Create SMS Campaign (waiting until ready) -> Start -> per-contact results
		await checks.check(
			`${tag} (e) rows -> Add Contacts -> Create SMS Campaign (Wait Until Ready) -> Start -> Get Results`,
			async () => {
				const data = await execute('campaign-lifecycle.json');
				const phones = lifecycleContacts.map((c) => c.phone.replace(/[\s().-]/g, ''));
				const added = outputItems(data, 'Add Contacts');
				eq(added.length, 1, 'Add Contacts: one item per request');
				eq(
					[added[0].json.contactListName, added[0].json.contactsSent, added[0].json.phoneNumbers],
					[lifecycleList, 4, phones],
					'Add Contacts item',
				);
				eq(
					added[0].pairedItem.map((p) => p.item),
					[0, 1, 2, 3],
					'Add Contacts pairedItem (all four rows)',
				);
				const created = outputItems(data, 'Create SMS Campaign');
				eq(created.length, 1, 'one campaign created');
				const campaign = created[0].json;
				eq(
					[campaign.name, campaign.status, campaign.creationInProgress],
					[`E2E ${line.id} ${lifecycleList}`, 'Ready', false],
					'created, Ready after Wait Until Ready',
				);
				eq(campaign.smsText, lifecycleText, 'SMS text round trip (base64)');
				eq(campaign.contactLists, [lifecycleList], 'contact lists');
				const started = outputItems(data, 'Start SMS Campaign');
				eq(
					started.map((i) => i.json.status),
					['Active'],
					'started',
				);
				const results = outputItems(data, 'Get SMS Campaign Results');
				eq(
					results.map((i) => i.json.phoneNumber).sort(),
					[...phones].sort(),
					'one result per contact added',
				);
				eq(
					[...new Set(results.map((i) => i.json.campaignId))],
					[campaign.campaignId],
					'results campaign ID',
				);
				for (const it of results)
					assert(typeof it.json.dialerOutcome === 'string', 'result outcome');
				const held = sandbox.store.contactsOfLists(sbCreds.appId, [lifecycleList]);
				eq(
					held.map((c) => [c.phoneNumber, c.firstName]),
					lifecycleContacts.map((c, i) => [phones[i], c.firstName]),
					'the list holds the rows, with their first names',
				);
				eq(
					sandbox.store.get(campaign.campaignId).status,
					'Active',
					'campaign status in the sandbox',
				);
			},
		);
		// (f) the trigger in a running n8n (one `n8n start`, about 2 to 2.5 minutes; see lib/trigger.js)
		await checks.check(
			`${tag} (f) an active trigger workflow runs once when the sandbox completes a campaign`,
			() =>
				runTriggerCheck({ line, userFolder, env, sandbox, logFile, inputsDir, credId: CRED_ID }),
		);
	} finally {
		// Every request of this line.
		await checkContract(checks, tag, sandbox.violations);
		tokens.push(...sandbox.tokensSeen);
		await sandbox.close();
	}

	// Secrets: nothing n8n wrote may contain a client secret or any JWT the sandbox received.
	await checks.check(`${tag} no client secret or JWT in anything n8n wrote`, () => {
		assert(tokens.length >= 10, `the sandbox saw only ${tokens.length} tokens`);
		const needles = [
			{ label: 'client secret', value: sbCreds.clientSecret },
			{ label: 'wrong client secret', value: WRONG_SECRET },
			...tokenNeedles(tokens),
		];
		const pkgDir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
		const { hits, files, bytes } = scanForSecrets([userFolder, logFile], needles, {
			skip: (f) => f.startsWith(pkgDir + path.sep),
		});
		log(
			`${tag} scanned ${files} files (${(bytes / 1e6).toFixed(1)} MB) for ${needles.length} secrets/tokens`,
		);
		assert(
			files >= 3 &&
				fs.readdirSync(path.join(userFolder, '.n8n')).some((f) => f.startsWith('database.sqlite')),
			'no database file was scanned',
		);
		if (hits.length)
			throw new Error(
				hits.map((h) => `${h.label} in ${path.relative(runDir, h.file)} at ${h.offset}`).join('\n'),
			);
	});
	await checks.check(
		`${tag} n8n tried no network beyond loopback (telemetry, templates, version checks off)`,
		() => {
			const attempts = networkAttempts(userFolder);
			if (attempts.length) throw new Error(formatAttempts(attempts));
		},
	);
	timings[line.id] = Date.now() - started;
	log(`${tag} done in ${elapsed(timings[line.id])}`);
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	const checks = new Checks();
	const timings = {};
	const t0 = Date.now();
	log(
		`e2e: lines ${opts.lines.join(', ') || 'none'}; queue mode ${opts.queue ? 'on' : 'off'}; browser ${opts.browser ? 'on' : 'off'}; cache ${CACHE_DIR}`,
	);
	const { ensureLine, ensureChromium, ensureQueueServices } = require('./install');
	if (opts.install) {
		const t = Date.now();
		const lines = new Set(opts.lines);
		if (opts.browser || opts.queue) lines.add('n8n2');
		for (const id of lines) await ensureLine(id);
		if (opts.queue) await ensureQueueServices();
		if (opts.browser) await ensureChromium();
		timings.install = Date.now() - t;
	}
	const t1 = Date.now();
	const { tarball, files } = opts.tarball
		? tarballInfo(opts.tarball)
		: await buildAndPack(path.join(RUNS_DIR, 'pack'), { skipBuild: !opts.build });
	timings.buildPack = Date.now() - t1;
	await checks.check('packed tarball holds only dist/, README, LICENSE, package.json', () => {
		const odd = files.filter(
			(f) => !/^(dist\/|README\.md$|LICENSE(\.md)?$|package\.json$)/.test(f),
		);
		eq(odd, [], 'unexpected files in the tarball');
		assert(
			files.includes('dist/nodes/KoreAiContactCenter/KoreAiContactCenter.node.js'),
			'node missing from the tarball',
		);
		assert(
			files.includes('dist/nodes/KoreAiContactCenter/KoreAiContactCenterTrigger.node.js'),
			'trigger missing from the tarball',
		);
	});

	for (const id of opts.lines) {
		try {
			await runLine(LINES[id], tarball, checks, timings);
		} catch (err) {
			checks.fail(`[${id}] run`, err.stack || String(err));
		}
	}

	if (opts.queue) {
		const t = Date.now();
		try {
			const { runQueue } = require('./queue');
			await runQueue({
				checks,
				tarball,
				line: LINES.n8n2,
				...(opts.queueScenarios ? { scenarios: opts.queueScenarios } : {}),
			});
		} catch (err) {
			checks.fail('[queue] run', err.stack || String(err));
		}
		timings.queue = Date.now() - t;
	}

	if (opts.browser) {
		const t = Date.now();
		try {
			const { runBrowserTest } = require('./browser');
			// Every line this run covers: the nodes panel, adding actions and the credential dialog are
			// driven the same way in 2.41.1 and 1.123.81 (2.x first: its screenshots go into docs/).
			await runBrowserTest({
				checks,
				tarball,
				lineIds: ['n8n2', 'n8n1'].filter((id) => opts.lines.includes(id)),
			});
		} catch (err) {
			checks.fail('[browser] run', err.stack || String(err));
		}
		timings.browser = Date.now() - t;
	}

	timings.total = Date.now() - t0;
	log(
		`timings: ${Object.entries(timings)
			.map(([k, v]) => `${k} ${elapsed(v)}`)
			.join(', ')}`,
	);
	for (const r of checks.results.filter((x) => !x.ok)) log(`failed: ${r.name}`);
	const summary = `${checks.passed} passed, ${checks.failed} failed`;
	process.stdout.write(`\ne2e (${NODE_TYPE}): ${summary}\n`);
	process.exitCode = checks.failed || !checks.passed ? 1 : 0;
}

main().catch((err) => {
	log(`e2e FAILED: ${err.stack || err}`);
	process.stdout.write('\n0 passed, 1 failed\n');
	process.exit(1);
});
