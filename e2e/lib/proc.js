'use strict';
// Small process helpers for the e2e harness: visible progress, timings, no shell strings.
const { spawn } = require('node:child_process');

const t0 = Date.now();

function elapsed(ms) {
	const s = Math.round(ms / 1000);
	return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

function log(msg) {
	process.stdout.write(`[e2e +${elapsed(Date.now() - t0)}] ${msg}\n`);
}

/**
 * Run a command with inherited stdio (or captured output), printing a heartbeat while it runs.
 * Resolves with { code, stdout, stderr, ms }; rejects on non-zero exit unless allowFail.
 */
function run(cmd, args, opts = {}) {
	const {
		cwd,
		env,
		capture = false,
		allowFail = false,
		heartbeat = 20000,
		label,
		input,
		timeoutMs,
	} = opts;
	const name = label || `${cmd} ${args.join(' ')}`;
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, {
			cwd,
			env: env || process.env,
			stdio: [
				input === undefined ? 'ignore' : 'pipe',
				capture ? 'pipe' : 'inherit',
				capture ? 'pipe' : 'inherit',
			],
		});
		let stdout = '';
		let stderr = '';
		if (capture) {
			child.stdout.on('data', (d) => (stdout += d));
			child.stderr.on('data', (d) => (stderr += d));
		}
		if (input !== undefined) child.stdin.end(input);
		const hb = heartbeat
			? setInterval(
					() => log(`  ... ${name}: still running (${elapsed(Date.now() - started)})`),
					heartbeat,
				)
			: null;
		const killer = timeoutMs
			? setTimeout(() => {
					stderr += `\n[e2e] timeout after ${elapsed(timeoutMs)}, killing ${name}\n`;
					child.kill('SIGKILL');
				}, timeoutMs)
			: null;
		child.on('error', (err) => {
			if (hb) clearInterval(hb);
			if (killer) clearTimeout(killer);
			reject(err);
		});
		child.on('close', (code, signal) => {
			if (hb) clearInterval(hb);
			if (killer) clearTimeout(killer);
			const ms = Date.now() - started;
			const res = { code: code === null ? 128 : code, signal, stdout, stderr, ms };
			if (res.code !== 0 && !allowFail) {
				const err = new Error(
					`${name} exited with ${code ?? signal} after ${elapsed(ms)}\n${stderr.slice(-4000)}`,
				);
				err.result = res;
				reject(err);
			} else resolve(res);
		});
	});
}

module.exports = { run, log, elapsed };
