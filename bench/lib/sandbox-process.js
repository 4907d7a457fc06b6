'use strict';
// Starts the Kore.ai sandbox (sandbox/, startSandbox) in a child process of its own
// (bench/lib/sandbox-server.js) so that only the node's work runs in the measured process.
// The returned object mirrors the parts of startSandbox's result the benchmark uses, asynchronously.

const { fork } = require('node:child_process');
const path = require('node:path');

/**
 * @param {object} options startSandbox's options (plain data only: they cross the IPC channel)
 * @returns {Promise<{ url, credentials, pid, addCampaigns(n, type?): Promise<string[]>,
 *   stats(): Promise<object>, timeline(): Promise<object[]>, close(): Promise<void> }>}
 */
async function startSandboxProcess(options = {}) {
	// execArgv: [] so the sandbox does not inherit the benchmark's --expose-gc and the like.
	const child = fork(path.join(__dirname, 'sandbox-server.js'), [], {
		execArgv: [],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const pending = new Map();
	let nextId = 0;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.on('message', ({ id, result, error }) => {
		const call = pending.get(id);
		if (!call) return;
		pending.delete(id);
		if (error) call.reject(new Error(`sandbox process: ${error}`));
		else call.resolve(result);
	});
	child.once('exit', (code, signal) => {
		for (const call of pending.values())
			call.reject(new Error(`sandbox process exited (${signal ?? code})`));
		pending.clear();
	});
	const call = (op, fields = {}) =>
		new Promise((resolve, reject) => {
			const id = ++nextId;
			pending.set(id, { resolve, reject });
			child.send({ id, op, ...fields });
		});

	const { url, credentials } = await call('start', { options });
	let closing;
	return {
		url,
		credentials,
		pid: child.pid,
		addCampaigns: (n, type = 'sms') => call('addCampaigns', { n, type }),
		stats: () => call('stats'),
		/** Requests answered since the last call (start option `timeline: true`): { startedAt, endedAt, status, campaignId }. */
		timeline: () => call('timeline'),
		close() {
			closing ??= call('close')
				.catch(() => child.kill())
				.then(() => exited)
				.then(() => undefined);
			return closing;
		},
	};
}

module.exports = { startSandboxProcess };
