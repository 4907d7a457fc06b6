'use strict';
// n8n's records of the queue-mode run's executions, read from its Postgres (execution_entity,
// execution_data in n8n's "flatted" format), and the webhook calls that start them.
const { assert, eq } = require('./checks');
const { until } = require('./cluster');

const UNFINISHED = ['new', 'running', 'waiting'];

async function executionsOf(db, workflowId) {
	const res = await db.query(
		'SELECT id, status, mode, finished, "startedAt", "stoppedAt" FROM execution_entity WHERE "workflowId" = $1 ORDER BY id',
		[workflowId],
	);
	return res.rows.map((row) => ({ ...row, id: String(row.id) }));
}

const isDone = (e) => Boolean(e.stoppedAt) && !UNFINISHED.includes(e.status);

/**
 * Waits until `count` executions of the workflow that are not in `exclude` have finished; returns
 * them. Fails early when one of `procs` (the run's n8n processes that must stay up) exited.
 */
async function waitFinished(db, workflowId, { count, exclude = new Set(), timeoutMs, procs = [] }) {
	let latest = [];
	try {
		return await until(
			`${count} finished executions of ${workflowId}`,
			async () => {
				for (const p of procs)
					if (p.exit) throw new Error(`${p.role} exited ${JSON.stringify(p.exit)}`);
				latest = (await executionsOf(db, workflowId)).filter((e) => !exclude.has(e.id));
				return latest.length >= count && latest.every(isDone) ? latest : undefined;
			},
			timeoutMs,
		);
	} catch (err) {
		err.message += `; executions: ${JSON.stringify(latest.map((e) => [e.id, e.status]))}`;
		throw err;
	}
}

/** Each execution's run data, unflattened: Map id -> data. */
async function runDataOf(db, unflatten, ids) {
	const rows = (
		await db.query(
			'SELECT "executionId", data FROM execution_data WHERE "executionId" = ANY($1::int[])',
			[ids.map(Number)],
		)
	).rows;
	return new Map(rows.map((row) => [String(row.executionId), unflatten(row.data)]));
}

/**
 * The body a webhook execution was started with: the Webhook node's output once the execution ran,
 * before that the first entry of the execution stack the main stored when it enqueued the job.
 */
function webhookBody(data) {
	const ran = data?.resultData?.runData?.Webhook?.[0]?.data?.main?.[0]?.[0]?.json?.body;
	if (ran !== undefined) return ran;
	const start = (data?.executionData?.nodeExecutionStack || []).find(
		(entry) => entry.node?.name === 'Webhook',
	);
	return start?.data?.main?.[0]?.[0]?.json?.body;
}

function pairedIndex(item) {
	return Array.isArray(item.pairedItem) ? item.pairedItem[0]?.item : item.pairedItem?.item;
}

/**
 * The delete node's one run in an execution: its input items (Split Out's output) and both outputs.
 * Asserts one output item per input item, paired with it, and none on the error output.
 */
function deleteRun(data, nodeName, label) {
	const runData = data.resultData.runData;
	const runs = runData[nodeName];
	assert(runs && runs.length === 1, `${label}: "${nodeName}" ran ${runs ? runs.length : 0} times`);
	const [ok = [], failed = []] = runs[0].data.main;
	const input = runData['Split Out'][0].data.main[0];
	const paired = [...ok, ...failed].map(pairedIndex).sort((a, b) => a - b);
	eq(
		paired,
		input.map((_, i) => i),
		`${label}: output items paired with input items`,
	);
	eq(
		failed.map((i) => i.json.error),
		[],
		`${label}: items on the error output`,
	);
	eq(
		ok.map((i) => i.json.campaignId),
		input.map((i) => i.json.campaignId),
		`${label}: output campaign IDs in input order`,
	);
	return { input, ok };
}

/** POSTs each body to the main's production webhook at once; asserts every answer is 200. */
async function postAll(port, webhookPath, bodies) {
	const answers = await Promise.all(
		bodies.map(async (body) => {
			const res = await fetch(`http://127.0.0.1:${port}/webhook/${webhookPath}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			return { status: res.status, body: await res.text() };
		}),
	);
	for (const a of answers)
		assert(a.status === 200, `webhook answered ${a.status}: ${a.body.slice(0, 500)}`);
}

/** Webhook bodies of the queue workflows: one per batch, `label` names it in n8n's records. */
const batchBodies = (batches, labelOf) =>
	batches.map((ids, b) => ({
		batch: labelOf(b),
		campaigns: ids.map((campaignId, row) => ({ row, campaignId })),
	}));

/** Successful deletes per campaign ID, from the sandbox's own record. */
function deletionCounts(sandbox, ids) {
	const wanted = new Set(ids);
	const counts = new Map(ids.map((id) => [id, 0]));
	for (const d of sandbox.store.deletions)
		if (wanted.has(d.id)) counts.set(d.id, counts.get(d.id) + 1);
	return counts;
}

/** Asserts every campaign of `ids` was deleted exactly once and is gone. */
function assertDeletedOnce(sandbox, ids) {
	const twice = [];
	const never = [];
	for (const [id, n] of deletionCounts(sandbox, ids)) {
		if (n > 1) twice.push(`${id} x${n}`);
		if (n === 0 || sandbox.store.has(id)) never.push(id);
	}
	eq(twice, [], 'campaigns deleted more than once');
	eq(never, [], 'campaigns not deleted');
}

module.exports = {
	executionsOf,
	isDone,
	waitFinished,
	runDataOf,
	webhookBody,
	pairedIndex,
	deleteRun,
	postAll,
	batchBodies,
	deletionCounts,
	assertDeletedOnce,
};
