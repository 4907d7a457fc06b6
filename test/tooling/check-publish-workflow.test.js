// The publish-workflow check in .ci/run must be able to fail: a token, setup-node's registry-url, a Node
// whose npm cannot do OIDC, a missing id-token permission or a publish without provenance are each
// reported; ours passes.
const fs = require('node:fs');
const path = require('node:path');
const { checkPublishWorkflow } = require('../../scripts/check-publish-workflow.js');

const ours = fs.readFileSync(
	path.join(__dirname, '..', '..', '.github', 'workflows', 'publish.yml'),
	'utf8',
);

test('our publish.yml is fit for trusted publishing', () => {
	expect(checkPublishWorkflow(ours)).toEqual([]);
});

test('a token in the workflow is reported, wherever it is', () => {
	const withToken = `${ours}        env:\n          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}\n`;
	const problems = checkPublishWorkflow(withToken);
	expect(problems).toHaveLength(1);
	expect(problems[0]).toMatch(
		/^line \d+ names an npm token \(NODE_AUTH_TOKEN: \$\{\{ secrets\.NPM_TOKEN \}\}\)/,
	);
});

test("setup-node's registry-url is reported: its .npmrc token line can stop the OIDC exchange", () => {
	const withRegistry = ours.replace(
		/( +)node-version: 24\n/,
		'$1node-version: 24\n$1registry-url: https://registry.npmjs.org\n',
	);
	expect(withRegistry).not.toBe(ours);
	expect(checkPublishWorkflow(withRegistry)).toEqual([
		expect.stringMatching(/^line \d+ gives setup-node a registry-url/),
	]);
});

test("Node 20's npm 10 is refused unless a step installs npm 11", () => {
	const node20 = ours.replace(/node-version: 24/, 'node-version: 20');
	expect(checkPublishWorkflow(node20)).toEqual([
		expect.stringMatching(/npm may be older than 11\.5\.1 \(node-version: 20\)/),
	]);
	expect(
		checkPublishWorkflow(
			node20.replace(
				'      - run: npm ci',
				'      - run: npm install -g npm@11\n      - run: npm ci',
			),
		),
	).toEqual([]);
	expect(
		checkPublishWorkflow(
			node20.replace(
				'      - run: npm ci',
				'      - run: npm install -g npm@10\n      - run: npm ci',
			),
		),
	).toHaveLength(1);
	expect(
		checkPublishWorkflow(ours.replace(/node-version: 24/, 'node-version: 24.4.0')),
	).toHaveLength(1);
	expect(checkPublishWorkflow(ours.replace(/node-version: 24/, "node-version: '24.5.0'"))).toEqual(
		[],
	);
	expect(
		checkPublishWorkflow(ours.replace(/node-version: 24/, "node-version: 'lts/*'")),
	).toHaveLength(1);
});

test('no id-token permission, or a publish without provenance, is reported', () => {
	expect(checkPublishWorkflow(ours.replace(/^\s*id-token: write\n/m, '\n'))).toEqual([
		expect.stringMatching(/no `id-token: write`/),
	]);
	expect(checkPublishWorkflow(ours.replace('npm publish --provenance', 'npm publish'))).toEqual([
		expect.stringMatching(/no `npm publish --provenance` step/),
	]);
});
