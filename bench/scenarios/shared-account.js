'use strict';
/**
 * shared-account (issue 9): several n8n processes delete campaigns of ONE Kore.ai account at once.
 * Kore.ai's limit is per account, while each process paces on its own, so the processes together
 * may send more than the limit; Kore.ai documents no Retry-After, so the sandbox sends none.
 *
 * 3 separate Node processes (bench/scenarios/shared-account-process.js), each running the built
 * node in n8n's engine with Requests per Minute = the account's limit (other options at their
 * defaults), 150 deletes each, started at the same moment against one sandbox (a process of its
 * own) that enforces the limit per account. Then the same load with n8n's HTTP Request node
 * batched at the limit in each process (5 per batch, 1 s apart), against a fresh sandbox.
 *
 * Scaling: Kore.ai's rolling 60 s window is kept, and the limit is raised from 60 to 300 per minute,
 * so the 450 deletes take about 90 s (ideal 450 / 300 per minute) instead of 7.5 minutes. The window
 * is not shortened because the node's own time constants (its hold after a rate-limit answer
 * without Retry-After, its step-by-step raise, Retry Delay) are made for Kore.ai's 60 s window;
 * shrinking the window but not those would measure a different product. (An earlier version of
 * this scenario used 10 per rolling 1 s: there the 10 s hold spans ten windows.) The first minute's
 * window starts empty, which lets the first minute's requests through faster than the pace.

 * Figures: aggregate throughput = campaigns the sandbox deleted / wall time (from the common start
 * to the last process's end) / the limit (target >= 0.90); failed items, error outputs of all
 * processes (target 0); share of requests the sandbox answered with 429 (target <= 10 %).
 */

const { fork } = require('node:child_process');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const { startSandboxProcess } = require('../lib/sandbox-process');
const { round, seconds } = require('../lib/numbers');

const PROCESSES = 3;
const PER_PROCESS = 150;
const PER_MINUTE = 300;
const LIMIT = { perMinute: PER_MINUTE, windowMs: 60_000, retryAfter: false }; // the sandbox counts perMinute per window
const LATENCY_MS = 50;
const BATCH = { size: 5, intervalMs: 1000 };
const TARGETS = { throughput: 0.9, failed: 0, rateLimitedShare: 0.1 };

