// One global check for every jest test: a request the Kore.ai sandbox found not to follow Kore.ai's
// pages (sandbox/contract/) fails the test that sent it, unless the test took it on purpose with
// `sandbox.takeViolations()` and asserted on it. No operation can drift from the pages silently.
const violations = require('../../sandbox/contract/violations');

afterEach(() => {
	const left = violations.take();
	if (left.length > 0) {
		throw new Error(
			`The sandbox refused ${left.length} request(s) that do not follow Kore.ai's pages:\n${violations.describe(left)}`,
		);
	}
});
