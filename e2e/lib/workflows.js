'use strict';
// Loads the workflow fixtures of e2e/workflows/ and fills their %%PLACEHOLDERS%% (campaign IDs made
// by the sandbox, credential IDs) in every string of the parsed JSON.
const fs = require('node:fs');
const path = require('node:path');

const WORKFLOW_DIR = path.join(__dirname, '..', 'workflows');

function fill(value, vars) {
	if (typeof value === 'string') {
		return value.replace(/%%([A-Z0-9_]+)%%/g, (m, key) => {
			if (!(key in vars)) throw new Error(`workflow placeholder ${m} has no value`);
			const v = vars[key];
			return typeof v === 'string' ? v : JSON.stringify(v);
		});
	}
	if (Array.isArray(value)) return value.map((v) => fill(v, vars));
	if (value && typeof value === 'object') {
		const out = {};
		for (const [k, v] of Object.entries(value)) out[k] = fill(v, vars);
		return out;
	}
	return value;
}

function loadWorkflow(file, vars) {
	const raw = JSON.parse(fs.readFileSync(path.join(WORKFLOW_DIR, file), 'utf8'));
	return fill(raw, vars);
}

/** Items of one output of a node's first run in `n8n execute --rawOutput` data. */
function outputItems(runOutput, nodeName, outputIndex = 0) {
	const runData = runOutput?.data?.resultData?.runData;
	if (!runData) throw new Error('no runData in the execution output');
	const runs = runData[nodeName];
	if (!runs || !runs.length)
		throw new Error(`node "${nodeName}" did not run (ran: ${Object.keys(runData).join(', ')})`);
	if (runs[0].error) throw new Error(`node "${nodeName}" failed: ${runs[0].error.message}`);
	const main = runs[0].data?.main || [];
	return main[outputIndex] || [];
}

module.exports = { WORKFLOW_DIR, fill, loadWorkflow, outputItems };
