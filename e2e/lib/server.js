'use strict';
// `n8n start` of one line for the harness: what runs active workflows (pollers, schedules); `n8n
// execute` cannot. Quiet offline environment from n8nEnv, free ports, output appended to logFile.
const fs = require('node:fs');
const http = require('node:http');
const { spawn } = require('node:child_process');
const { freePort } = require('./n8n');

function status(url) {
	return new Promise((resolve) => {
		const req = http.get(url, { timeout: 2000 }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode));
		});
		req.on('timeout', () => req.destroy());
		req.on('error', () => resolve(0));
	});
}

/** Starts `n8n start`; resolves { port, child, stop() } once n8n answers on /healthz. */
async function startN8n(line, userFolder, { env, logFile, timeoutMs = 180000 }) {
	const port = await freePort();
	const child = spawn(line.nodeBin, [line.n8nBin, 'start'], {
		cwd: userFolder,
		env: {
			...env,
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: 'localhost',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const out = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
	if (out) out.write('\n===== n8n start =====\n');
	let tail = '';
	const onData = (d) => {
		tail = (tail + d).slice(-4000);
		if (out) out.write(d);
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
			await exited;
			clearTimeout(timer);
		}
		if (out) await new Promise((resolve) => out.end(resolve));
	};
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) {
			await stop();
			throw new Error(
				`n8n start exited while starting (${child.exitCode ?? child.signalCode}):\n${tail}`,
			);
		}
		if ((await status(`http://127.0.0.1:${port}/healthz`)) === 200) break;
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n start did not answer within ${timeoutMs / 1000} s:\n${tail}`);
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	return { port, child, stop, tail: () => tail };
}

module.exports = { startN8n };
