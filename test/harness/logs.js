'use strict';
/**
 * Captures what n8n-core logs while a workflow runs (its Logger: ErrorReporter's node-error
 * reports with messages and stacks of the whole cause chain, LoggerProxy messages), per
 * execution, so tests can search logs for secrets too. By default nothing is printed; set
 * HARNESS_LOGS=1 to also print each record to stderr.
 *
 * n8n-core's root Logger (from @n8n/backend-common, resolved through n8n-core's own DI
 * container) writes through one winston logger; scoped child loggers delegate `write` to it,
 * so replacing that one `write` sees every record. Records are attributed to the execution
 * whose async context produced them (AsyncLocalStorage).
 */
const { AsyncLocalStorage } = require('node:async_hooks');

const fromCore = (id) => require(require.resolve(id, { paths: [require.resolve('n8n-core')] }));

const storage = new AsyncLocalStorage();
const unattributed = [];
let installed = false;

function install() {
	if (installed) return;
	installed = true;
	const { Container } = fromCore('@n8n/di');
	const { Logger } = fromCore('@n8n/backend-common');
	const internal = Container.get(Logger).getInternalLogger();
	const print = process.env.HARNESS_LOGS === '1';
	internal.write = function write(info) {
		const record = { ...info };
		const sink = storage.getStore() ?? unattributed;
		if (sink.length < 10_000) sink.push(record);
		if (print) process.stderr.write(`[n8n ${record.level}] ${record.message}\n`);
		return true;
	};
}

/** Runs fn with a fresh log sink; returns [sink, fn's result]. */
function withLogCapture(fn) {
	install();
	const sink = [];
	return [sink, storage.run(sink, fn)];
}

module.exports = { withLogCapture, unattributed };
