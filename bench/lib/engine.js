'use strict';
// Runs one benchmark workflow through n8n's real engine (n8n-core's WorkflowExecute, via
// test/harness) and counts what came out: items on the regular output and on the error output.

const { performance } = require('node:perf_hooks');

const { runWorkflow, loadPackage, REPO_ROOT } = require('../../test/harness');
const { BenchFloor, BENCH_FLOOR_TYPE } = require('../floor-node');
const { KoreAiApi } = require('../../dist/credentials/KoreAiApi.credentials');

const HTTP_REQUEST_TYPE = 'n8n-nodes-base.httpRequest';
const nodesBasePackage = (dir) => ({ dir, includeNodes: [HTTP_REQUEST_TYPE] });

/**
 * Loads the node packages a run will need (this package; n8n-nodes-base's HTTP Request node when
 * `nodesBaseDir` is given), so that loading is not timed. runWorkflow reuses them (cached per process).
 */
async function preload({ nodesBaseDir } = {}) {
	await loadPackage(REPO_ROOT);
	if (nodesBaseDir) {
		const { dir, includeNodes } = nodesBasePackage(nodesBaseDir);
		await loadPackage(dir, includeNodes);
	}
}

/**
 * @param {{ url, credentials }} sandbox where the requests go (a sandbox process or startSandbox's result)
 * @param {object} workflow from bench/lib/workflows.js; its second node is the one measured
 * @param {string[]} ids campaign IDs, one input item each
 * @param {{ nodesBaseDir?: string }} options n8n-nodes-base's directory, for the HTTP Request node
 * @returns {Promise<{ wallMs, ok, failed, firstError? }>}
 */
async function runWith(sandbox, workflow, ids, { nodesBaseDir } = {}) {
	const needsNodesBase = workflow.nodes.some((node) => node.type === HTTP_REQUEST_TYPE);
	if (needsNodesBase && !nodesBaseDir)
		throw new Error('bench: the HTTP Request node needs nodesBaseDir');
	const started = performance.now();
	const result = await runWorkflow(workflow, {
		credentials: { koreAiApi: sandbox.credentials },
		input: ids.map((campaignId) => ({ campaignId })),
		packages: needsNodesBase ? [nodesBasePackage(nodesBaseDir)] : [],
		nodeTypes: { [BENCH_FLOOR_TYPE]: BenchFloor },
		credentialTypes: { koreAiApi: KoreAiApi },
	});
	const wallMs = performance.now() - started;
	const name = workflow.nodes[1].name;
	if (result.status !== 'success')
		throw new Error(`bench: ${name} run ended ${result.status}: ${result.error?.message}`);
	const [ok = [], failed = []] = result.outputs(name);
	const firstError = failed[0]?.json?.error;
	return {
		wallMs,
		ok: ok.length,
		failed: failed.length,
		...(firstError === undefined
			? {}
			: {
					firstError: (typeof firstError === 'string'
						? firstError
						: JSON.stringify(firstError)
					).slice(0, 200),
				}),
	};
}

module.exports = { runWith, preload };
