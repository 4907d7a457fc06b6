'use strict';
// The editor in a real browser: Debian's chromium driven by playwright-core against the playground
// (sandbox + n8n, fresh user folder), on n8n 2.41.1 and 1.123.81. On each line: logs in; in a new
// workflow, after a Manual Trigger, searches the nodes panel ("What happens next?") for what users
// type (SEARCH_PHRASES), adds actions from the search result and checks that our node opens with
// Resource and Operation set and the ready credential; in n8n's credential dialog, Save (which runs
// the credential's test) shows n8n's success with the sandbox's values and our 401 sentence with a
// wrong Client Secret. The search result and the node's details page describe what was searched
// for (n8n shows the trigger's description for both nodes); added nodes show their action as the
// canvas subtitle. On 2.41.1 also: the example workflow, our node's fields, a run from the UI.
// Screenshots (2.41.1): docs/nodes-panel-search.png, docs/node-actions.png, docs/credential-test-ok.png,
// docs/credential-test-401.png, docs/node-panel.png, docs/workflow-run.png, docs/run-output.png.
// Run alone: node e2e/browser.js [--line n8n2] [--line n8n1] [--skip-build] (default: both lines);
// part of npm run test:e2e.
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { CACHE_DIR, REPO_ROOT, RUNS_DIR } = require('./lib/lines');
const { log, elapsed } = require('./lib/proc');
const { Checks, assert, eq, checkContract } = require('./lib/checks');
const { startPlayground, CRED_NAME } = require('./lib/playground');
const { scanForSecrets, tokenNeedles } = require('./lib/scan');
const { PACKAGE_NAME, networkAttempts, freePort } = require('./lib/n8n');
const { LINES } = require('./lib/lines');

const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const DOCS = path.join(REPO_ROOT, 'docs');
// This machine is shared and slow (2 cores): the editor can take a while to render.
const STEP_TIMEOUT = 60000;

/**
 * What users type in the nodes panel. n8n (1.x and 2.x) matches the text against the node's
 * displayName and each codex alias (nodes/KoreAiContactCenter/KoreAiContactCenter.node.json), not
 * against action names: see test/codex/nodes-panel-search.test.js.
 */
const SEARCH_PHRASES = [
	'Kore',
	'delete sms campaign',
	'delete sms',
	'sms campaign',
	'stop voice campaign',
	'contact list',
];

/** Actions added from a search result: [what is typed, the action clicked, Resource, Operation]. */
const ADD_ACTIONS = [
	['delete sms campaign', 'Delete SMS Campaign', 'SMS Campaign', 'Delete'],
	['stop voice campaign', 'Stop Voice Campaign', 'Voice Campaign', 'Stop'],
	['add contacts', 'Add Contacts to a Contact List', 'Contact List', 'Add Contacts'],
];

// What the nodes panel says about the node, in the search result and on its details page. n8n lists
// the node and its trigger as one entry with the TRIGGER's description (KoreAiContactCenterTrigger.node.ts).
const PANEL_DESCRIPTION =
	'Delete, create, start and stop Kore.ai Contact Center SMS and voice campaigns, fill contact lists, or start a workflow when a campaign changes';
// n8n 1.123.81 shows no description in the search result for a node with actions (only on its details page).
const RESULT_SHOWS_DESCRIPTION = { n8n2: true, n8n1: false };

// What n8n's editor itself fetches, not the package: an installed community package's npm page
// when the nodes panel shows its details (both lines), the banners when 1.x's editor loads. Refused.
const N8N_OWN_REQUESTS = [
	`https://registry.npmjs.org/${PACKAGE_NAME}`,
	'https://api.n8n.io/api/banners',
];

// n8n 1.123.81's editor throws this on its own while loading (before any step of ours). Logged.
const N8N_OWN_PAGE_ERRORS = {
	n8n1: ['TypeError: Cannot read properties of undefined (reading \'enabled\') (after "start")'],
	n8n2: [],
};

// The message the credential dialog shows for the sandbox's 401. n8n 2.41.1 shows the credential's
// own rule (our sentence); n8n 1.123.81's credential test does not apply the rule to this answer and
// shows n8n's generic sentence for a 401 instead.
const REFUSED_MESSAGE = {
	n8n2: 'Kore.ai refused the signed token (HTTP 401). Check that Account ID, App ID, Client ID, Client Secret and Signing Algorithm',
	n8n1: 'Authorization failed - please check your credentials',
};

