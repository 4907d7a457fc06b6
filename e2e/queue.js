'use strict';
// The queue-mode part of `npm run test:e2e` (skip it with --no-queue; run it alone with --queue-only):
// n8n 2.41.1 the way production scales it. A private redis-server and PostgreSQL cluster
// (lib/redis.js, lib/postgres.js), one main (`n8n start`, takes the webhooks) and TWO workers
// (`n8n worker`, run the executions), one encryption key, the packed package installed in every
// process's own user folder as n8n documents for queue mode. The sandbox (in this process) enforces
// one per-account limit and answers 429 WITHOUT Retry-After, as Kore.ai documents none.
//
// Load: BATCHES webhook POSTs at once, PER_BATCH campaign IDs each, all on one account: Webhook ->
// Execution Data (records which process ran it) -> Split Out -> Delete SMS Campaign (error output
// on) -> Deleted / Failed. The limit is scaled up from Kore.ai's 60 to LIMIT a minute (and the node's
// Requests per Minute with it) so the run stays short; the load is more than one minute's worth of
// that limit, so the workers must share it rather than fit into an empty window.
//
// Checks: executions ran on both workers (n8n's execution_metadata in Postgres), every input item
// has exactly one output item and none failed (n8n's execution_data), every campaign deleted
// exactly once (the sandbox), wall time (first POST to last stoppedAt) <= 1.25 x campaigns / limit,
// and no secret in a pg_dump of n8n's database, Redis's snapshots or any process's log.
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');
const { CACHE_DIR, LINES, REPO_ROOT, RUNS_DIR } = require('./lib/lines');
const { log, elapsed } = require('./lib/proc');
const { assert, eq } = require('./lib/checks');
const { installCommunityPackage, n8nEnv, n8nCli, networkAttempts, freePort, PACKAGE_NAME } = require('./lib/n8n');
const { loadWorkflow } = require('./lib/workflows');
const { scanForSecrets, tokenNeedles } = require('./lib/scan');
const { startRedis } = require('./lib/redis');
const { startPostgres } = require('./lib/postgres');

const LIMIT = 120; // per minute, for the sandbox's account and the node's Requests per Minute
const BATCHES = 4;
const PER_BATCH = 40;
// Two executions at a time per worker: four POSTs at once then always land on both workers (Bull
// hands a job to whichever worker asks first; with 5 slots each, one worker could take all four).
const WORKER_CONCURRENCY = 2;
const WALL_FACTOR = 1.25;
const MAX_429_SHARE = 0.12;
const CRED_ID = 'koreQueueCred001';
const WEBHOOK_PATH = 'kore-queue-delete';
const NODE = 'Delete SMS Campaign';
const ROLES = ['main', 'worker-1', 'worker-2'];

