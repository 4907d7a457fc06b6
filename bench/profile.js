#!/usr/bin/env node
'use strict';
/**
 * CPU profile of the overhead scenario's work (a benchmark tool, not a test): the node (Concurrency 1,
 * Requests per Minute 0) and the floor node (bench/floor-node.js) each delete the same number of
 * campaigns one after the other, against the sandbox in a process of its own; V8's sampling profiler
 * (the one behind `node --cpu-prof`, started through node:inspector) records only the timed runs,
 * not loading or warm-up. Writes node.cpuprofile and floor.cpuprofile and prints, per delete, where
 * the node spends more than the floor (bench/lib/cpuprofile.js; open the files in Chrome DevTools too).
 *
 *   npm run build && node bench/profile.js [--deletes=2000] [--rounds=3] [--warmup=3000] [--interval=100] [--out=DIR] [--top=25]
 *
 * A warm-up (untimed, unprofiled) first: the JIT needs a few thousand deletes before either side
 * runs at its steady cost. Rounds alternate node and floor; the profiles hold every round. The CPU time of the process per
 * side (process.cpuUsage) is printed too: the profiler itself costs some, alike on both sides.
 */

const fs = require('node:fs');
const inspector = require('node:inspector');
const path = require('node:path');

const { startSandboxProcess } = require('./lib/sandbox-process');
const { runWith, preload } = require('./lib/engine');
const { koreWorkflow, floorWorkflow } = require('./lib/workflows');
const { option } = require('./lib/option');
const { loadAverage } = require('./lib/machine');
const { summarize, report } = require('./lib/cpuprofile');
const { cacheDir } = require('../scripts/cache-dir');

const DELETES = Number(option('deletes', 2000));
const ROUNDS = Number(option('rounds', 3));
const WARMUP = Number(option('warmup', 3000));
const INTERVAL_US = Number(option('interval', 100));
const OUT = path.resolve(option('out', path.join(cacheDir('bench'), 'profiles')));
const TOP = Number(option('top', 25));

const session = new inspector.Session();
session.connect();
const post = (method, params) =>
	new Promise((resolve, reject) =>
		session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
	);

/** Merges profiles of several rounds into one (same format: nodes renumbered, samples appended). */
function merge(profiles) {
	const nodes = [];
	const samples = [];
	const timeDeltas = [];
	let offset = 0;
	for (const profile of profiles) {
		const maxId = Math.max(...profile.nodes.map((n) => n.id));
		for (const node of profile.nodes)
			nodes.push({
				...node,
				id: node.id + offset,
				children: (node.children ?? []).map((c) => c + offset),
			});
		samples.push(...profile.samples.map((s) => s + offset));
		timeDeltas.push(...profile.timeDeltas.map((d, i) => (i === 0 ? 0 : d)));
		offset += maxId;
	}
	return {
		nodes,
		startTime: 0,
		endTime: timeDeltas.reduce((a, b) => a + b, 0),
		samples,
		timeDeltas,
	};
}

async function main() {
	const sandbox = await startSandboxProcess({ rateLimit: false, record: false });
	try {
		await preload();
		const sides = {
			node: () => koreWorkflow({ requestsPerMinute: 0, concurrency: 1 }),
			floor: () => floorWorkflow(),
		};
		for (let done = 0; done < WARMUP; done += 500) {
			for (const build of Object.values(sides))
				await runWith(sandbox, build(), await sandbox.addCampaigns(500));
		}
		await post('Profiler.enable');
		await post('Profiler.setSamplingInterval', { interval: INTERVAL_US });
		const profiles = { node: [], floor: [] };
		const cpuMs = { node: [], floor: [] };
		const loadAtStart = loadAverage();
		for (let round = 0; round < ROUNDS; round++) {
			for (const [side, build] of Object.entries(sides)) {
				const ids = await sandbox.addCampaigns(DELETES);
				const before = process.cpuUsage();
				await post('Profiler.start');
				const result = await runWith(sandbox, build(), ids);
				const { profile } = await post('Profiler.stop');
				const cpu = process.cpuUsage(before);
				if (result.failed > 0 || result.ok !== DELETES)
					throw new Error(`profile: ${side}: ${result.failed} failed: ${result.firstError}`);
				profiles[side].push(profile);
				cpuMs[side].push((cpu.user + cpu.system) / 1000);
			}
		}
		fs.mkdirSync(OUT, { recursive: true });
		const merged = {};
		for (const side of Object.keys(sides)) {
			merged[side] = merge(profiles[side]);
			fs.writeFileSync(path.join(OUT, `${side}.cpuprofile`), JSON.stringify(merged[side]));
		}
		const per = DELETES * ROUNDS;
		const sum = (list) => list.reduce((a, b) => a + b, 0);
		process.stdout.write(
			`${DELETES} deletes x ${ROUNDS} rounds per side, sampling every ${INTERVAL_US} µs; load average ${loadAtStart.join(', ')} at start, ${loadAverage().join(', ')} at end\n` +
				`process CPU per round: node ${cpuMs.node.map((v) => v.toFixed(0)).join(' / ')} ms, floor ${cpuMs.floor.map((v) => v.toFixed(0)).join(' / ')} ms; ` +
				`node / floor ${(sum(cpuMs.node) / sum(cpuMs.floor)).toFixed(3)}\n` +
				`profiles: ${path.join(OUT, 'node.cpuprofile')}, ${path.join(OUT, 'floor.cpuprofile')} (a = node, b = floor)\n\n` +
				`${report(summarize(merged.node), summarize(merged.floor), { per, top: TOP })}\n`,
		);
	} finally {
		session.disconnect();
		await sandbox.close();
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exitCode = 1;
});
