'use strict';
// The playground: the Kore.ai sandbox plus a real n8n 2.x editor with n8n-nodes-kore-ai installed as
// a community package, a ready credential (CRED_NAME), the example workflow and an owner account.
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
// n8n names a credential the user creates "Kore.ai account" (then "Kore.ai account 2", ...): the
// ready one must not look like one of those in the node's credential list.
const CRED_NAME = 'Kore.ai sandbox (ready to use)';
const EXAMPLE_WORKFLOW_ID = 'koreAiExample01';
const MISSING_ID = 'cd-00000000-dead-5000-8000-000000000000';

/** bcrypt hash of the owner password, made with the bcryptjs that n8n itself ships. */
function ownerPasswordHash(line) {
	const bcrypt = require(
		require.resolve('bcryptjs', { paths: [path.join(line.dir, 'node_modules', 'n8n')] }),
	);
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

/**
 * n8n 1.x has no N8N_INSTANCE_OWNER_* variables: its first-run form posts to /rest/owner/setup,
 * which answers 400 once an owner exists (a kept user folder), and 404 for a moment after start.
 */
async function setUpOwner(port, attempt = 0) {
	const body = JSON.stringify({
		email: OWNER.email,
		firstName: OWNER.firstName,
		lastName: OWNER.lastName,
		password: OWNER.password,
	});
	const res = await new Promise((resolve, reject) => {
		const req = http.request(
			`http://127.0.0.1:${port}/rest/owner/setup`,
			{
				method: 'POST',
				headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
			},
			(r) => {
				let text = '';
				r.on('data', (d) => (text += d));
				r.on('end', () => resolve({ status: r.statusCode, text }));
			},
		);
		req.on('error', reject);
		req.end(body);
	});
	if (res.status === 404 && attempt < 20) {
		await new Promise((r) => setTimeout(r, 1000));
		return setUpOwner(port, attempt + 1);
	}
	if (res.status !== 200 && res.status !== 400)
		throw new Error(`owner setup answered ${res.status}: ${res.text.slice(0, 500)}`);
}

function portFree(port) {
	return new Promise((resolve) => {
		const srv = require('node:net').createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

/** Sends a signal to a whole process group; false when the group is already gone. */
function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false;
	}
}

/**
 * Stops n8n and everything it started: SIGTERM to n8n (its own graceful shutdown, which also ends
 * its task runner), SIGKILL to its process group after 20 s, then whatever is left of the group.
 */
async function stopN8n(child) {
	if (child.exitCode === null && child.signalCode === null) {
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const timer = setTimeout(() => {
			log('n8n did not stop within 20 s: killing it');
			killGroup(child.pid, 'SIGKILL');
		}, 20000);
		await exited;
		clearTimeout(timer);
	}
	killGroup(child.pid, 'SIGKILL');
}

async function waitForPortFree(port, ms = 10000) {
	const deadline = Date.now() + ms;
	while (!(await portFree(port)) && Date.now() < deadline)
		await new Promise((r) => setTimeout(r, 200));
}

function abortError() {
	const err = new Error('the playground was stopped while starting');
	err.name = 'AbortError';
	return err;
}

/**
 * Starts sandbox + n8n. Options:
 *   userFolder   N8N_USER_FOLDER (kept between runs for the playground; fresh for the browser test)
 *   tarball      the packed package to install
 *   port         n8n port (default 5678); sandboxPort (default 4010; the credential points at it)
 *   logFile      where n8n's stdout/stderr go (the console too when echo is true)
 *   lineId       'n8n2' (default) or 'n8n1' (the browser test drives both editors)
 *   signal       an AbortSignal: aborting it while starting stops what was started and rejects
 *                with an AbortError (Ctrl-C during the start of `npm run n8n`)
 * Returns { url, sandbox, owner, workflowId, credential: { id, name, data }, n8n (child), stop() }.
 * n8n runs in its own process group: a Ctrl-C in the terminal reaches only the caller, which stops
 * n8n once, with stop(), instead of n8n and the caller both shutting it down at the same time.
 */
async function startPlayground({
	userFolder,
	tarball,
	port = 5678,
	sandboxPort = 4010,
	logFile,
	echo = false,
	sandboxOptions = {},
	signal,
	lineId = 'n8n2',
}) {
	const line = LINES[lineId];
	const started = Date.now();
	const checkAborted = () => {
		if (signal?.aborted) throw abortError();
	};
	fs.mkdirSync(userFolder, { recursive: true });
	for (const [what, p] of [
		['n8n', port],
		['the Kore.ai sandbox', sandboxPort],
	]) {
		if (!(await portFree(p)))
			throw new Error(`port ${p} for ${what} is in use (another playground running?)`);
	}

	const { startSandbox } = require(path.join(REPO_ROOT, 'sandbox'));
	const sandbox = await startSandbox({ port: sandboxPort, ...sandboxOptions });
	log(`Kore.ai sandbox on ${sandbox.url}`);
	let child;
	// If this process ends without stop() (an uncaught error), n8n must not live on alone.
	const killOnExit = () => child && killGroup(child.pid, 'SIGKILL');
	let stopped;
	const stop = () => {
		stopped ??= (async () => {
			if (child) {
				await stopN8n(child);
				process.removeListener('exit', killOnExit);
				await waitForPortFree(port);
			}
			await sandbox.close();
		})();
		return stopped;
	};
	try {
		checkAborted();
		await installCommunityPackage(userFolder, tarball);
		log('n8n-nodes-kore-ai installed into the user folder (community package layout)');

		// Credential + example workflow: imported when missing or when their content changed.
		const c = sandbox.credentials;
		const credential = {
			id: CRED_ID,
			name: CRED_NAME,
			type: 'koreAiApi',
			data: {
				host: sandbox.url,
				accountId: c.accountId,
				appId: c.appId,
				clientId: c.clientId,
				clientSecret: c.clientSecret,
				algorithm: c.algorithm,
			},
		};
		const credentials = [credential];
		const smsIds = sandbox.store.ids('sms');
		const rows = [
			{
				row: 1,
				campaignId: smsIds[0],
				note: "the sample campaign of Kore.ai's Delete SMS Campaign page",
			},
			{ row: 2, campaignId: smsIds[1] },
			{ row: 3, campaignId: MISSING_ID, note: 'already deleted: goes to the error output' },
			{ row: 4, campaignId: smsIds[2] },
		];
		const workflow = loadWorkflow('playground-example.json', { CRED_ID, CRED_NAME, ROWS: rows });
		const fingerprint = crypto
			.createHash('sha256')
			.update(JSON.stringify({ credentials, workflow }))
			.digest('hex');
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
				log(`importing the "${CRED_NAME}" credential and the example workflow`);
				for (const args of [
					['import:credentials', `--input=${credFile}`],
					['import:workflow', `--input=${wfFile}`],
				]) {
					checkAborted();
					const res = await n8nCli(line, userFolder, args, { env, logFile });
					if (res.code !== 0)
						throw new Error(
							`n8n ${args[0]} failed (exit ${res.code}):\n${res.stdout.slice(-2000)}\n${res.stderr.slice(-2000)}`,
						);
				}
			} finally {
				fs.rmSync(inputs, { recursive: true, force: true });
			}
			fs.writeFileSync(markerFile, fingerprint);
		}

		checkAborted();
		log(`starting ${line.label} on http://localhost:${port}`);
		const brokerPort = String(await freePort());
		child = spawn(line.nodeBin, [line.n8nBin, 'start'], {
			cwd: userFolder,
			env: { ...env, N8N_RUNNERS_BROKER_PORT: brokerPort },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		process.on('exit', killOnExit);
		const out = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
		let tail = '';
		// Both lines print this once the editor is served; 2.x answers its REST API a few seconds
		// before ("Cannot GET /signin"), 1.x registers some routes (owner setup) after it.
		let editorServed = false;
		const onData = (d) => {
			tail = (tail + d).slice(-4000);
			editorServed ||= tail.includes('Editor is now accessible via');
			if (out) out.write(d);
			if (echo) process.stdout.write(d);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('exit', () => out && out.end());

		const url = `http://localhost:${port}`;
		const deadline = Date.now() + 180000;
		for (;;) {
			checkAborted();
			if (child.exitCode !== null || child.signalCode !== null)
				throw new Error(
					`n8n exited while starting (${child.exitCode ?? child.signalCode}):\n${tail}`,
				);
			if (editorServed && (await get(`http://127.0.0.1:${port}/rest/settings`)).status === 200)
				break;
			if (Date.now() > deadline)
				throw new Error(`n8n did not answer on ${url} within 3 minutes:\n${tail}`);
			await new Promise((r) => setTimeout(r, 500));
		}
		if (lineId === 'n8n1') await setUpOwner(port);
		log(`n8n ready in ${elapsed(Date.now() - started)}`);
		return {
			url,
			sandbox,
			owner: OWNER,
			workflowId: EXAMPLE_WORKFLOW_ID,
			credential,
			n8n: child,
			stop,
			rows,
		};
	} catch (err) {
		await stop();
		throw err;
	}
}

module.exports = { startPlayground, portFree, OWNER, CRED_ID, CRED_NAME, EXAMPLE_WORKFLOW_ID };
