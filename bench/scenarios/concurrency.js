'use strict';
/**
 * concurrency: 500 deletes, 50 ms latency per answer, no rate limit, 8 at once, the sandbox in a
 * process of its own. Contenders in the same run, in the same engine:
 * - the node at Concurrency 8;
 * - the floor at Concurrency 8: the helper-only node of the overhead scenario (bench/floor-node.js)
 *   with the node's worker pool, i.e. the least a verified node can do 8 at a time;
 * - n8n's HTTP Request node batched (8 per batch, 50 ms apart), and at its defaults (every item at
 *   once, no limit in flight: for information, it does not keep to 8);
 * - for information, a plain Node http pool of 8 (no n8n) with keep-alive and with a new connection
 *   per request, as n8n's helper opens one.
 * Targets: the node's wall time <= 1.05 x the floor's, and no slower than the HTTP Request node
 * batched. The ratio over the ideal 500 x 50 ms / 8 = 3.125 s is kept as information.
 *
 * Each contender runs once per round, in an order that rotates from round to round (the machine's
 * other load hits every side alike), after a warm-up; figures are medians of the rounds, with their
 * spread. Per run: wall time, the measuring process's CPU time (the sandbox's is in its own), the
 * TCP connections the sandbox accepted (stats.connections), and how many requests the sandbox held
 * at once (from its timeline: the time-weighted mean and the most), which shows who keeps to 8.
 */

const { performance } = require('node:perf_hooks');

const { startSandboxProcess } = require('../lib/sandbox-process');
const { runWith, preload } = require('../lib/engine');
const { plainLoop } = require('../lib/plain-loop');
const { koreWorkflow, floorWorkflow, httpWorkflow, batching } = require('../lib/workflows');
const { median, round, seconds, spread, spreadSeconds } = require('../lib/numbers');

const DELETES = 500;
const LATENCY_MS = 50;
const CONCURRENCY = 8;
const IDEAL_MS = (DELETES * LATENCY_MS) / CONCURRENCY;
const TARGET = 1.05; // the node's wall time over the floor's
const ROUNDS = 5;
const WARMUP = 200;

/** Requests in flight at the sandbox: time-weighted mean from the first arrival to the last answer, and the most. */
function inFlight(timeline) {
	const events = timeline
		.flatMap((e) => [
			[e.startedAt, 1],
			[e.endedAt, -1],
		])
		.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let current = 0;
	let most = 0;
	let area = 0;
	for (let i = 0; i < events.length; i++) {
		current += events[i][1];
		most = Math.max(most, current);
		if (i + 1 < events.length) area += current * (events[i + 1][0] - events[i][0]);
	}
	const span = events.length > 0 ? events[events.length - 1][0] - events[0][0] : 0;
	return { mean: span > 0 ? area / span : 0, most };
}

async function run({ nodesBaseDir }) {
	const sandbox = await startSandboxProcess({
		rateLimit: false,
		record: false,
		latencyMs: LATENCY_MS,
		timeline: true,
	});
	try {
		await preload({ nodesBaseDir });
		const viaEngine = (workflow) => async (ids) =>
			runWith(sandbox, workflow(), ids, { nodesBaseDir });
		const viaPlain = (agent) => async (ids) => {
			await plainLoop(sandbox, ids, agent, CONCURRENCY);
			return { ok: ids.length, failed: 0 };
		};
		const contenders = {
			node: viaEngine(() => koreWorkflow({ requestsPerMinute: 0, concurrency: CONCURRENCY })),
			floor: viaEngine(() => floorWorkflow(CONCURRENCY)),
			httpRequestBatched: viaEngine(() => httpWorkflow(sandbox, batching(CONCURRENCY, LATENCY_MS))),
			httpRequestDefault: viaEngine(() => httpWorkflow(sandbox)),
			plainKeepAlive: viaPlain(undefined),
			plainNewConnection: viaPlain(false),
		};
		/** One run on n fresh campaigns: wall, CPU of this process, connections the sandbox accepted. */
		const go = async (work, n) => {
			const ids = await sandbox.addCampaigns(n);
			const before = await sandbox.stats();
			await sandbox.timeline(); // forget earlier runs
			const cpuBefore = process.cpuUsage();
			const started = performance.now();
			const result = await work(ids);
			const wallMs = performance.now() - started;
			const cpu = process.cpuUsage(cpuBefore);
			const after = await sandbox.stats();
			const held = inFlight(await sandbox.timeline());
			return {
				inFlightMean: held.mean,
				inFlightMost: held.most,
				wallMs,
				cpuMs: (cpu.user + cpu.system) / 1000,
				ok: result.ok,
				failed: result.failed,
				connections: after.connections - before.connections,
				requests: after.requests - before.requests,
			};
		};
		// Warm-up (JIT, the HTTP Request node's first use), untimed.
		for (const work of Object.values(contenders)) await go(work, WARMUP);
		const names = Object.keys(contenders);
		const runs = Object.fromEntries(names.map((name) => [name, []]));
		for (let i = 0; i < ROUNDS; i++) {
			const order = [...names.slice(i % names.length), ...names.slice(0, i % names.length)];
			for (const name of order) runs[name].push(await go(contenders[name], DELETES));
		}
		const entry = (list) => {
			const wallMs = median(list.map((r) => r.wallMs));
			const cpuMs = median(list.map((r) => r.cpuMs));
			return {
				wallMs: round(wallMs, 1),
				ratioToIdeal: round(wallMs / IDEAL_MS),
				cpuMs: round(cpuMs, 1),
				cpuPerRequestMs: round(cpuMs / DELETES),
				ok: Math.min(...list.map((r) => r.ok)),
				failed: Math.max(...list.map((r) => r.failed)),
				connectionsPerRequest: round(median(list.map((r) => r.connections / r.requests))),
				inFlight: {
					mean: round(median(list.map((r) => r.inFlightMean)), 2),
					most: Math.max(...list.map((r) => r.inFlightMost)),
				},
				wall: spread(list.map((r) => r.wallMs)),
				cpu: spread(list.map((r) => r.cpuMs)),
			};
		};
		const results = Object.fromEntries(names.map((name) => [name, entry(runs[name])]));
		const ratioToFloor = results.node.wallMs / results.floor.wallMs;
		const notSlowerThanBatched = results.node.wallMs <= results.httpRequestBatched.wallMs;
		return {
			deletes: DELETES,
			rounds: ROUNDS,
			latencyMs: LATENCY_MS,
			concurrency: CONCURRENCY,
			idealMs: IDEAL_MS,
			...results,
			node: { concurrency: CONCURRENCY, ...results.node },
			floor: { concurrency: CONCURRENCY, ...results.floor },
			httpRequestBatched: {
				batchSize: CONCURRENCY,
				batchIntervalMs: LATENCY_MS,
				...results.httpRequestBatched,
			},
			ratioToFloor: round(ratioToFloor),
			ratio: results.node.ratioToIdeal,
			target: TARGET,
			notSlowerThanBatched,
			pass: ratioToFloor <= TARGET && notSlowerThanBatched && results.node.failed === 0,
		};
	} finally {
		await sandbox.close();
	}
}

