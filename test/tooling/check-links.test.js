// The link check (.ci/run) must be able to fail: a link to a missing file and an anchor that no
// heading produces are reported, and the command exits non-zero; links in code are not links.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { checkFiles, slug } = require('../../scripts/check-links.js');

const script = path.join(__dirname, '..', '..', 'scripts', 'check-links.js');

const made = [];
afterAll(() => made.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

// A project with every file the check reads by default; `files` adds or replaces some.
function project(files) {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kore-links-'));
	made.push(root);
	const defaults = {
		'CHANGELOG.md': '# Changelog\n',
		'e2e/README.md': '# e2e\n',
		'sandbox/README.md': '# Sandbox\n',
	};
	for (const [name, text] of Object.entries({ ...defaults, ...files })) {
		fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
		fs.writeFileSync(path.join(root, name), text);
	}
	return root;
}

function run(root) {
	return spawnSync(process.execPath, [script, '--root', root], { encoding: 'utf8' });
}

const guide = [
	'# Guide',
	'',
	'## Queue mode: several workers, one Kore.ai account',
	'',
	'## Output',
	'',
	'## Output',
	'',
	'See [queue mode](#queue-mode-several-workers-one-koreai-account), [the second Output](#output-1),',
	'[the docs](docs/guide.md#the-demo-npm-start), [a folder](docs) and [a site](https://example.com/missing).',
	'',
	'```markdown',
	'[inside a code block](nowhere.md) is not a link',
	'```',
	'',
	'`[inline code](nowhere.md)` is not a link either.',
	'',
].join('\n');
const docs = '# Docs\n\n## The demo: `npm start`\n\nBack to the [guide](../README.md#output).\n';

test("GitHub's anchor rule: lower case, punctuation dropped, spaces to hyphens", () => {
	expect(slug('Queue mode: several workers, one Kore.ai account')).toBe(
		'queue-mode-several-workers-one-koreai-account',
	);
	expect(slug("Kore.ai's API pages")).toBe('koreais-api-pages');
	expect(slug('The demo: `npm start`')).toBe('the-demo-npm-start');
	expect(slug('Bulk runs: pacing, retries, and deletes that never get lost')).toBe(
		'bulk-runs-pacing-retries-and-deletes-that-never-get-lost',
	);
	expect(slug('Install it in n8n')).toBe('install-it-in-n8n');
	expect(slug('A / B')).toBe('a--b');
});

test('a project whose links all resolve passes', () => {
	const root = project({ 'README.md': guide, 'docs/guide.md': docs });
	expect(checkFiles(root, ['README.md', 'docs/guide.md'])).toEqual([]);
	const result = run(root);
	expect(result.status).toBe(0);
	expect(result.stdout).toMatch(/every relative link and anchor resolves/);
});

test('a link to a missing file fails the check, naming the file and line', () => {
	const root = project({
		'README.md': `${guide}Read [the releasing guide](docs/releasing.md).\n`,
		'docs/guide.md': docs,
	});
	const result = run(root);
	expect(result.status).toBe(1);
	expect(result.stderr).toContain(
		'README.md:17: docs/releasing.md: docs/releasing.md does not exist',
	);
	expect(result.stderr).toMatch(/1 broken link\(s\)/);
});

test('an anchor no heading produces fails the check, in the same file and in another one', () => {
	const root = project({
		'README.md': `${guide}See [queue mode](#queue-mode-several-workers-one-kore-ai-account).\n`,
		'docs/guide.md': docs.replace('../README.md#output', '../README.md#outputs'),
	});
	const result = run(root);
	expect(result.status).toBe(1);
	expect(result.stderr).toContain(
		'README.md:17: #queue-mode-several-workers-one-kore-ai-account: no heading in README.md has the anchor #queue-mode-several-workers-one-kore-ai-account',
	);
	expect(result.stderr).toContain(
		'docs/guide.md:5: ../README.md#outputs: no heading in README.md has the anchor #outputs',
	);
	expect(result.stderr).toMatch(/2 broken link\(s\)/);
});

test('images and reference-style links are checked too', () => {
	const root = project({
		'README.md':
			'# Guide\n\n<img src="docs/missing.png" alt="x">\n\n[Unreleased]: docs/missing.md\n',
	});
	expect(checkFiles(root, ['README.md']).map(({ line, target }) => `${line} ${target}`)).toEqual([
		'3 docs/missing.png',
		'5 docs/missing.md',
	]);
});
