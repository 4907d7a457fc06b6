'use strict';
// npm run n8n — the playground: the Kore.ai sandbox and a real n8n 2.x editor on http://localhost:5678
// with n8n-nodes-kore-ai installed (as a community package), a ready "Kore.ai sandbox (ready to use)"
// credential, the example workflow "Kore.ai example: campaign rows -> Delete SMS Campaign -> results"
// and an owner account. Prints every credential value the sandbox accepts. The first run installs n8n
// (minutes, with progress); later runs start in seconds. Ctrl-C stops everything. The user folder is kept in <E2E_CACHE_DIR>/playground (delete it to start over).
// Env: PLAYGROUND_PORT (5678), PLAYGROUND_SANDBOX_PORT (4010), E2E_CACHE_DIR (~/.cache/n8n-nodes-kore-ai/e2e).
const fs = require('node:fs');
const path = require('node:path');
const { CACHE_DIR, REPO_ROOT } = require('./lib/lines');
const { log } = require('./lib/proc');
const { buildAndPack } = require('./lib/n8n');
const { startPlayground } = require('./lib/playground');
const { ensureLine } = require('./install');

/** Newest modification time of the files under the given paths. */
function newest(paths) {
	let max = 0;
	const walk = (p) => {
		if (!fs.existsSync(p)) return;
		const st = fs.statSync(p);
		if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
		else max = Math.max(max, st.mtimeMs);
	};
	paths.forEach(walk);
	return max;
}

function needsBuild() {
	const built = path.join(
		REPO_ROOT,
		'dist',
		'nodes',
		'KoreAiContactCenter',
		'KoreAiContactCenter.node.js',
	);
	if (!fs.existsSync(built)) return true;
	const sources = [
		'nodes',
		'credentials',
		'icons',
		'package.json',
		'tsconfig.json',
		'tsconfig.build.json',
	].map((p) => path.join(REPO_ROOT, p));
	return newest(sources) > fs.statSync(built).mtimeMs;
}

// Ctrl-C: the terminal sends SIGINT to npm, to this process and to the build steps; `kill -INT` on
// npm's process reaches this one only because the script is `exec node ...` (npm forwards signals
// to its child, and without exec that child would be a `sh -c` that does not pass them on).
// npm may forward the terminal's SIGINT too, so a signal that arrives while stopping is ignored.
const controller = new AbortController();
let stopping = false;
let playground;

async function shutdown(code, why) {
	if (stopping) return;
	stopping = true;
	log(`${why}: stopping n8n and the sandbox`);
	controller.abort();
	// While starting, startPlayground sees the abort, stops what it started and main() exits.
	if (!playground) return;
	await playground.stop();
	log('stopped');
	process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => shutdown(0, signal));

async function main() {
	const port = Number(process.env.PLAYGROUND_PORT || 5678);
	const sandboxPort = Number(process.env.PLAYGROUND_SANDBOX_PORT || 4010);
	await ensureLine('n8n2');
	if (stopping) stoppedEarly();
	const build = needsBuild();
	const { tarball } = await buildAndPack(path.join(CACHE_DIR, 'pack'), { skipBuild: !build });
	if (stopping) stoppedEarly();
	const base = path.join(CACHE_DIR, 'playground');
	const pg = await startPlayground({
		userFolder: path.join(base, 'user'),
		tarball,
		port,
		sandboxPort,
		logFile: path.join(base, 'n8n.log'),
		// A started campaign completes 30 s later, so a Kore.ai Contact Center Trigger can be seen firing.
		sandboxOptions: {
			completeAfterMs: 30000,
			onRequest: (e) => log(`sandbox: ${e.method} ${e.path} -> ${e.status}`),
		},
		signal: controller.signal,
	});
	playground = pg;
	const c = pg.credential.data;
	const secondary = pg.sandbox.secondaryCredentials;
	process.stdout.write(
		[
			'',
			'  n8n playground is ready',
			`    editor      ${pg.url}`,
			`    login       ${pg.owner.email} / ${pg.owner.password}`,
			`    workflow    "Kore.ai example: campaign rows -> Delete SMS Campaign -> results" (${pg.url}/workflow/${pg.workflowId})`,
			`    credential  "${pg.credential.name}" (type Kore.ai API) holds the values the sandbox accepts.`,
			'                They are sandbox-only values, valid nowhere else: paste them into a credential of',
			'                your own to try the form (n8n tests it on Save: "Connection tested successfully").',
			`      Environment URL    ${c.host}`,
			`      Account ID         ${c.accountId}`,
			`      App ID             ${c.appId}`,
			`      Client ID          ${c.clientId}`,
			`      Client Secret      ${c.clientSecret}`,
			`      Signing Algorithm  ${c.algorithm}`,
			...(secondary
				? [
						'    a second app (another account) the sandbox also accepts:',
						`      Account ID ${secondary.accountId}, App ID ${secondary.appId}, Client ID ${secondary.clientId},`,
						`      Client Secret ${secondary.clientSecret}, Signing Algorithm ${secondary.algorithm}`,
					]
				: []),
			'    sandbox     a campaign started there (Start SMS Campaign) becomes Completed 30 s later: try the trigger',
			`    n8n log     ${path.join(base, 'n8n.log')}`,
			'  Press Ctrl-C to stop n8n and the sandbox.',
			'',
		].join('\n') + '\n',
	);

	pg.n8n.once('exit', (code, signal) => {
		if (stopping) return;
		log(`n8n exited unexpectedly (${code ?? signal}); see ${path.join(base, 'n8n.log')}`);
		shutdown(1, 'n8n exited');
	});
}

function stoppedEarly() {
	log('stopped before n8n was ready');
	process.exit(0);
}

main().catch((err) => {
	if (err.name === 'AbortError') stoppedEarly();
	log(`playground FAILED: ${err.stack || err}`);
	process.exit(1);
});
