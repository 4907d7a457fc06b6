#!/usr/bin/env node
// prepublishOnly: this package is published by .github/workflows/publish.yml only (npm trusted
// publishing, with the provenance statement n8n's verification requires), never from a laptop.
// docs/releasing.md describes both ways through:
// - the workflow: GitHub Actions running .github/workflows/publish.yml;
// - the one-time bootstrap (the package must exist on npm before a trusted publisher can be named
//   for it): KORE_AI_FIRST_PUBLISH=1, refused once the package is on npm.
// A dry run (`npm publish --dry-run`) publishes nothing and is always allowed.
//
// This repository's .npmrc turns lifecycle scripts off (ignore-scripts=true, for installs), so a plain
// `npm publish` does not run this script; package.json's publishConfig.provenance refuses that one
// (npm cannot make a provenance statement outside CI). The commands in docs/releasing.md pass
// --ignore-scripts=false so that this check runs.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const WORKFLOW = '.github/workflows/publish.yml';

/** Whether npm has the package at all: true, false, or an Error when the registry could not say. */
function registryHas(name) {
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const result = spawnSync(npm, ['view', name, 'name', '--json'], {
		encoding: 'utf8',
		timeout: 60_000,
	});
	if (result.status === 0) return true;
	if (/E404|404 Not Found/.test(`${result.stdout}${result.stderr}`)) return false;
	return new Error((result.stderr || result.error?.message || 'no answer').trim().split('\n')[0]);
}

/** Why this publish may go ahead, or throws saying why not and what to do instead. */
function decide(env, manifest, lookup = registryHas) {
	const publishing = `${manifest.name}@${manifest.version}`;
	if (env.npm_config_dry_run === 'true') return `dry run of ${publishing}: nothing is published`;
	if (env.GITHUB_ACTIONS === 'true' && (env.GITHUB_WORKFLOW_REF ?? '').includes(`/${WORKFLOW}@`)) {
		return `publishing ${publishing} from ${WORKFLOW}`;
	}
	if (env.KORE_AI_FIRST_PUBLISH === '1') {
		const has = lookup(manifest.name);
		if (has instanceof Error) {
			throw new Error(
				`Could not ask npm whether ${manifest.name} exists (${has.message}); the first publish needs that answer.`,
			);
		}
		if (has) {
			throw new Error(
				`${manifest.name} is already on npm, so the first publish is done: publish ${publishing} by pushing its tag (docs/releasing.md).`,
			);
		}
		return `first publish of ${manifest.name} (${publishing}); next, name ${WORKFLOW} its trusted publisher (docs/releasing.md)`;
	}
	throw new Error(
		`${publishing} is published by ${WORKFLOW} when its tag v${manifest.version} is pushed, with the provenance n8n's ` +
			'verification requires; not from here. See docs/releasing.md (the first publish of all uses KORE_AI_FIRST_PUBLISH=1).',
	);
}

function main() {
	const manifest = require(path.join(process.cwd(), 'package.json'));
	try {
		console.log(`publish-guard: ${decide(process.env, manifest)}`);
	} catch (error) {
		console.error(`publish-guard: ${error.message}`);
		process.exit(1);
	}
}

if (require.main === module) main();

module.exports = { decide, WORKFLOW };
