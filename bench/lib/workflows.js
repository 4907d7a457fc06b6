'use strict';
// The workflows the benchmark runs: a pinned list of campaign IDs into one node that deletes each.
// Three contenders for the same DELETE: the Kore.ai node, the floor (bench/floor-node.js) and n8n's
// HTTP Request node signed by this project's Kore.ai credential.

const { KORE_NODE_TYPE } = require('../../test/harness');
const { BENCH_FLOOR_TYPE } = require('../floor-node');

const KORE = 'Delete SMS Campaign';
const FLOOR = 'Floor';
const HTTP = 'HTTP Request';

function trigger() {
	return {
		id: 'rows',
		name: 'Rows',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

function single(node) {
	return {
		nodes: [trigger(), { typeVersion: 1, position: [240, 0], ...node }],
		connections: { Rows: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
	};
}

/** The Kore.ai node deleting `$json.campaignId`; `options` is its Options collection. */
function koreWorkflow(options) {
	return single({
		id: 'kore',
		name: KORE,
		type: KORE_NODE_TYPE,
		onError: 'continueErrorOutput',
		parameters: {
			resource: 'smsCampaign',
			operation: 'delete',
			campaignId: { __rl: true, mode: 'id', value: '={{ $json.campaignId }}' },
			simplify: true,
			options,
		},
	});
}

/**
 * The floor: a trivial node sending the same DELETE through n8n's HTTP helper (bench/floor-node.js),
 * `concurrency` items at once; `timeout` (ms) and `output: 'campaign'` add the node's Timeout and
 * Delete output to it.
 */
function floorWorkflow(concurrency = 1, { timeout = 0, output = 'status' } = {}) {
	return single({
		id: 'floor',
		name: FLOOR,
		type: BENCH_FLOOR_TYPE,
		parameters: { campaignId: '={{ $json.campaignId }}', concurrency, timeout, output },
	});
}

/**
 * n8n's HTTP Request node doing the same DELETE, signed by the same Kore.ai credential
 * ("Predefined Credential Type"). `options` is its Options collection (batching etc.).
 */
function httpWorkflow(sandbox, options = {}) {
	const { appId, accountId } = sandbox.credentials;
	return single({
		id: 'http',
		name: HTTP,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		onError: 'continueErrorOutput',
		credentials: { koreAiApi: { id: 'harness-koreAiApi', name: 'koreAiApi' } },
		parameters: {
			method: 'DELETE',
			url: `=${sandbox.url}/campaign/api/v2/public/${appId}/campaign/{{ $json.campaignId }}?accountId=${accountId}&campaignType=sms`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'koreAiApi',
			options,
		},
	});
}

/** n8n's HTTP Request node option for batches of `size` items, `intervalMs` apart. */
const batching = (size, intervalMs) => ({
	batching: { batch: { batchSize: size, batchInterval: intervalMs } },
});

module.exports = { koreWorkflow, floorWorkflow, httpWorkflow, batching, KORE, FLOOR, HTTP };
