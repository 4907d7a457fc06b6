'use strict';
// Queue-mode fault: Redis restarted while executions wait in the queue.
//
// Two more webhook executions than the living workers have slots (concurrency 2 each), so that some
// run and the rest wait in Bull's list; then Redis is restarted the way a restart with persistence
// does it (SHUTDOWN SAVE, started again on the same port and folder: it loads what it held; Debian's
// and Redis's default configuration save on shutdown). The n8n processes must ride it out: n8n
// retries the connection and exits only after QUEUE_BULL_REDIS_TIMEOUT_THRESHOLD (10 s by default;
// 2.41.1's services/redis-client.service.js).
// Checked: the waiting executions ran after the restart, every execution ended success with one
// output item per input item, every campaign deleted exactly once, every n8n process still up.
const { assert, eq } = require('../lib/checks');
const { log, elapsed } = require('../lib/proc');
const { until, logSince, logSize } = require('../lib/cluster');
const {
	executionsOf,
	waitFinished,
	runDataOf,
	webhookBody,
	deleteRun,
	postAll,
	batchBodies,
	assertDeletedOnce,
} = require('../lib/queue-executions');

const PER_BATCH = 8;

async function runRedisRestart(q) {
	const { checks, sandbox, db, node } = q;
	const tag = `${q.tag} (Redis restarted)`;
	const living = q.workerRoles.filter((role) => !q.procs[role].exit);
	const slots = living.length * q.workerConcurrency;
	const count = slots + 2;
	const ids = sandbox.addCampaigns(count * PER_BATCH, 'sms', { namePrefix: 'Redis SMS' });
	const batches = Array.from({ length: count }, (_, b) =>
		ids.slice(b * PER_BATCH, (b + 1) * PER_BATCH),
	);
	const bodies = batchBodies(batches, (b) => `redis-${b}`);
	const wf = q.workflows.delete;
	const before = new Set((await executionsOf(db, wf.id)).map((e) => e.id));
	const s = {};

	const restarted = await checks.check(
		`${tag} ${count} executions on ${living.length} worker(s) with ${slots} slots; Redis restarted (SHUTDOWN SAVE, same port and folder) while the rest wait in the queue`,
		async () => {
			await postAll(q.mainPort, wf.path, bodies);
			// Restart once the running ones are deleting (n8n says "running") and the rest wait in Bull.
			s.queue = await until(
				`${slots} executions running and the rest waiting in Bull`,
				async () => {
					const running = (await executionsOf(db, wf.id)).filter(
						(e) => !before.has(e.id) && e.status === 'running',
					).length;
					const [active, wait] = await Promise.all([
						q.redis.query(['LLEN', 'bull:jobs:active']),
						q.redis.query(['LLEN', 'bull:jobs:wait']),
					]);
					const deleting = ids.some((id) => !sandbox.store.has(id));
					return running >= slots && active >= slots && wait >= 1 && deleting
						? { active, wait, running }
						: undefined;
				},
				60000,
				100,
			);
			s.offsets = Object.fromEntries(
				Object.values(q.procs).map((p) => [p.role, logSize(p.logFile)]),
			);
			s.restartAt = new Date();
			s.downMs = await q.redis.restart();
			log(
				`${tag} Redis was away ${s.downMs} ms; ${s.queue.running} executions were running, ${s.queue.wait} jobs waiting`,
			);
		},
	);
	if (!restarted) return;

	await checks.check(
		`${tag} the waiting executions ran after the restart; all ${count} ended success, one output item per input item, every campaign deleted`,
		async () => {
			const done = await waitFinished(db, wf.id, {
				count,
				exclude: before,
				timeoutMs: 240000,
				procs: [q.procs.main, ...living.map((r) => q.procs[r])],
			});
			eq(done.length, count, 'executions');
			const data = await runDataOf(
				db,
				q.unflatten,
				done.map((e) => e.id),
			);
			const ran = [];
			for (const e of done) {
				assert(e.status === 'success', `execution ${e.id} ended "${e.status}"`);
				const d = data.get(e.id);
				const b = bodies.findIndex((x) => x.batch === webhookBody(d)?.batch);
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
			eq(
				ran.sort((a, b) => a - b),
				batches.map((_, b) => b),
				'batches run',
			);
			// The ones running at the restart finished; every other one started after it, from the queue.
			s.startedAfter = done.filter((e) => new Date(e.startedAt) > s.restartAt).length;
			eq(s.startedAfter, count - s.queue.running, 'executions that started after the restart');
		},
	);

	await checks.check(`${tag} no campaign deleted twice, every n8n process still up`, () => {
		assertDeletedOnce(sandbox, ids);
		eq(
			[q.procs.main, ...living.map((r) => q.procs[r])].filter((p) => p.exit).map((p) => p.role),
			[],
			'n8n processes that exited',
		);
	});
	// What n8n said about it, for the report and the README.
	const said = Object.fromEntries(
		Object.values(q.procs)
			.filter((p) => !p.exit)
			.map((p) => [
				p.role,
				(logSince(p.logFile, s.offsets[p.role]).match(/Lost Redis connection[^\n]*/g) || []).length,
			]),
	);
	q.figures.redisRestart = {
		downMs: s.downMs,
		running: s.queue.running,
		waiting: s.queue.wait,
		startedAfter: s.startedAfter,
		lostConnectionLines: said,
	};
	log(
		`${tag} figures ${JSON.stringify(q.figures.redisRestart)} (${elapsed(Date.now() - s.restartAt.getTime())} after the restart)`,
	);
}

module.exports = { runRedisRestart };
