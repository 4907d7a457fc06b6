'use strict';
// The Markdown table `npm run bench` prints: one header, the rows each scenario reports, and for
// each scenario the load average at its start and end (the machine is shared).

const HEADER = ['scenario', 'measure', 'result', 'target', 'met'];
const yes = (pass) => (pass ? 'yes' : 'NO');

/** @param {Array<{ name, rows(result, yes) }>} scenarios @param {object} summary keyed by name */
function table(scenarios, summary) {
	const rows = [HEADER];
	for (const scenario of scenarios) {
		const result = summary[scenario.name];
		if (!result) continue;
		rows.push(...scenario.rows(result, yes));
		if (result.loadAverage) {
			const { atStart, atEnd } = result.loadAverage;
			rows.push([
				'',
				`load average (1, 5, 15 min) at start / end: ${atStart.join(', ')} / ${atEnd.join(', ')}`,
				'',
				'',
				'',
			]);
		}
	}
	const widths = HEADER.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
	const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
	return [
		line(rows[0]),
		`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
		...rows.slice(1).map(line),
	].join('\n');
}

module.exports = { table, yes };