// What the dialog shows for other failures, per line (README "Credentials" has the same table). An
// HTTP 403 or 404 (from a stub server of the test's own) gets the credential's sentence on 2.41.1.
// When nothing answers, n8n's credential test has no sentence of ours to show: 2.41.1 shows the
// network code, 1.123.81 its own sentence for it or the code (see KoreAiApi.credentials.ts).
const OTHER_FAILURES = {
	forbidden: {
		n8n2: 'Kore.ai accepted the token but denied access.',
		n8n1: 'Forbidden - perhaps check your credentials?',
	},
	notFound: {
		n8n2: "Something answers at this Environment URL, but not Kore.ai's campaign API (HTTP 404).",
		n8n1: 'The resource you are requesting could not be found',
	},
	closedPort: {
		n8n2: 'ECONNREFUSED',
		n8n1: 'The service refused the connection - perhaps it is offline',
	},
	noScheme: { n8n2: 'EPROTO', n8n1: 'EPROTO' },
};

// n8n's name for a credential the user creates; the ready one must differ (see lib/playground.js).
const NEW_CREDENTIAL_NAME = 'Kore.ai account';
const WRONG_SECRET = 'sandbox-wrong-secret-for-the-401-check';

/** Runs the browser test on each of lineIds ('n8n2', 'n8n1'), one after the other. */
async function runBrowserTest({ checks, tarball, lineIds = ['n8n2'] }) {
	for (const lineId of lineIds) await runBrowserTestOn({ checks, tarball, lineId });
}

