#!/usr/bin/env node
'use strict';
/**
 * `npm run bench` (a benchmark, not a test): deletes through n8n's real engine (test/harness)
 * against the Kore.ai sandbox, which always runs in a process of its own (bench/lib/sandbox-process.js)
 * so that its CPU and memory are not counted as the node's. Prints a table; docs/benchmarks.md
 * describes the scenarios and records a run.
 *
 *   npm run bench                              every scenario
 *   npm run bench -- shared-account            one scenario (names: see SCENARIOS), or several:
 *   npm run bench -- overhead memory           (--only=overhead,memory works too)
 *   npm run -s bench -- --json                 a JSON summary keyed by scenario on stdout
 *   npm run -s bench -- --markdown             the run as docs/benchmarks.md records it (bench/lib/markdown.js)
 *   --from=FILE                                no run: print (or --update-doc) a saved summary (--json's output)
 *   --update-doc                               replace the recorded run in docs/benchmarks.md with this one
 *   --no-build                                 skip `npm run build` (dist/ must be current)
 *
 * Every run also writes its summary to ~/.cache/n8n-nodes-kore-ai/bench/last-run.json, so
 * `npm run bench -- --from=~/.cache/n8n-nodes-kore-ai/bench/last-run.json --update-doc` records the last run.
 * Each scenario's result carries the load average at its start and end.
 * The HTTP Request node comes from n8n-nodes-base 2.41.1, installed on first use into that cache
 * (bench/nodes-base.js).
 */

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..');
const SCENARIOS = ['overhead', 'concurrency', 'ratelimit', 'memory', 'shared-account'];
const log = (line) => process.stderr.write(`${line}\n`);

const FLAGS = ['--json', '--markdown', '--update-doc', '--no-build'];

function parseArgs(argv) {
	const valued = (arg) => arg.startsWith('--only=') || arg.startsWith('--from=');
	const flags = new Set(argv.filter((arg) => arg.startsWith('--') && !valued(arg)));
	const names = [
		...argv.filter((arg) => !arg.startsWith('--')),
		...argv
			.filter((arg) => arg.startsWith('--only='))
			.flatMap((arg) => arg.slice('--only='.length).split(',')),
	].filter(Boolean);
	for (const flag of flags) {
		if (!FLAGS.includes(flag))
			throw new Error(
				`bench: unknown option ${flag} (options: ${FLAGS.join(', ')}, --only=, --from=)`,
			);
	}
	const unknown = names.filter((name) => !SCENARIOS.includes(name));
	if (unknown.length > 0)
		throw new Error(
			`bench: unknown scenario ${unknown.join(', ')}; scenarios are ${SCENARIOS.join(', ')}`,
		);
	const from = argv.find((arg) => arg.startsWith('--from='))?.slice('--from='.length);
	return {
		json: flags.has('--json'),
		markdown: flags.has('--markdown'),
		updateDoc: flags.has('--update-doc'),
		from: from ? path.resolve(from.replace(/^~(?=\/)/, os.homedir())) : undefined,
		build: !flags.has('--no-build') && !from,
		selected: names.length > 0 ? SCENARIOS.filter((name) => names.includes(name)) : SCENARIOS,
	};
}

/** The commit the measured code is at, and whether the work tree differs from it. */
function commit() {
	try {
		const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
			cwd: REPO_ROOT,
			encoding: 'utf8',
		}).trim();
		const dirty =
			execFileSync(
				'git',
				['status', '--porcelain', '--', 'nodes', 'credentials', 'common', 'bench'],
				{ cwd: REPO_ROOT, encoding: 'utf8' },
			).trim() !== '';
		return dirty ? `${head} + uncommitted changes` : head;
	} catch {
		return 'unknown';
	}
}

async function main() {
	const args = process.argv.slice(2);
	const options = parseArgs(args);
	if (options.from) return report(JSON.parse(fs.readFileSync(options.from, 'utf8')), options);
	// The benchmark measures the shipped code: build it first (output to stderr, stdout stays clean).
	if (options.build) {
		log('bench: npm run build');
		execFileSync('npm', ['run', 'build'], {
			cwd: REPO_ROOT,
			stdio: ['ignore', process.stderr, process.stderr],
		});
	}
	// Required after the build: they load dist/.
	const { ensureNodesBase, NODES_BASE_VERSION, CACHE_DIR } = require('./nodes-base');
	const { machine, loadAverage } = require('./lib/machine');
	const scenarios = options.selected.map((name) => require(`./scenarios/${name}`));

	const nodesBaseDir = scenarios.some((s) => s.needsNodesBase)
		? ensureNodesBase({ log })
		: undefined;
	const summary = {
		command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
		commit: commit(),
		startedAt: new Date().toISOString(),
		loadAverageAtStart: loadAverage(),
		scenarios: scenarios.map((s) => s.name),
	};
	for (const scenario of scenarios) {
		const atStart = loadAverage();
		log(`bench: ${scenario.name} ... (load average ${atStart.join(', ')})`);
		const result = await scenario.run({ nodesBaseDir, log });
		summary[scenario.name] = { ...result, loadAverage: { atStart, atEnd: loadAverage() } };
		log(
			`bench: ${scenario.name} done (load average ${summary[scenario.name].loadAverage.atEnd.join(', ')})`,
		);
	}
	summary.endedAt = new Date().toISOString();
	summary.loadAverageAtEnd = loadAverage();
	summary.machine = { ...machine(), n8nNodesBase: NODES_BASE_VERSION };

	// The last summary, also after a table run (for docs/benchmarks.md), next to the install.
	const file = path.join(path.dirname(CACHE_DIR), 'last-run.json');
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
	log(`bench: summary written to ${file}`);

	report(summary, options);
}

/** Prints a summary (just measured, or saved with --from) as JSON, Markdown or the plain table. */
function report(summary, options) {
	const { markdown, updateDoc } = require('./lib/markdown');
	const { table } = require('./lib/table');
	const scenarios = (summary.scenarios ?? SCENARIOS.filter((name) => summary[name])).map((name) =>
		require(`./scenarios/${name}`),
	);
	if (options.updateDoc) log(`bench: ${updateDoc(summary, scenarios)} updated`);
	if (options.json) {
		process.stdout.write(`${JSON.stringify(summary)}\n`);
	} else if (options.markdown) {
		process.stdout.write(`${markdown(summary, scenarios)}\n`);
	} else {
		const m = summary.machine;
		process.stdout.write(`\n${table(scenarios, summary)}\n\n`);
		process.stdout.write(
			`machine: ${m.nproc} CPUs (${m.cpuModel}), Node ${m.node}, ${m.platform}; HTTP Request node from n8n-nodes-base ${m.n8nNodesBase}\n` +
				`load average (1, 5, 15 min): ${summary.loadAverageAtStart.join(', ')} at start, ${summary.loadAverageAtEnd.join(', ')} at end\n`,
		);
	}
	const missed = scenarios.filter((s) => !summary[s.name].pass).map((s) => s.name);
	if (missed.length > 0) log(`bench: target missed: ${missed.join(', ')}`);
}

main().catch((error) => {
	log(error.stack ?? String(error));
	process.exitCode = 1;
});
