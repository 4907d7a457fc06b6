'use strict';
// Queue-mode fault: the Kore.ai Contact Center Trigger across a restart of the main and a Kore.ai
// outage. The trigger workflow (workflows/trigger-queue.json: every event, SMS and voice, Every
// Minute) watches a second account, so its polls never share the delete runs' rate limit; the main
// polls, the workers run what it emits.
//
//   1. While the main runs: campaign A completes; a scheduled poll emits it (n8n saves the trigger's
//      memory with the emitted execution).
//   2. The main is stopped (SIGTERM, as a redeploy does). Meanwhile B stops, C (voice) completes,
//      D is created and E deleted, and the sandbox is set to answer the next 2 x MAX_TRIES list
//      requests 503: with the node's default Max Tries (5), every try of two polls.
//   3. The main starts again. n8n 2.41.1 activates a published trigger workflow by running one poll,
//      and tries a failed activation again, up to 5 attempts in all, 1, 2, 4 and 8 s apart
//      (TRIGGER_ACTIVATION_MAX_ATTEMPTS, retryTriggerActivation): attempts 1 and 2 fail, 3 emits B..E.
//   4. F (voice) pauses; the next scheduled poll emits F and nothing else.
// Checked: every change emitted exactly once (A, then B..E together, then F), none lost, none
// repeated, each by a successful execution that a worker ran; the sandbox sent exactly the 10 503s.
//
// Time: n8n's shortest poll interval is a minute, at a second n8n picks at random. Step 1 overlaps
// the other scenarios (A changes right after the activation poll); steps 3 and 4 need the main's
// start, the two failed polls (the node's 5 tries, about 10 s each) and at most one minute for F.
const { assert, eq } = require('../lib/checks');
const { log, elapsed } = require('../lib/proc');
const { until, startedExecutions } = require('../lib/cluster');
const { executionsOf, isDone, runDataOf } = require('../lib/queue-executions');

const TRIGGER_NODE = 'Campaign changed';
/** The node's default Max Tries: a poll fails once every try of its first listing answered 503. */
const MAX_TRIES = 5;
const FAILED_POLLS = 2;

const key = (c) => `${c.event} ${c.campaignId} ${c.previousStatus}->${c.status}`;

/** Before the main's first start: the second account's campaigns the trigger watches. */
function prepareTrigger(q) {
	const { sandbox } = q;
	const { appId, accountId } = sandbox.secondaryCredentials;
	const sms = sandbox.addCampaigns(3, 'sms', { namePrefix: 'Trigger SMS', appId });
	const voice = sandbox.addCampaigns(2, 'voice', { namePrefix: 'Trigger Voice', appId });
	q.trigger = { appId, accountId, sms, voice, changes: [] };
}

const listRequests = (q) =>
	q.sandbox.requests.filter((r) => r.route === 'list' && r.accountId === q.trigger.accountId);

/** The sandbox changes a campaign's status and notes the change the trigger must emit. */
function changeStatus(q, campaignId, campaignType, status) {
	const previousStatus = q.sandbox.store.get(campaignId).status;
	q.sandbox.store.setStatus(campaignId, status);
	return { event: 'statusChanged', campaignId, campaignType, previousStatus, status };
}

/** Right after the main's first start: wait for the activation poll (it only takes note), then change A. */
async function armTrigger(q) {
	await until(
		'the activation poll of the trigger (both listings answered)',
		() => listRequests(q).some((r) => r.status === 200 && r.body?.type === 'voice'),
		180000,
		250,
	);
	q.trigger.changes.push([changeStatus(q, q.trigger.sms[0], 'sms', 'Completed')]);
	q.trigger.armedAt = Date.now();
	log(`${q.tag} trigger armed: ${key(q.trigger.changes[0][0])}`);
}

/** The trigger workflow's finished executions and the items each emitted. */
async function emitted(q) {
	const rows = (await executionsOf(q.db, q.workflows.trigger.id)).filter(isDone);
	const data = await runDataOf(
		q.db,
		q.unflatten,
		rows.map((e) => e.id),
	);
	return rows.map((e) => ({
		id: e.id,
		status: e.status,
		items: (data.get(e.id)?.resultData?.runData?.[TRIGGER_NODE]?.[0]?.data?.main?.[0] || []).map(
			(i) => i.json,
		),
	}));
}

async function waitEmitted(q, count, what, timeoutMs) {
	return until(
		what,
		async () => {
			const found = await emitted(q);
			return found.length >= count ? found : undefined;
		},
		timeoutMs,
		2000,
	);
}

function assertEmission(execution, expected, label) {
	eq(execution.status, 'success', `${label}: execution ${execution.id} status`);
	eq(execution.items.map(key).sort(), expected.map(key).sort(), `${label}: items`);
	for (const item of execution.items) {
		const want = expected.find((c) => key(c) === key(item));
		eq(item.campaignType, want.campaignType, `${label}: ${item.campaignId} campaignType`);
		assert(!Number.isNaN(Date.parse(item.seenAt)), `${label}: seenAt ${item.seenAt}`);
	}
}

