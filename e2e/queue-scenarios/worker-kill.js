'use strict';
// Queue-mode fault: a worker killed (SIGKILL) while its executions are deleting.
//
// Four webhook executions of PER_BATCH campaign IDs at once land two on each worker (concurrency 2).
// Once each of worker-1's executions has deleted a few of its campaigns, worker-1's process group
// is killed. Checked: worker-2's executions lose nothing; what n8n 2.41.1 does with the killed ones
// (its queue runs Bull with maxStalledCount 0: a job whose worker stopped renewing its lock, 60 s,
// is failed by the next stall check, every 30 s, never handed to another worker; the main that
// enqueued it then stores the execution as failed, "error"); sending the killed executions' input
// again to the same workflow with Treat Missing Campaigns as Deleted on reports every campaign once;
// no campaign is ever deleted twice (the sandbox's own record of deletes).
const { assert, eq } = require('../lib/checks');
const { log, elapsed } = require('../lib/proc');
const { until, sleep, startedExecutions } = require('../lib/cluster');
const {
	executionsOf,
	waitFinished,
	runDataOf,
	webhookBody,
	deleteRun,
	postAll,
	batchBodies,
	deletionCounts,
	assertDeletedOnce,
} = require('../lib/queue-executions');

const BATCHES = 4;
const PER_BATCH = 15;
/** Deletes each of worker-1's executions has done before the kill. */
const DELETED_BEFORE_KILL = 3;
const VICTIM = 'worker-1';
const SURVIVOR = 'worker-2';