async function runBrowserTestOn({ checks, tarball, lineId }) {
	const { chromium, selectors } = require('playwright-core');
	const started = Date.now();
	const line = LINES[lineId];
	const tag = `[browser ${lineId}]`;
	// The screenshots in docs/ show the current n8n (2.x).
	const docs = lineId === 'n8n2';
	log(`===== editor in chromium (${line.label}) =====`);
	const runDir = path.join(RUNS_DIR, `browser-${lineId}`);
	fs.rmSync(runDir, { recursive: true, force: true });
	const userFolder = path.join(runDir, 'user');
	const logFile = path.join(runDir, 'n8n.log');
	fs.mkdirSync(userFolder, { recursive: true });

	const port = Number(process.env.E2E_BROWSER_PORT || (await freePort()));
	const pg = await startPlayground({ userFolder, tarball, port, sandboxPort: 0, logFile, lineId });
	const smsRows = pg.rows.filter((r) => !r.note || !r.note.startsWith('already'));
	let browser;
	let page;
	const shot = async (name) => {
		if (!page) return;
		try {
			await page.screenshot({ path: path.join(runDir, `${name}.png`) });
		} catch {
			// best effort
		}
	};
	try {
		selectors.setTestIdAttribute('data-test-id');
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		});
		const context = await browser.newContext({
			viewport: { width: 1440, height: 900 },
			deviceScaleFactor: 1,
		});
		page = await context.newPage();
		page.setDefaultTimeout(STEP_TIMEOUT);
		// What ran last, to tell which step a page error or an outside request belongs to.
		const firstResult = checks.results.length;
		const during = () =>
			`after "${checks.results.length > firstResult ? checks.results.at(-1).name : 'start'}"`;
		const consoleErrors = [];
		page.on('pageerror', (err) => consoleErrors.push(`${String(err)} (${during()})`));
		// Requests beyond loopback are recorded and refused at once (this machine cannot reach them
		// anyway; refusing them keeps the editor from waiting for network timeouts).
		const outside = [];
		const known = [];
		await context.route(
			(u) =>
				!['localhost', '127.0.0.1'].includes(u.hostname) &&
				!['data:', 'blob:'].includes(u.protocol),
			(route) => {
				const u = new URL(route.request().url());
				const where = `${u.protocol}//${u.host}${u.pathname}`;
				(N8N_OWN_REQUESTS.includes(where) ? known : outside).push(`${where} (${during()})`);
				return route.abort();
			},
		);

		const ok = await checks.check(`${tag} logs in as ${pg.owner.email}`, async () => {
			await page.goto(`${pg.url}/signin`);
			await page.getByTestId('emailOrLdapLoginId').locator('input').fill(pg.owner.email);
			await page.getByTestId('password').locator('input').fill(pg.owner.password);
			await page.getByTestId('form-submit-button').click();
			await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: STEP_TIMEOUT });
		});
		if (!ok) {
			await shot('failure-login');
			return;
		}

		// The example workflow and a run from the UI (n8n 2.x, the playground's line).
		if (lineId === 'n8n2') {
			await checks
				.check(`${tag} opens the example workflow`, async () => {
					await page.goto(`${pg.url}/workflow/${pg.workflowId}`);
					await canvasNode(page, 'Delete SMS Campaign').waitFor();
					await dismissPopups(page);
				})
				.then((passed) => passed || shot('failure-open-workflow'));

			await checks
				.check(
					`${tag} our node's panel shows its fields and the "${CRED_NAME}" credential`,
					async () => {
						await canvasNode(page, 'Delete SMS Campaign').dblclick();
						const ndv = page.getByTestId('ndv');
						await ndv.getByTestId('node-parameters').waitFor();
						const value = async (testId) =>
							(await ndv.getByTestId(testId).locator('input').first().inputValue()).trim();
						eq(await value('node-credentials-select'), CRED_NAME, 'credential');
						eq(await value('parameter-input-resource'), 'SMS Campaign', 'Resource');
						eq(await value('parameter-input-operation'), 'Delete', 'Operation');
						eq(await value('rlc-mode-selector'), 'By ID', 'Campaign mode');
						await ndv.getByTestId('parameter-input-simplify').waitFor();
						const campaign = await ndv.getByTestId('resource-locator-campaignId').innerText();
						assert(
							campaign.includes('$json.campaignId'),
							`Campaign field does not show the expression: ${campaign}`,
						);
						const labels = await ndv.getByTestId('node-parameters').innerText();
						for (const label of [
							'Credential',
							'Resource',
							'Operation',
							'Campaign',
							'Simplify',
							'Options',
						]) {
							assert(labels.includes(label), `label "${label}" missing`);
						}
						fs.mkdirSync(DOCS, { recursive: true });
						await page.screenshot({ path: path.join(DOCS, 'node-panel.png') });
					},
				)
				.then((passed) => passed || shot('failure-node-panel'))
				.finally(() => closeNdv(page));

			await checks
				.check(
					`${tag} runs the workflow from the UI: 3 campaigns deleted, the missing one on the error branch`,
					async () => {
						await page.getByTestId('execute-workflow-button').click();
						await page
							.getByText('Workflow executed successfully')
							.first()
							.waitFor({ timeout: 60000 });
						for (const r of smsRows)
							assert(
								!pg.sandbox.store.has(r.campaignId),
								`${r.campaignId} was not deleted in the sandbox`,
							);
						await canvasNode(page, 'Deleted campaigns')
							.getByTestId('canvas-node-status-success')
							.waitFor();
						await canvasNode(page, 'Rows that failed')
							.getByTestId('canvas-node-status-success')
							.waitFor();
						const labels = await page.getByTestId('edge-label').allInnerTexts();
						for (const want of ['4 items', '3 items', '1 item'])
							assert(
								labels.some((l) => l.trim() === want),
								`no connection labelled "${want}" (${labels.join(', ')})`,
							);
						await page
							.getByTestId('execute-workflow-button')
							.filter({ hasText: 'Execute workflow' })
							.waitFor();
						await closeToasts(page);
						fs.mkdirSync(DOCS, { recursive: true });
						await page.screenshot({ path: path.join(DOCS, 'workflow-run.png') });

						await canvasNode(page, 'Delete SMS Campaign').dblclick();
						const output = page.getByTestId('output-panel');
						await output.getByText('Success Branch (3 items)').waitFor();
						await output.getByText(smsRows[0].campaignId).first().waitFor();
						await output.getByText('Billing Alert Template Campaign-21212').first().waitFor();
						// JSON view: the simplified item reads better than a narrow table.
						await output.getByTestId('radio-button-json').click();
						await output.getByText('"deleted": true').first().waitFor();
						await closeToasts(page);
						await page.screenshot({ path: path.join(DOCS, 'run-output.png') });
						await output.getByText('Error Branch (1 item)').click();
						// A short title, then the advice naming the option made for re-runs.
						await output
							.getByText(
								/was not found in app .*Turn on Options > Treat Missing Campaigns as Deleted/,
							)
							.first()
							.waitFor();
					},
				)
				.then((passed) => passed || shot('failure-run'))
				.finally(() => closeNdv(page));
		}

		// After the example (a new workflow next to it is never saved, nothing to confirm on leaving).
		await searchChecks({ page, checks, tag, pg, docs, shot, lineId });
		await credentialChecks({ page, checks, tag, pg, docs, shot, lineId });

		await checks.check(`${tag} the editor requested nothing beyond localhost`, () => {
			if (known.length)
				log(
					`${tag} n8n's own requests, refused: ${[...new Set(known.map((k) => k.split(' ')[0]))].join(', ')}`,
				);
			eq(outside, [], 'requests to other hosts');
		});

		await checks.check(`${tag} no uncaught errors in the editor page`, () => {
			const known = consoleErrors.filter((e) => N8N_OWN_PAGE_ERRORS[lineId].includes(e));
			if (known.length) log(`${tag} n8n's own page errors: ${known.join('; ')}`);
			eq(
				consoleErrors.filter((e) => !known.includes(e)),
				[],
				'page errors',
			);
		});
	} finally {
		if (browser) await browser.close().catch(() => {});
		const tokens = [...pg.sandbox.tokensSeen];
		const secret = pg.sandbox.credentials.clientSecret;
		const violations = [...pg.sandbox.violations];
		await pg.stop();
		// What the editor made the node send follows Kore.ai's pages too.
		await checkContract(checks, tag, violations);
		await checks.check(`${tag} no client secret or JWT in anything n8n wrote`, () => {
			const pkgDir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
			const needles = [
				{ label: 'client secret', value: secret },
				{ label: 'wrong client secret typed in the credential dialog', value: WRONG_SECRET },
				...tokenNeedles(tokens),
			];
			const { hits, files } = scanForSecrets([userFolder, logFile], needles, {
				skip: (f) => f.startsWith(pkgDir + path.sep),
			});
			log(`${tag} scanned ${files} files for ${needles.length} secrets/tokens`);
			if (hits.length)
				throw new Error(
					hits.map((h) => `${h.label} in ${path.relative(runDir, h.file)}`).join('\n'),
				);
		});
		await checks.check(`${tag} n8n tried no network beyond loopback`, () => {
			const hosts = [...new Set(networkAttempts(userFolder).map((a) => `${a.kind} ${a.host}`))];
			eq(hosts, [], 'network attempts');
		});
		log(`${tag} done in ${elapsed(Date.now() - started)}`);
	}
}

