'use strict';
// The playground: the Kore.ai sandbox plus a real n8n 2.x editor with n8n-nodes-kore-ai installed as
// a community package, a ready "Kore.ai sandbox" credential, the example workflow and an owner account.
// Used by `npm run n8n` (e2e/playground.js) and by the browser test (e2e/browser.js).
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { LINES, REPO_ROOT } = require('./lines');
const { log, elapsed } = require('./proc');
const { installCommunityPackage, n8nEnv, n8nCli, freePort } = require('./n8n');
const { loadWorkflow } = require('./workflows');

const OWNER = Object.freeze({
	email: 'owner@example.com',
	password: 'KoreAi-playground-1',
	firstName: 'Playground',
	lastName: 'Owner',
});
const CRED_ID = 'koreSandbox00001';
const EXAMPLE_WORKFLOW_ID = 'koreAiExample01';
const MISSING_ID = 'cd-00000000-dead-5000-8000-000000000000';

/** bcrypt hash of the owner password, made with the bcryptjs that n8n itself ships. */
function ownerPasswordHash(line) {
	const bcrypt = require(require.resolve('bcryptjs', { paths: [path.join(line.dir, 'node_modules', 'n8n')] }));
	return bcrypt.hashSync(OWNER.password, 10);
}

function get(url, timeoutMs = 2000) {
	return new Promise((resolve) => {
		const req = http.get(url, { timeout: timeoutMs }, (res) => {
			let body = '';
			res.on('data', (d) => (body += d));
			res.on('end', () => resolve({ status: res.statusCode, body }));
		});
		req.on('timeout', () => req.destroy());
		req.on('error', () => resolve({ status: 0, body: '' }));
	});
}

function portFree(port) {
	return new Promise((resolve) => {
		const srv = require('node:net').createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

/**
 * Starts sandbox + n8n. Options:
 *   userFolder   N8N_USER_FOLDER (kept between runs for the playground; fresh for the browser test)
 *   tarball      the packed package to install
 *   port         n8n port (default 5678); sandboxPort (default 4010; the credential points at it)
 *   logFile      where n8n's stdout/stderr go (the console too when echo is true)
 * Returns { url, sandbox, owner, workflowId, n8n (child), stop() }.
 */
async function startPlayground({ userFolder, tarball, port = 5678, sandboxPort = 4010, logFile, echo = false, sandboxOptions = {} }) {
	const line = LINES.n8n2;
	const started = Date.now();
	fs.mkdirSync(userFolder, { recursive: true });
	for (const [what, p] of [
		['n8n', port],
		['the Kore.ai sandbox', sandboxPort],
	]) {
		if (!(await portFree(p))) throw new Error(`port ${p} for ${what} is in use (another playground running?)`);
	}

	const { startSandbox } = require(path.join(REPO_ROOT, 'sandbox'));
	const sandbox = await startSandbox({ port: sandboxPort, ...sandboxOptions });
	log(`Kore.ai sandbox on ${sandbox.url}`);
	let child;
	const stop = async () => {
		if (child && child.exitCode === null && child.signalCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
			await exited;
			clearTimeout(timer);
		}
		await sandbox.close();
	};
	try {
		await installCommunityPackage(userFolder, tarball);
		log('n8n-nodes-kore-ai installed into the user folder (community package layout)');

		// Credential + example workflow: imported when missing or when their content changed.
		const c = sandbox.credentials;
		const credentials = [
			{
				id: CRED_ID,
				name: 'Kore.ai sandbox',
				type: 'koreAiApi',
				data: { host: sandbox.url, accountId: c.accountId, appId: c.appId, clientId: c.clientId, clientSecret: c.clientSecret, algorithm: c.algorithm },
			},
		];
		const smsIds = sandbox.store.ids('sms');
		const rows = [
			{ row: 1, campaignId: smsIds[0], note: "the sample campaign of Kore.ai's Delete SMS Campaign page" },
			{ row: 2, campaignId: smsIds[1] },
			{ row: 3, campaignId: MISSING_ID, note: 'already deleted: goes to the error output' },
			{ row: 4, campaignId: smsIds[2] },
		];
		const workflow = loadWorkflow('playground-example.json', { CRED_ID, ROWS: rows });
		const fingerprint = crypto.createHash('sha256').update(JSON.stringify({ credentials, workflow })).digest('hex');
		const markerFile = path.join(userFolder, '.playground-imported');
		const env = n8nEnv(line, userFolder, {
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: process.env.N8N_LISTEN_ADDRESS || '127.0.0.1',
			N8N_HOST: 'localhost',
			N8N_EDITOR_BASE_URL: `http://localhost:${port}`,
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
			N8N_INSTANCE_OWNER_FIRST_NAME: OWNER.firstName,
			N8N_INSTANCE_OWNER_LAST_NAME: OWNER.lastName,
			N8N_INSTANCE_OWNER_PASSWORD_HASH: ownerPasswordHash(line),
		});
		if (!fs.existsSync(markerFile) || fs.readFileSync(markerFile, 'utf8') !== fingerprint) {
			const inputs = fs.mkdtempSync(path.join(path.dirname(userFolder), 'inputs-'));
			try {
				const credFile = path.join(inputs, 'credentials.json');
				const wfFile = path.join(inputs, 'workflow.json');
				fs.writeFileSync(credFile, JSON.stringify(credentials));
				fs.writeFileSync(wfFile, JSON.stringify(workflow));
				log('importing the "Kore.ai sandbox" credential and the example workflow');
				for (const args of [
					['import:credentials', `--input=${credFile}`],
					['import:workflow', `--input=${wfFile}`],
				]) {
					const res = await n8nCli(line, userFolder, args, { env, logFile });
					if (res.code !== 0) throw new Error(`n8n ${args[0]} failed (exit ${res.code}):\n${res.stdout.slice(-2000)}\n${res.stderr.slice(-2000)}`);
				}
			} finally {
				fs.rmSync(inputs, { recursive: true, force: true });
			}
			fs.writeFileSync(markerFile, fingerprint);
		}

		log(`starting ${line.label} on http://localhost:${port}`);
		const brokerPort = String(await freePort());
		child = spawn(line.nodeBin, [line.n8nBin, 'start'], {
			cwd: userFolder,
			env: { ...env, N8N_RUNNERS_BROKER_PORT: brokerPort },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const out = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
		let tail = '';
		const onData = (d) => {
			tail = (tail + d).slice(-4000);
			if (out) out.write(d);
			if (echo) process.stdout.write(d);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('exit', () => out && out.end());

		const url = `http://localhost:${port}`;
		const deadline = Date.now() + 180000;
		for (;;) {
			if (child.exitCode !== null || child.signalCode !== null) throw new Error(`n8n exited while starting (${child.exitCode ?? child.signalCode}):\n${tail}`);
			const res = await get(`http://127.0.0.1:${port}/rest/settings`);
			if (res.status === 200) break;
			if (Date.now() > deadline) throw new Error(`n8n did not answer on ${url} within 3 minutes:\n${tail}`);
			await new Promise((r) => setTimeout(r, 500));
		}
		log(`n8n ready in ${elapsed(Date.now() - started)}`);
		return { url, sandbox, owner: OWNER, workflowId: EXAMPLE_WORKFLOW_ID, n8n: child, stop, rows };
	} catch (err) {
		await stop();
		throw err;
	}
}

module.exports = { startPlayground, OWNER, CRED_ID, EXAMPLE_WORKFLOW_ID };
