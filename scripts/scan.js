#!/usr/bin/env node
// Runs n8n's verification scanner (@n8n/scan-community-package) locally. The published scanner
// downloads the package from npm and its source from GitHub via provenance, neither of which exists
// here; its rule set and its two legs are the same: the source (nodes/, credentials/, package.json)
// and the packed tarball (compiled .js and the published package.json).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

async function loadScanner() {
	const scannerPath = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
	return import(pathToFileURL(scannerPath).href);
}

/** Packs `root` with npm and scans both legs. Resolves to [{ leg, passed, message, details }]. */
async function scanPackage(root) {
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await loadScanner();
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kore-scan-'));
	try {
		const packed = JSON.parse(
			execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
				cwd: root,
				encoding: 'utf8',
			}),
		);
		const unpacked = path.join(work, 'package');
		fs.mkdirSync(unpacked);
		execFileSync('tar', [
			'-xzf',
			path.join(work, packed[0].filename),
			'-C',
			unpacked,
			'--strip-components=1',
		]);
		return [
			{ leg: 'source', ...(await analyzePackage(root, SOURCE_FILE_PATTERNS)) },
			{ leg: 'tarball', ...(await analyzePackage(unpacked, ['**/*.js', 'package.json'])) },
		];
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

// Usage: node scripts/scan.js [package-dir] [--json]
async function main() {
	const args = process.argv.slice(2);
	const results = await scanPackage(
		path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(__dirname, '..')),
	);
	process.exitCode = results.every((result) => result.passed) ? 0 : 1;
	if (args.includes('--json')) return void console.log(JSON.stringify(results));
	for (const result of results) {
		console.log(
			`${result.passed ? 'pass' : 'FAIL'}  verification scanner, ${result.leg}${result.message ? `: ${result.message}` : ''}`,
		);
		if (result.details) console.log(result.details);
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
