'use strict';
// The raw loop the overhead scenario reports for information: Node's http, one DELETE after the
// other, a token signed per request with the project's own signer, the JSON answer parsed. No n8n.

const http = require('node:http');
const { performance } = require('node:perf_hooks');

const { signKoreAiJwt } = require('../../dist/credentials/koreAiJwt');

/** `agent`: Node's default (keep-alive in Node 20), or false for a new connection per request. */
function plainDelete(sandbox, id, agent) {
	const { appId, accountId, clientId, clientSecret, algorithm } = sandbox.credentials;
	const token = signKoreAiJwt({ clientId, clientSecret, algorithm });
	const url = `${sandbox.url}/campaign/api/v2/public/${encodeURIComponent(appId)}/campaign/${encodeURIComponent(id)}?accountId=${encodeURIComponent(accountId)}&campaignType=sms`;
	return new Promise((resolve, reject) => {
		const request = http.request(
			url,
			{
				method: 'DELETE',
				...(agent === false ? { agent: false } : {}),
				headers: { auth: token, iid: appId, accountId, 'Content-Type': 'application/json', Accept: 'application/json' },
			},
			(response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () => {
					const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
					if (response.statusCode !== 200) reject(new Error(`plain loop: HTTP ${response.statusCode}`));
					else resolve(body);
				});
			},
		);
		request.on('error', reject);
		request.end();
	});
}

/** Wall time in ms of deleting `ids` one after the other. */
async function plainLoop(sandbox, ids, agent) {
	const started = performance.now();
	for (const id of ids) await plainDelete(sandbox, id, agent);
	return performance.now() - started;
}

module.exports = { plainLoop };
