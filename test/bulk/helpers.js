// Shared set-up for the bulk tests: a workflow "rows -> Delete SMS Campaign" with chosen options,
// run through n8n's engine (test/harness) against the sandbox.
const { startSandbox } = require('../../sandbox');
const { runWorkflow, allStoredText, KORE_NODE_TYPE } = require('../harness');

const NODE = 'Delete SMS Campaign';

/**
 * @param {object} options the node's Options collection (requestsPerMinute, concurrency, ...)
 * @param {object} [more] { resource, operation, simplify, onError, campaignId }
 */
function deleteWorkflow(options = {}, more = {}) {
	return {
		name: 'bulk delete',
		nodes: [
			{
				id: 'start',
				name: 'Rows',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'kore',
				name: NODE,
				type: KORE_NODE_TYPE,
				typeVersion: 1,
				position: [240, 0],
				onError: more.onError ?? 'continueErrorOutput',
				parameters: {
					resource: more.resource ?? 'smsCampaign',
					operation: more.operation ?? 'delete',
					campaignId: more.campaignId ?? { __rl: true, mode: 'id', value: '={{ $json.campaignId }}' },
					simplify: more.simplify ?? true,
					options,
				},
			},
		],
		connections: { Rows: { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
	};
}

function run(sandbox, workflow, input, credentials = sandbox.credentials) {
	return runWorkflow(workflow, { credentials: { koreAiApi: credentials }, input });
}

/** [regular output items, error output items] of the Kore.ai node. */
function outputsOf(result) {
	const [ok = [], failed = []] = result.outputs(NODE);
	return [ok, failed];
}

/** Largest number of requests the sandbox was working on at the same moment. */
function maxInFlight(requests) {
	const events = [];
	for (const r of requests) {
		if (r.endedAt === undefined) continue;
		events.push([r.startedAt, 1], [r.endedAt, -1]);
	}
	// ends before starts at the same millisecond: touching intervals do not overlap
	events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let current = 0;
	let max = 0;
	for (const [, delta] of events) {
		current += delta;
		max = Math.max(max, current);
	}
	return max;
}

/** Collects unhandled promise rejections while a test runs (nothing may escape the node). */
function watchUnhandled() {
	const seen = [];
	const onRejection = (reason) => seen.push(reason);
	process.on('unhandledRejection', onRejection);
	return {
		seen,
		stop: () => process.off('unhandledRejection', onRejection),
	};
}

module.exports = { NODE, startSandbox, runWorkflow, allStoredText, deleteWorkflow, run, outputsOf, maxInFlight, watchUnhandled };
