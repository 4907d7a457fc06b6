'use strict';
// Run with an n8n line's own Node (its sqlite3 is compiled for that Node): prints, as one JSON line,
// the executions of one workflow from n8n's SQLite database, oldest first, with their run data
// parsed from n8n's "flatted" format. argv: <n8n dir> <database file> <workflow id>
const path = require('node:path');

const [n8nDir, dbFile, workflowId] = process.argv.slice(2);
const load = (name) =>
	require(require.resolve(name, { paths: [path.join(n8nDir, 'node_modules', 'n8n'), n8nDir] }));
const sqlite3 = load('sqlite3');
const { parse } = load('flatted');

const db = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY, (openError) => {
	if (openError) {
		process.stdout.write(`${JSON.stringify({ error: openError.message })}\n`);
		return;
	}
	db.all(
		'SELECT e.id, e.status, e.mode, e.finished, d.data FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId = ? ORDER BY e.id',
		[workflowId],
		(error, rows) => {
			const out = error
				? { error: error.message }
				: {
						executions: rows.map((row) => ({
							id: row.id,
							status: row.status,
							mode: row.mode,
							finished: Boolean(row.finished),
							data: row.data ? parse(row.data) : undefined,
						})),
					};
			process.stdout.write(`${JSON.stringify(out)}\n`);
			db.close();
		},
	);
});
