'use strict';
// Reads V8 .cpuprofile files (from `node --cpu-prof` or bench/profile.js) and sums their samples:
// self time and total time (inclusive, each function counted once per sample even when it recurses)
// by function and by area (the package or part of Node a file belongs to; this project's own files
// by name), and by what the work is for (`PARTS`: n8n's HTTP helper, parameter reads, the node's own
// code, the engine and runtime, GC). Two profiles of the same number of deletes side by side say
// where one spends more.
//
//   node bench/lib/cpuprofile.js a.cpuprofile [b.cpuprofile] [--per=2000] [--top=25]
//     one profile: its areas and top functions; two: the same per delete, b subtracted from a.

const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** The area of one call frame: 'kore: transport/pacer.js', 'n8n-core', 'node: _http_client', '(garbage collector)'. */
function areaOf(frame) {
	if (SPECIAL.has(frame.functionName) && !frame.url) return frame.functionName;
	const url = frame.url.replace(/^file:\/\//, '');
	if (url === '') return '(native / V8 builtins)';
	if (url.startsWith('node:'))
		return `node: ${url.slice('node:'.length).replace(/^internal\//, '')}`;
	const modules = url.lastIndexOf('/node_modules/');
	if (modules >= 0) {
		const rest = url.slice(modules + '/node_modules/'.length).split('/');
		return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
	}
	if (url.startsWith(REPO_ROOT)) {
		const rel = path.relative(REPO_ROOT, url);
		if (rel.startsWith('dist/nodes/KoreAiContactCenter/'))
			return `kore: ${rel.slice('dist/nodes/KoreAiContactCenter/'.length)}`;
		if (rel.startsWith('dist/')) return `kore: ${rel.slice('dist/'.length)}`;
		return `tools: ${rel}`;
	}
	return url;
}

/**
 * What a sample's work is for, from its whole stack (the first rule that matches, leaf to root):
 * the garbage collector; n8n's HTTP helper and what it calls (axios, follow-redirects, Node's http);
 * n8n's getNodeParameter (expressions, parameter checks); the node's own code (dist/nodes/, or the
 * floor node) and the n8n calls it makes; everything else: the engine, promises, sockets' events.
 */
const PARTS = [
	'(idle)',
	'(garbage collector)',
	"n8n's HTTP helper",
	'getNodeParameter',
	"node's own code",
	'engine and runtime',
];

function partOf(stack) {
	const leaf = stack[0];
	if (leaf.functionName === '(idle)' || leaf.functionName === '(garbage collector)')
		return leaf.functionName;
	const helper = (f) =>
		f.functionName === 'httpRequestWithAuthentication' ||
		/node_modules\/(@n8n\/backend-network|axios|follow-redirects)\//.test(f.url);
	if (stack.some(helper)) return PARTS[2];
	if (stack.some((f) => /getNodeParameter$/.test(f.functionName))) return PARTS[3];
	if (stack.some((f) => f.url.includes('/dist/nodes/') || f.url.endsWith('/bench/floor-node.js')))
		return PARTS[4];
	return PARTS[5];
}

const frameKey = (frame) =>
	`${frame.functionName || '(anonymous)'} ${path.basename(frame.url || '')}:${frame.lineNumber + 1}`;

/**
 * @param {object} profile a parsed .cpuprofile
 * @returns {{ sampledMs, busyMs, self: Map<area, ms>, areaTotal: Map<area, ms>, fnSelf: Map, fnTotal: Map, fnArea: Map }}
 * busyMs: every sample but (idle), i.e. the thread's CPU time as the profiler saw it.
 */
function summarize(profile) {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const { samples, timeDeltas } = profile;
	const out = {
		sampledMs: 0,
		busyMs: 0,
		self: new Map(),
		areaTotal: new Map(),
		fnSelf: new Map(),
		fnTotal: new Map(),
		fnArea: new Map(),
		parts: new Map(),
	};
	const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
	const stacks = new Map(); // node id -> { fns: Set, areas: Set }: computed once per distinct leaf
	for (let i = 0; i < samples.length; i++) {
		// A sample stands for the time until the next one (the last one for its own delta).
		const ms = (i + 1 < timeDeltas.length ? timeDeltas[i + 1] : timeDeltas[i]) / 1000;
		const leaf = byId.get(samples[i]);
		out.sampledMs += ms;
		const leafArea = areaOf(leaf.callFrame);
		add(out.self, leafArea, ms);
		let stack = stacks.get(leaf.id);
		if (stack === undefined) {
			stack = { fns: new Set(), areas: new Set() };
			const frames = [];
			for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
				const frame = byId.get(id).callFrame;
				if (frame.functionName === '(root)') continue;
				frames.push(frame);
				const key = frameKey(frame);
				stack.fns.add(key);
				stack.areas.add(areaOf(frame));
				out.fnArea.set(key, areaOf(frame));
			}
			stack.part = frames.length > 0 ? partOf(frames) : '(idle)';
			stacks.set(leaf.id, stack);
		}
		add(out.parts, stack.part, ms);
		if (leafArea === '(idle)') continue;
		out.busyMs += ms;
		add(out.fnSelf, frameKey(leaf.callFrame), ms);
		for (const key of stack.fns) add(out.fnTotal, key, ms);
		for (const area of stack.areas) add(out.areaTotal, area, ms);
	}
	return out;
}

