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
 * The JIT needs thousands of deletes before a side runs at its steady cost (the first 2,000-delete
 * round after a 200-delete warm-up cost up to 1.5 x the later ones, and with the node always first
 * that counted against the node), so two whole rounds of every side come first and are not counted.
 * Then eight rounds, each side once per round, the order rotating from round to round so that every
 * side runs in every position equally often (the machine's other load and any drift hit all alike);
 * the figures are medians over the rounds, with their spread (min / median / max). For information,
 * the median of the node / floor ratios of each round (two runs close in time). bench/profile.js
 * profiles the same work.
 */

const { performance } = require('node:perf_hooks');

const { startSandboxProcess } = require('../lib/sandbox-process');
const { runWith, preload } = require('../lib/engine');
const { plainLoop } = require('../lib/plain-loop');
const { koreWorkflow, floorWorkflow } = require('../lib/workflows');
const { median, round, seconds, spread, spreadSeconds } = require('../lib/numbers');

const DELETES = 2000;
const ROUNDS = 8;
const WARMUP_ROUNDS = 2;
const TARGET_CPU = 1.05;
const TARGET_WALL = 1.1;
const NODE_TIMEOUT_MS = 30_000; // the node's Timeout option's default (transport/requestOptions.ts)

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
			return {
				wallMs,
				cpuMs: (cpu.user + cpu.system) / 1000,
				connections: after.connections - before.connections,
			};
		};
		const engine = (label, workflow) => (n) =>
			timed(n, async (ids) => {
				const result = await runWith(sandbox, workflow(), ids);
				if (result.failed > 0 || result.ok !== ids.length)
					throw new Error(
						`overhead: ${label}: ${result.failed} items failed: ${result.firstError}`,
					);
			});
		const sides = {
			node: engine('node', () => koreWorkflow(options)),
			floor: engine('floor', () => floorWorkflow()),
			floorTimeout: engine('floor + Timeout', () => floorWorkflow(1, { timeout: NODE_TIMEOUT_MS })),
			floorTimeoutOutput: engine('floor + Timeout + output', () =>
				floorWorkflow(1, { timeout: NODE_TIMEOUT_MS, output: 'campaign' }),
			),
			loop: (n) => timed(n, (ids) => plainLoop(sandbox, ids)),
			loopNewConnection: (n) => timed(n, (ids) => plainLoop(sandbox, ids, false)),
		};
		const names = Object.keys(sides);
		const runs = Object.fromEntries(names.map((name) => [name, []]));
		for (let i = 0; i < WARMUP_ROUNDS + ROUNDS; i++) {
			const k = i % names.length;
			for (const name of [...names.slice(k), ...names.slice(0, k)]) {
				const result = await sides[name](DELETES);
				if (i >= WARMUP_ROUNDS) runs[name].push(result);
			}
		}
		const medianOf = (name, measure) => median(runs[name].map((r) => r[measure]));
		const ratioCpu = medianOf('node', 'cpuMs') / medianOf('floor', 'cpuMs');
		const ratioWall = medianOf('node', 'wallMs') / medianOf('floor', 'wallMs');
		const perRequest = (name) => round(median(runs[name].map((r) => r.connections / DELETES)));
		const step = (upper, lower) =>
			round(
				(median(runs[upper].map((r, i) => r.cpuMs - runs[lower][i].cpuMs)) * 1000) / DELETES,
				1,
			);
		return {
			deletes: DELETES,
			rounds: ROUNDS,
			warmupRounds: WARMUP_ROUNDS,
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
			// Where the node's extra CPU goes, in µs per delete: the median CPU of the floor and the node,
			// and each step of the ladder as the median over the rounds of that round's difference (two
			// runs close in time: the drift of the machine's load cancels out).
			cpuPerDeleteUs: {
				floor: round((medianOf('floor', 'cpuMs') * 1000) / DELETES, 1),
				node: round((medianOf('node', 'cpuMs') * 1000) / DELETES, 1),
				timeout: step('floorTimeout', 'floor'),
				output: step('floorTimeoutOutput', 'floorTimeout'),
				ownLogic: step('node', 'floorTimeoutOutput'),
			},
			ratioCpuToFloorTimeoutOutput: round(
				medianOf('node', 'cpuMs') / medianOf('floorTimeoutOutput', 'cpuMs'),
			),
			ratioCpuPerRound: round(median(runs.node.map((r, i) => r.cpuMs / runs.floor[i].cpuMs))),
			spread: Object.fromEntries(
				names.map((name) => [
					name,
					{
						cpuMs: spread(runs[name].map((r) => r.cpuMs)),
						wallMs: spread(runs[name].map((r) => r.wallMs)),
					},
				]),
			),
			runs: Object.fromEntries(
				Object.entries(runs).map(([key, values]) => [
					key,
					values.map((r) => ({ wallMs: round(r.wallMs, 1), cpuMs: round(r.cpuMs, 1) })),
				]),
			),
		};
	} finally {
		await sandbox.close();
	}
}

