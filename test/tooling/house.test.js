// The house rules of docs/architecture.md, read from the source (no build needed): every shipped file
// at most 260 lines, no `as unknown as` cast, one paging loop, and no import from a higher floor.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const NODE = 'nodes/KoreAiContactCenter/';

/**
 * The floor of a shipped file, lowest first, and its room. A file may import its own room and any
 * lower floor; rooms of one floor stay apart, except that the pickers (methods/) read the
 * resources' values (actions/resources.ts).
 */
function floorOf(rel) {
	if (rel.startsWith('common/')) return [0, 'common'];
	if (rel.startsWith('credentials/')) return [1, 'credentials'];
	if (!rel.startsWith(NODE)) return [Infinity, 'outside'];
	const inNode = rel.slice(NODE.length);
	const room = inNode.includes('/') ? inNode.split('/')[0] : 'node files';
	const floors = {
		transport: 2,
		api: 3,
		output: 4,
		actions: 5,
		methods: 5,
		trigger: 5,
		'node files': 6,
	};
	return [floors[room] ?? Infinity, room];
}

function sourceFiles(root) {
	const walk = (dir) =>
		fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const file = path.join(dir, entry.name);
			return entry.isDirectory() ? walk(file) : file.endsWith('.ts') ? [file] : [];
		});
	return ['common', 'credentials', 'nodes']
		.filter((dir) => fs.existsSync(path.join(root, dir)))
		.flatMap((dir) => walk(path.join(root, dir)));
}

/** Every break of the rules in the tree at `root`, one sentence each. */
function houseProblems(root) {
	const problems = [];
	for (const file of sourceFiles(root)) {
		const rel = path.relative(root, file).split(path.sep).join('/');
		const text = fs.readFileSync(file, 'utf8');
		const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
		if (lines > 260) problems.push(`${rel} has ${lines} lines (at most 260)`);
		if (rel.startsWith('nodes/') && text.includes('as unknown as'))
			problems.push(`${rel} casts 'as unknown as'`);
		if (text.includes('skip +=') && rel !== `${NODE}api/paging.ts`)
			problems.push(`${rel} pages on its own ('skip +='): use api/paging.ts`);
		const [mine, myRoom] = floorOf(rel);
		for (const match of text.matchAll(/^import\b[^;]*?\bfrom '(\.[^']*)'/gms)) {
			const resolved = path.resolve(path.dirname(file), match[1]);
			const isFolder = fs.existsSync(resolved) && fs.statSync(resolved).isDirectory();
			const target = path
				.relative(root, isFolder ? path.join(resolved, 'index.ts') : `${resolved}.ts`)
				.split(path.sep)
				.join('/');
			const [theirs, theirRoom] = floorOf(target);
			const pickerReadsResources = myRoom === 'methods' && target === `${NODE}actions/resources.ts`;
			if (theirs > mine || (theirs === mine && theirRoom !== myRoom && !pickerReadsResources)) {
				problems.push(`${rel} (${myRoom}) imports ${target} (${theirRoom})`);
			}
		}
	}
	return problems;
}

test('the shipped code keeps the house rules', () => {
	const root = path.resolve(__dirname, '..', '..');
	expect(sourceFiles(root).length).toBeGreaterThan(50);
	expect(houseProblems(root)).toEqual([]);
});

test('each rule can fail', () => {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'house-'));
	try {
		const write = (rel, text) => {
			fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
			fs.writeFileSync(path.join(root, rel), text);
		};
		write(`${NODE}actions/common.fields.ts`, 'export const x = 1;\n');
		write(`${NODE}transport/index.ts`, 'export const y = 1;\n');
		write(
			`${NODE}transport/settings.ts`,
			"import { x } from '../actions/common.fields';\nexport const z = x;\n",
		);
		write(`${NODE}api/paging.ts`, "import { y } from '../transport';\nlet skip = 0;\nskip += y;\n");
		write(
			`${NODE}output/simplify.ts`,
			"import { y } from '../transport';\nexport const w = y as unknown as string;\n",
		);
		write(`${NODE}methods/search.ts`, 'let skip = 0;\nskip += 1;\n');
		write(`${NODE}trigger/listing.ts`, "import type { x } from '../actions/common.fields';\n");
		write('common/long.ts', 'export const a = 1;\n'.repeat(261));
		expect(houseProblems(root).sort()).toEqual(
			[
				'common/long.ts has 261 lines (at most 260)',
				`${NODE}methods/search.ts pages on its own ('skip +='): use api/paging.ts`,
				`${NODE}output/simplify.ts casts 'as unknown as'`,
				`${NODE}transport/settings.ts (transport) imports ${NODE}actions/common.fields.ts (actions)`,
				`${NODE}trigger/listing.ts (trigger) imports ${NODE}actions/common.fields.ts (actions)`,
			].sort(),
		);
	} finally {
		fs.rmSync(root, { recursive: true, force: true });
	}
});