/** Forks one n8n process and prepares it; resolves once it is ready to go. */
function startProcess(prepare) {
	const child = fork(path.join(__dirname, 'shared-account-process.js'), [], {
		execArgv: [],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	let resolveReady, rejectReady, resolveDone, rejectDone;
	const ready = new Promise((resolve, reject) => ((resolveReady = resolve), (rejectReady = reject)));
	const done = new Promise((resolve, reject) => ((resolveDone = resolve), (rejectDone = reject)));
	done.catch(() => {}); // awaited by the caller only after go
	child.on('message', (message) => {
		if (message.type === 'ready') resolveReady();
		else if (message.type === 'done') resolveDone({ ...message.result, doneAt: performance.now() });
		else if (message.type === 'error') {
			const error = new Error(`shared-account process: ${message.error}`);
			rejectReady(error);
			rejectDone(error);
		}
	});
	child.once('exit', (code) => {
		const error = new Error(`shared-account process exited with ${code}`);
		rejectReady(error);
		rejectDone(error);
	});
	child.send({ op: 'prepare', ...prepare });
	return { child, ready, done, go: () => child.send({ op: 'go' }) };
}

async function runVariant(variant, nodesBaseDir) {
	const sandbox = await startSandboxProcess({ rateLimit: LIMIT, record: false, latencyMs: LATENCY_MS });
	const processes = [];
	try {
		const ids = await sandbox.addCampaigns(PROCESSES * PER_PROCESS);
		for (let i = 0; i < PROCESSES; i++) {
			processes.push(
				startProcess({
					variant,
					sandbox: { url: sandbox.url, credentials: sandbox.credentials },
					ids: ids.slice(i * PER_PROCESS, (i + 1) * PER_PROCESS),
					perMinute: PER_MINUTE,
					batch: BATCH,
					nodesBaseDir,
				}),
			);
		}
		await Promise.all(processes.map((p) => p.ready));
		const started = performance.now();
		for (const p of processes) p.go();
		const results = await Promise.all(processes.map((p) => p.done));
		const wallMs = Math.max(...results.map((r) => r.doneAt)) - started;
		const stats = await sandbox.stats();
		const throughput = stats.deletes / (wallMs / 1000) / (PER_MINUTE / 60);
		const rateLimitedShare = stats.rateLimited / stats.requests;
		const failed = results.reduce((sum, r) => sum + r.failed, 0);
		return {
			wallMs: round(wallMs, 1),
			ok: results.reduce((sum, r) => sum + r.ok, 0),
			failed,
			deleted: stats.deletes,
			requests: stats.requests,
			rateLimitedAnswers: stats.rateLimited,
			rateLimitedShare: round(rateLimitedShare),
			throughput: round(throughput),
			perProcess: results.map((r) => ({ wallMs: round(r.wallMs, 1), ok: r.ok, failed: r.failed })),
			...(results.find((r) => r.firstError) ? { firstError: results.find((r) => r.firstError).firstError } : {}),
			pass: throughput >= TARGETS.throughput && failed === TARGETS.failed && rateLimitedShare <= TARGETS.rateLimitedShare,
		};
	} finally {
		for (const p of processes) if (p.child.exitCode === null) p.child.kill();
		await sandbox.close();
	}
}

async function run({ nodesBaseDir, log }) {
	const node = await runVariant('node', nodesBaseDir);
	log(`bench: shared-account: node done in ${seconds(node.wallMs)}, now the HTTP Request node`);
	const httpRequestBatched = await runVariant('httpRequestBatched', nodesBaseDir);
	return {
		processes: PROCESSES,
		deletesPerProcess: PER_PROCESS,
		latencyMs: LATENCY_MS,
		sandboxLimit: `${LIMIT.perMinute} per rolling ${LIMIT.windowMs / 1000} s (${PER_MINUTE}/min) per account, 429 without Retry-After`,
		idealMs: ((PROCESSES * PER_PROCESS) / PER_MINUTE) * 60_000,
		targets: TARGETS,
		node: { requestsPerMinute: PER_MINUTE, ...node },
		httpRequestBatched: { batchSize: BATCH.size, batchIntervalMs: BATCH.intervalMs, ...httpRequestBatched },
		pass: node.pass,
	};
}

function rows(s, yes) {
	const pct = (share) => `${(share * 100).toFixed(1)} %`;
	const n = s.node;
	const h = s.httpRequestBatched;
	return [
		['shared-account', `${PROCESSES} processes x ${PER_PROCESS}, node at ${PER_MINUTE}/min each: ${n.deleted} deleted in ${seconds(n.wallMs)}; throughput / limit`, `${n.throughput}`, '>= 0.90', yes(n.throughput >= TARGETS.throughput)],
		['', 'node: failed items', `${n.failed}`, '0', yes(n.failed === 0)],
		['', `node: requests answered 429 (${n.rateLimitedAnswers} of ${n.requests})`, pct(n.rateLimitedShare), '<= 10 %', yes(n.rateLimitedShare <= TARGETS.rateLimitedShare)],
		['', `HTTP Request, batches of ${BATCH.size} every ${BATCH.intervalMs / 1000} s in each process: ${h.deleted} deleted in ${seconds(h.wallMs)}; throughput / limit`, `${h.throughput}`, '', ''],
		['', `HTTP Request: failed items; 429s ${h.rateLimitedAnswers} of ${h.requests}`, `${h.failed}; ${pct(h.rateLimitedShare)}`, '', ''],
	];
}

module.exports = { name: 'shared-account', needsNodesBase: true, run, rows };
