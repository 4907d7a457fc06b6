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

async function main() {
	const root = path.resolve(__dirname, '..');
	const scannerPath = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(scannerPath).href);

	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kore-scan-'));
	try {
		const packed = JSON.parse(
			execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
		);
		const tarball = path.join(work, packed[0].filename);
		const unpacked = path.join(work, 'package');
		fs.mkdirSync(unpacked);
		execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);

		const legs = [
			['source', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
			['tarball', await analyzePackage(unpacked, ['**/*.js', 'package.json'])],
		];
		let failed = false;
		for (const [name, result] of legs) {
			console.log(`${result.passed ? 'pass' : 'FAIL'}  verification scanner, ${name}${result.message ? `: ${result.message}` : ''}`);
			if (result.details) console.log(result.details);
			failed ||= !result.passed;
		}
		process.exitCode = failed ? 1 : 0;
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
