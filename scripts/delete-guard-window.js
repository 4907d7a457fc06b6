#!/usr/bin/env node
// `node scripts/delete-guard-window.js [rows]` (after `npm run build`): how long a guarded Delete
// leaves between reading a campaign and deleting it. Runs Delete SMS Campaign with Only When Status
// Is through n8n's engine (test/harness) against the sandbox and prints, per setting, the time from
// the sandbox answering a campaign's Get to the sandbox receiving its DELETE (min, median, max).
// Kore.ai has no conditional delete: anything that changes the campaign in that time goes unseen
// until the DELETE's answer (the item's `warning`). docs/reference.md ("Between the check and the
// delete") quotes it. The sandbox is the strict one of the tests: a request off Kore.ai's pages fails the run.
const { startSandbox } = require('../sandbox');
const violations = require('../sandbox/contract/violations');
const { runWorkflow } = require('../test/harness');
// The benchmark's Delete SMS Campaign workflow (pinned IDs -> the node), here with a status guard.
const { koreWorkflow } = require('../bench/lib/workflows');

const SETTINGS = [
	{
		label: 'pacing off (Requests per Minute 0), Concurrency 5',
		requestsPerMinute: 0,
		concurrency: 5,
	},
	{
		label: 'Requests per Minute 60 (default), Concurrency 1',
		requestsPerMinute: 60,
		concurrency: 1,
	},
	{
		label: 'Requests per Minute 60 (default), Concurrency 5 (default)',
		requestsPerMinute: 60,
		concurrency: 5,
	},
];

const ms = (value) => `${value.toFixed(1)} ms`;

async function measure(setting, rows) {
	const sandbox = await startSandbox({ rateLimit: false });
	try {
		const ids = sandbox.addCampaigns(rows, 'sms', { status: 'Completed' });
		const { label, ...options } = setting;
		const result = await runWorkflow(
			koreWorkflow({ onlyWhenStatusIs: ['Completed'], ...options }),
			{
				credentials: { koreAiApi: sandbox.credentials },
				input: ids.map((campaignId) => ({ campaignId })),
			},
		);
		if (sandbox.store.deletions.length !== rows)
			throw new Error(
				`${label}: ${sandbox.store.deletions.length} of ${rows} deleted (${result.status})`,
			);
		const refused = violations.take();
		if (refused.length > 0)
			throw new Error(`${label}: requests off Kore.ai's pages:\n${violations.describe(refused)}`);
		const gaps = ids
			.map((id) => {
				const get = sandbox.requests.find((r) => r.campaignId === id && r.method === 'GET');
				const del = sandbox.requests.find((r) => r.campaignId === id && r.method === 'DELETE');
				return del.startedAt - get.endedAt;
			})
			.sort((a, b) => a - b);
		return `${label}: ${rows} rows, Get answered -> DELETE received: min ${ms(gaps[0])}, median ${ms(gaps[Math.floor(gaps.length / 2)])}, max ${ms(gaps.at(-1))}`;
	} finally {
		await sandbox.close();
	}
}

async function main() {
	const rows = Number(process.argv[2] ?? 20);
	for (const setting of SETTINGS) console.log(await measure(setting, rows));
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
