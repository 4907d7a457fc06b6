'use strict';
// The queue-mode part of `npm run test:e2e` (skip it with --no-queue; run it alone with --queue-only;
// pick scenarios with --queue-scenarios load,kill,redis,trigger): n8n 2.41.1 the way production
// scales it. A private redis-server and PostgreSQL cluster (lib/redis.js, lib/postgres.js), one main
// (`n8n start`: takes the webhooks, runs the trigger's polls) and TWO workers (`n8n worker`: run the
// executions), one encryption key, the packed package installed in every process's own user folder
// as n8n documents for queue mode. The sandbox (in this process) enforces one per-account limit and
// answers 429 WITHOUT Retry-After, as Kore.ai documents none.
//
// Scenarios, in this order, each with its own checks (e2e/README.md#queue-mode):
//   load     4 webhook executions x 40 deletes on one account, shared by both workers (queue-scenarios/load.js)
//   kill     a worker SIGKILLed while its executions delete; the recovery run (queue-scenarios/worker-kill.js)
//   redis    Redis restarted while executions wait in the queue (queue-scenarios/redis-restart.js)
//   trigger  the trigger across a restart of the main and a Kore.ai outage (queue-scenarios/trigger-restart.js)
// Then: no secret in a pg_dump of n8n's database, Redis's snapshots or any process's log; no network
// beyond loopback; every process stopped, also after a failure.
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { LINES, REPO_ROOT, RUNS_DIR } = require('./lib/lines');
const { log, elapsed } = require('./lib/proc');
const { assert, eq, checkContract } = require('./lib/checks');
const {
	installCommunityPackage,
	n8nEnv,
	n8nCli,
	networkAttempts,
	freePort,
	PACKAGE_NAME,
} = require('./lib/n8n');
const { loadWorkflow } = require('./lib/workflows');
const { scanForSecrets, tokenNeedles } = require('./lib/scan');
const { startRedis } = require('./lib/redis');
const { startPostgres } = require('./lib/postgres');
const { sleep, tail, startN8n, waitReady } = require('./lib/cluster');
const { runLoad, LIMIT } = require('./queue-scenarios/load');
const { runWorkerKill } = require('./queue-scenarios/worker-kill');
const { runRedisRestart } = require('./queue-scenarios/redis-restart');
const {
	prepareTrigger,
	armTrigger,
	runTriggerRestart,
} = require('./queue-scenarios/trigger-restart');

// Two executions at a time per worker: four POSTs at once then always land on both workers (Bull
// hands a job to whichever worker asks first; with 5 slots each, one worker could take all four).
const WORKER_CONCURRENCY = 2;
const CRED_ID = 'koreQueueCred001';
const TRIGGER_CRED_ID = 'koreQueueCred002';
const NODE = 'Delete SMS Campaign';
const WORKERS = ['worker-1', 'worker-2'];
const ROLES = ['main', ...WORKERS];
const SCENARIOS = ['load', 'kill', 'redis', 'trigger'];
const RUNNERS = {
	load: runLoad,
	kill: runWorkerKill,
	redis: runRedisRestart,
	trigger: runTriggerRestart,
};

/** The workflows of the run: the delete workflow, the same with Treat Missing Campaigns as Deleted on, the trigger. */
function queueWorkflows(withTrigger) {
	const deleteWf = loadWorkflow('queue-delete.json', {
		CRED_ID,
		WEBHOOK_PATH: 'kore-queue-delete',
	});
	deleteWf.nodes.find((n) => n.name === NODE).parameters.options.requestsPerMinute = LIMIT;
	const again = loadWorkflow('queue-delete.json', {
		CRED_ID,
		WEBHOOK_PATH: 'kore-queue-delete-again',
	});
	Object.assign(again, {
		id: 'e2eQueueDelete02',
		name: `${deleteWf.name} (Treat Missing Campaigns as Deleted)`,
	});
	again.nodes.find((n) => n.name === 'Webhook').webhookId = '9a7e51c2-0009-4b1e-8c09-0000000000bb';
	again.nodes.find((n) => n.name === NODE).parameters.options = {
		requestsPerMinute: LIMIT,
		treatMissingAsDeleted: true,
	};
	const list = [deleteWf, again];
	if (withTrigger) list.push(loadWorkflow('trigger-queue.json', { CRED_ID: TRIGGER_CRED_ID }));
	const pathOf = (wf) => wf.nodes.find((n) => n.name === 'Webhook')?.parameters.path;
	for (const wf of list) wf.path = pathOf(wf);
	return { list, delete: deleteWf, again, trigger: list[2] };
}

