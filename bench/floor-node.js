'use strict';
// The floor for the overhead scenario: the least a node can do for the same DELETE inside n8n, one
// item after the other, through the helper every verified node must use
// (helpers.httpRequestWithAuthentication with the Kore.ai credential). No checks, no pacing, no
// retries, no output shaping. Not shipped; used by bench/index.js only.

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
			properties: [{ displayName: 'Campaign ID', name: 'campaignId', type: 'string', default: '' }],
		};
	}

	async execute() {
		const items = this.getInputData();
		const credentials = await this.getCredentials('koreAiApi');
		const out = [];
		for (let i = 0; i < items.length; i++) {
			const id = this.getNodeParameter('campaignId', i);
			const response = await this.helpers.httpRequestWithAuthentication.call(this, 'koreAiApi', {
				method: 'DELETE',
				url: `${credentials.host}/campaign/api/v2/public/${credentials.appId}/campaign/${encodeURIComponent(id)}`,
				qs: { accountId: credentials.accountId, campaignType: 'sms' },
				headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				json: true,
			});
			out.push({ json: { statusCode: response.statusCode }, pairedItem: { item: i } });
		}
		return [out];
	}
}

module.exports = { BenchFloor, BENCH_FLOOR_TYPE: 'benchFloor' };
