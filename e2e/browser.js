'use strict';
// The editor in a real browser: Debian's chromium driven by playwright-core against the playground
// (n8n 2.41.1 + sandbox, fresh user folder). Logs in, finds the node in the nodes panel by "Kore",
// opens the example workflow and our node (fields + credential), runs the workflow from the UI and
// reads the output. Saves docs/node-panel.png, docs/workflow-run.png and docs/run-output.png.
// Run alone: node e2e/browser.js (after e2e/install.js); part of npm run test:e2e.
const fs = require('node:fs');
const path = require('node:path');
const { CACHE_DIR, REPO_ROOT } = require('./lib/lines');
const { log, elapsed } = require('./lib/proc');
const { Checks, assert, eq } = require('./lib/checks');
const { startPlayground } = require('./lib/playground');
const { scanForSecrets, tokenNeedles } = require('./lib/scan');
const { PACKAGE_NAME, networkAttempts, freePort } = require('./lib/n8n');

const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const DOCS = path.join(REPO_ROOT, 'docs');
const STEP_TIMEOUT = 30000;

async function runBrowserTest({ checks, tarball }) {
	const { chromium, selectors } = require('playwright-core');
	const started = Date.now();
	const tag = '[browser]';
	log(`===== editor in chromium (n8n 2.41.1) =====`);
	const runDir = path.join(CACHE_DIR, 'runs', 'browser');
	fs.rmSync(runDir, { recursive: true, force: true });
	const userFolder = path.join(runDir, 'user');
	const logFile = path.join(runDir, 'n8n.log');
	fs.mkdirSync(userFolder, { recursive: true });

	const port = Number(process.env.E2E_BROWSER_PORT || (await freePort()));
	const pg = await startPlayground({ userFolder, tarball, port, sandboxPort: 0, logFile });
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
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
		page = await context.newPage();
		page.setDefaultTimeout(STEP_TIMEOUT);
		const consoleErrors = [];
		page.on('pageerror', (err) => consoleErrors.push(String(err)));
		const outside = [];
		page.on('request', (req) => {
			const u = new URL(req.url());
			if (!['localhost', '127.0.0.1'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) outside.push(`${u.protocol}//${u.host}`);
		});

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

		await checks.check(`${tag} opens the example workflow`, async () => {
			await page.goto(`${pg.url}/workflow/${pg.workflowId}`);
			await canvasNode(page, 'Delete SMS Campaign').waitFor();
			await dismissPopups(page);
		}).then((passed) => passed || shot('failure-open-workflow'));

		await checks.check(`${tag} the nodes panel finds "Kore.ai Contact Center" when searching "Kore"`, async () => {
			await page.getByTestId('node-creator-plus-button').click();
			const search = page.getByTestId('node-creator-search-bar');
			await search.fill('Kore');
			const item = page.getByTestId('node-creator').getByText('Kore.ai Contact Center', { exact: true }).first();
			await item.waitFor();
			await page.screenshot({ path: path.join(runDir, 'nodes-panel.png') });
			await page.keyboard.press('Escape');
			await page.getByTestId('node-creator').waitFor({ state: 'hidden' }).catch(() => {});
		}).then((passed) => passed || shot('failure-nodes-panel'));

		await checks.check(`${tag} our node's panel shows its fields and the "Kore.ai sandbox" credential`, async () => {
			await canvasNode(page, 'Delete SMS Campaign').dblclick();
			const ndv = page.getByTestId('ndv');
			await ndv.getByTestId('node-parameters').waitFor();
			const value = async (testId) => (await ndv.getByTestId(testId).locator('input').first().inputValue()).trim();
			eq(await value('node-credentials-select'), 'Kore.ai sandbox', 'credential');
			eq(await value('parameter-input-resource'), 'SMS Campaign', 'Resource');
			eq(await value('parameter-input-operation'), 'Delete', 'Operation');
			eq(await value('rlc-mode-selector'), 'By ID', 'Campaign mode');
			await ndv.getByTestId('parameter-input-simplify').waitFor();
			const campaign = await ndv.getByTestId('resource-locator-campaignId').innerText();
			assert(campaign.includes('$json.campaignId'), `Campaign field does not show the expression: ${campaign}`);
			const labels = await ndv.getByTestId('node-parameters').innerText();
			for (const label of ['Credential', 'Resource', 'Operation', 'Campaign', 'Simplify', 'Options']) {
				assert(labels.includes(label), `label "${label}" missing`);
			}
			fs.mkdirSync(DOCS, { recursive: true });
			await page.screenshot({ path: path.join(DOCS, 'node-panel.png') });
		})
			.then((passed) => passed || shot('failure-node-panel'))
			.finally(() => closeNdv(page));

		await checks.check(`${tag} runs the workflow from the UI: 3 campaigns deleted, the missing one on the error branch`, async () => {
			await page.getByTestId('execute-workflow-button').click();
			await page.getByText('Workflow executed successfully').first().waitFor({ timeout: 60000 });
			for (const r of smsRows) assert(!pg.sandbox.store.has(r.campaignId), `${r.campaignId} was not deleted in the sandbox`);
			await canvasNode(page, 'Deleted campaigns').getByTestId('canvas-node-status-success').waitFor();
			await canvasNode(page, 'Rows that failed').getByTestId('canvas-node-status-success').waitFor();
			const labels = await page.getByTestId('edge-label').allInnerTexts();
			for (const want of ['4 items', '3 items', '1 item']) assert(labels.some((l) => l.trim() === want), `no connection labelled "${want}" (${labels.join(', ')})`);
			await page.getByTestId('execute-workflow-button').filter({ hasText: 'Execute workflow' }).waitFor();
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
			await output.getByText(/was not found in app/).first().waitFor();
		})
			.then((passed) => passed || shot('failure-run'))
			.finally(() => closeNdv(page));

		await checks.check(`${tag} the editor requested nothing beyond localhost`, () => {
			eq([...new Set(outside)], [], 'requests to other hosts');
		});

		await checks.check(`${tag} no uncaught errors in the editor page`, () => {
			eq(consoleErrors, [], 'page errors');
		});
	} finally {
		if (browser) await browser.close().catch(() => {});
		const tokens = [...pg.sandbox.tokensSeen];
		const secret = pg.sandbox.credentials.clientSecret;
		await pg.stop();
		await checks.check(`${tag} no client secret or JWT in anything n8n wrote`, () => {
			const pkgDir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
			const needles = [{ label: 'client secret', value: secret }, ...tokenNeedles(tokens)];
			const { hits, files } = scanForSecrets([userFolder, logFile], needles, { skip: (f) => f.startsWith(pkgDir + path.sep) });
			log(`${tag} scanned ${files} files for ${needles.length} secrets/tokens`);
			if (hits.length) throw new Error(hits.map((h) => `${h.label} in ${path.relative(runDir, h.file)}`).join('\n'));
		});
		await checks.check(`${tag} n8n tried no network beyond loopback`, () => {
			const hosts = [...new Set(networkAttempts(userFolder).map((a) => `${a.kind} ${a.host}`))];
			eq(hosts, [], 'network attempts');
		});
		log(`${tag} done in ${elapsed(Date.now() - started)}`);
	}
}

