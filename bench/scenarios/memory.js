'use strict';
/**
 * memory: 10,000 deletes (no latency, Concurrency 8, no pacing) measured in a process of its own
 * (bench/scenarios/memory-process.js), with the sandbox in yet another one, so that the heap holds
 * only the engine, the node and what they keep.
 * Target: retained heap <= 50 MB: the peak of heapUsed over the heap before the run, each sample
 * taken right after a full garbage collection (every 250 ms), i.e. memory really held. For
 * information: the raw peak (heapUsed every 10 ms, garbage not yet collected included), and both
 * figures for the floor node (bench/floor-node.js), which only calls n8n's HTTP helper.
 */

const { fork } = require('node:child_process');
const path = require('node:path');

const TARGET_MB = 50;

function run() {
	return new Promise((resolve, reject) => {
		const child = fork(path.join(__dirname, 'memory-process.js'), [], {
			execArgv: ['--expose-gc'],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		let result;
		child.once('message', (message) => {
			result = message;
		});
		child.once('error', reject);
		child.once('exit', (code) => {
			if (result?.error) reject(new Error(`memory process: ${result.error}`));
			else if (code !== 0 || !result) reject(new Error(`memory process exited with ${code}`));
			else
				resolve({ ...result, target: TARGET_MB, pass: result.retainedPeakGrowthMb <= TARGET_MB });
		});
	});
}

function rows(m, yes) {
	return [
		[
			'memory',
			`10,000 deletes in ${(m.wallMs / 1000).toFixed(2)} s: retained heap (peak, full GC before each sample every 250 ms)`,
			`${m.retainedPeakGrowthMb} MB`,
			`<= ${TARGET_MB} MB`,
			yes(m.pass),
		],
		[
			'',
			'info: raw peak heap growth (heapUsed every 10 ms, uncollected garbage included)',
			`${m.rawPeakGrowthMb} MB`,
			'',
			'',
		],
		[
			'',
			"info: floor node on n8n's HTTP helper: retained / raw peak",
			`${m.floorRetainedPeakGrowthMb} / ${m.floorRawPeakGrowthMb} MB`,
			'',
			'',
		],
	];
}

function headline(m, yes) {
	return [
		[
			'memory, retained for 10,000 (one run)',
			`${m.retainedPeakGrowthMb} MB`,
			`<= ${TARGET_MB} MB`,
			yes(m.pass),
		],
	];
}

module.exports = { name: 'memory', needsNodesBase: false, run, rows, headline };
