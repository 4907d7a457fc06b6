'use strict';
// Driving a real n8n from the e2e harness: build + pack our package, install it into a user folder
// the way n8n's "Install community node" does, and run n8n's CLI with a quiet, offline environment.
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT } = require('./lines');
const { run, log } = require('./proc');

const PACKAGE_NAME = 'n8n-nodes-kore-ai';
const NODE_TYPE = `${PACKAGE_NAME}.koreAiContactCenter`;

function cleanEnv(extra = {}) {
	const env = {};
	for (const [k, v] of Object.entries(process.env))
		if (!/^npm_/i.test(k) && !/^N8N_/.test(k)) env[k] = v;
	return Object.assign(env, extra);
}

/** `npm run build` then `npm pack` into outDir; returns the tarball path. */
async function buildAndPack(outDir, { skipBuild = false } = {}) {
	fs.mkdirSync(outDir, { recursive: true });
	if (!skipBuild) {
		log('building the package (npm run build)');
		await run('npm', ['run', 'build', '--silent'], {
			cwd: REPO_ROOT,
			env: cleanEnv(),
			label: 'npm run build',
		});
	}
	const res = await run('npm', ['pack', '--json', '--pack-destination', outDir], {
		cwd: REPO_ROOT,
		env: cleanEnv(),
		capture: true,
		heartbeat: 0,
		label: 'npm pack',
	});
	const info = JSON.parse(res.stdout.slice(res.stdout.indexOf('[')))[0];
	const tarball = path.join(outDir, info.filename);
	log(`packed ${info.filename}: ${info.entryCount} files, ${info.size} bytes`);
	return { tarball, files: info.files.map((f) => f.path), version: info.version };
}

/**
 * Lays the package out exactly as n8n's CommunityPackagesService.downloadPackage does:
 *   <n8nFolder>/nodes/package.json   { name: 'installed-nodes', private: true, dependencies: { pkg: version } }
 *   <n8nFolder>/nodes/node_modules/<pkg>/   the tarball extracted with --strip-components=1, its
 *   package.json without devDependencies, peerDependencies, optionalDependencies, then `npm install`
 *   in that folder with n8n's flags (no bin links, shallow, no scripts, no lock file).
 */
async function installCommunityPackage(userFolder, tarball, { npmEnv } = {}) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const pkgDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(pkgDir, { recursive: true, force: true });
	fs.mkdirSync(pkgDir, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1'], {
		heartbeat: 0,
		label: 'tar -xzf',
	});
	const pkgJsonPath = path.join(pkgDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(
		fs.readFileSync(pkgJsonPath, 'utf8'),
	);
	fs.writeFileSync(pkgJsonPath, JSON.stringify(pkg, null, 2), 'utf-8');
	await run(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--offline',
		],
		{
			cwd: pkgDir,
			env: npmEnv || cleanEnv(),
			capture: true,
			heartbeat: 0,
			label: 'npm install (community package)',
		},
	);
	const manifestPath = path.join(nodesDir, 'package.json');
	const manifest = fs.existsSync(manifestPath)
		? JSON.parse(fs.readFileSync(manifestPath, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	manifest.dependencies[PACKAGE_NAME] = pkg.version;
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2), 'utf-8');
	// No symlinks to the source tree, ever.
	const links = [];
	const walk = (dir) => {
		for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
			const p = path.join(dir, e.name);
			if (e.isSymbolicLink()) links.push(p);
			else if (e.isDirectory()) walk(p);
		}
	};
	walk(pkgDir);
	if (links.length) throw new Error(`the installed package contains symlinks: ${links.join(', ')}`);
	return pkgDir;
}

/**
 * The environment every n8n process of the harness gets: offline, quiet, deterministic. The network
 * guard (lib/netguard.js) is preloaded and records any non-loopback lookup/connect in
 * <userFolder>/../netguard.jsonl (see netguardLog()).
 */
function n8nEnv(line, userFolder, extra = {}) {
	return cleanEnv({
		NODE_OPTIONS: `--require ${JSON.stringify(path.join(__dirname, 'netguard.js'))}`,
		E2E_NETGUARD_LOG: netguardLog(userFolder),
		N8N_USER_FOLDER: userFolder,
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// The vetted-packages list comes from n8n's API; our package is installed from a tarball anyway.
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_SECURE_COOKIE: 'false',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		DB_TYPE: 'sqlite',
		NODE_ENV: 'production',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		...line.env,
		...extra,
	});
}

function netguardLog(userFolder) {
	return path.join(path.dirname(userFolder), 'netguard.jsonl');
}

/** Non-loopback network attempts recorded by the guard for this user folder: [{ kind, host, port, stack }]. */
function networkAttempts(userFolder) {
	const file = netguardLog(userFolder);
	if (!fs.existsSync(file)) return [];
	return fs
		.readFileSync(file, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l));
}

/** A port that was free on 127.0.0.1 a moment ago. */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = require('node:net').createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/**
 * Runs `n8n <args>` of a line; stdout/stderr are captured and appended to logFile. n8n 2.x always
 * starts its task broker (for the Code node's runner), on 5679 by default: every process gets a
 * free port instead, so the harness never collides with a running playground or another n8n.
 */
async function n8nCli(
	line,
	userFolder,
	args,
	{ logFile, env, allowFail = true, timeoutMs = 300000 } = {},
) {
	const res = await run(line.nodeBin, [line.n8nBin, ...args], {
		cwd: userFolder,
		env: {
			...(env || n8nEnv(line, userFolder)),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		},
		capture: true,
		allowFail,
		timeoutMs,
		label: `n8n ${args.join(' ')}`,
	});
	if (logFile) {
		fs.appendFileSync(
			logFile,
			`\n===== n8n ${args.join(' ')} (exit ${res.code}) =====\n--- stdout ---\n${res.stdout}\n--- stderr ---\n${res.stderr}\n`,
		);
	}
	return res;
}

/**
 * `n8n execute --rawOutput` prints the run data as pretty JSON (a line "{" ... a line "}") on the
 * same stdout as the log lines. Returns the parsed object or undefined.
 */
function parseRunOutput(stdout) {
	const lines = stdout.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (lines[start] !== '{') continue;
		for (let end = start + 1; end < lines.length; end++) {
			if (lines[end] !== '}') continue;
			try {
				return JSON.parse(lines.slice(start, end + 1).join('\n'));
			} catch {
				// a "}" inside the data: keep looking
			}
		}
	}
	return undefined;
}

module.exports = {
	PACKAGE_NAME,
	NODE_TYPE,
	cleanEnv,
	buildAndPack,
	installCommunityPackage,
	n8nEnv,
	n8nCli,
	parseRunOutput,
	networkAttempts,
	freePort,
};