/** A long-running n8n process (`n8n start` / `n8n worker`), its output in logFile, in its own process group. */
function startN8n(line, role, args, env, logFile) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(line.nodeBin, [line.n8nBin, ...args], { cwd: env.N8N_USER_FOLDER, env, stdio: ['ignore', out, out], detached: true });
	fs.closeSync(out);
	const proc = { role, child, logFile, exit: undefined };
	proc.exited = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			proc.exit = { code, signal };
			resolve(proc.exit);
		});
	});
	proc.stop = async () => {
		// The group: n8n and the task runner it starts. Only processes this harness started.
		const signalGroup = (sig) => {
			try {
				process.kill(-child.pid, sig);
			} catch {
				// already gone
			}
		};
		if (!proc.exit) {
			signalGroup('SIGTERM');
			const timer = new Promise((resolve) => setTimeout(resolve, 20000));
			await Promise.race([proc.exited, timer]);
		}
		signalGroup('SIGKILL');
		await Promise.race([proc.exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
	};
	log(`[queue] started ${role} (pid ${child.pid}): n8n ${args.join(' ')}`);
	return proc;
}

async function httpStatus(url) {
	try {
		const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
		await res.text();
		return res.status;
	} catch {
		return 0;
	}
}

async function waitReady(proc, url, logLine, timeoutMs = 240000) {
	const started = Date.now();
	for (;;) {
		if (proc.exit) throw new Error(`${proc.role} exited ${JSON.stringify(proc.exit)} before it was ready:\n${tail(proc.logFile)}`);
		if ((await httpStatus(url)) === 200 && fs.readFileSync(proc.logFile, 'utf8').includes(logLine)) {
			log(`[queue] ${proc.role} ready in ${elapsed(Date.now() - started)}`);
			return;
		}
		if (Date.now() - started > timeoutMs) throw new Error(`${proc.role} not ready after ${elapsed(timeoutMs)} (${url}, "${logLine}"):\n${tail(proc.logFile)}`);
		await sleep(500);
	}
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function tail(file, chars = 3000) {
	try {
		return fs.readFileSync(file, 'utf8').slice(-chars);
	} catch {
		return '(no log)';
	}
}

function pairedIndex(item) {
	return Array.isArray(item.pairedItem) ? item.pairedItem[0]?.item : item.pairedItem?.item;
}

/** Runs the queue-mode scenario and records its checks; never throws for a failed check. */
async function runQueue({ tarball, checks, line = LINES.n8n2 }) {
	const tag = '[queue]';
	const started = Date.now();
	log(`===== queue mode: ${line.label}, main + 2 workers, Redis, PostgreSQL =====`);
	const runDir = path.join(RUNS_DIR, 'queue');
	fs.rmSync(runDir, { recursive: true, force: true });
	const logsDir = path.join(runDir, 'logs');
	const dumpsDir = path.join(runDir, 'dumps');
	fs.mkdirSync(logsDir, { recursive: true });
	fs.mkdirSync(dumpsDir, { recursive: true });
	const folders = Object.fromEntries(ROLES.map((role) => [role, path.join(runDir, role, 'user')]));
	const cliLog = path.join(logsDir, 'n8n-cli.log');
	const scanRoots = [logsDir, dumpsDir, ...Object.values(folders)];

	const { startSandbox } = require(path.join(REPO_ROOT, 'sandbox'));
	const sandbox = await startSandbox({ rateLimit: { perMinute: LIMIT, retryAfter: false }, latencyMs: 30 });
	const sbCreds = sandbox.credentials;
	const procs = [];
	let redis;
	let postgres;
	let db;
	let ran = false;
	const figures = {};
	try {
		[redis, postgres] = await Promise.all([startRedis(path.join(runDir, 'redis')), startPostgres(path.join(runDir, 'postgres'))]);
		scanRoots.push(redis.dir);

		await checks.check(`${tag} the package installed in the user folder of the main and of each worker`, async () => {
			for (const role of ROLES) {
				fs.mkdirSync(folders[role], { recursive: true });
				const pkgDir = await installCommunityPackage(folders[role], tarball);
				const manifest = JSON.parse(fs.readFileSync(path.join(folders[role], '.n8n', 'nodes', 'package.json'), 'utf8'));
				assert(manifest.dependencies[PACKAGE_NAME], `${role}: nodes/package.json does not list ${PACKAGE_NAME}`);
				assert(fs.existsSync(path.join(pkgDir, 'dist', 'nodes', 'KoreAiContactCenter', 'KoreAiContactCenter.node.js')), `${role}: node missing`);
			}
		});

		const encryptionKey = crypto.randomBytes(24).toString('hex');
		const mainPort = await freePort();
		const healthPorts = { 'worker-1': await freePort(), 'worker-2': await freePort() };
		const envFor = async (role) =>
			n8nEnv(line, folders[role], {
				N8N_ENCRYPTION_KEY: encryptionKey,
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: postgres.host,
				DB_POSTGRESDB_PORT: String(postgres.port),
				DB_POSTGRESDB_DATABASE: postgres.database,
				DB_POSTGRESDB_USER: postgres.user,
				DB_POSTGRESDB_PASSWORD: postgres.password,
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_PORT: String(mainPort),
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
				QUEUE_HEALTH_CHECK_ACTIVE: role === 'main' ? 'false' : 'true',
				...(role === 'main' ? {} : { QUEUE_HEALTH_CHECK_PORT: String(healthPorts[role]) }),
				// The workflow's "Which worker" node reads E2E_N8N_PROCESS ($env is blocked by default in 2.x).
				N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
				E2E_N8N_PROCESS: role,
				// n8n starts its Code-node task runner as plain `node`: make that Node 24 too.
				PATH: `${path.dirname(line.nodeBin)}${path.delimiter}${process.env.PATH}`,
			});
		const mainEnv = await envFor('main');

		// Credentials and the workflow go into the shared database once (through the main's folder).
		const campaignIds = sandbox.addCampaigns(BATCHES * PER_BATCH, 'sms', { namePrefix: 'Queue SMS' });
		const batches = Array.from({ length: BATCHES }, (_, b) => campaignIds.slice(b * PER_BATCH, (b + 1) * PER_BATCH));
		const workflow = loadWorkflow('queue-delete.json', { CRED_ID, WEBHOOK_PATH });
		workflow.nodes.find((n) => n.name === NODE).parameters.options.requestsPerMinute = LIMIT;
		await checks.check(`${tag} credential and workflow imported into Postgres, workflow published`, async () => {
			const inputs = path.join(runDir, 'inputs');
			fs.mkdirSync(inputs, { recursive: true });
			const credFile = path.join(inputs, 'credentials.json');
			const credData = { host: sandbox.url, accountId: sbCreds.accountId, appId: sbCreds.appId, clientId: sbCreds.clientId, clientSecret: sbCreds.clientSecret, algorithm: sbCreds.algorithm };
			fs.writeFileSync(credFile, JSON.stringify([{ id: CRED_ID, name: 'Kore.ai sandbox', type: 'koreAiApi', data: credData }]));
			const t = Date.now();
			const imp = await n8nCli(line, folders.main, ['import:credentials', `--input=${credFile}`], { env: mainEnv, logFile: cliLog });
			fs.rmSync(credFile);
			assert(imp.code === 0, `import:credentials exit ${imp.code}: ${imp.stderr.slice(-1500)}${imp.stdout.slice(-1500)}`);
			const wfFile = path.join(inputs, 'workflow.json');
			fs.writeFileSync(wfFile, JSON.stringify(workflow, null, 2));
			const impW = await n8nCli(line, folders.main, ['import:workflow', `--input=${wfFile}`], { env: mainEnv, logFile: cliLog });
			assert(impW.code === 0, `import:workflow exit ${impW.code}: ${impW.stderr.slice(-1500)}${impW.stdout.slice(-1500)}`);
			// 2.x: a workflow's triggers run only once it is published; a running main would not see it.
			const pub = await n8nCli(line, folders.main, ['publish:workflow', `--id=${workflow.id}`], { env: mainEnv, logFile: cliLog });
			assert(pub.code === 0, `publish:workflow exit ${pub.code}: ${pub.stderr.slice(-1500)}${pub.stdout.slice(-1500)}`);
			log(`${tag} imported and published in ${elapsed(Date.now() - t)}`);
		});

		const { Client } = require(path.join(line.dir, 'node_modules', 'pg'));
		const { parse: unflatten } = require(path.join(line.dir, 'node_modules', 'flatted'));
		db = new Client({ host: postgres.host, port: postgres.port, user: postgres.user, password: postgres.password, database: postgres.database });
		await db.connect();

		const ready = await checks.check(`${tag} main and two workers up in queue mode (Redis, ${postgres.version.replace(/^postgres \(PostgreSQL\) /, 'PostgreSQL ')})`, async () => {
			const main = startN8n(line, 'main', ['start'], mainEnv, path.join(logsDir, 'main.log'));
			procs.push(main);
			for (const role of ['worker-1', 'worker-2']) {
				procs.push(startN8n(line, role, ['worker', `--concurrency=${WORKER_CONCURRENCY}`], await envFor(role), path.join(logsDir, `${role}.log`)));
			}
			await Promise.all([
				waitReady(main, `http://127.0.0.1:${mainPort}/healthz/readiness`, 'Editor is now accessible'),
				...procs.slice(1).map((p) => waitReady(p, `http://127.0.0.1:${healthPorts[p.role]}/healthz/readiness`, 'n8n worker is now ready')),
			]);
		});
		if (!ready) return;
		// 2.x registers a published workflow's webhooks shortly after the main started (its
		// publication reconciler, asynchronously): wait for the row in webhook_entity.
		const registered = await checks.check(`${tag} the main registered the workflow's production webhook (webhook_entity)`, async () => {
			const deadline = Date.now() + 120000;
			for (;;) {
				const res = await db.query('SELECT method, "webhookPath" FROM webhook_entity WHERE "workflowId" = $1', [workflow.id]);
				if (res.rows.some((r) => r.method === 'POST' && r.webhookPath === WEBHOOK_PATH)) return;
				if (Date.now() > deadline) throw new Error(`no POST ${WEBHOOK_PATH} in webhook_entity after 2 min:\n${tail(procs[0].logFile)}`);
				await sleep(500);
			}
		});
		if (!registered) return;

		// The load: all POSTs at once.
		const firstPostAt = Date.now();
		const posted = await checks.check(`${tag} ${BATCHES} webhook POSTs of ${PER_BATCH} campaign IDs each, at once, accepted by the main`, async () => {
			const answers = await Promise.all(
				batches.map(async (ids, batch) => {
					const res = await fetch(`http://127.0.0.1:${mainPort}/webhook/${WEBHOOK_PATH}`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ batch, campaigns: ids.map((campaignId, row) => ({ row, campaignId })) }),
					});
					return { status: res.status, body: await res.text() };
				}),
			);
			for (const a of answers) assert(a.status === 200, `webhook answered ${a.status}: ${a.body.slice(0, 500)}`);
		});
		if (!posted) return;

		// What Redis holds while the executions run (Bull's jobs), for the secret scan.
		await sleep(3000);
		await redis.snapshot();

		// Wait for n8n's records: every execution finished.
		let executions = [];
		const finished = await checks.check(`${tag} all ${BATCHES} executions finished (n8n's execution_entity in Postgres)`, async () => {
			const deadline = Date.now() + 6 * 60000;
			for (;;) {
				const res = await db.query('SELECT id, status, finished, "startedAt", "stoppedAt" FROM execution_entity WHERE "workflowId" = $1 ORDER BY id', [workflow.id]);
				executions = res.rows;
				const done = executions.filter((e) => e.stoppedAt && !['new', 'running', 'waiting'].includes(e.status));
				if (executions.length >= BATCHES && done.length === executions.length) break;
				for (const p of procs) if (p.exit) throw new Error(`${p.role} exited ${JSON.stringify(p.exit)} during the run:\n${tail(p.logFile)}`);
				if (Date.now() > deadline) throw new Error(`after 6 min: ${JSON.stringify(executions.map((e) => [e.id, e.status]))}`);
				await sleep(1000);
			}
			eq(executions.length, BATCHES, 'executions of the workflow');
			for (const e of executions) assert(e.status === 'success', `execution ${e.id} ended "${e.status}"`);
		});
		ran = finished;
		if (!finished) return;

		const ids = executions.map((e) => e.id);
		const metadata = (await db.query('SELECT "executionId", key, value FROM execution_metadata WHERE "executionId" = ANY($1::int[])', [ids])).rows;
		const meta = (id, key) => metadata.find((m) => String(m.executionId) === String(id) && m.key === key)?.value;
		const dataRows = (await db.query('SELECT "executionId", data FROM execution_data WHERE "executionId" = ANY($1::int[])', [ids])).rows;

		await checks.check(`${tag} executions ran on both workers, none on the main (execution_metadata; the workers' logs agree)`, () => {
			const byWorker = {};
			for (const e of executions) {
				const worker = meta(e.id, 'worker');
				assert(worker, `execution ${e.id} has no "worker" in execution_metadata`);
				(byWorker[worker] ||= []).push(e.id);
				const logged = ['worker-1', 'worker-2'].filter((w) => new RegExp(`Worker started execution ${e.id}\\b`).test(fs.readFileSync(path.join(logsDir, `${w}.log`), 'utf8')));
				eq(logged, [worker], `workers whose log says they started execution ${e.id}`);
			}
			figures.byWorker = byWorker;
			eq(Object.keys(byWorker).sort(), ['worker-1', 'worker-2'], 'processes that ran executions');
		});

		let outputs = [];
		await checks.check(`${tag} every input item has exactly one output item, paired, and 0 failed items (execution_data)`, () => {
			outputs = dataRows.map((row) => {
				const data = unflatten(row.data);
				const runData = data.resultData.runData;
				const runs = runData[NODE];
				assert(runs && runs.length === 1, `execution ${row.executionId}: "${NODE}" ran ${runs ? runs.length : 0} times`);
				const [ok = [], failed = []] = runs[0].data.main;
				const input = runData['Split Out'][0].data.main[0];
				return { id: row.executionId, batch: Number(meta(row.executionId, 'batch')), input, ok, failed };
			});
			eq(outputs.length, BATCHES, 'executions with data');
			for (const o of outputs) {
				const expected = batches[o.batch];
				assert(expected, `execution ${o.id}: unknown batch ${o.batch}`);
				eq(o.input.map((i) => i.json.campaignId), expected, `execution ${o.id}: Split Out items`);
				const paired = [...o.ok, ...o.failed].map(pairedIndex).sort((a, b) => a - b);
				eq(paired, expected.map((_, i) => i), `execution ${o.id}: output items paired with input items`);
				eq(o.ok.map((i) => i.json.campaignId), expected, `execution ${o.id}: deleted campaign IDs in order`);
				for (const it of o.ok) assert(it.json.deleted === true, `execution ${o.id}: ${JSON.stringify(it.json).slice(0, 300)}`);
				eq(o.failed.map((i) => i.json.error), [], `execution ${o.id}: failed items`);
			}
			eq(outputs.map((o) => o.batch).sort(), batches.map((_, b) => b), 'batches run');
		});

		const deletes = sandbox.requests.filter((r) => r.method === 'DELETE');
		figures.rateLimited = sandbox.stats.rateLimited;
		figures.requests = deletes.length;
		await checks.check(`${tag} every campaign deleted exactly once in the sandbox (the others were 429s)`, () => {
			const okCount = new Map();
			const tries = new Map();
			for (const r of deletes) {
				tries.set(r.campaignId, (tries.get(r.campaignId) || 0) + 1);
				if (r.status === 200) okCount.set(r.campaignId, (okCount.get(r.campaignId) || 0) + 1);
				else assert(r.status === 429, `a delete of ${r.campaignId} was answered ${r.status} (${r.reason})`);
			}
			for (const id of campaignIds) {
				eq(okCount.get(id), 1, `successful deletes of ${id}`);
				assert(!sandbox.store.has(id), `${id} still exists`);
			}
			figures.mostTries = Math.max(...tries.values());
		});

		// Each worker's pacer finds its share of the account from a few 429s. Pacers that kept sending
		// at the full Requests per Minute each (package 0.1.0, measured with this run) drew 45 of 205
		// (22 %), and one campaign needed 4 of its 5 tries: one step from a failed item.
		await checks.check(`${tag} at most ${MAX_429_SHARE * 100} % of the delete requests answered with a rate limit`, () => {
			assert(figures.rateLimited <= MAX_429_SHARE * figures.requests, `${figures.rateLimited} of ${figures.requests}`);
		});

		const lastStop = Math.max(...executions.map((e) => new Date(e.stoppedAt).getTime()));
		figures.wallMs = lastStop - firstPostAt;
		figures.boundMs = WALL_FACTOR * ((BATCHES * PER_BATCH) / LIMIT) * 60000;
		await checks.check(`${tag} wall time <= ${WALL_FACTOR} x ${BATCHES * PER_BATCH} campaigns / ${LIMIT} per minute (${elapsed(figures.boundMs)})`, () => {
			assert(figures.wallMs <= figures.boundMs, `took ${(figures.wallMs / 1000).toFixed(1)} s`);
		});
		log(
			`${tag} figures: ${BATCHES * PER_BATCH} campaigns at ${LIMIT}/min in ${(figures.wallMs / 1000).toFixed(1)} s (bound ${(figures.boundMs / 1000).toFixed(0)} s); ` +
				`${figures.requests} delete requests, ${figures.rateLimited} answered 429 (${((100 * figures.rateLimited) / figures.requests).toFixed(1)} %); ` +
				`most tries for one campaign ${figures.mostTries}; executions by worker ${JSON.stringify(figures.byWorker)}; ` +
				`items by worker ${JSON.stringify(itemsByWorker(outputs, meta))}`,
		);
	} catch (err) {
		checks.fail(`${tag} run`, err.stack || String(err));
	} finally {
		if (db) await db.end().catch(() => {});
		await Promise.all(procs.map((p) => p.stop()));
		await checks.check(`${tag} every process stopped`, () => {
			const running = procs.filter((p) => !p.exit).map((p) => p.role);
			eq(running, [], 'n8n processes still running');
		});
		if (postgres) {
			try {
				await postgres.dump(path.join(dumpsDir, 'n8n.sql'));
			} catch (err) {
				checks.fail(`${tag} pg_dump of n8n's database`, err.message);
			}
			postgres.copyLog(path.join(logsDir, 'postgres.log'));
			await postgres.stop();
		}
		if (redis) {
			try {
				await redis.snapshot();
			} catch (err) {
				checks.fail(`${tag} Redis snapshot`, err.message);
			}
			await redis.stop();
			fs.copyFileSync(redis.logFile, path.join(logsDir, 'redis.log'));
		}
		await sandbox.close();
	}

	if (ran) {
		const tokens = sandbox.tokensSeen;
		await checks.check(`${tag} no client secret or JWT in Postgres (pg_dump), Redis (snapshots) or any process's log`, () => {
			assert(tokens.length >= BATCHES * PER_BATCH, `the sandbox saw only ${tokens.length} tokens`);
			const needles = [{ label: 'client secret', value: sbCreds.clientSecret }, ...tokenNeedles(tokens)];
			const pkgDirs = Object.values(folders).map((f) => path.join(f, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME) + path.sep);
			const { hits, files, bytes } = scanForSecrets(scanRoots, needles, { skip: (f) => pkgDirs.some((d) => f.startsWith(d)) });
			log(`${tag} scanned ${files} files (${(bytes / 1e6).toFixed(1)} MB) for ${needles.length} secrets/tokens`);
			const scanned = (f) => fs.existsSync(f) && fs.statSync(f).size > 0;
			assert(scanned(path.join(dumpsDir, 'n8n.sql')) && fs.readFileSync(path.join(dumpsDir, 'n8n.sql'), 'utf8').includes('execution_data'), 'no pg_dump to scan');
			assert(fs.readdirSync(redis.dir).filter((f) => f.endsWith('.rdb')).length >= 2, 'no Redis snapshots to scan');
			for (const f of ['main.log', 'worker-1.log', 'worker-2.log', 'postgres.log', 'redis.log', 'n8n-cli.log']) assert(scanned(path.join(logsDir, f)), `no ${f} to scan`);
			if (hits.length) throw new Error(hits.map((h) => `${h.label} in ${path.relative(runDir, h.file)} at ${h.offset}`).join('\n'));
		});
		await checks.check(`${tag} no n8n process tried network beyond loopback`, () => {
			const attempts = ROLES.flatMap((role) => networkAttempts(folders[role]).map((a) => `${role}: ${a.kind} ${a.host}`));
			eq([...new Set(attempts)], [], 'non-loopback attempts');
		});
	}
	log(`${tag} done in ${elapsed(Date.now() - started)}`);
}

function itemsByWorker(outputs, meta) {
	const out = {};
	for (const o of outputs) {
		const w = meta(o.id, 'worker');
		out[w] = (out[w] || 0) + o.ok.length + o.failed.length;
	}
	return out;
}

module.exports = { runQueue, LIMIT, BATCHES, PER_BATCH };
