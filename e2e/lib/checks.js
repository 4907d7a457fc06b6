'use strict';
// A tiny assertion collector: every check is recorded with a name; failures keep their reason.
const { log } = require('./proc');
const { describe } = require('../../sandbox/contract/violations');

class Checks {
	constructor() {
		this.results = [];
	}

	/** Records one check; fn throws (or returns a string reason) to fail. */
	async check(name, fn) {
		try {
			const out = await fn();
			if (typeof out === 'string') throw new Error(out);
			this.results.push({ name, ok: true });
			log(`  PASS ${name}`);
			return true;
		} catch (err) {
			const reason = err && err.message ? err.message : String(err);
			this.results.push({ name, ok: false, reason });
			log(`  FAIL ${name}\n         ${reason.split('\n').join('\n         ')}`);
			return false;
		}
	}

	fail(name, reason) {
		this.results.push({ name, ok: false, reason });
		log(`  FAIL ${name}\n         ${String(reason).split('\n').join('\n         ')}`);
	}

	get passed() {
		return this.results.filter((r) => r.ok).length;
	}

	get failed() {
		return this.results.filter((r) => !r.ok).length;
	}
}

function assert(cond, message) {
	if (!cond) throw new Error(message);
}

function eq(actual, expected, what) {
	const a = JSON.stringify(actual);
	const e = JSON.stringify(expected);
	if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/**
 * Kore.ai's pages are the contract (sandbox/contract/): the check that none of `found`, the sandbox's
 * recorded violations, happened.
 */
function checkContract(checks, tag, found) {
	return checks.check(
		`${tag} every request followed Kore.ai's pages (the sandbox's contract)`,
		() =>
			assert(
				found.length === 0,
				`${found.length} request(s) broke the contract:\n${describe(found)}`,
			),
	);
}

module.exports = { Checks, assert, eq, checkContract };
