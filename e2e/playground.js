'use strict';
// npm run n8n — the playground: the Kore.ai sandbox and a real n8n 2.x editor on http://localhost:5678
// with n8n-nodes-kore-ai installed (as a community package), a ready "Kore.ai sandbox" credential, the
// example workflow "Kore.ai example: campaign rows -> Delete SMS Campaign -> results" and an owner
// account. The first run installs n8n (minutes, with progress); later runs start in seconds.
// Ctrl-C stops everything. The user folder is kept in <E2E_CACHE_DIR>/playground (delete it to start over).
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
	const built = path.join(REPO_ROOT, 'dist', 'nodes', 'KoreAiContactCenter', 'KoreAiContactCenter.node.js');
	if (!fs.existsSync(built)) return true;
	const sources = ['nodes', 'credentials', 'icons', 'package.json', 'tsconfig.json', 'tsconfig.build.json'].map((p) => path.join(REPO_ROOT, p));
	return newest(sources) > fs.statSync(built).mtimeMs;
}

async function main() {
	const port = Number(process.env.PLAYGROUND_PORT || 5678);
	const sandboxPort = Number(process.env.PLAYGROUND_SANDBOX_PORT || 4010);
	await ensureLine('n8n2');
	const build = needsBuild();
	const { tarball } = await buildAndPack(path.join(CACHE_DIR, 'pack'), { skipBuild: !build });
	const base = path.join(CACHE_DIR, 'playground');
	const pg = await startPlayground({
		userFolder: path.join(base, 'user'),
		tarball,
		port,
		sandboxPort,
		logFile: path.join(base, 'n8n.log'),
		// A started campaign completes 30 s later, so a Kore.ai Contact Center Trigger can be seen firing.
		sandboxOptions: { completeAfterMs: 30000, onRequest: (e) => log(`sandbox: ${e.method} ${e.path} -> ${e.status}`) },
	});
	const c = pg.sandbox.credentials;
	process.stdout.write(
		[
			'',
			'  n8n playground is ready',
			`    editor      ${pg.url}`,
			`    login       ${pg.owner.email} / ${pg.owner.password}`,
			`    workflow    "Kore.ai example: campaign rows -> Delete SMS Campaign -> results" (${pg.url}/workflow/${pg.workflowId})`,
			'    credential  "Kore.ai sandbox" (type Kore.ai API), pointing at the sandbox:',
			`                Environment URL ${c.host || pg.sandbox.url}, Account ID ${c.accountId}, App ID ${c.appId}, Client ID ${c.clientId}`,
			'    sandbox     a campaign started there (Start SMS Campaign) becomes Completed 30 s later: try the trigger',
			`    n8n log     ${path.relative(process.cwd(), path.join(base, 'n8n.log'))}`,
			'  Press Ctrl-C to stop n8n and the sandbox.',
			'',
		].join('\n') + '\n',
	);

	let stopping = false;
	const shutdown = async (code) => {
		if (stopping) return;
		stopping = true;
		log('stopping n8n and the sandbox');
		await pg.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => shutdown(0));
	process.on('SIGTERM', () => shutdown(0));
	pg.n8n.once('exit', (code, signal) => {
		if (stopping) return;
		log(`n8n exited unexpectedly (${code ?? signal}); see ${path.join(base, 'n8n.log')}`);
		shutdown(1);
	});
}

main().catch((err) => {
	log(`playground FAILED: ${err.stack || err}`);
	process.exit(1);
});
