'use strict';

/**
 * Every contract violation any sandbox of this process recorded and no test has taken yet. The
 * jest setup (test/setup/contract.js) fails a test that leaves one behind, and the e2e run fails on
 * any: so no operation can drift from Kore.ai's pages silently. A test that sends a violating
 * request on purpose takes its violations (`sandbox.takeViolations()`) and asserts on them.
 */
const pending = [];

function record(violation) {
	pending.push(violation);
}

/** Removes and returns the pending violations `belongs` accepts (all of them by default). */
function take(belongs = () => true) {
	const taken = [];
	for (let i = 0; i < pending.length;) {
		if (belongs(pending[i])) taken.push(...pending.splice(i, 1));
		else i += 1;
	}
	return taken;
}

/** One line per violation, for a failing test's message. */
function describe(violations) {
	return violations
		.map((v) => `${v.method} ${v.url} (${v.endpoint ?? 'no page'}): ${v.problems.join('; ')}`)
		.join('\n');
}

module.exports = { record, take, describe, pending };
