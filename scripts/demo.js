#!/usr/bin/env node
// `npm start`: a spreadsheet's worth of campaign rows goes through "Delete SMS Campaign" in n8n's
// real engine (n8n-core), against the local Kore.ai sandbox, with the node's error output on.
const path = require('node:path');
const { startSandbox } = require('../sandbox');
const { runWorkflow } = require('../test/harness');
const { signKoreAiJwt } = require('../dist/credentials/koreAiJwt');

const NODE = 'Delete SMS Campaign';

async function deleteDirectly(sandbox, campaignId) {
	const { url, appId, accountId } = { ...sandbox.credentials, url: sandbox.url };
	const response = await fetch(
		`${url}/campaign/api/v2/public/${appId}/campaign/${campaignId}?accountId=${accountId}&campaignType=sms`,
		{
			method: 'DELETE',
			headers: { auth: signKoreAiJwt(sandbox.credentials), iid: appId, accountId },
		},
	);
	if (!response.ok) throw new Error(`could not prepare the demo: HTTP ${response.status}`);
}

function cell(value, width) {
	const text = String(value ?? '');
	return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

async function main() {
	const sandbox = await startSandbox();
	try {
		const [a, b, c, d, gone] = sandbox.store.ids('sms');
		await deleteDirectly(sandbox, gone); // someone deleted this one in Kore.ai last week
		const rows = [
			{ row: 2, campaignId: a, owner: 'billing' },
			{ row: 3, campaignId: b, owner: 'retention' },
			{ row: 4, campaignId: gone, owner: 'billing' },
			{ row: 5, campaignId: c, owner: 'marketing' },
			{ row: 6, campaignId: 'cd-7f3e/../st-other', owner: 'unknown' },
			{ row: 7, campaignId: d, owner: 'marketing' },
		];

		console.log(
			`Kore.ai sandbox on ${sandbox.url}; credential: account ${sandbox.credentials.accountId}, app ${sandbox.credentials.appId}\n`,
		);
		console.log('Input: campaign rows from a sheet');
		for (const r of rows)
			console.log(
				`  row ${r.row}  ${r.campaignId}${r.campaignId === gone ? '   (deleted in Kore.ai earlier)' : ''}`,
			);

		const workflow = require(
			path.join(__dirname, '..', 'test', 'workflow', 'delete.workflow.json'),
		);
		const result = await runWorkflow(workflow, {
			credentials: { koreAiApi: sandbox.credentials },
			input: rows,
		});
		const [deleted, failed] = result.outputs(NODE);

		console.log(`\nOutput 1, Success (${deleted.length} items)`);
		console.log(
			`  ${cell('row', 4)} ${cell('campaignId', 40)} ${cell('name', 42)} ${cell('status', 8)} priority`,
		);
		for (const { json } of deleted) {
			const row = rows.find((r) => r.campaignId === json.campaignId)?.row;
			console.log(
				`  ${cell(row, 4)} ${cell(json.campaignId, 40)} ${cell(json.name, 42)} ${cell(json.status, 8)} ${json.priority}`,
			);
		}
		console.log(`\nOutput 2, Error (${failed.length} items)`);
		for (const { json } of failed) console.log(`  row ${json.row}: ${json.error}`);

		const ok = result.status === 'success' && deleted.length === 4 && failed.length === 2;
		console.log(
			`\nExecution ${result.status}: ${deleted.length} deleted, ${failed.length} routed to the error output.`,
		);
		console.log(
			'Try it in n8n: `npm run sandbox` starts this sandbox on its own; see docs/development.md.',
		);
		process.exitCode = ok ? 0 : 1;
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