function rows(c, yes) {
	const info = (label, e) => [
		'',
		`info: ${label}: ${seconds(e.wallMs)}, CPU ${seconds(e.cpuMs)}, ${e.connectionsPerRequest} connections per request`,
		`${e.ratioToIdeal} x ideal`,
		'',
		'',
	];
	return [
		[
			'concurrency',
			`node / floor at Concurrency 8, wall time: ${seconds(c.node.wallMs)} / ${seconds(c.floor.wallMs)} (median of ${c.rounds}); node ${c.node.failed} failed`,
			`${c.ratioToFloor}`,
			`<= ${TARGET.toFixed(2)}`,
			yes(c.ratioToFloor <= TARGET && c.node.failed === 0),
		],
		[
			'',
			`HTTP Request, batches of 8 every 50 ms: ${seconds(c.httpRequestBatched.wallMs)}, ${c.httpRequestBatched.failed} failed`,
			`${c.httpRequestBatched.ratioToIdeal} x ideal`,
			`node <= it`,
			yes(c.notSlowerThanBatched),
		],
		[
			'',
			`info: node ${seconds(c.node.wallMs)} / ideal ${seconds(c.idealMs)} (500 x 50 ms / 8); floor ${c.floor.ratioToIdeal} x ideal`,
			`${c.node.ratioToIdeal} x ideal`,
			'',
			'',
		],
		[
			'',
			`info: CPU per request: node ${c.node.cpuPerRequestMs} ms, floor ${c.floor.cpuPerRequestMs} ms, HTTP Request batched ${c.httpRequestBatched.cpuPerRequestMs} ms`,
			'',
			'',
			'',
		],
		[
			'',
			`info: connections per request: node ${c.node.connectionsPerRequest}, floor ${c.floor.connectionsPerRequest}, HTTP Request ${c.httpRequestBatched.connectionsPerRequest}`,
			'',
			'',
			'',
		],
		[
			'',
			`info: requests at the sandbox at once, mean (most): node ${c.node.inFlight.mean} (${c.node.inFlight.most}), floor ${c.floor.inFlight.mean} (${c.floor.inFlight.most}), HTTP Request batched ${c.httpRequestBatched.inFlight.mean} (${c.httpRequestBatched.inFlight.most})`,
			'',
			'',
			'',
		],
		info('HTTP Request, default (all at once)', c.httpRequestDefault),
		info('plain Node http, 8 at once, keep-alive', c.plainKeepAlive),
		info('plain Node http, 8 at once, new connection per request', c.plainNewConnection),
		[
			'',
			`rounds (min / median / max): node ${spreadSeconds(c.node.wall)}, floor ${spreadSeconds(c.floor.wall)}, HTTP Request batched ${spreadSeconds(c.httpRequestBatched.wall)}`,
			'',
			'',
			'',
		],
	];
}

function headline(c, yes) {
	return [
		[
			'concurrency 8, 50 ms latency (wall, node / floor node at Concurrency 8)',
			`${c.ratioToFloor}; x ideal 3.125 s: node ${c.node.ratioToIdeal}, floor ${c.floor.ratioToIdeal}, HTTP Request batched ${c.httpRequestBatched.ratioToIdeal}`,
			`<= ${TARGET.toFixed(2)}, and node <= HTTP Request batched`,
			`${yes(c.ratioToFloor <= TARGET && c.node.failed === 0)}; ${yes(c.notSlowerThanBatched)}`,
		],
	];
}

module.exports = { name: 'concurrency', needsNodesBase: true, run, rows, headline };
