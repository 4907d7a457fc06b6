'use strict';

/**
 * The package's own compiled signer and checks, so the probe signs exactly as the node does. When
 * `dist/` is missing (a fresh clone), `npm run build` runs first; its output goes to stderr, so
 * `--json` keeps stdout for the report.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..', '..');
const dist = (...parts) => path.join(root, 'dist', ...parts);
const NEEDED = [
	dist('credentials', 'koreAiJwt.js'),
	dist('credentials', 'koreAiCredentialValues.js'),
	dist('common', 'phoneNumbers.js'),
];

function ensureBuilt(log = () => {}) {
	if (NEEDED.every((file) => fs.existsSync(file))) return;
	log('dist/ is missing: running npm run build first');
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const built = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
	if (built.status !== 0 || !NEEDED.every((file) => fs.existsSync(file))) {
		throw new Error(
			"npm run build failed, so the package's signer is not available; fix the build and run the probe again.",
		);
	}
}

/** signKoreAiJwt, checkCredentialValues, checkPhoneNumber from dist/ (build first with ensureBuilt). */
function load() {
	const { signKoreAiJwt } = require(NEEDED[0]);
	const { checkCredentialValues } = require(NEEDED[1]);
	const { checkPhoneNumber } = require(NEEDED[2]);
	return { signKoreAiJwt, checkCredentialValues, checkPhoneNumber };
}

module.exports = { ensureBuilt, load };
