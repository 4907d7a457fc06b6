#!/usr/bin/env node
'use strict';
/**
 * The overhead scenario's CPU ratio with enough rounds to tell 5 % apart (a benchmark tool, not a
 * test). The scenario (bench/scenarios/overhead.js) takes the median of 8 rounds of six sides; on
 * the 2-core machines here one side's rounds spread by 15-30 %, so its node / floor ratio moves by
 * more than the 5 % its target is about. This runs only two sides, the node and one floor, one after
 * the other in alternating order, for many rounds, and reports the median of the rounds' node / floor
 * ratios (two runs close in time: drift cancels) with a bootstrap 95 % interval of that median.
 *
 *   npm run build && node --expose-gc bench/overhead-rounds.js [--rounds=40] [--deletes=2000] [--against=floor|floor-timeout-output]
 *
 * --against=floor-timeout-output compares with the floor given the node's Timeout (30 s passed to
 * n8n's helper) and its Delete output (the deleted campaign, simplified): what is left is the node's
 * own per-item logic. Two untimed rounds first (the JIT). CPU time is this process's (user + system);
 * the sandbox runs in a process of its own.
 */

const { startSandboxProcess } = require('./lib/sandbox-process');
const { runWith, preload } = require('./lib/engine');
const { koreWorkflow, floorWorkflow } = require('./lib/workflows');
const { option } = require('./lib/option');
const { loadAverage } = require('./lib/machine');
const { median, round } = require('./lib/numbers');

const ROUNDS = Number(option('rounds', 40));
const DELETES = Number(option('deletes', 2000));
const AGAINST = option('against', 'floor');
const WARMUP_ROUNDS = 2;
const NODE_TIMEOUT_MS = 30_000; // the node's Timeout option's default (transport/requestOptions.ts)
const FLOORS = {
	floor: () => floorWorkflow(),
	'floor-timeout-output': () => floorWorkflow(1, { timeout: NODE_TIMEOUT_MS, output: 'campaign' }),
};

/** A seeded generator (mulberry32), so the same rounds give the same interval. */
function seeded(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The 2.5th and 97.5th percentiles of the median over 2,000 resamples of `values`. */
function medianInterval(values) {
	const random = seeded(1);
	const medians = [];
	for (let b = 0; b < 2000; b++)
		medians.push(median(values.map(() => values[Math.floor(random() * values.length)])));
	medians.sort((x, y) => x - y);
	return [medians[50], medians[1949]];
}

async function main() {
	if (!FLOORS[AGAINST]) throw new Error(`--against: one of ${Object.keys(FLOORS).join(', ')}`);
	if (!(ROUNDS >= 3) || !(DELETES >= 1)) throw new Error('--rounds >= 3 and --deletes >= 1');
	const sandbox = await startSandboxProcess({ rateLimit: false, record: false });
	try {
		await preload();
		const sides = {
			node: () => koreWorkflow({ requestsPerMinute: 0, concurrency: 1 }),
			floor: FLOORS[AGAINST],
		};
		const cpu = { node: [], floor: [] };
		const loadAtStart = loadAverage();
		for (let i = 0; i < WARMUP_ROUNDS + ROUNDS; i++) {
			for (const name of i % 2 === 0 ? ['node', 'floor'] : ['floor', 'node']) {
				const ids = await sandbox.addCampaigns(DELETES);
				const before = process.cpuUsage();
				const result = await runWith(sandbox, sides[name](), ids);
				const used = process.cpuUsage(before);
				if (result.failed > 0 || result.ok !== ids.length)
					throw new Error(`${name}: ${result.failed} items failed: ${result.firstError}`);
				if (i >= WARMUP_ROUNDS) cpu[name].push((used.user + used.system) / 1000);
			}
		}
		const ratios = cpu.node.map((ms, i) => ms / cpu.floor[i]);
		const [low, high] = medianInterval(ratios);
		const perDelete = (ms) => round((ms * 1000) / DELETES, 1);
		const sum = (values) => values.reduce((a, b) => a + b, 0);
		console.log(
			[
				`node against ${AGAINST}: ${ROUNDS} rounds of ${DELETES} deletes a side, alternating; load average ${loadAtStart.join(', ')} at start, ${loadAverage().join(', ')} at end`,
				`CPU per delete, median: node ${perDelete(median(cpu.node))} µs, ${AGAINST} ${perDelete(median(cpu.floor))} µs`,
				`node / ${AGAINST}, median of the rounds' ratios: ${round(median(ratios))} (95 % interval of that median ${round(low)} to ${round(high)}); of all rounds' CPU together: ${round(sum(cpu.node) / sum(cpu.floor))}`,
			].join('\n'),
		);
	} finally {
		await sandbox.close();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error.message);
		process.exit(1);
	},
);
