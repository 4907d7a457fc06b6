'use strict';
/**
 * overhead: 2,000 deletes one after the other (no latency, no rate limit; the node at Concurrency 1
 * and Requests per Minute 0), the sandbox in a process of its own.
 * Targets: the node <= 1.05 x the floor in CPU time, <= 1.10 x in wall time. The floor is the
 * trivial node that only sends the same DELETE through n8n's HTTP helper (bench/floor-node.js): the
 * least a verified node can do, since verified nodes must use that helper. CPU time is that of the
 * measuring process (user + system; the sandbox's is in its own process) and the steadier figure on
 * a shared machine: wall time also counts the time the process waited for a core other work held.
 * For information: a plain loop of Node http requests (no n8n at all), with keep-alive and with a
 * new connection per request as the helper does, and the TCP connections each side opened per
 * request (counted by the sandbox). And where the node's extra CPU per delete goes, measured as a
 * ladder from the floor to the node: the floor with the node's Timeout (30 s, passed to the helper
 * as the node does), then also with the node's Delete output (the deleted campaign, simplified by
 * the node's own code); what remains between that and the node is the node's own per-item logic
 * (reading and checking parameters and options, pacing and retry bookkeeping, reading the answer).
 *
 * The JIT needs a few thousand deletes before either side runs at its steady cost (the first
 * 2,000-delete round after a 200-delete warm-up cost up to 1.5 x the later ones), so both sides warm
 * up on 2,000 deletes each first, alternating. Then seven rounds, each side once per round, the order
 * reversed every other round (the machine's other load and any drift hit both alike); the figures
 * are medians over the rounds, with their spread (min / median / max). bench/profile.js profiles
 * the same work.
 */

const { performance } = require('node:perf_hooks');

const { startSandboxProcess } = require('../lib/sandbox-process');
const { runWith, preload } = require('../lib/engine');
const { plainLoop } = require('../lib/plain-loop');
const { koreWorkflow, floorWorkflow } = require('../lib/workflows');
const { median, round, seconds, spread, spreadSeconds } = require('../lib/numbers');

const DELETES = 2000;
const ROUNDS = 7;
const WARMUP = 2000;
const TARGET_CPU = 1.05;
const TARGET_WALL = 1.1;
const NODE_TIMEOUT_MS = 30_000; // the node's Timeout option's default (actions/common.fields.ts)

async function run() {
	const sandbox = await startSandboxProcess({ rateLimit: false, record: false });
	try {
		await preload();
		const options = { requestsPerMinute: 0, concurrency: 1 };
		/** Runs `work` on n fresh campaigns: wall and CPU time of this process, connections opened. */
		const timed = async (n, work) => {
			const ids = await sandbox.addCampaigns(n);
			const before = await sandbox.stats();
			const cpuBefore = process.cpuUsage();
			const started = performance.now();
			await work(ids);
			const wallMs = performance.now() - started;
			const cpu = process.cpuUsage(cpuBefore);
			const after = await sandbox.stats();
			return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, connections: after.connections - before.connections };
		};
		const engine = (label, workflow) => (n) =>
			timed(n, async (ids) => {
				const result = await runWith(sandbox, workflow(), ids);
				if (result.failed > 0 || result.ok !== ids.length) throw new Error(`overhead: ${label}: ${result.failed} items failed: ${result.firstError}`);
			});
		const sides = {
			node: engine('node', () => koreWorkflow(options)),
			floor: engine('floor', () => floorWorkflow()),
			floorTimeout: engine('floor + Timeout', () => floorWorkflow(1, { timeout: NODE_TIMEOUT_MS })),
			floorTimeoutOutput: engine('floor + Timeout + output', () => floorWorkflow(1, { timeout: NODE_TIMEOUT_MS, output: 'campaign' })),
			loop: (n) => timed(n, (ids) => plainLoop(sandbox, ids)),
			loopNewConnection: (n) => timed(n, (ids) => plainLoop(sandbox, ids, false)),
		};
		for (let done = 0; done < WARMUP; done += 500) {
			for (const name of ['node', 'floor', 'floorTimeout', 'floorTimeoutOutput']) await sides[name](500);
		}
		await sides.loop(200);
		await sides.loopNewConnection(200);
		const names = Object.keys(sides);
		const runs = Object.fromEntries(names.map((name) => [name, []]));
		for (let i = 0; i < ROUNDS; i++) {
			for (const name of i % 2 === 0 ? names : [...names].reverse()) runs[name].push(await sides[name](DELETES));
		}
		const medianOf = (name, measure) => median(runs[name].map((r) => r[measure]));
		const ratioCpu = medianOf('node', 'cpuMs') / medianOf('floor', 'cpuMs');
		const ratioWall = medianOf('node', 'wallMs') / medianOf('floor', 'wallMs');
		const perRequest = (name) => round(median(runs[name].map((r) => r.connections / DELETES)));
		return {
			deletes: DELETES,
			rounds: ROUNDS,
			warmup: WARMUP,
			nodeCpuMs: round(medianOf('node', 'cpuMs'), 1),
			floorCpuMs: round(medianOf('floor', 'cpuMs'), 1),
			ratioCpu: round(ratioCpu),
			nodeWallMs: round(medianOf('node', 'wallMs'), 1),
			floorWallMs: round(medianOf('floor', 'wallMs'), 1),
			ratioWall: round(ratioWall),
			targetCpu: TARGET_CPU,
			targetWall: TARGET_WALL,
			passCpu: ratioCpu <= TARGET_CPU,
			passWall: ratioWall <= TARGET_WALL,
			pass: ratioCpu <= TARGET_CPU && ratioWall <= TARGET_WALL,
			// Information: the same over a loop with no n8n in it, and the connections per request.
			plainLoopCpuMs: round(medianOf('loop', 'cpuMs'), 1),
			plainLoopWallMs: round(medianOf('loop', 'wallMs'), 1),
			ratioToPlainLoopWall: round(medianOf('node', 'wallMs') / medianOf('loop', 'wallMs')),
			plainLoopNewConnectionWallMs: round(medianOf('loopNewConnection', 'wallMs'), 1),
			plainLoopNewConnectionCpuMs: round(medianOf('loopNewConnection', 'cpuMs'), 1),
			connectionsPerRequest: Object.fromEntries(names.map((name) => [name, perRequest(name)])),
			// Where the node's extra CPU goes: median CPU per delete (µs) along the ladder.
			cpuPerDeleteUs: Object.fromEntries(
				['floor', 'floorTimeout', 'floorTimeoutOutput', 'node'].map((name) => [name, round((medianOf(name, 'cpuMs') * 1000) / DELETES, 1)]),
			),
			ratioCpuToFloorTimeoutOutput: round(medianOf('node', 'cpuMs') / medianOf('floorTimeoutOutput', 'cpuMs')),
			spread: Object.fromEntries(
				names.map((name) => [name, { cpuMs: spread(runs[name].map((r) => r.cpuMs)), wallMs: spread(runs[name].map((r) => r.wallMs)) }]),
			),
			runs: Object.fromEntries(
				Object.entries(runs).map(([key, values]) => [key, values.map((r) => ({ wallMs: round(r.wallMs, 1), cpuMs: round(r.cpuMs, 1) }))]),
			),
		};
	} finally {
		await sandbox.close();
	}
}