/** Runs the queue-mode scenarios and records their checks; never throws for a failed check. */
async function runQueue({ tarball, checks, line = LINES.n8n2, scenarios = SCENARIOS }) {
	const tag = '[queue]';
	const started = Date.now();
	for (const name of scenarios)
		if (!SCENARIOS.includes(name))
			throw new Error(`unknown queue scenario ${name} (${SCENARIOS.join(', ')})`);
	log(
		`===== queue mode: ${line.label}, main + 2 workers, Redis, PostgreSQL; scenarios ${scenarios.join(', ')} =====`,
	);
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
	const sandbox = await startSandbox({
		rateLimit: { perMinute: LIMIT, retryAfter: false },
		latencyMs: 30,
	});
	const sbCreds = sandbox.credentials;
	const withTrigger = scenarios.includes('trigger');
	const workflows = queueWorkflows(withTrigger);
	const allProcs = [];
	const timings = {};
	const q = {
		tag,
		checks,
		sandbox,
		line,
		node: NODE,
		workflows,
		workerRoles: WORKERS,
		workerConcurrency: WORKER_CONCURRENCY,
		procs: {},
		figures: {},
	};
	let redis;
	let postgres;
	let ran = false;
	try {
		[redis, postgres] = await Promise.all([
			startRedis(path.join(runDir, 'redis')),
			startPostgres(path.join(runDir, 'postgres')),
		]);
		q.redis = redis;
		scanRoots.push(redis.dir);

		await checks.check(
			`${tag} the package installed in the user folder of the main and of each worker`,
			async () => {
				for (const role of ROLES) {
					fs.mkdirSync(folders[role], { recursive: true });
					const pkgDir = await installCommunityPackage(folders[role], tarball);
					const manifest = JSON.parse(
						fs.readFileSync(path.join(folders[role], '.n8n', 'nodes', 'package.json'), 'utf8'),
					);
					assert(
						manifest.dependencies[PACKAGE_NAME],
						`${role}: nodes/package.json does not list ${PACKAGE_NAME}`,
					);
					assert(
						fs.existsSync(
							path.join(
								pkgDir,
								'dist',
								'nodes',
								'KoreAiContactCenter',
								'KoreAiContactCenter.node.js',
							),
						),
						`${role}: node missing`,
					);
				}
			},
		);

		const encryptionKey = crypto.randomBytes(24).toString('hex');
		q.mainPort = await freePort();
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
				N8N_PORT: String(q.mainPort),
				// No OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: it only moves manual executions to the workers,
				// and this run has none (webhook and trigger executions always go to the queue).
				QUEUE_HEALTH_CHECK_ACTIVE: role === 'main' ? 'false' : 'true',
				...(role === 'main' ? {} : { QUEUE_HEALTH_CHECK_PORT: String(healthPorts[role]) }),
				// The workflow's "Which worker" node reads E2E_N8N_PROCESS ($env is blocked by default in 2.x).
				N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
				E2E_N8N_PROCESS: role,
				// n8n starts its Code-node task runner as plain `node`: make that Node 24 too.
				PATH: `${path.dirname(line.nodeBin)}${path.delimiter}${process.env.PATH}`,
			});
		const mainEnv = await envFor('main');
		if (withTrigger) prepareTrigger(q);

		// Credentials and workflows go into the shared database once (through the main's folder).
		await checks.check(
			`${tag} credentials and ${workflows.list.length} workflows imported into Postgres, workflows published`,
			async () => {
				const inputs = path.join(runDir, 'inputs');
				fs.mkdirSync(inputs, { recursive: true });
				const credFile = path.join(inputs, 'credentials.json');
				const credOf = (c) => ({
					host: sandbox.url,
					accountId: c.accountId,
					appId: c.appId,
					clientId: c.clientId,
					clientSecret: c.clientSecret,
					algorithm: c.algorithm,
				});
				const creds = [
					{ id: CRED_ID, name: 'Kore.ai sandbox', type: 'koreAiApi', data: credOf(sbCreds) },
				];
				if (withTrigger)
					creds.push({
						id: TRIGGER_CRED_ID,
						name: 'Kore.ai sandbox (second account)',
						type: 'koreAiApi',
						data: credOf(sandbox.secondaryCredentials),
					});
				fs.writeFileSync(credFile, JSON.stringify(creds));
				const t = Date.now();
				const imp = await n8nCli(
					line,
					folders.main,
					['import:credentials', `--input=${credFile}`],
					{ env: mainEnv, logFile: cliLog },
				);
				fs.rmSync(credFile);
				assert(
					imp.code === 0,
					`import:credentials exit ${imp.code}: ${imp.stderr.slice(-1500)}${imp.stdout.slice(-1500)}`,
				);
				const wfDir = path.join(inputs, 'workflows');
				fs.mkdirSync(wfDir);
				for (const wf of workflows.list)
					fs.writeFileSync(path.join(wfDir, `${wf.id}.json`), JSON.stringify(wf, null, 2));
				const impW = await n8nCli(
					line,
					folders.main,
					['import:workflow', '--separate', `--input=${wfDir}`],
					{ env: mainEnv, logFile: cliLog },
				);
				assert(
					impW.code === 0,
					`import:workflow exit ${impW.code}: ${impW.stderr.slice(-1500)}${impW.stdout.slice(-1500)}`,
				);
				// 2.x: a workflow's triggers run only once it is published; a running main would not see it.
				for (const wf of workflows.list) {
					const pub = await n8nCli(line, folders.main, ['publish:workflow', `--id=${wf.id}`], {
						env: mainEnv,
						logFile: cliLog,
					});
					assert(
						pub.code === 0,
						`publish:workflow ${wf.id} exit ${pub.code}: ${pub.stderr.slice(-1500)}${pub.stdout.slice(-1500)}`,
					);
				}
				log(`${tag} imported and published in ${elapsed(Date.now() - t)}`);
			},
		);

		const { Client } = require(path.join(line.dir, 'node_modules', 'pg'));
		q.unflatten = require(path.join(line.dir, 'node_modules', 'flatted')).parse;
		q.db = new Client({
			host: postgres.host,
			port: postgres.port,
			user: postgres.user,
			password: postgres.password,
			database: postgres.database,
		});
		await q.db.connect();

		const mainUrl = `http://127.0.0.1:${q.mainPort}/healthz/readiness`;
		const startMain = () => {
			const main = startN8n(line, 'main', ['start'], mainEnv, path.join(logsDir, 'main.log'));
			allProcs.push(main);
			q.procs.main = main;
			return main;
		};
		/** Stops the main (SIGTERM, as a redeploy does), runs whileDown, starts it again; resolves with the old one's exit. */
		q.restartMain = async (whileDown) => {
			const t = Date.now();
			const exit = await q.procs.main.stop(60000);
			log(`${tag} main stopped in ${elapsed(Date.now() - t)} (${JSON.stringify(exit)})`);
			await whileDown();
			await waitReady(startMain(), mainUrl, 'Editor is now accessible');
			return { exit };
		};
		const ready = await checks.check(
			`${tag} main and two workers up in queue mode (Redis, ${postgres.version.replace(/^postgres \(PostgreSQL\) /, 'PostgreSQL ')})`,
			async () => {
				const main = startMain();
				for (const role of WORKERS) {
					q.procs[role] = startN8n(
						line,
						role,
						['worker', `--concurrency=${WORKER_CONCURRENCY}`],
						await envFor(role),
						path.join(logsDir, `${role}.log`),
					);
					allProcs.push(q.procs[role]);
				}
				await Promise.all([
					waitReady(main, mainUrl, 'Editor is now accessible'),
					...WORKERS.map((role) =>
						waitReady(
							q.procs[role],
							`http://127.0.0.1:${healthPorts[role]}/healthz/readiness`,
							'n8n worker is now ready',
						),
					),
				]);
			},
		);
		if (!ready) return;
		// 2.x registers a published workflow's webhooks shortly after the main started (its
		// publication reconciler, asynchronously): wait for the rows in webhook_entity.
		const hooks = [workflows.delete, workflows.again];
		const registered = await checks.check(
			`${tag} the main registered the workflows' production webhooks (webhook_entity)`,
			async () => {
				const deadline = Date.now() + 120000;
				for (;;) {
					const res = await q.db.query(
						'SELECT "workflowId", method, "webhookPath" FROM webhook_entity',
					);
					const missing = hooks.filter(
						(wf) =>
							!res.rows.some(
								(r) => r.workflowId === wf.id && r.method === 'POST' && r.webhookPath === wf.path,
							),
					);
					if (!missing.length) return;
					if (Date.now() > deadline)
						throw new Error(
							`no POST ${missing.map((wf) => wf.path)} in webhook_entity after 2 min:\n${tail(q.procs.main.logFile)}`,
						);
					await sleep(500);
				}
			},
		);
		if (!registered) return;
		ran = true;
		if (
			withTrigger &&
			!(await checks.check(
				`${tag} the trigger workflow active: its activation poll listed the second account's campaigns`,
				() => armTrigger(q),
			))
		)
			return;

		for (const name of SCENARIOS.filter((x) => scenarios.includes(x))) {
			const t = Date.now();
			await RUNNERS[name](q);
			timings[name] = Date.now() - t;
			log(`${tag} scenario ${name} took ${elapsed(timings[name])}`);
		}
	} catch (err) {
		checks.fail(`${tag} run`, err.stack || String(err));
	} finally {
		if (q.db) await q.db.end().catch(() => {});
		await Promise.all(allProcs.map((p) => p.stop()));
		await checks.check(`${tag} every process stopped`, () => {
			const running = allProcs.filter((p) => !p.exit).map((p) => p.role);
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
		// Every request of every process.
		await checkContract(checks, tag, sandbox.violations);
		const tokens = sandbox.tokensSeen;
		await checks.check(
			`${tag} no client secret or JWT in Postgres (pg_dump), Redis (snapshots) or any process's log`,
			() => {
				assert(tokens.length >= 10, `the sandbox saw only ${tokens.length} tokens`);
				const secrets = [sbCreds, sandbox.secondaryCredentials].map((c, i) => ({
					label: `client secret of account ${i + 1}`,
					value: c.clientSecret,
				}));
				const needles = [...secrets, ...tokenNeedles(tokens)];
				const pkgDirs = Object.values(folders).map(
					(f) => path.join(f, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME) + path.sep,
				);
				const { hits, files, bytes } = scanForSecrets(scanRoots, needles, {
					skip: (f) => pkgDirs.some((d) => f.startsWith(d)),
				});
				log(
					`${tag} scanned ${files} files (${(bytes / 1e6).toFixed(1)} MB) for ${needles.length} secrets/tokens`,
				);
				const scanned = (f) => fs.existsSync(f) && fs.statSync(f).size > 0;
				assert(
					scanned(path.join(dumpsDir, 'n8n.sql')) &&
						fs.readFileSync(path.join(dumpsDir, 'n8n.sql'), 'utf8').includes('execution_data'),
					'no pg_dump to scan',
				);
				// One SAVE while the load's executions run, one at the end.
				const snapshots = scenarios.includes('load') ? 2 : 1;
				assert(
					fs.readdirSync(redis.dir).filter((f) => /^snapshot-\d+\.rdb$/.test(f)).length >=
						snapshots,
					'no Redis snapshots to scan',
				);
				for (const f of [
					'main.log',
					'worker-1.log',
					'worker-2.log',
					'postgres.log',
					'redis.log',
					'n8n-cli.log',
				])
					assert(scanned(path.join(logsDir, f)), `no ${f} to scan`);
				if (hits.length)
					throw new Error(
						hits
							.map((h) => `${h.label} in ${path.relative(runDir, h.file)} at ${h.offset}`)
							.join('\n'),
					);
			},
		);
		await checks.check(`${tag} no n8n process tried network beyond loopback`, () => {
			const attempts = ROLES.flatMap((role) =>
				networkAttempts(folders[role]).map((a) => `${role}: ${a.kind} ${a.host}`),
			);
			eq([...new Set(attempts)], [], 'non-loopback attempts');
		});
	}
	timings.total = Date.now() - started;
	log(
		`${tag} done in ${elapsed(timings.total)}; scenarios: ${scenarios.map((name) => `${name} ${timings[name] === undefined ? '-' : elapsed(timings[name])}`).join(', ')}`,
	);
	log(`${tag} figures: ${JSON.stringify(q.figures)}`);
	return timings;
}

module.exports = { runQueue, SCENARIOS };
