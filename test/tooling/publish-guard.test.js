// Publishing happens in .github/workflows/publish.yml only. Two locks, both must be able to refuse:
// prepublishOnly (scripts/publish-guard.js) where lifecycle scripts run, and publishConfig.provenance,
// which stops a plain `npm publish` (this repository's .npmrc skips lifecycle scripts) because npm can
// make no provenance statement outside CI. No test reaches a real registry: the publishes below go to
// a closed port on 127.0.0.1.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { decide, WORKFLOW } = require('../../scripts/publish-guard.js');

const root = path.resolve(__dirname, '..', '..');
const manifest = { name: 'n8n-nodes-kore-ai', version: '1.2.3' };
const fromWorkflow = (file) => ({
	GITHUB_ACTIONS: 'true',
	GITHUB_WORKFLOW_REF: `n8n-nodes-kore-ai/n8n-nodes-kore-ai/.github/workflows/${file}@refs/tags/v1.2.3`,
});
const notAsked = () => {
	throw new Error('the registry must not be asked here');
};

/** The environment of a laptop: nothing of GitHub Actions, no escape. */
function laptopEnv() {
	const env = { ...process.env };
	for (const key of Object.keys(env)) {
		if (/^(GITHUB_|ACTIONS_|RUNNER_|npm_|KORE_AI_FIRST_PUBLISH$|CI$)/i.test(key)) delete env[key];
	}
	return env;
}

describe('the publish guard (prepublishOnly)', () => {
	test('allows the publish workflow', () => {
		expect(decide(fromWorkflow('publish.yml'), manifest, notAsked)).toBe(
			`publishing n8n-nodes-kore-ai@1.2.3 from ${WORKFLOW}`,
		);
	});

	test('refuses a laptop, and another workflow of the repository, naming the way to publish', () => {
		const message =
			/n8n-nodes-kore-ai@1\.2\.3 is published by \.github\/workflows\/publish\.yml when its tag v1\.2\.3 is pushed.*docs\/releasing\.md/;
		expect(() => decide({}, manifest, notAsked)).toThrow(message);
		expect(() => decide(fromWorkflow('ci.yml'), manifest, notAsked)).toThrow(message);
		expect(() =>
			decide(
				{ GITHUB_WORKFLOW_REF: fromWorkflow('publish.yml').GITHUB_WORKFLOW_REF },
				manifest,
				notAsked,
			),
		).toThrow(message);
	});

	test('allows a dry run, which publishes nothing', () => {
		expect(decide({ npm_config_dry_run: 'true' }, manifest, notAsked)).toMatch(
			/^dry run of n8n-nodes-kore-ai@1\.2\.3/,
		);
	});

	test('the first publish escape works only while the package is not on npm', () => {
		const escape = { KORE_AI_FIRST_PUBLISH: '1' };
		expect(decide(escape, manifest, () => false)).toMatch(
			/^first publish of n8n-nodes-kore-ai .* trusted publisher/,
		);
		expect(() => decide(escape, manifest, () => true)).toThrow(
			/already on npm, so the first publish is done/,
		);
		expect(() => decide(escape, manifest, () => new Error('ETIMEDOUT'))).toThrow(
			/Could not ask npm .*ETIMEDOUT/,
		);
		expect(() => decide({ KORE_AI_FIRST_PUBLISH: 'yes' }, manifest, notAsked)).toThrow(
			/is published by/,
		);
	});
});

describe("this package's npm publish", () => {
	const packageJson = require('../../package.json');
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kore-publish-'));
	// A credential for the closed port only, so npm gets past its login check to the lock under test;
	// npm asks that port for the package first: no retries, so the refusal comes at once.
	const userconfig = path.join(work, 'npmrc');
	fs.writeFileSync(userconfig, '//127.0.0.1:9/:_authToken=local-test-only\n');
	afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

	const publish = (...args) =>
		spawnSync(
			'npm',
			[
				'publish',
				'--registry',
				'http://127.0.0.1:9/',
				'--fetch-retries=0',
				'--userconfig',
				userconfig,
				...args,
			],
			{
				cwd: root,
				env: laptopEnv(),
				encoding: 'utf8',
				timeout: 120_000,
			},
		);

	test('package.json wires both locks', () => {
		expect(packageJson.scripts.prepublishOnly).toBe('node scripts/publish-guard.js');
		expect(packageJson.publishConfig).toEqual({ provenance: true });
	});

	test('a plain `npm publish` from a laptop is refused: no provenance outside CI', () => {
		const result = publish();
		expect(result.status).not.toBe(0);
		expect(result.stderr).toMatch(/EUSAGE[\s\S]*Automatic provenance generation not supported/);
	});

	test('with lifecycle scripts on, prepublishOnly refuses it first, saying how to publish', () => {
		const result = publish('--ignore-scripts=false');
		expect(result.status).not.toBe(0);
		expect(result.stderr).toMatch(
			/publish-guard: n8n-nodes-kore-ai@[\d.]+ is published by \.github\/workflows\/publish\.yml/,
		);
		expect(result.stderr).not.toMatch(/provenance generation/);
	});
});