/**
 * A new workflow with a Manual Trigger, then the nodes panel opened by the "+" button: with a
 * trigger on the canvas it is the "What happens next?" panel, the one the issue was found in.
 */
async function openNextNodePanel(page, pg) {
	await page.goto(`${pg.url}/workflow/new`);
	await dismissPopups(page);
	await page.getByTestId('canvas-add-button').click();
	await page.getByTestId('node-creator-search-bar').fill('manual');
	await page
		.getByTestId('node-creator-node-item')
		.filter({ hasText: 'Manual Trigger' })
		.first()
		.click();
	await page.getByTestId('node-creator').waitFor({ state: 'hidden' });
	await closeNdv(page);
	await page.getByTestId('canvas-node').first().waitFor();
	await openCreator(page);
}

/** Opens the nodes panel with the "+" button and waits for "What happens next?". */
async function openCreator(page) {
	await page.getByTestId('node-creator-plus-button').click();
	await page.getByTestId('node-creator').getByText('What happens next?').waitFor();
}

/** The search result for our node in the open nodes panel (a community node's item). */
function koreResult(page) {
	return page
		.getByTestId('node-creator')
		.getByTestId('node-creator-item-name')
		.filter({ hasText: /^Kore\.ai Contact Center$/ });
}

async function searchChecks({ page, checks, tag, pg, docs, shot, lineId }) {
	const ready = await checks.check(
		`${tag} a new workflow with a Manual Trigger opens "What happens next?"`,
		() => openNextNodePanel(page, pg),
	);
	if (!ready) {
		await shot('failure-next-node-panel');
		return;
	}
	const search = page.getByTestId('node-creator-search-bar');
	for (const phrase of SEARCH_PHRASES) {
		await checks
			.check(
				`${tag} "What happens next?" lists Kore.ai Contact Center when searching "${phrase}"`,
				async () => {
					await search.fill(phrase);
					await koreResult(page).first().waitFor();
					if (phrase === 'delete sms campaign') {
						// The one result describes what was searched for (the actions first), not only the trigger.
						// An entry with several actions is an "action item", one with a single action a "node item".
						const item = page
							.getByTestId('node-creator')
							.locator(
								'[data-test-id="node-creator-action-item"], [data-test-id="node-creator-node-item"]',
							)
							.filter({
								has: page
									.getByTestId('node-creator-item-name')
									.filter({ hasText: /^Kore\.ai Contact Center$/ }),
							});
						eq(await item.count(), 1, 'Kore.ai results');
						const text = (await item.innerText()).replace(/\s+/g, ' ').trim();
						if (RESULT_SHOWS_DESCRIPTION[lineId])
							assert(text.includes(PANEL_DESCRIPTION), `the result reads "${text}"`);
						else eq(text, 'Kore.ai Contact Center', 'the result');
						if (docs) {
							fs.mkdirSync(DOCS, { recursive: true });
							await page.screenshot({ path: path.join(DOCS, 'nodes-panel-search.png') });
						}
					}
				},
			)
			.then((passed) => passed || shot(`failure-search-${phrase.replace(/\W+/g, '-')}`));
	}
	// The same search for something we do not do lists no Kore.ai node: the checks above can fail.
	await checks.check(
		`${tag} "What happens next?" does not list Kore.ai Contact Center for "send email"`,
		async () => {
			await search.fill('send email');
			await page
				.getByTestId('node-creator')
				.getByText('Send Email', { exact: true })
				.first()
				.waitFor();
			eq(await koreResult(page).count(), 0, 'Kore.ai results for "send email"');
		},
	);
	await page.keyboard.press('Escape');
	await page
		.getByTestId('node-creator')
		.waitFor({ state: 'hidden' })
		.catch(() => {});

	for (const [phrase, action, resource, operation] of ADD_ACTIONS) {
		await checks
			.check(
				`${tag} searching "${phrase}" then "${action}" adds the node with Resource "${resource}", Operation "${operation}" and the ready credential`,
				async () => {
					await openCreator(page);
					await search.fill(phrase);
					await koreResult(page).first().click();
					// Both lines then show the community node's details with its actions, by resource, under
					// the same description as the search result.
					const actionItem = page
						.getByTestId('node-creator')
						.getByText(action, { exact: true })
						.first();
					await actionItem.waitFor();
					await page
						.getByTestId('node-creator')
						.getByText(PANEL_DESCRIPTION, { exact: true })
						.first()
						.waitFor();
					if (docs && action === ADD_ACTIONS[0][1]) {
						await settled(actionItem);
						await page.screenshot({ path: path.join(DOCS, 'node-actions.png') });
					}
					await actionItem.click();
					const ndv = page.getByTestId('ndv');
					await ndv.getByTestId('parameter-input-operation').waitFor();
					const value = async (testId) =>
						(await ndv.getByTestId(testId).locator('input').first().inputValue()).trim();
					eq(await value('parameter-input-resource'), resource, 'Resource');
					eq(await value('parameter-input-operation'), operation, 'Operation');
					eq(await value('node-credentials-select'), CRED_NAME, 'credential');
				},
			)
			.then((passed) => passed || shot(`failure-add-${action.replace(/\W+/g, '-')}`))
			.finally(() => closeNdv(page));

		// The canvas shows the action as picked, not the internal values ("addContacts contact list").
		await checks
			.check(`${tag} the canvas subtitle of the added node reads "${action}"`, async () => {
				const subtitle = canvasNode(page, action).locator('[class*="_subtitle_"]');
				await subtitle.waitFor();
				eq((await subtitle.innerText()).trim(), action, 'subtitle');
			})
			.then((passed) => passed || shot(`failure-subtitle-${action.replace(/\W+/g, '-')}`));
	}
}

