'use strict';
/**
 * concurrency: 500 deletes, 50 ms latency per answer, no rate limit, the node at Concurrency 8,
 * the sandbox in a process of its own. Ratio: wall time over the ideal 500 x 50 ms / 8.
 * Target: <= 1.10 and no slower than n8n's HTTP Request node batched (8 per batch, 50 ms apart),
 * which runs the same work in the same engine in the same run; its default settings (every item at
 * once) are shown too. Medians of three interleaved rounds (the machine's other load hits every side
 * alike); the CPU time of the measuring process per run is recorded too (the sandbox's is in its own).
 */

const { startSandboxProcess } = require('../lib/sandbox-process');
const { runWith, preload } = require('../lib/engine');
const { koreWorkflow, httpWorkflow, batching } = require('../lib/workflows');
const { median, round, seconds } = require('../lib/numbers');

const DELETES = 500;
const LATENCY_MS = 50;
const CONCURRENCY = 8;
const IDEAL_MS = (DELETES * LATENCY_MS) / CONCURRENCY;
const TARGET = 1.1;
const ROUNDS = 3;

async function run({ nodesBaseDir }) {
	const sandbox = await startSandboxProcess({ rateLimit: false, record: false, latencyMs: LATENCY_MS });
	try {
		await preload({ nodesBaseDir });
		const go = async (workflow) => {
			const ids = await sandbox.addCampaigns(DELETES);
			const cpuBefore = process.cpuUsage();
			const result = await runWith(sandbox, workflow, ids, { nodesBaseDir });
			const cpu = process.cpuUsage(cpuBefore);
			return { ...result, cpuMs: (cpu.user + cpu.system) / 1000 };
		};
		// Warm-up of both nodes (JIT, the HTTP Request node's first use), untimed.
		await runWith(sandbox, koreWorkflow({ requestsPerMinute: 0, concurrency: CONCURRENCY }), await sandbox.addCampaigns(40), {});
		await runWith(sandbox, httpWorkflow(sandbox, batching(CONCURRENCY, LATENCY_MS)), await sandbox.addCampaigns(40), { nodesBaseDir });
		const runs = { node: [], httpBatched: [], httpDefault: [] };
		for (let i = 0; i < ROUNDS; i++) {
			runs.node.push(await go(koreWorkflow({ requestsPerMinute: 0, concurrency: CONCURRENCY })));
			runs.httpBatched.push(await go(httpWorkflow(sandbox, batching(CONCURRENCY, LATENCY_MS))));
			runs.httpDefault.push(await go(httpWorkflow(sandbox)));
		}
		// The median by wall time, with the most failed items of any round.
		const pick = (list) => ({
			...list.find((r) => r.wallMs === median(list.map((x) => x.wallMs))),
			failed: Math.max(...list.map((r) => r.failed)),
			cpuMs: median(list.map((r) => r.cpuMs)),
			wallMsRuns: list.map((r) => round(r.wallMs, 1)),
		});
		const ours = pick(runs.node);
		const httpBatched = pick(runs.httpBatched);
		const httpDefault = pick(runs.httpDefault);
		const entry = (result) => ({
			wallMs: round(result.wallMs, 1),
			ratio: round(result.wallMs / IDEAL_MS),
			cpuMs: round(result.cpuMs, 1),
			ok: result.ok,
			failed: result.failed,
			wallMsRuns: result.wallMsRuns,
		});
		const ratio = ours.wallMs / IDEAL_MS;
		const notSlowerThanBatched = ours.wallMs <= httpBatched.wallMs;
		return {
			deletes: DELETES,
			rounds: ROUNDS,
			latencyMs: LATENCY_MS,
			idealMs: IDEAL_MS,
			node: { concurrency: CONCURRENCY, ...entry(ours) },
			httpRequestBatched: { batchSize: CONCURRENCY, batchIntervalMs: LATENCY_MS, ...entry(httpBatched) },
			httpRequestDefault: entry(httpDefault),
			ratio: round(ratio),
			target: TARGET,
			notSlowerThanBatched,
			pass: ratio <= TARGET && notSlowerThanBatched && ours.failed === 0,
		};
	} finally {
		await sandbox.close();
	}
}

function rows(c, yes) {
	return [
		['concurrency', `node, Concurrency 8: ${seconds(c.node.wallMs)} / ideal ${seconds(c.idealMs)} (median of ${c.rounds}; CPU ${seconds(c.node.cpuMs)}); ${c.node.failed} failed`, `${c.ratio}`, `<= ${TARGET.toFixed(2)}`, yes(c.ratio <= TARGET && c.node.failed === 0)],
		['', `HTTP Request, batches of 8 every 50 ms: ${seconds(c.httpRequestBatched.wallMs)} (CPU ${seconds(c.httpRequestBatched.cpuMs)}), ${c.httpRequestBatched.failed} failed`, `${c.httpRequestBatched.ratio}`, '>= node', yes(c.notSlowerThanBatched)],
		['', `HTTP Request, default: ${seconds(c.httpRequestDefault.wallMs)} (CPU ${seconds(c.httpRequestDefault.cpuMs)}), ${c.httpRequestDefault.failed} failed`, `${c.httpRequestDefault.ratio}`, '', ''],
	];
}

module.exports = { name: 'concurrency', needsNodesBase: true, run, rows };
