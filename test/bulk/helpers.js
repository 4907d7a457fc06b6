// The bulk tests' helpers: the Delete workflow fixture (test/workflow/delete.workflow.json) with
// chosen options, run by the one set of helpers in test/helpers; plus what only these tests measure.
const path = require('node:path');
const helpers = require('../helpers');

const NODE = 'Delete SMS Campaign';

/**
 * @param {object} options the node's Options collection (requestsPerMinute, concurrency, ...)
 * @param {object} [more] { resource, operation, simplify, onError, campaignId }
 */
function deleteWorkflow(options = {}, more = {}) {
	const { onError = 'continueErrorOutput', ...parameters } = more;
	return helpers.fixtureWorkflow(path.join(__dirname, '..', 'workflow'), 'delete', {
		parameters,
		options,
		settings: { onError },
	});
}

function run(sandbox, workflow, input, credentials = sandbox.credentials) {
	return helpers.runWorkflow(workflow, { credentials: { koreAiApi: credentials }, input });
}

/** [regular output items, error output items] of the Kore.ai node. */
function outputsOf(result) {
	return helpers.outputsOf(result, NODE);
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

module.exports = { ...helpers, NODE, deleteWorkflow, run, outputsOf, maxInFlight, watchUnhandled };
