'use strict';
// n8n's own nodes (n8n-nodes-base, for its HTTP Request node) for the benchmark's comparison runs.
// It is big (hundreds of dependencies), so it is not a devDependency of this project (CI installs
// those): the benchmark installs the version that belongs to n8n-core 2.41.1 (n8n 2.41.1 ships
// n8n-core 2.41.1, n8n-nodes-base 2.41.1, n8n-workflow 2.41.0) into .bench/ on first run, with
// install scripts off, and reuses it afterwards.
//
// The engine and the HTTP Request node must share one n8n-workflow (errors are recognised with
// instanceof): the copies npm puts under .bench/ are replaced by links to this project's.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { cacheDir } = require('../scripts/cache-dir');

const REPO_ROOT = path.resolve(__dirname, '..');
const NODES_BASE_VERSION = '2.41.1';
const CACHE_DIR = path.join(cacheDir('bench'), `n8n-nodes-base-${NODES_BASE_VERSION}`);
const PACKAGE_DIR = path.join(CACHE_DIR, 'node_modules', 'n8n-nodes-base');
const SHARED = ['n8n-workflow', 'n8n-core'];

function installedVersion() {
	try {
		return JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')).version;
	} catch {
		return undefined;
	}
}

/**
 * n8n-workflow and n8n-core resolve to this project's copies: npm's own copies are replaced by
 * links, and where npm put none (n8n-core is not a dependency of n8n-nodes-base, yet some of its
 * files require it) a link is added at the top of the cache's node_modules. A link that points
 * elsewhere (the repository moved) is replaced too.
 */
function linkShared() {
	for (const name of SHARED) {
		const own = path.join(REPO_ROOT, 'node_modules', name);
		const top = path.join(CACHE_DIR, 'node_modules', name);
		const nested = path.join(PACKAGE_DIR, 'node_modules', name);
		for (const copy of [top, nested]) {
			let stat;
			try {
				stat = fs.lstatSync(copy);
			} catch {
				if (copy === top) fs.symlinkSync(own, copy, 'dir');
				continue;
			}
			if (stat.isSymbolicLink() && fs.readlinkSync(copy) === own) continue;
			fs.rmSync(copy, { recursive: true, force: true });
			fs.symlinkSync(own, copy, 'dir');
		}
	}
}

/** The directory of n8n-nodes-base, installed on first use. Logs progress to stderr. */
function ensureNodesBase({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
	if (installedVersion() !== NODES_BASE_VERSION) {
		log(
			`bench: installing n8n-nodes-base@${NODES_BASE_VERSION} into ${CACHE_DIR} (first run only; a few minutes)`,
		);
		fs.mkdirSync(CACHE_DIR, { recursive: true });
		fs.writeFileSync(
			path.join(CACHE_DIR, 'package.json'),
			`${JSON.stringify({ name: 'bench-n8n-nodes-base', private: true, dependencies: { 'n8n-nodes-base': NODES_BASE_VERSION } }, null, 2)}\n`,
		);
		// isolated-vm and other native modules need install scripts (and Node 24); the HTTP Request
		// node needs none of them.
		fs.writeFileSync(path.join(CACHE_DIR, '.npmrc'), 'ignore-scripts=true\n');
		execFileSync('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=error'], {
			cwd: CACHE_DIR,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		if (installedVersion() !== NODES_BASE_VERSION)
			throw new Error('bench: n8n-nodes-base did not install');
	}
	linkShared();
	return PACKAGE_DIR;
}

module.exports = { ensureNodesBase, NODES_BASE_VERSION, PACKAGE_DIR, CACHE_DIR };

if (require.main === module) {
	console.log(ensureNodesBase());
}