function rows(o, yes) {
	const c = o.connectionsPerRequest;
	const u = o.cpuPerDeleteUs;
	const diff = (a, b) => `${a - b >= 0 ? '+' : ''}${(a - b).toFixed(1)} µs`;
	return [
		['overhead', `CPU time: node ${seconds(o.nodeCpuMs)} / floor node on n8n's HTTP helper ${seconds(o.floorCpuMs)} (2,000 deletes, median of ${o.rounds})`, `${o.ratioCpu}`, `<= ${TARGET_CPU.toFixed(2)}`, yes(o.passCpu)],
		['', `wall time: node ${seconds(o.nodeWallMs)} / floor node ${seconds(o.floorWallMs)}`, `${o.ratioWall}`, `<= ${TARGET_WALL.toFixed(2)}`, yes(o.passWall)],
		['', `rounds, CPU (min / median / max): node ${spreadSeconds(o.spread.node.cpuMs)}, floor ${spreadSeconds(o.spread.floor.cpuMs)}`, '', '', ''],
		['', `rounds, wall: node ${spreadSeconds(o.spread.node.wallMs)}, floor ${spreadSeconds(o.spread.floor.wallMs)}`, '', '', ''],
		['', `info: wall time, node / plain Node http loop with keep-alive ${seconds(o.plainLoopWallMs)} (CPU ${seconds(o.plainLoopCpuMs)})`, `${o.ratioToPlainLoopWall}`, '', ''],
		['', `info: plain loop, new connection per request: ${seconds(o.plainLoopNewConnectionWallMs)} (CPU ${seconds(o.plainLoopNewConnectionCpuMs)})`, '', '', ''],
		['', `info: TCP connections per request: node ${c.node}, floor ${c.floor}, plain loop ${c.loop} (keep-alive) / ${c.loopNewConnection}`, '', '', ''],
		['', `info: CPU per delete, floor ${u.floor} µs; + the node's Timeout ${diff(u.floorTimeout, u.floor)}; + the node's Delete output ${diff(u.floorTimeoutOutput, u.floorTimeout)}; + the node's own per-item logic ${diff(u.node, u.floorTimeoutOutput)}; node ${u.node} µs`, '', '', ''],
		['', 'info: CPU time, node / floor with the node\'s Timeout and Delete output', `${o.ratioCpuToFloorTimeoutOutput}`, '', ''],
	];
}

function headline(o, yes) {
	return [
		['overhead, CPU (node / floor node on n8n\'s helper)', `${o.ratioCpu}`, `<= ${TARGET_CPU.toFixed(2)}`, yes(o.passCpu)],
		['overhead, wall (node / floor node)', `${o.ratioWall}`, `<= ${TARGET_WALL.toFixed(2)}`, yes(o.passWall)],
	];
}

module.exports = { name: 'overhead', needsNodesBase: false, run, rows, headline };