function load(file) {
	return summarize(JSON.parse(fs.readFileSync(file, 'utf8')));
}

const fixed = (ms, digits = 1) => ms.toFixed(digits).padStart(9);

/** Lines of a table: key, a's value, b's value, difference; per `per` deletes when given. */
function compareLines(title, mapA, mapB, { per, top, scale }) {
	const keys = new Set([...mapA.keys(), ...(mapB ? mapB.keys() : [])]);
	const rows = [...keys].map((key) => {
		const a = (mapA.get(key) ?? 0) * scale;
		const b = mapB ? (mapB.get(key) ?? 0) * scale : 0;
		return { key, a, b, diff: a - b };
	});
	rows.sort((x, y) => (mapB ? Math.abs(y.diff) - Math.abs(x.diff) : y.a - x.a));
	const unit = per ? 'µs per delete' : 'ms';
	const head = mapB
		? `${'a'.padStart(9)} ${'b'.padStart(9)} ${'a - b'.padStart(9)}`
		: `${'ms'.padStart(9)}`;
	const lines = [`${title} (${unit})`, `${head}  what`];
	for (const row of rows.slice(0, top)) {
		lines.push(
			mapB
				? `${fixed(row.a)} ${fixed(row.b)} ${fixed(row.diff)}  ${row.key}`
				: `${fixed(row.a)}  ${row.key}`,
		);
	}
	return lines;
}

/** A printable report of one profile, or of a against b. `per`: the deletes each profile covers. */
function report(a, b, { per, top = 25 } = {}) {
	// Per delete in µs: ms * 1000 / per.
	const scale = per ? 1000 / per : 1;
	const lines = [];
	const busy = (s) =>
		`${(s.busyMs * scale).toFixed(1)} ${per ? 'µs per delete' : 'ms'} busy of ${s.sampledMs.toFixed(0)} ms sampled`;
	lines.push(`a: ${busy(a)}`);
	if (b)
		lines.push(
			`b: ${busy(b)}`,
			`a - b: ${((a.busyMs - b.busyMs) * scale).toFixed(1)}${per ? ' µs per delete' : ' ms'}`,
		);
	lines.push(
		'',
		...compareLines(
			'time by what the work is for (bench/lib/cpuprofile.js PARTS)',
			a.parts,
			b?.parts,
			{ per, top, scale },
		),
	);
	lines.push('', ...compareLines('self time by area', a.self, b?.self, { per, top, scale }));
	lines.push(
		'',
		...compareLines('total time by area (inclusive)', a.areaTotal, b?.areaTotal, {
			per,
			top,
			scale,
		}),
	);
	lines.push(
		'',
		...compareLines('self time by function', a.fnSelf, b?.fnSelf, { per, top, scale }),
	);
	lines.push(
		'',
		...compareLines('total time by function (inclusive)', a.fnTotal, b?.fnTotal, {
			per,
			top,
			scale,
		}),
	);
	return lines.join('\n');
}

module.exports = { summarize, load, report, areaOf, PARTS };

if (require.main === module) {
	const args = process.argv.slice(2);
	const files = args.filter((arg) => !arg.startsWith('--'));
	const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
	if (files.length < 1 || files.length > 2) {
		process.stderr.write(
			'usage: node bench/lib/cpuprofile.js a.cpuprofile [b.cpuprofile] [--per=DELETES] [--top=N]\n',
		);
		process.exit(2);
	}
	const [a, b] = files.map(load);
	process.stdout.write(
		`${report(a, b, { per: option('per') ? Number(option('per')) : undefined, top: Number(option('top') ?? 25) })}\n`,
	);
}
