'use strict';
/**
 * ratelimit: 300 deletes, 50 ms latency, the sandbox (a process of its own) limited to 10 requests
 * per rolling second: Kore.ai's documented 60 per minute scaled up to 600 per minute so the run
 * takes 30 s instead of 5 minutes. The node at Requests per Minute 600. Ratio: wall time over the
 * ideal 300 / (600 per minute) = 30 s. Target: <= 1.05 with 0 failed items. For comparison, n8n's
 * HTTP Request node's failed items (429 answers on its error output), default and batched at the
 * limit (10 per batch, 1 s apart). Each run gets a fresh sandbox: its own window and, on another
 * port, its own pacer in the node.
 */

const { startSandboxProcess } = require('../lib/sandbox-process');
const { runWith, preload } = require('../lib/engine');
const { koreWorkflow, httpWorkflow, batching } = require('../lib/workflows');
const { round, seconds } = require('../lib/numbers');

const DELETES = 300;
const LATENCY_MS = 50;
const PER_MINUTE = 600;
const LIMIT = { perMinute: 10, windowMs: 1000 }; // the sandbox counts perMinute per window
const IDEAL_MS = (DELETES / PER_MINUTE) * 60_000;
const TARGET = 1.05;

async function run({ nodesBaseDir }) {
	await preload({ nodesBaseDir });
	const results = {};
	for (const [key, build] of [
		['node', () => koreWorkflow({ requestsPerMinute: PER_MINUTE, concurrency: 8 })],
		['httpRequestDefault', (sandbox) => httpWorkflow(sandbox)],
		['httpRequestBatched', (sandbox) => httpWorkflow(sandbox, batching(10, 1000))],
	]) {
		const sandbox = await startSandboxProcess({
			rateLimit: LIMIT,
			record: false,
			latencyMs: LATENCY_MS,
		});
		try {
			const result = await runWith(sandbox, build(sandbox), await sandbox.addCampaigns(DELETES), {
				nodesBaseDir,
			});
			const stats = await sandbox.stats();
			results[key] = {
				wallMs: round(result.wallMs, 1),
				ok: result.ok,
				failed: result.failed,
				rateLimitedAnswers: stats.rateLimited,
				...(result.firstError ? { firstError: result.firstError } : {}),
			};
		} finally {
			await sandbox.close();
		}
	}
	const ratio = results.node.wallMs / IDEAL_MS;
	return {
		deletes: DELETES,
		latencyMs: LATENCY_MS,
		sandboxLimit: '10 per rolling 1 s (600/min)',
		idealMs: IDEAL_MS,
		node: { requestsPerMinute: PER_MINUTE, concurrency: 8, ratio: round(ratio), ...results.node },
		httpRequestDefault: results.httpRequestDefault,
		httpRequestBatched: { batchSize: 10, batchIntervalMs: 1000, ...results.httpRequestBatched },
		ratio: round(ratio),
		target: TARGET,
		pass: ratio <= TARGET && results.node.failed === 0,
	};
}

function rows(r, yes) {
	return [
		[
			'ratelimit',
			`node, 600/min: ${seconds(r.node.wallMs)} / ideal ${seconds(r.idealMs)}; ${r.node.failed} failed, ${r.node.rateLimitedAnswers} 429s`,
			`${r.ratio}`,
			`<= ${TARGET.toFixed(2)}, 0 failed`,
			yes(r.pass),
		],
		[
			'',
			`HTTP Request, default: ${seconds(r.httpRequestDefault.wallMs)}, ${r.httpRequestDefault.rateLimitedAnswers} 429s`,
			`${r.httpRequestDefault.failed} failed`,
			'',
			'',
		],
		[
			'',
			`HTTP Request, batches of 10 every 1 s: ${seconds(r.httpRequestBatched.wallMs)}, ${r.httpRequestBatched.rateLimitedAnswers} 429s`,
			`${r.httpRequestBatched.failed} failed`,
			'',
			'',
		],
	];
}

function headline(r, yes) {
	return [
		[
			'ratelimit (wall / ideal 30 s, one run)',
			`${r.ratio}, ${r.node.failed} failed`,
			`<= ${TARGET.toFixed(2)}, 0 failed`,
			yes(r.pass),
		],
	];
}

module.exports = { name: 'ratelimit', needsNodesBase: true, run, rows, headline };
