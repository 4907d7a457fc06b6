'use strict';
/**
 * concurrency: 500 deletes, 50 ms latency per answer, no rate limit, the node at Concurrency 8,
 * the sandbox in a process of its own. Ratio: wall time over the ideal 500 x 50 ms / 8.
 * Target: <= 1.10 and no slower than n8n's HTTP Request node batched (8 per batch, 50 ms apart),
 * which runs the same work in the same engine in the same run; its default settings (every item at
 * once) are shown too.
 */

const { startSandboxProcess } = require('../lib/sandbox-process');
const { runWith, preload } = require('../lib/engine');
const { koreWorkflow, httpWorkflow, batching } = require('../lib/workflows');
const { round, seconds } = require('../lib/numbers');

const DELETES = 500;
const LATENCY_MS = 50;
const CONCURRENCY = 8;
const IDEAL_MS = (DELETES * LATENCY_MS) / CONCURRENCY;
const TARGET = 1.1;

async function run({ nodesBaseDir }) {
	const sandbox = await startSandboxProcess({ rateLimit: false, record: false, latencyMs: LATENCY_MS });
	try {
		await preload({ nodesBaseDir });
		const go = async (workflow) => runWith(sandbox, workflow, await sandbox.addCampaigns(DELETES), { nodesBaseDir });
		// Warm-up of both nodes (JIT, the HTTP Request node's first use), untimed.
		await runWith(sandbox, koreWorkflow({ requestsPerMinute: 0, concurrency: CONCURRENCY }), await sandbox.addCampaigns(40), {});
		await runWith(sandbox, httpWorkflow(sandbox, batching(CONCURRENCY, LATENCY_MS)), await sandbox.addCampaigns(40), { nodesBaseDir });
		const ours = await go(koreWorkflow({ requestsPerMinute: 0, concurrency: CONCURRENCY }));
		const httpBatched = await go(httpWorkflow(sandbox, batching(CONCURRENCY, LATENCY_MS)));
		const httpDefault = await go(httpWorkflow(sandbox));
		const entry = (result) => ({ wallMs: round(result.wallMs, 1), ratio: round(result.wallMs / IDEAL_MS), ok: result.ok, failed: result.failed });
		const ratio = ours.wallMs / IDEAL_MS;
		const notSlowerThanBatched = ours.wallMs <= httpBatched.wallMs;
		return {
			deletes: DELETES,
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
		['concurrency', `node, Concurrency 8: ${seconds(c.node.wallMs)} / ideal ${seconds(c.idealMs)}; ${c.node.failed} failed`, `${c.ratio}`, `<= ${TARGET.toFixed(2)}`, yes(c.ratio <= TARGET && c.node.failed === 0)],
		['', `HTTP Request, batches of 8 every 50 ms: ${seconds(c.httpRequestBatched.wallMs)}, ${c.httpRequestBatched.failed} failed`, `${c.httpRequestBatched.ratio}`, '>= node', yes(c.notSlowerThanBatched)],
		['', `HTTP Request, default: ${seconds(c.httpRequestDefault.wallMs)}, ${c.httpRequestDefault.failed} failed`, `${c.httpRequestDefault.ratio}`, '', ''],
	];
}

module.exports = { name: 'concurrency', needsNodesBase: true, run, rows };
