'use strict';
// The raw loop the overhead and concurrency scenarios report for information: Node's http, a token
// signed per request with the project's own signer, the JSON answer parsed. No n8n.

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
				headers: {
					auth: token,
					iid: appId,
					accountId,
					'Content-Type': 'application/json',
					Accept: 'application/json',
				},
			},
			(response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () => {
					const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
					if (response.statusCode !== 200)
						reject(new Error(`plain loop: HTTP ${response.statusCode}`));
					else resolve(body);
				});
			},
		);
		request.on('error', reject);
		request.end();
	});
}

/**
 * Wall time in ms of deleting `ids`, `concurrency` at once (one after the other by default): the
 * same worker pool as the node's and the floor's. Node's default agent keeps at most Infinity
 * sockets, so with keep-alive `concurrency` connections serve every request.
 */
async function plainLoop(sandbox, ids, agent, concurrency = 1) {
	const started = performance.now();
	let next = 0;
	const worker = async () => {
		while (next < ids.length) await plainDelete(sandbox, ids[next++], agent);
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
	return performance.now() - started;
}

module.exports = { plainLoop };
