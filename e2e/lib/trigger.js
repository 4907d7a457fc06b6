'use strict';
// (e) The Kore.ai Contact Center Trigger in a running n8n: e2e/workflows/trigger-completed.json is
// imported and activated, `n8n start` runs it (n8n execute cannot run pollers), the sandbox
// completes a started campaign (completeAfterMs), and the workflow must run exactly once with that
// change, and its next step, Get Results, returning the completed campaign's per-contact outcomes.
// The executions are read from n8n's database.
//
// Time: n8n's shortest poll interval is one minute on both lines. n8n 1.123 refuses a cron whose
// seconds field holds "*", 2.41 anything but one fixed second (isSubMinuteCron), so "Every Minute"
// it is: the change is seen within a minute of the activation poll, and "exactly once" needs the
// next poll too, about 2 to 2.5 minutes per line in all.
const path = require('node:path');
const http = require('node:http');
const fs = require('node:fs');
const jwt = require('jsonwebtoken');
const { n8nCli } = require('./n8n');
const { startN8n } = require('./server');
const { readExecutions, storedOutputItems } = require('./executions');
const { loadWorkflow } = require('./workflows');
const { log, elapsed } = require('./proc');
const { assert, eq } = require('./checks');
const { sleep, until } = require('./cluster');

const WORKFLOW_FILE = 'trigger-completed.json';
const TRIGGER_NODE = 'Campaign completed';
const NEXT_NODE = 'Get Results';
const COMPLETE_AFTER_MS = 3000;

/** Starts a campaign the way Kore.ai's Start SMS Campaign page documents it (a signed request to the sandbox). */
function startCampaign(sandbox, campaignId) {
	const c = sandbox.credentials;
	const token = jwt.sign({ appId: c.clientId }, c.clientSecret, {
		algorithm: c.algorithm,
		expiresIn: 300,
	});
	const url = `${sandbox.url}/campaign/api/v2/public/${c.appId}/campaign/${campaignId}?campaignType=sms&trigger=play`;
	return new Promise((resolve, reject) => {
		const req = http.request(
			url,
			{
				method: 'POST',
				headers: {
					auth: token,
					iid: c.appId,
					accountId: c.accountId,
					'content-type': 'application/json',
				},
			},
			(res) => {
				let body = '';
				res.on('data', (d) => (body += d));
				res.on('end', () =>
					res.statusCode === 200
						? resolve(JSON.parse(body))
						: reject(new Error(`start answered ${res.statusCode}: ${body}`)),
				);
			},
		);
		req.on('error', reject);
		req.end('{}');
	});
}

const listRequests = (sandbox) =>
	sandbox.requests.filter(
		(r) => r.route === 'list' && r.accountId === sandbox.credentials.accountId,
	);

