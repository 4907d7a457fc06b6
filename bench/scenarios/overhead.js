'use strict';
/**
 * overhead: 2,000 deletes one after the other (no latency, no rate limit; the node at Concurrency 1
 * and Requests per Minute 0), the sandbox in a process of its own.
 * Target: the node <= 1.10 x the floor, the trivial node that only sends the same DELETE through
 * n8n's HTTP helper (bench/floor-node.js): the least a verified node can do, since verified nodes
 * must use that helper. Both in CPU time of the measuring process (user + system; the sandbox's is
 * in its own process) and in wall time. CPU time is the steadier figure on a shared machine: wall
 * time also counts the time the process waited for a core other work held. For information: the
 * ratio over a plain loop of Node http requests (no n8n at all), with keep-alive and with a new
 * connection per request as the helper does.
 * Medians of five interleaved rounds after a warm-up: the machine's other load hits every side alike.
 */

const { performance } = require('node:perf_hooks');

const { startSandboxProcess } = require('../lib/sandbox-process');
const { runWith, preload } = require('../lib/engine');
const { plainLoop } = require('../lib/plain-loop');
const { koreWorkflow, floorWorkflow } = require('../lib/workflows');
const { median, round, seconds } = require('../lib/numbers');

const DELETES = 2000;
const ROUNDS = 5;
const TARGET = 1.1;

async function run() {
	const sandbox = await startSandboxProcess({ rateLimit: false, record: false });
	try {
		await preload();
		const options = { requestsPerMinute: 0, concurrency: 1 };
		/** Runs `work` on n fresh campaigns: { wallMs, cpuMs } of this process. */
		const timed = async (n, work) => {
			const ids = await sandbox.addCampaigns(n);
			const cpuBefore = process.cpuUsage();
			const started = performance.now();
			await work(ids);
			const wallMs = performance.now() - started;
			const cpu = process.cpuUsage(cpuBefore);
			return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
		};
		const node = (n) =>
			timed(n, async (ids) => {
				const result = await runWith(sandbox, koreWorkflow(options), ids);
				if (result.failed > 0) throw new Error(`overhead: ${result.failed} items failed: ${result.firstError}`);
			});
		const floor = (n) =>
			timed(n, async (ids) => {
				const result = await runWith(sandbox, floorWorkflow(), ids);
				if (result.failed > 0) throw new Error(`overhead: floor: ${result.failed} items failed: ${result.firstError}`);
			});
		const loop = (n, agent) => timed(n, (ids) => plainLoop(sandbox, ids, agent));
		// Warm-up: module loading and JIT on every side.
		await node(200);
		await floor(200);
		await loop(200);
		await loop(200, false);
		const runs = { node: [], floor: [], loop: [], loopNewConnection: [] };
		for (let i = 0; i < ROUNDS; i++) {
			runs.node.push(await node(DELETES));
			runs.floor.push(await floor(DELETES));
			runs.loop.push(await loop(DELETES));
			runs.loopNewConnection.push(await loop(DELETES, false));
		}
		const medianOf = (key, measure) => median(runs[key].map((r) => r[measure]));
		const cpu = { node: medianOf('node', 'cpuMs'), floor: medianOf('floor', 'cpuMs'), loop: medianOf('loop', 'cpuMs') };
		const wall = {
			node: medianOf('node', 'wallMs'),
			floor: medianOf('floor', 'wallMs'),
			loop: medianOf('loop', 'wallMs'),
			loopNewConnection: medianOf('loopNewConnection', 'wallMs'),
		};
		const ratioCpu = cpu.node / cpu.floor;
		const ratioWall = wall.node / wall.floor;
		return {
			deletes: DELETES,
			rounds: ROUNDS,
			nodeCpuMs: round(cpu.node, 1),
			floorCpuMs: round(cpu.floor, 1),
			ratioCpu: round(ratioCpu),
			nodeWallMs: round(wall.node, 1),
			floorWallMs: round(wall.floor, 1),
			ratioWall: round(ratioWall),
			target: TARGET,
			passCpu: ratioCpu <= TARGET,
			passWall: ratioWall <= TARGET,
			pass: ratioCpu <= TARGET && ratioWall <= TARGET,
			// Information: the same over a loop with no n8n in it.
			plainLoopCpuMs: round(cpu.loop, 1),
			plainLoopWallMs: round(wall.loop, 1),
			ratioToPlainLoopWall: round(wall.node / wall.loop),
			plainLoopNewConnectionWallMs: round(wall.loopNewConnection, 1),
			runs: Object.fromEntries(
				Object.entries(runs).map(([key, values]) => [key, values.map((r) => ({ wallMs: round(r.wallMs, 1), cpuMs: round(r.cpuMs, 1) }))]),
			),
		};
	} finally {
		await sandbox.close();
	}
}

function rows(o, yes) {
	return [
		['overhead', `CPU time: node ${seconds(o.nodeCpuMs)} / floor node on n8n's HTTP helper ${seconds(o.floorCpuMs)} (2,000 deletes, median of ${o.rounds})`, `${o.ratioCpu}`, `<= ${TARGET.toFixed(2)}`, yes(o.passCpu)],
		['', `wall time: node ${seconds(o.nodeWallMs)} / floor node ${seconds(o.floorWallMs)}`, `${o.ratioWall}`, `<= ${TARGET.toFixed(2)}`, yes(o.passWall)],
		['', `info: wall time, node / plain Node http loop with keep-alive ${seconds(o.plainLoopWallMs)} (CPU ${seconds(o.plainLoopCpuMs)})`, `${o.ratioToPlainLoopWall}`, '', ''],
		['', `info: plain loop, new connection per request: ${seconds(o.plainLoopNewConnectionWallMs)}`, '', '', ''],
	];
}

module.exports = { name: 'overhead', needsNodesBase: false, run, rows };