/**
 * n8n's credential dialog has no separate Test button on these lines: Save runs the credential's
 * test, and a failure shows "Couldn't connect with these settings" with the rule's message and a
 * Retry button (which runs the test again). Checked from the node, the way a user makes their own
 * credential: the node's credential list, "Create new credential".
 */
async function credentialChecks({ page, checks, tag, pg, docs, shot, lineId }) {
	const values = pg.credential.data;
	const dialog = page.getByTestId('credential-edit-dialog');
	const fill = async (name, value) => {
		const input = dialog.getByTestId(`parameter-input-${name}`).locator('input').first();
		await input.fill(value);
	};
	const save = async () => {
		await page.getByTestId('credential-save-button').click();
		// 2.x asks before changing fields of a saved credential others may use.
		const confirm = page.locator('.el-message-box:visible').getByRole('button', { name: 'Save' });
		await confirm.click({ timeout: 3000 }).catch(() => {});
	};
	let created = false;
	await checks
		.check(
			`${tag} credential dialog: the sandbox's values, Save -> "Connection tested successfully"`,
			async () => {
				const ndv = page.getByTestId('ndv');
				await canvasNode(page, ADD_ACTIONS[0][1]).dblclick();
				await ndv.getByTestId('node-credentials-select').click();
				await page.getByText('Create new credential', { exact: true }).first().click();
				await dialog.waitFor();
				// The name n8n gives a new credential is not the ready one's.
				const title = (await page.getByTestId('credential-name').innerText()).trim();
				eq(title, NEW_CREDENTIAL_NAME, 'name of a new credential');
				assert(title !== CRED_NAME, 'the ready credential has the name n8n gives new ones');
				await fill('host', values.host);
				await fill('accountId', values.accountId);
				await fill('appId', values.appId);
				await fill('clientId', values.clientId);
				await fill('clientSecret', values.clientSecret);
				const before = pg.sandbox.stats.authFailures;
				await save();
				created = true;
				// 1.x keeps the dialog open on the result; 2.x closes it after a successful test, and
				// reopening the credential (the pencil next to it) runs the test again and shows the result.
				const success = dialog.getByText('Connection tested successfully');
				await waitUntilAsync(
					async () => (await success.isVisible()) || !(await dialog.isVisible()),
					'the test result or the dialog closing',
				);
				if (!(await success.isVisible())) {
					await ndv.getByTestId('credential-edit-button').click();
					await dialog.waitFor();
				}
				await success.waitFor();
				eq(pg.sandbox.stats.authFailures, before, 'sandbox auth failures during the test');
				if (docs) await page.screenshot({ path: path.join(DOCS, 'credential-test-ok.png') });
			},
		)
		.then((passed) => passed || shot('failure-credential-ok'));

	const refused = REFUSED_MESSAGE[lineId];
	await checks
		.check(`${tag} credential dialog: a wrong Client Secret, Save -> "${refused}..."`, async () => {
			assert(created, 'the credential of the previous check was not created');
			const before = pg.sandbox.stats.authFailures;
			await fill('clientSecret', WRONG_SECRET);
			await save();
			await dialog.getByText(/Couldn.t connect with these settings/).waitFor();
			// The message is behind "More details" (shown at once on some versions).
			const more = dialog.getByText('More details');
			if (await more.isVisible()) await more.click();
			await dialog.getByText(refused, { exact: false }).first().waitFor();
			assert(pg.sandbox.stats.authFailures > before, 'the sandbox saw no refused token');
			if (docs) await page.screenshot({ path: path.join(DOCS, 'credential-test-401.png') });
			// Retry runs the test again: the same answer.
			const failures = pg.sandbox.stats.authFailures;
			await dialog.getByRole('button', { name: 'Retry' }).click();
			await dialog.getByText(/Couldn.t connect with these settings/).waitFor();
			await waitUntil(() => pg.sandbox.stats.authFailures > failures, 'Retry reached the sandbox');
		})
		.then((passed) => passed || shot('failure-credential-401'));

	// A host that answers 403 or 404 (a stub of our own), a closed port, and the sandbox's plain-http
	// address written without http:// (https is assumed), pinned here so the README can say them.
	const stubs = await Promise.all([403, 404].map((status) => stubServer(status)));
	const closedPort = await freePort();
	const hosts = {
		forbidden: stubs[0].url,
		notFound: stubs[1].url,
		closedPort: `http://127.0.0.1:${closedPort}`,
		noScheme: values.host.replace(/^http:\/\//, ''),
	};
	for (const [kind, host] of Object.entries(hosts)) {
		const shown = OTHER_FAILURES[kind][lineId];
		await checks
			.check(
				`${tag} credential dialog: Environment URL ${host} (${kind}), Save -> "${shown}"`,
				async () => {
					assert(created, 'the credential of the previous checks was not created');
					await fill('clientSecret', values.clientSecret);
					await fill('host', host);
					await save();
					const more = dialog.getByText('More details');
					try {
						await waitUntilAsync(
							async () => {
								if (await more.isVisible()) await more.click();
								return await dialog.getByText(shown, { exact: false }).first().isVisible();
							},
							`"${shown}" in the dialog`,
							30000,
						);
					} catch (error) {
						const text = (await dialog.innerText()).replace(/\s+/g, ' ');
						throw new Error(
							`${error.message}; the dialog reads "${text.slice(Math.max(0, text.search(/Couldn.t connect/)), 400)}"`,
						);
					}
					await dialog.getByText(/Couldn.t connect with these settings/).waitFor();
				},
			)
			.then((passed) => passed || shot(`failure-credential-${kind}`));
	}
	for (const stub of stubs) stub.server.close();
	await page.keyboard.press('Escape');
	await dialog.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
	await closeNdv(page);
}

/** A local server that answers every request with this HTTP status and an empty JSON object. */
async function stubServer(status) {
	const server = http.createServer((req, res) =>
		res.writeHead(status, { 'content-type': 'application/json' }).end('{}'),
	);
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, url: `http://127.0.0.1:${server.address().port}` };
}

