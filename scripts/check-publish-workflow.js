#!/usr/bin/env node
// Checks .github/workflows/publish.yml for what trusted publishing (OIDC) needs, so that a change to it
// fails CI instead of the next release: no npm token anywhere in it (npm would use the token instead of
// OIDC, and a token is what trusted publishing replaces), no setup-node registry-url (it writes a token
// line into .npmrc), `id-token: write`, an npm that can do the OIDC
// exchange (11.5.1 or newer: Node 24.5.0 onward ships it, or an explicit `npm install -g npm@...` step),
// and a publish with provenance.
//
// Usage: node scripts/check-publish-workflow.js [path/to/publish.yml]
const fs = require('node:fs');
const path = require('node:path');

const MIN_NPM = [11, 5, 1];
// The first Node 24 release that ships npm 11.5.1 (Node's 24.5.0 changelog: "upgrade npm to 11.5.1").
const MIN_NODE_24 = [24, 5, 0];

const atLeast = (version, minimum) => {
	for (let i = 0; i < minimum.length; i++) {
		if ((version[i] ?? 0) !== minimum[i]) return (version[i] ?? 0) > minimum[i];
	}
	return true;
};

/** `node-version: 24`, `'24.5'`, `"22.x"` -> [24], [24, 5], [22]; lts/*, a file or a range -> null. */
function parseVersion(text) {
	const match = /^v?(\d+)(?:\.(\d+|x))?(?:\.(\d+|x))?$/.exec(
		text.trim().replace(/^['"]|['"]$/g, ''),
	);
	if (!match) return null;
	return match
		.slice(1)
		.filter((part) => part !== undefined && part !== 'x')
		.map(Number);
}

/** Problems of a publish workflow's text, as sentences; empty when it is fit for trusted publishing. */
function checkPublishWorkflow(text) {
	const problems = [];
	const lines = text.split('\n');
	lines.forEach((line, index) => {
		if (/NPM_TOKEN|NODE_AUTH_TOKEN|_authToken/.test(line)) {
			problems.push(
				`line ${index + 1} names an npm token (${line.trim()}); trusted publishing uses none.`,
			);
		}
	});
	lines.forEach((line, index) => {
		if (/^\s*registry-url:/.test(line)) {
			problems.push(
				`line ${index + 1} gives setup-node a registry-url, which writes an .npmrc token line (_authToken=\${NODE_AUTH_TOKEN}) that can stop npm's OIDC exchange; remove it (npm's default registry is registry.npmjs.org).`,
			);
		}
	});
	if (!/^\s*id-token:\s*write\s*(#.*)?$/m.test(text)) {
		problems.push(
			'no `id-token: write` permission: the job cannot ask GitHub for the OIDC token npm exchanges.',
		);
	}
	if (!/^\s*-?\s*run:\s*npm publish\b.*--provenance/m.test(text)) {
		problems.push(
			'no `npm publish --provenance` step: n8n verifies only packages published with a provenance statement.',
		);
	}
	const nodeVersions = [...text.matchAll(/^\s*node-version:\s*(.+?)\s*(#.*)?$/gm)].map((m) => m[1]);
	const npmUpgrade = /^\s*-?\s*run:\s*npm (?:install|i) (?:-g|--global) npm@(\S+)/m.exec(text);
	const nodeShipsIt =
		nodeVersions.length > 0 &&
		nodeVersions.every((v) => {
			const version = parseVersion(v);
			if (!version) return false;
			// `24` resolves to the newest 24.x, which ships a newer npm than 11.5.1.
			return (
				version[0] > 24 ||
				(version[0] === 24 && (version.length === 1 || atLeast(version, MIN_NODE_24)))
			);
		});
	const upgradeIsEnough =
		npmUpgrade &&
		(() => {
			const wanted = npmUpgrade[1].replace(/^[\^~]/, '');
			if (wanted === 'latest') return true;
			const version = parseVersion(wanted);
			return (
				version !== null && atLeast(version.length === 1 ? [version[0], 99, 0] : version, MIN_NPM)
			);
		})();
	if (!nodeShipsIt && !upgradeIsEnough) {
		problems.push(
			`its npm may be older than ${MIN_NPM.join('.')} (node-version: ${nodeVersions.join(', ') || 'none'}), which cannot publish with OIDC: ` +
				'use node-version 24 or add a step `npm install -g npm@11`.',
		);
	}
	return problems;
}

function main() {
	const file = path.resolve(
		process.argv[2] ?? path.join(__dirname, '..', '.github', 'workflows', 'publish.yml'),
	);
	const problems = checkPublishWorkflow(fs.readFileSync(file, 'utf8'));
	for (const problem of problems)
		console.error(`${path.relative(process.cwd(), file)}: ${problem}`);
	if (problems.length > 0) process.exit(1);
	console.log(
		`${path.relative(process.cwd(), file)}: trusted publishing, no token, npm >= ${MIN_NPM.join('.')}, provenance`,
	);
}

if (require.main === module) main();

module.exports = { checkPublishWorkflow };