async function runTriggerRestart(q) {
	const { checks, sandbox } = q;
	const tag = `${q.tag} (trigger across a main restart and a Kore.ai outage)`;
	const t = q.trigger;
	const s = {};

	const before = await checks.check(
		`${tag} A, changed while the main ran, emitted once by a scheduled poll`,
		async () => {
			const found = await waitEmitted(
				q,
				1,
				'the execution with A',
				Math.max(10000, 150000 - (Date.now() - t.armedAt)),
			);
			eq(found.length, 1, 'trigger executions');
			assertEmission(found[0], t.changes[0], 'A');
		},
	);
	if (!before) return;

	const restarted = await checks.check(
		`${tag} the main stopped (SIGTERM); B stopped, C (voice) completed, D created, E deleted; the main started again while Kore.ai answers 503`,
		async () => {
			s.listsBefore = listRequests(q).length;
			s.stop = await q.restartMain(() => {
				const [, b, e] = t.sms;
				const [c] = t.voice;
				const [d] = sandbox.addCampaigns(1, 'sms', {
					namePrefix: 'Trigger SMS created',
					appId: t.appId,
				});
				const gone = sandbox.store.get(e);
				sandbox.store.remove(e, new Date().toISOString());
				t.changes.push([
					changeStatus(q, b, 'sms', 'Stopped'),
					changeStatus(q, c, 'voice', 'Completed'),
					{
						event: 'created',
						campaignId: d,
						campaignType: 'sms',
						previousStatus: null,
						status: 'Ready',
					},
					{
						event: 'deleted',
						campaignId: e,
						campaignType: 'sms',
						previousStatus: gone.status,
						status: null,
					},
				]);
				sandbox.setFaults({
					status5xx: {
						rate: 1,
						count: FAILED_POLLS * MAX_TRIES,
						methods: ['POST'],
						status: 503,
						body: 'json',
					},
				});
			});
			s.restartedAt = Date.now();
			eq(s.stop.exit, { code: 0, signal: null }, "the old main's exit");
		},
	);
	if (!restarted) return;

	const recovered = await checks.check(
		`${tag} the first ${FAILED_POLLS} polls after the restart failed (${FAILED_POLLS * MAX_TRIES} answers 503), the next emitted B, C, D, E once`,
		async () => {
			const found = await waitEmitted(q, 2, 'the execution with B, C, D, E', 240000);
			s.recoveredMs = Date.now() - s.restartedAt;
			eq(found.length, 2, 'trigger executions');
			assertEmission(found[1], t.changes[1], 'B..E');
			const after = listRequests(q).slice(s.listsBefore);
			const statuses = after.map((r) => r.status);
			eq(
				statuses.slice(0, FAILED_POLLS * MAX_TRIES + 1),
				[...Array(FAILED_POLLS * MAX_TRIES).fill(503), 200],
				'answers to the list requests after the restart',
			);
			eq(sandbox.stats.faults.status5xx, FAILED_POLLS * MAX_TRIES, '503s the sandbox sent');
			// Each failed poll is MAX_TRIES requests: when each poll began, after the main was ready.
			s.pollStarts = [0, 1, 2].map((k) => after[k * MAX_TRIES].startedAt - s.restartedAt);
		},
	);
	if (!recovered) return;

	t.changes.push([changeStatus(q, t.voice[1], 'voice', 'Paused')]);
	s.fAt = Date.now();
	await checks.check(
		`${tag} F, changed after the recovery, emitted once by the next scheduled poll, which repeats nothing`,
		async () => {
			const found = await waitEmitted(q, 3, 'the execution with F', 150000);
			s.fMs = Date.now() - s.fAt;
			eq(found.length, 3, 'trigger executions');
			assertEmission(found[2], t.changes[2], 'F');
		},
	);

	await checks.check(
		`${tag} across all polls every change emitted exactly once, none lost, each execution run by a worker`,
		async () => {
			const executions = await emitted(q);
			const all = executions.flatMap((e) => e.items.map(key));
			eq(all.slice().sort(), t.changes.flat().map(key).sort(), 'every item the trigger emitted');
			const byWorkers = new Set(
				q.workerRoles.flatMap((role) => startedExecutions(q.procs[role]).map((j) => j.executionId)),
			);
			eq(
				executions.filter((e) => !byWorkers.has(e.id)).map((e) => e.id),
				[],
				'trigger executions no worker started',
			);
		},
	);

	q.figures.trigger = {
		pollStartsAfterRestartMs: s.pollStarts,
		recoveredAfterRestartMs: s.recoveredMs,
		fEmittedAfterMs: s.fMs,
	};
	log(
		`${tag} recovered ${elapsed(s.recoveredMs || 0)} after the main's restart; F emitted ${elapsed(s.fMs || 0)} after its change`,
	);
}

module.exports = { prepareTrigger, armTrigger, runTriggerRestart };
