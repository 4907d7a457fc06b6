'use strict';
// The memory scenario's measuring process (forked by bench/scenarios/memory.js with --expose-gc):
// a heap that earlier scenarios grew would let V8 postpone collections and blur the figures.
// Sends one message to its parent: the figures, or { error }.

const { startSandboxProcess } = require('../lib/sandbox-process');
const { runWith, preload } = require('../lib/engine');
const { koreWorkflow, floorWorkflow } = require('../lib/workflows');
const { round, mb } = require('../lib/numbers');

const DELETES = 10_000;
const nodeWorkflow = () => koreWorkflow({ requestsPerMinute: 0, concurrency: 8 });

/**
 * Peak heapUsed over the baseline (taken after a full collection) during DELETES deletes.
 * gcEveryMs: collect that often and sample right after (memory retained); 0: sample every 10 ms
 * without collecting (raw, garbage included).
 */
async function measure(sandbox, workflow, gcEveryMs) {
	const ids = await sandbox.addCampaigns(DELETES);
	global.gc();
	const baseline = process.memoryUsage().heapUsed;
	let peak = baseline;
	const sample = () => {
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	};
	const sampler = gcEveryMs
		? setInterval(() => {
				global.gc();
				sample();
			}, gcEveryMs)
		: setInterval(sample, 10);
	let result;
	try {
		result = await runWith(sandbox, workflow, ids);
	} finally {
		clearInterval(sampler);
	}
	if (!gcEveryMs) sample();
	if (result.failed > 0)
		throw new Error(`memory: ${result.failed} items failed: ${result.firstError}`);
	return { wallMs: result.wallMs, growthMb: mb(peak - baseline), baselineMb: mb(baseline) };
}

async function main() {
	if (!global.gc) throw new Error('run with node --expose-gc');
	const sandbox = await startSandboxProcess({ rateLimit: false, record: false });
	try {
		await preload();
		// Warm-up of both nodes.
		await runWith(sandbox, nodeWorkflow(), await sandbox.addCampaigns(200));
		await runWith(sandbox, floorWorkflow(), await sandbox.addCampaigns(200));
		const raw = await measure(sandbox, nodeWorkflow(), 0);
		const retained = await measure(sandbox, nodeWorkflow(), 250);
		const floorRaw = await measure(sandbox, floorWorkflow(), 0);
		const floorRetained = await measure(sandbox, floorWorkflow(), 250);
		return {
			deletes: DELETES,
			wallMs: round(raw.wallMs, 1),
			baselineHeapMb: round(raw.baselineMb, 1),
			retainedPeakGrowthMb: round(retained.growthMb, 1),
			rawPeakGrowthMb: round(raw.growthMb, 1),
			floorRetainedPeakGrowthMb: round(floorRetained.growthMb, 1),
			floorRawPeakGrowthMb: round(floorRaw.growthMb, 1),
		};
	} finally {
		await sandbox.close();
	}
}

main().then(
	(result) => process.send(result, () => process.exit(0)),
	(error) => process.send({ error: error.stack ?? String(error) }, () => process.exit(1)),
);
