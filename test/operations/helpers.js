// Shared set-up for the operation tests: one Kore.ai node after a trigger whose output is pinned,
// run through n8n's real engine (test/harness) against the sandbox.
const { startSandbox } = require('../../sandbox');
const { runWorkflow, allStoredText, KORE_NODE_TYPE } = require('../harness');

const NODE = 'Kore.ai';

/** A workflow "Start -> Kore.ai" with the given parameters and node settings. */
function operationWorkflow(parameters, settings = {}) {
	return {
		name: `Kore.ai ${parameters.resource} ${parameters.operation}`,
		nodes: [
			{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'k',
				name: NODE,
				type: KORE_NODE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				...settings,
				parameters,
			},
		],
		connections: { Start: { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
	};
}

const byId = (value) => ({ __rl: true, mode: 'id', value });
const fromList = (value) => ({ __rl: true, mode: 'list', value });

/**
 * Runs one operation; input defaults to one empty item. Pacing is turned off (Options > Requests
 * per Minute = 0): the sandbox runs without its rate limit here, and the pacing has its own tests.
 */
function runOperation(sandbox, parameters, { input = [{}], settings, credentials = sandbox.credentials, timezone } = {}) {
	const withOptions = { ...parameters, options: { requestsPerMinute: 0, ...(parameters.options ?? {}) } };
	return runWorkflow(operationWorkflow(withOptions, settings), { credentials: { koreAiApi: credentials }, input, timezone });
}

/** Every secret a run must not leak: the client secret and every token the sandbox received. */
function expectNoSecrets(result, sandbox) {
	const stored = allStoredText(result);
	expect(stored).not.toContain(sandbox.credentials.clientSecret);
	for (const token of sandbox.tokensSeen) expect(stored).not.toContain(token.split('.')[2]);
}

/** The URL (path and query) of the sandbox's requests, without the common prefix. */
function sentUrls(sandbox) {
	const prefix = `/campaign/api/v2/public/${sandbox.credentials.appId}`;
	return sandbox.requests.map((r) => `${r.method} ${r.url.startsWith(prefix) ? r.url.slice(prefix.length) : r.url}`);
}

module.exports = { NODE, startSandbox, runOperation, operationWorkflow, byId, fromList, expectNoSecrets, sentUrls };