async function runTriggerCheck({ line, userFolder, env, sandbox, logFile, inputsDir, credId }) {
	const tag = `[${line.id}]`;
	const started = Date.now();
	const [campaignId] = sandbox.addCampaigns(1, 'sms', {
		namePrefix: 'Trigger SMS',
		status: 'Ready',
	});
	const { name } = sandbox.store.get(campaignId);
	sandbox.setCompleteAfter(COMPLETE_AFTER_MS);

	const workflow = loadWorkflow(WORKFLOW_FILE, { CRED_ID: credId });
	const file = path.join(inputsDir, WORKFLOW_FILE);
	fs.writeFileSync(file, JSON.stringify(workflow, null, 2));
	const imported = await n8nCli(line, userFolder, ['import:workflow', `--input=${file}`], {
		env,
		logFile,
	});
	assert(
		imported.code === 0,
		`import:workflow exit ${imported.code}: ${imported.stderr.slice(-1500)}`,
	);
	// 1.x activates with update:workflow --active=true; 2.x publishes the current version instead.
	const activateArgs =
		line.id === 'n8n1'
			? ['update:workflow', `--id=${workflow.id}`, '--active=true']
			: ['publish:workflow', `--id=${workflow.id}`];
	const activated = await n8nCli(line, userFolder, activateArgs, { env, logFile });
	assert(
		activated.code === 0,
		`${activateArgs[0]} exit ${activated.code}: ${activated.stderr.slice(-1500)}${activated.stdout.slice(-1500)}`,
	);

	const listsBefore = listRequests(sandbox).length;
	const server = await startN8n(line, userFolder, { env, logFile });
	try {
		log(
			`${tag} n8n start ready in ${elapsed(Date.now() - started)}; waiting for the activation poll`,
		);
		// Activation polls once at once: that poll only remembers the campaigns (Trigger SMS is Ready).
		await until('the activation poll', () => listRequests(sandbox).length > listsBefore, 120000);
		await sleep(1000);
		eq(
			(await readExecutions(line, userFolder, workflow.id)).length,
			0,
			'executions after the activation poll',
		);

		await startCampaign(sandbox, campaignId);
		log(
			`${tag} started ${campaignId}; the sandbox completes it in ${COMPLETE_AFTER_MS / 1000} s, the next poll should see it`,
		);
		const executions = await until(
			'an execution of the trigger workflow',
			async () => {
				const found = await readExecutions(line, userFolder, workflow.id);
				return found.some((e) => e.finished || ['success', 'error', 'crashed'].includes(e.status))
					? found
					: undefined;
			},
			150000,
			3000,
		);
		log(`${tag} the trigger workflow ran (${elapsed(Date.now() - started)} after the start)`);
		const [execution] = executions;
		eq(execution.status, 'success', 'execution status');
		eq(execution.mode, 'trigger', 'execution mode');
		const items = storedOutputItems(execution, TRIGGER_NODE).map((i) => i.json);
		eq(items.length, 1, 'trigger items');
		const [change] = items;
		eq(
			{
				event: change.event,
				campaignId: change.campaignId,
				campaignType: change.campaignType,
				status: change.status,
				name: change.name,
			},
			{ event: 'statusChanged', campaignId, campaignType: 'sms', status: 'Completed', name },
			'the trigger item',
		);
		// Ready at the activation poll; Active if a scheduled poll fell into the 3 s before completion.
		assert(
			['Ready', 'Active'].includes(change.previousStatus),
			`previousStatus ${change.previousStatus}`,
		);
		assert(!Number.isNaN(Date.parse(change.seenAt)), `seenAt ${change.seenAt}`);
		const next = storedOutputItems(execution, NEXT_NODE).map((i) => i.json);
		// One item per contact of the completed campaign (the sandbox's contacts of a seeded campaign).
		assert(next.length > 0, `${NEXT_NODE}: no contact results`);
		eq([...new Set(next.map((i) => i.campaignId))], [campaignId], `${NEXT_NODE} campaign IDs`);
		eq(
			new Set(next.map((i) => i.phoneNumber)).size,
			next.length,
			`${NEXT_NODE}: each contact once`,
		);
		for (const result of next) {
			assert(
				typeof result.phoneNumber === 'string' && typeof result.dialerOutcome === 'string',
				`${NEXT_NODE} item ${JSON.stringify(result)}`,
			);
			assert(typeof result.numberOfAttemptsSoFar === 'number', `${NEXT_NODE} attempts`);
		}

		// Exactly once: the next poll (a minute later) must not start the workflow again.
		const listsNow = listRequests(sandbox).length;
		await until('the next poll', () => listRequests(sandbox).length > listsNow, 90000);
		await sleep(5000);
		eq(
			(await readExecutions(line, userFolder, workflow.id)).length,
			1,
			'executions after the next poll',
		);
	} finally {
		await server.stop();
		sandbox.setCompleteAfter(0);
	}
	log(`${tag} trigger check done in ${elapsed(Date.now() - started)}`);
}

module.exports = { runTriggerCheck };
