'use strict';
// The Kore.ai sandbox in a process of its own, for the benchmark (bench/lib/sandbox-process.js
// forks this file). In the node's process the sandbox's CPU (parsing, JWT checks, answering) would
// be counted as the node's, and its store of 10,000 campaigns as the node's heap. The parent talks
// to it over Node's IPC channel: { id, op: 'start' | 'addCampaigns' | 'stats' | 'timeline' | 'close', ... }.
// With `timeline: true` in start's options it keeps, for every answered request, when it arrived
// and was answered (epoch ms), its status and campaign ID; 'timeline' hands them over and forgets them.

const { startSandbox } = require('../../sandbox');

let sandbox;
let timeline = [];

async function handle(message) {
	switch (message.op) {
		case 'start': {
			const { timeline: keep, ...options } = message.options ?? {};
			if (keep) {
				options.onRequest = (entry) =>
					timeline.push([entry.startedAt, entry.endedAt, entry.status, entry.campaignId]);
			}
			sandbox = await startSandbox(options);
			return { url: sandbox.url, credentials: sandbox.credentials };
		}
		case 'timeline': {
			const entries = timeline;
			timeline = [];
			return entries.map(([startedAt, endedAt, status, campaignId]) => ({
				startedAt,
				endedAt,
				status,
				campaignId,
			}));
		}
		case 'addCampaigns':
			return sandbox.addCampaigns(message.n, message.type);
		case 'stats':
			return sandbox.stats;
		case 'close':
			if (sandbox) await sandbox.close();
			return null;
		default:
			throw new Error(`sandbox-server: unknown op ${message.op}`);
	}
}

process.on('message', (message) => {
	handle(message).then(
		(result) => {
			process.send({ id: message.id, result });
			if (message.op === 'close') process.disconnect();
		},
		(error) => process.send({ id: message.id, error: error.stack ?? String(error) }),
	);
});

// The benchmark ended or died: do not stay behind as an orphan listening on a port.
process.on('disconnect', () => {
	if (sandbox) sandbox.close().finally(() => process.exit(0));
	else process.exit(0);
});
