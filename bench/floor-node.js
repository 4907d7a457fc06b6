'use strict';
// The floor: the least a node can do for the same DELETE inside n8n, through the helper every
// verified node must use (helpers.httpRequestWithAuthentication with the Kore.ai credential). No
// checks, no pacing, no retries, no timeout, no output shaping (the output is the status code).
// Concurrency 1 (the overhead scenario): one item after the other. Concurrency N (the concurrency
// scenario): N items at once, with the same worker pool as the node (actions/router.ts: N workers,
// each takes the next item when its last one is done). Not shipped; used by bench/ only.
//
// Two parameters add one thing of the node's each, so that the overhead scenario can show what
// they cost on their own: Timeout (ms; the node passes its Timeout option, 30 s by default, to the
// helper) and Output 'campaign' (the node's Delete output: the deleted campaign simplified, built by
// the node's own code, instead of the status code).

const {
	simplifyCampaignAnswer,
} = require('../dist/nodes/KoreAiContactCenter/output/simplifyCampaign');

class BenchFloor {
	constructor() {
		this.description = {
			displayName: 'Bench Floor',
			name: 'benchFloor',
			group: ['output'],
			version: 1,
			description: 'Sends the Kore.ai DELETE per item, nothing else',
			defaults: { name: 'Bench Floor' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'koreAiApi', required: true }],
			properties: [
				{ displayName: 'Campaign ID', name: 'campaignId', type: 'string', default: '' },
				{ displayName: 'Concurrency', name: 'concurrency', type: 'number', default: 1 },
				{ displayName: 'Timeout', name: 'timeout', type: 'number', default: 0 },
				{ displayName: 'Output', name: 'output', type: 'string', default: 'status' },
			],
		};
	}

	async execute() {
		const items = this.getInputData();
		const credentials = await this.getCredentials('koreAiApi');
		const concurrency = this.getNodeParameter('concurrency', 0);
		const timeout = this.getNodeParameter('timeout', 0);
		const campaignOutput = this.getNodeParameter('output', 0) === 'campaign';
		const out = new Array(items.length);
		let next = 0;
		const worker = async () => {
			while (next < items.length) {
				const i = next++;
				const id = this.getNodeParameter('campaignId', i);
				const response = await this.helpers.httpRequestWithAuthentication.call(this, 'koreAiApi', {
					method: 'DELETE',
					url: `${credentials.host}/campaign/api/v2/public/${credentials.appId}/campaign/${encodeURIComponent(id)}`,
					qs: { accountId: credentials.accountId, campaignType: 'sms' },
					headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					json: true,
					...(timeout > 0 ? { timeout } : {}),
				});
				const json = campaignOutput
					? { deleted: true, ...simplifyCampaignAnswer(response.body, id, 'sms') }
					: { statusCode: response.statusCode };
				out[i] = { json, pairedItem: { item: i } };
			}
		};
		await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
		return [out];
	}
}

module.exports = { BenchFloor, BENCH_FLOOR_TYPE: 'benchFloor' };
