'use strict';
// The long-running n8n processes of the queue-mode run (`n8n start`, `n8n worker`), each in its own
// process group with its output appended to its log file, and the small waits the run is built on.
const fs = require('node:fs');
const { spawn } = require('node:child_process');
const { log, elapsed } = require('./proc');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with check()'s first truthy value; throws after timeoutMs naming `what`. */
async function until(what, check, timeoutMs, everyMs = 1000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline)
			throw new Error(`timed out after ${elapsed(timeoutMs)} waiting for ${what}`);
		await sleep(everyMs);
	}
}

function tail(file, chars = 3000) {
	try {
		return fs.readFileSync(file, 'utf8').slice(-chars);
	} catch {
		return '(no log)';
	}
}

/** What a log file holds from byte `offset` on (to read one start of a process whose log is appended to). */
function logSince(file, offset = 0) {
	try {
		return fs.readFileSync(file).subarray(offset).toString('utf8');
	} catch {
		return '';
	}
}

const logSize = (file) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

/** A long-running n8n process (`n8n start` / `n8n worker`), its output in logFile, in its own process group. */
function startN8n(line, role, args, env, logFile) {
	const logOffset = logSize(logFile);
	const out = fs.openSync(logFile, 'a');
	const child = spawn(line.nodeBin, [line.n8nBin, ...args], {
		cwd: env.N8N_USER_FOLDER,
		env,
		stdio: ['ignore', out, out],
		detached: true,
	});
	fs.closeSync(out);
	const proc = { role, child, logFile, logOffset, exit: undefined };
	proc.exited = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			proc.exit = { code, signal };
			resolve(proc.exit);
		});
	});
	// The group: n8n and the task runner it starts. Only processes this harness started.
	proc.signal = (sig) => {
		try {
			process.kill(-child.pid, sig);
		} catch {
			// already gone
		}
	};
	/** SIGTERM (n8n shuts down gracefully), SIGKILL to the group after graceMs. Resolves with the exit. */
	proc.stop = async (graceMs = 20000) => {
		if (!proc.exit) {
			proc.signal('SIGTERM');
			await Promise.race([proc.exited, sleep(graceMs)]);
		}
		proc.signal('SIGKILL');
		await Promise.race([proc.exited, sleep(5000)]);
		return proc.exit;
	};
	/** This start's part of the log. */
	proc.output = () => logSince(logFile, logOffset);
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

/** Waits until `url` answers 200 and this start's log has `logLine`. */
async function waitReady(proc, url, logLine, timeoutMs = 240000) {
	const started = Date.now();
	for (;;) {
		if (proc.exit)
			throw new Error(
				`${proc.role} exited ${JSON.stringify(proc.exit)} before it was ready:\n${tail(proc.logFile)}`,
			);
		if ((await httpStatus(url)) === 200 && proc.output().includes(logLine)) {
			log(`[queue] ${proc.role} ready in ${elapsed(Date.now() - started)}`);
			return;
		}
		if (Date.now() - started > timeoutMs)
			throw new Error(
				`${proc.role} not ready after ${elapsed(timeoutMs)} (${url}, "${logLine}"):\n${tail(proc.logFile)}`,
			);
		await sleep(500);
	}
}

/** Execution IDs a worker's log (this start) says it started, in order. */
function startedExecutions(proc) {
	return [...proc.output().matchAll(/Worker started execution (\d+) \(job (\d+)\)/g)].map((m) => ({
		executionId: m[1],
		jobId: m[2],
	}));
}

module.exports = { sleep, until, tail, logSince, logSize, startN8n, waitReady, startedExecutions };