async function runWorkerKill(q) {
	const { checks, sandbox, db, node } = q;
	const tag = `${q.tag} (worker killed)`;
	const victim = q.procs[VICTIM];
	const survivor = q.procs[SURVIVOR];
	const ids = sandbox.addCampaigns(BATCHES * PER_BATCH, 'sms', { namePrefix: 'Kill SMS' });
	const batches = Array.from({ length: BATCHES }, (_, b) =>
		ids.slice(b * PER_BATCH, (b + 1) * PER_BATCH),
	);
	const bodies = batchBodies(batches, (b) => `kill-${b}`);
	const batchOf = (body) => bodies.findIndex((x) => x.batch === body?.batch);
	const wf = q.workflows.delete;
	const before = new Set((await executionsOf(db, wf.id)).map((e) => e.id));
	const seen = {
		[VICTIM]: startedExecutions(victim).length,
		[SURVIVOR]: startedExecutions(survivor).length,
	};
	const s = {};

	const killed = await checks.check(
		`${tag} ${BATCHES} executions of ${PER_BATCH} deletes, two per worker; ${VICTIM} killed (SIGKILL) while each of its executions is deleting`,
		async () => {
			await postAll(q.mainPort, wf.path, bodies);
			// Ours: new executions of this workflow (a trigger execution may share the workers).
			const ours = async (role) => {
				const mine = new Set(
					(await executionsOf(db, wf.id)).map((e) => e.id).filter((id) => !before.has(id)),
				);
				return startedExecutions(q.procs[role])
					.slice(seen[role])
					.filter((j) => mine.has(j.executionId));
			};
			const deletedOf = (batch) =>
				[...deletionCounts(sandbox, batches[batch]).values()].filter((n) => n > 0).length;
			await until(
				`each of ${VICTIM}'s two executions to delete ${DELETED_BEFORE_KILL} campaigns`,
				async () => {
					s.victimJobs = await ours(VICTIM);
					if (s.victimJobs.length < 2 || (await ours(SURVIVOR)).length < 2) return false;
					if (!s.victimBatches) {
						const data = await runDataOf(
							db,
							q.unflatten,
							s.victimJobs.map((j) => j.executionId),
						);
						s.victimBatches = s.victimJobs.map((j) =>
							batchOf(webhookBody(data.get(j.executionId))),
						);
					}
					return s.victimBatches.every((b) => deletedOf(b) >= DELETED_BEFORE_KILL);
				},
				180000,
				100,
			);
			s.killAt = Date.now();
			victim.signal('SIGKILL');
			await Promise.race([victim.exited, sleep(10000)]);
			assert(victim.exit, `${VICTIM} still runs after SIGKILL`);
			s.deletedAtKill = s.victimBatches.map(deletedOf);
			s.survivorJobs = await ours(SURVIVOR);
			eq(s.victimJobs.length, 2, `executions ${VICTIM} started`);
			eq(s.survivorJobs.length, 2, `executions ${SURVIVOR} started`);
			assert(
				s.victimBatches.every((b) => b >= 0),
				`batches of ${VICTIM}'s executions: ${s.victimBatches}`,
			);
			// Deleting: some of each batch done, not all (a batch that finished was not killed mid-run).
			for (const [i, n] of s.deletedAtKill.entries())
				assert(
					n > 0 && n < PER_BATCH,
					`batch ${s.victimBatches[i]} had ${n} of ${PER_BATCH} deleted at the kill`,
				);
			log(
				`${tag} killed ${VICTIM} (executions ${s.victimJobs.map((j) => j.executionId)}); their batches had ${s.deletedAtKill.join(' and ')} of ${PER_BATCH} deleted`,
			);
		},
	);
	if (!killed) return;
	const victimIds = s.victimJobs.map((j) => j.executionId);
	const survivorBatches = batches.map((_, b) => b).filter((b) => !s.victimBatches.includes(b));

	await checks.check(
		`${tag} ${SURVIVOR}'s two executions lose nothing: success, one output item per input item, every campaign deleted`,
		async () => {
			const done = await waitFinished(db, wf.id, {
				count: 2,
				exclude: new Set([...before, ...victimIds]),
				timeoutMs: 180000,
				procs: [survivor, q.procs.main],
			});
			eq(
				done.map((e) => e.id).sort(),
				s.survivorJobs.map((j) => j.executionId).sort(),
				`finished executions (${SURVIVOR}'s)`,
			);
			const data = await runDataOf(
				db,
				q.unflatten,
				done.map((e) => e.id),
			);
			const ran = [];
			for (const e of done) {
				assert(e.status === 'success', `execution ${e.id} ended "${e.status}"`);
				const d = data.get(e.id);
				const b = batchOf(webhookBody(d));
				const { input, ok } = deleteRun(d, node, `execution ${e.id}`);
				eq(
					input.map((i) => i.json.campaignId),
					batches[b],
					`execution ${e.id}: its batch`,
				);
				for (const it of ok)
					assert(
						it.json.deleted === true,
						`execution ${e.id}: ${JSON.stringify(it.json).slice(0, 300)}`,
					);
				ran.push(b);
			}
			eq(ran.sort(), survivorBatches, `batches ${SURVIVOR} finished`);
			assertDeletedOnce(
				sandbox,
				survivorBatches.flatMap((b) => batches[b]),
			);
		},
	);

	// What n8n did with the killed executions, before the recovery run (the user sees it first).
	await checks.check(
		`${tag} n8n did not re-run the killed executions: Bull's stall check dropped their jobs, then the main marked them failed ("error")`,
		async () => {
			const bull = await until(
				"Bull's stall check to drop the killed jobs (lock 60 s, checks every 30 s)",
				async () => {
					const [active, wait] = await Promise.all([
						q.redis.query(['LRANGE', 'bull:jobs:active', '0', '-1']),
						q.redis.query(['LRANGE', 'bull:jobs:wait', '0', '-1']),
					]);
					const jobs = s.victimJobs.map((j) => j.jobId);
					if (jobs.some((j) => active.includes(j))) return undefined;
					const exists = await Promise.all(
						jobs.map((j) => q.redis.query(['EXISTS', `bull:jobs:${j}`])),
					);
					return {
						requeued: jobs.filter((j) => wait.includes(j)),
						kept: jobs.filter((_, i) => exists[i] === 1),
					};
				},
				Math.max(10000, 240000 - (Date.now() - s.killAt)),
				1000,
			);
			s.droppedMs = Date.now() - s.killAt;
			// n8n enqueues with removeOnFail 0 (N8N_EXECUTIONS_QUEUE_KEEP_LAST_FAILED): a failed job is deleted.
			eq(
				bull,
				{ requeued: [], kept: [] },
				'killed jobs moved back to the queue / still stored in Redis',
			);
			// The main that enqueued them gets Bull's "job stalled more than maxStalledCount", re-reads the
			// execution for 30 s (a worker may have finished it after all), then stores it as failed.
			const rows = await until(
				'the killed executions to end',
				async () => {
					const found = (await executionsOf(db, wf.id)).filter((e) => victimIds.includes(e.id));
					return found.every((e) => e.status !== 'running') ? found : undefined;
				},
				120000,
				1000,
			);
			s.markedMs = Date.now() - s.killAt;
			eq(
				rows.map((e) => e.status),
				['error', 'error'],
				"the killed executions' status in n8n's database",
			);
			const data = await runDataOf(db, q.unflatten, victimIds);
			for (const id of victimIds) {
				const message = data.get(id)?.resultData?.error?.message || '';
				assert(
					/failed to be processed too many times/.test(message),
					`execution ${id}: error ${message.slice(0, 300)}`,
				);
			}
			eq(
				startedExecutions(survivor).filter((j) => victimIds.includes(j.executionId)),
				[],
				`executions ${SURVIVOR} started again`,
			);
			log(
				`${tag} Bull dropped the killed jobs within ${elapsed(s.droppedMs)} of the kill; n8n marked executions ${victimIds} failed within ${elapsed(s.markedMs)}`,
			);
		},
	);

	// The recovery recipe: the same input again, with Treat Missing Campaigns as Deleted on.
	const killedIds = s.victimBatches.flatMap((b) => batches[b]);
	const goneBefore = new Set(killedIds.filter((id) => deletionCounts(sandbox, [id]).get(id) > 0));
	await checks.check(
		`${tag} the killed executions' input sent again with Treat Missing Campaigns as Deleted on: every campaign reported once, deleted now or "deleted: false" with the reason`,
		async () => {
			const again = q.workflows.again;
			const againBefore = new Set((await executionsOf(db, again.id)).map((e) => e.id));
			await postAll(
				q.mainPort,
				again.path,
				s.victimBatches.map((b) => bodies[b]),
			);
			const done = await waitFinished(db, again.id, {
				count: 2,
				exclude: againBefore,
				timeoutMs: 180000,
				procs: [survivor, q.procs.main],
			});
			const data = await runDataOf(
				db,
				q.unflatten,
				done.map((e) => e.id),
			);
			const reported = new Map();
			for (const e of done) {
				assert(e.status === 'success', `execution ${e.id} ended "${e.status}"`);
				const { ok } = deleteRun(data.get(e.id), node, `execution ${e.id}`);
				for (const it of ok) {
					const { campaignId, deleted, reason } = it.json;
					reported.set(campaignId, (reported.get(campaignId) || 0) + 1);
					if (goneBefore.has(campaignId)) {
						eq(deleted, false, `${campaignId} (deleted before the kill): deleted`);
						assert(
							typeof reason === 'string' &&
								reason.includes(campaignId) &&
								/not found/i.test(reason),
							`${campaignId}: reason ${reason}`,
						);
					} else {
						eq(deleted, true, `${campaignId} (left by the killed run): deleted`);
						assert(typeof it.json.name === 'string', `${campaignId}: no campaign details`);
					}
				}
			}
			eq([...reported.keys()].sort(), [...killedIds].sort(), 'campaigns reported');
			eq(
				[...reported.values()].filter((n) => n !== 1),
				[],
				'campaigns reported more than once',
			);
		},
	);

	await checks.check(
		`${tag} no campaign deleted twice: each of the ${ids.length} deleted exactly once (the sandbox's record)`,
		() => {
			assertDeletedOnce(sandbox, ids);
		},
	);
	q.figures.workerKill = {
		deletedAtKill: s.deletedAtKill,
		jobsDroppedAfterMs: s.droppedMs,
		markedFailedAfterMs: s.markedMs,
		deletedByKilledRun: goneBefore.size,
		deletedByRecovery: killedIds.length - goneBefore.size,
	};
}

module.exports = { runWorkerKill };