function rows(o, yes) {
	const c = o.connectionsPerRequest;
	const u = o.cpuPerDeleteUs;
	const plus = (us) => `${us >= 0 ? '+' : ''}${us.toFixed(1)} µs`;
	return [
		[
			'overhead',
			`CPU time: node ${seconds(o.nodeCpuMs)} / floor node on n8n's HTTP helper ${seconds(o.floorCpuMs)} (2,000 deletes, median of ${o.rounds})`,
			`${o.ratioCpu}`,
			`<= ${TARGET_CPU.toFixed(2)}`,
			yes(o.passCpu),
		],
		[
			'',
			`wall time: node ${seconds(o.nodeWallMs)} / floor node ${seconds(o.floorWallMs)}`,
			`${o.ratioWall}`,
			`<= ${TARGET_WALL.toFixed(2)}`,
			yes(o.passWall),
		],
		[
			'',
			`rounds, CPU (min / median / max): node ${spreadSeconds(o.spread.node.cpuMs)}, floor ${spreadSeconds(o.spread.floor.cpuMs)}; median of each round's node / floor`,
			`${o.ratioCpuPerRound}`,
			'',
			'',
		],
		[
			'',
			`rounds, wall: node ${spreadSeconds(o.spread.node.wallMs)}, floor ${spreadSeconds(o.spread.floor.wallMs)}`,
			'',
			'',
			'',
		],
		[
			'',
			`info: wall time, node / plain Node http loop with keep-alive ${seconds(o.plainLoopWallMs)} (CPU ${seconds(o.plainLoopCpuMs)})`,
			`${o.ratioToPlainLoopWall}`,
			'',
			'',
		],
		[
			'',
			`info: plain loop, new connection per request: ${seconds(o.plainLoopNewConnectionWallMs)} (CPU ${seconds(o.plainLoopNewConnectionCpuMs)})`,
			'',
			'',
			'',
		],
		[
			'',
			`info: TCP connections per request: node ${c.node}, floor ${c.floor}, plain loop ${c.loop} (keep-alive) / ${c.loopNewConnection}`,
			'',
			'',
			'',
		],
		[
			'',
			`info: CPU per delete, floor ${u.floor} µs; + the node's Timeout ${plus(u.timeout)}; + its Delete output ${plus(u.output)}; + its own per-item logic ${plus(u.ownLogic)} (median step of each round); node ${u.node} µs`,
			'',
			'',
			'',
		],
		[
			'',
			"info: CPU time, node / floor with the node's Timeout and Delete output",
			`${o.ratioCpuToFloorTimeoutOutput}`,
			'',
			'',
		],
	];
}

function headline(o, yes) {
	return [
		[
			"overhead, CPU (node / floor node on n8n's helper)",
			`${o.ratioCpu}`,
			`<= ${TARGET_CPU.toFixed(2)}`,
			yes(o.passCpu),
		],
		[
			'overhead, wall (node / floor node)',
			`${o.ratioWall}`,
			`<= ${TARGET_WALL.toFixed(2)}`,
			yes(o.passWall),
		],
	];
}

module.exports = { name: 'overhead', needsNodesBase: false, run, rows, headline };
