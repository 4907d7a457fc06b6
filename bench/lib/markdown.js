'use strict';
// The recorded run in docs/benchmarks.md, generated from a summary (`npm run bench -- --markdown`,
// or `--from=FILE` for a saved one): when and where it ran, the load, the short table
// (each scenario's `headline` rows) and the full table (its `rows`). `--update-doc` replaces the
// part of docs/benchmarks.md between the two markers below with it.

const fs = require('node:fs');
const path = require('node:path');

const { table, yes } = require('./table');

const DOC = path.resolve(__dirname, '..', '..', 'docs', 'benchmarks.md');
const START =
	'<!-- bench:recorded-run:start (generated: npm run bench -- --markdown; see "Recording a run") -->';
const END = '<!-- bench:recorded-run:end -->';

const minute = (iso) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : 'unknown');

function shortTable(scenarios, summary) {
	const rows = [['scenario', 'result', 'target', 'met']];
	for (const scenario of scenarios)
		if (summary[scenario.name] && scenario.headline)
			rows.push(...scenario.headline(summary[scenario.name], yes));
	const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
	const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
	return [
		line(rows[0]),
		`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
		...rows.slice(1).map(line),
	].join('\n');
}

/** The Markdown of one run, between the markers. */
function markdown(summary, scenarios) {
	const m = summary.machine ?? {};
	const loads = scenarios
		.filter((s) => summary[s.name]?.loadAverage)
		.map(
			(s) =>
				`${s.name} ${summary[s.name].loadAverage.atStart[0]} to ${summary[s.name].loadAverage.atEnd[0]}`,
		)
		.join(', ');
	return [
		START,
		`Command: \`${summary.command}\`, ${minute(summary.startedAt)} to ${minute(summary.endedAt)}, code at commit \`${summary.commit ?? 'unknown'}\`.`,
		`Machine: ${m.nproc} CPUs (${m.cpuModel}), ${m.platform}, Node ${m.node}, ${m.totalMemMb} MB; HTTP Request node from n8n-nodes-base ${m.n8nNodesBase}.`,
		`Load average (1, 5, 15 min): ${summary.loadAverageAtStart?.join(', ')} at the start, ${summary.loadAverageAtEnd?.join(', ')} at the end; 1-minute load at each scenario's start and end: ${loads}.`,
		'',
		shortTable(scenarios, summary),
		'',
		'Every figure of the run:',
		'',
		table(scenarios, summary),
		END,
	].join('\n');
}

/** Replaces the recorded run in docs/benchmarks.md; returns the file's path. */
function updateDoc(summary, scenarios, file = DOC) {
	const text = fs.readFileSync(file, 'utf8');
	const from = text.indexOf(START);
	const to = text.indexOf(END);
	if (from < 0 || to < from)
		throw new Error(`bench: ${file} has no recorded-run markers (${START} ... ${END})`);
	fs.writeFileSync(
		file,
		`${text.slice(0, from)}${markdown(summary, scenarios)}${text.slice(to + END.length)}`,
	);
	return file;
}

module.exports = { markdown, updateDoc, START, END };
