'use strict';
// One of the shared-account scenario's n8n processes (forked by bench/scenarios/shared-account.js):
// its own n8n engine (test/harness, n8n-core's WorkflowExecute) running one workflow that deletes
// its share of the campaigns, with its own copy of the node and so its own pacer, as a separate
// n8n instance or queue-mode worker would have.
//
// Protocol over IPC: the parent sends { op: 'prepare', variant, sandbox, ids, perMinute, batch,
// nodesBaseDir }; this process loads the node packages (untimed) and answers { type: 'ready' };
// the parent sends { op: 'go' } to every process at once; this process answers
// { type: 'done', result } (or { type: 'error', error }) and exits.

const { runWith, preload } = require('../lib/engine');
const { koreWorkflow, httpWorkflow, batching } = require('../lib/workflows');

let prepared;

function workflowFor({ variant, sandbox, perMinute, batch }) {
	// The node: Requests per Minute = the account's limit, every other option at its default,
	// as a user following the option's description would set it.
	if (variant === 'node') return koreWorkflow({ requestsPerMinute: perMinute });
	if (variant === 'httpRequestBatched')
		return httpWorkflow(sandbox, batching(batch.size, batch.intervalMs));
	throw new Error(`unknown variant ${variant}`);
}

async function handle(message) {
	if (message.op === 'prepare') {
		prepared = message;
		await preload({ nodesBaseDir: message.variant === 'node' ? undefined : message.nodesBaseDir });
		return { type: 'ready' };
	}
	if (message.op === 'go') {
		const result = await runWith(prepared.sandbox, workflowFor(prepared), prepared.ids, {
			nodesBaseDir: prepared.nodesBaseDir,
		});
		return { type: 'done', result };
	}
	throw new Error(`unknown op ${message.op}`);
}

process.on('message', (message) => {
	handle(message).then(
		(answer) => process.send(answer, () => answer.type === 'done' && process.exit(0)),
		(error) =>
			process.send({ type: 'error', error: error.stack ?? String(error) }, () => process.exit(1)),
	);
});
process.on('disconnect', () => process.exit(1));