function canvasNode(page, name) {
	return page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
}

/** Closes n8n's toasts ("Workflow executed successfully") so screenshots do not depend on timing. */
async function closeToasts(page) {
	const toasts = page.locator('.el-notification');
	for (let i = 0; i < 5 && (await toasts.count()); i++) {
		await toasts.first().locator('.el-notification__closeBtn').click().catch(() => {});
		await page.waitForTimeout(200);
	}
	await toasts.first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
	await page.waitForTimeout(500);
}

/** Closes the node panel (NDV) if it is open. */
async function closeNdv(page) {
	const ndv = page.getByTestId('ndv');
	if (!(await ndv.isVisible().catch(() => false))) return;
	await page.keyboard.press('Escape');
	if (await ndv.isVisible().catch(() => false)) await page.getByTestId('ndv-close-button').click().catch(() => {});
	await ndv.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

/** Closes first-run popups (e.g. "what's new" or survey modals) if any are open. */
async function dismissPopups(page) {
	for (let i = 0; i < 3; i++) {
		const close = page.locator('.el-dialog__headerbtn:visible, [data-test-id="close-button"]:visible').first();
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
		await ensureLine('n8n2');
		await ensureChromium();
		const { tarball } = await buildAndPack(path.join(CACHE_DIR, 'pack'), { skipBuild: process.argv.includes('--skip-build') });
		const checks = new Checks();
		await runBrowserTest({ checks, tarball });
		process.stdout.write(`\n${checks.passed} passed, ${checks.failed} failed\n`);
		process.exitCode = checks.failed ? 1 : 0;
	})().catch((err) => {
		log(`browser test FAILED: ${err.stack || err}`);
		process.exit(1);
	});
}
