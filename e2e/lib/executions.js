'use strict';
// The executions n8n stored for a workflow, read from its SQLite database while n8n runs (a
// read-only connection, in a child process on the line's own Node; see executions-child.js).
const path = require('node:path');
const { run } = require('./proc');

async function readExecutions(line, userFolder, workflowId) {
	const dbFile = path.join(userFolder, '.n8n', 'database.sqlite');
	const res = await run(
		line.nodeBin,
		[path.join(__dirname, 'executions-child.js'), line.dir, dbFile, workflowId],
		{
			capture: true,
			allowFail: true,
			heartbeat: 0,
			timeoutMs: 60000,
			label: 'read executions',
		},
	);
	const lastLine = res.stdout.trim().split('\n').pop() || '';
	let parsed;
	try {
		parsed = JSON.parse(lastLine);
	} catch {
		throw new Error(
			`could not read n8n's executions (exit ${res.code}): ${res.stderr.slice(-1500)}${res.stdout.slice(-500)}`,
		);
	}
	if (parsed.error) throw new Error(`could not read n8n's executions: ${parsed.error}`);
	return parsed.executions;
}

/** Items of one output of a node's first run in a stored execution's data. */
function storedOutputItems(execution, nodeName, outputIndex = 0) {
	const runs = execution.data?.resultData?.runData?.[nodeName];
	if (!runs || !runs.length) {
		throw new Error(
			`node "${nodeName}" did not run (ran: ${Object.keys(execution.data?.resultData?.runData || {}).join(', ')})`,
		);
	}
	if (runs[0].error) throw new Error(`node "${nodeName}" failed: ${runs[0].error.message}`);
	return (runs[0].data?.main || [])[outputIndex] || [];
}

module.exports = { readExecutions, storedOutputItems };