/** Waits until an element stops moving (the nodes panel slides its views in), for a screenshot. */
async function settled(locator) {
	let last;
	for (let i = 0; i < 50; i++) {
		const box = await locator.boundingBox();
		if (box && last && box.x === last.x && box.y === last.y) return;
		last = box;
		await new Promise((r) => setTimeout(r, 150));
	}
}

async function waitUntilAsync(condition, what, ms = STEP_TIMEOUT) {
	const deadline = Date.now() + ms;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

async function waitUntil(condition, what, ms = 10000) {
	const deadline = Date.now() + ms;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

function canvasNode(page, name) {
	return page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
}

/** Closes n8n's toasts ("Workflow executed successfully") so screenshots do not depend on timing. */
async function closeToasts(page) {
	const toasts = page.locator('.el-notification');
	for (let i = 0; i < 5 && (await toasts.count()); i++) {
		await toasts
			.first()
			.locator('.el-notification__closeBtn')
			.click()
			.catch(() => {});
		await page.waitForTimeout(200);
	}
	await toasts
		.first()
		.waitFor({ state: 'detached', timeout: 5000 })
		.catch(() => {});
	await page.waitForTimeout(500);
}

/** Closes the node panel (NDV) if it is open. */
async function closeNdv(page) {
	const ndv = page.getByTestId('ndv');
	if (!(await ndv.isVisible().catch(() => false))) return;
	await page.keyboard.press('Escape');
	if (await ndv.isVisible().catch(() => false))
		await page
			.getByTestId('ndv-close-button')
			.click({ timeout: 5000 })
			.catch(() => {});
	await ndv.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

/** Closes first-run popups (e.g. "what's new" or survey modals) if any are open. */
async function dismissPopups(page) {
	for (let i = 0; i < 3; i++) {
		const close = page
			.locator('.el-dialog__headerbtn:visible, [data-test-id="close-button"]:visible')
			.first();
		if (!(await close.count())) return;
		await close.click().catch(() => {});
		await page.waitForTimeout(300);
	}
}

module.exports = { runBrowserTest };

if (require.main === module) {
	(async () => {
		const { ensureLine, ensureChromium } = require('./install');
		const { buildAndPack } = require('./lib/n8n');
		const args = process.argv.slice(2);
		const lineIds = args.flatMap((a, i) => (a === '--line' ? [args[i + 1]] : []));
		if (!lineIds.length) lineIds.push('n8n2', 'n8n1');
		for (const id of lineIds) if (!LINES[id]) throw new Error(`unknown line ${id} (n8n1, n8n2)`);
		for (const id of lineIds) await ensureLine(id);
		await ensureChromium();
		const { tarball } = await buildAndPack(path.join(RUNS_DIR, 'pack'), {
			skipBuild: args.includes('--skip-build'),
		});
		const checks = new Checks();
		await runBrowserTest({ checks, tarball, lineIds });
		process.stdout.write(`\n${checks.passed} passed, ${checks.failed} failed\n`);
		process.exitCode = checks.failed ? 1 : 0;
	})().catch((err) => {
		log(`browser test FAILED: ${err.stack || err}`);
		process.exit(1);
	});
}
