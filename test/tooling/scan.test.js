// The local verification scan must be able to fail: a package breaking the scanner's rules in its
// source and in its tarball is caught on both legs, and ours passes.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

// The scanner is an ES module; jest runs CommonJS, so the scan runs as its own process.
function scanPackage(dir) {
	// Without jest's NODE_ENV=test: eslint-plugin-n8n-nodes-base switches to a test mode under it and
	// reports node files as misnamed trigger nodes.
	const env = { ...process.env };
	delete env.NODE_ENV;
	const out = spawnSync(
		process.execPath,
		[path.join(__dirname, '..', '..', 'scripts', 'scan.js'), dir, '--json'],
		{
			encoding: 'utf8',
			env,
		},
	);
	return JSON.parse(out.stdout);
}

const root = path.resolve(__dirname, '..', '..');

test('our package passes both legs of the verification scan', async () => {
	const results = await scanPackage(root);
	expect(results.map(({ leg, passed, details }) => ({ leg, passed, details }))).toEqual([
		{ leg: 'source', passed: true, details: undefined },
		{ leg: 'tarball', passed: true, details: undefined },
	]);
});

test('a package using restricted globals and a runtime dependency fails on both legs', async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kore-scan-bad-'));
	try {
		const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
		pkg.name = 'n8n-nodes-bad-example';
		pkg.dependencies = { axios: '1.0.0' };
		delete pkg.scripts;
		delete pkg.devDependencies;
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg));
		const bad =
			'export function run(): void { setTimeout(() => undefined, 1); console.log(process.env.HOME); }\n';
		fs.mkdirSync(path.join(dir, 'nodes'));
		fs.writeFileSync(path.join(dir, 'nodes', 'bad.ts'), bad);
		fs.mkdirSync(path.join(dir, 'dist', 'nodes'), { recursive: true });
		fs.writeFileSync(path.join(dir, 'dist', 'nodes', 'bad.js'), bad.replace(': void', ''));
		const results = await scanPackage(dir);
		expect(results.map((r) => [r.leg, r.passed])).toEqual([
			['source', false],
			['tarball', false],
		]);
		for (const result of results) {
			expect(result.details).toMatch(/restricted global 'process'/);
			expect(result.details).toMatch(/restricted global 'setTimeout'/);
		}
		expect(results[0].details).toMatch(/dependencies/i);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
