// Shared set-up for workflow tests: a sandbox per test file, and the fixture workflow with tweaks.
const path = require('node:path');
const { startSandbox } = require('../../sandbox');
const { runWorkflow, allStoredText } = require('../harness');

const NODE = 'Delete SMS Campaign';

function loadWorkflow(name = 'delete-campaigns') {
	return require(path.join(__dirname, '..', 'fixtures', 'workflows', `${name}.json`));
}

/**
 * The fixture workflow with the Kore.ai node's parameters and settings changed. Pacing is off
 * (Requests per Minute 0) unless the test sets it: these tests run against a sandbox without rate
 * limit, and pacing has its own tests (test/bulk/).
 */
function deleteWorkflow({ parameters = {}, settings = {} } = {}) {
	const workflow = structuredClone(loadWorkflow());
	const node = workflow.nodes.find((n) => n.name === NODE);
	Object.assign(node.parameters, parameters);
	node.parameters.options = { requestsPerMinute: 0, ...node.parameters.options };
	Object.assign(node, settings);
	return workflow;
}

/** Every secret a run must not leak: the client secret and every token the sandbox received. */
function expectNoSecrets(result, sandbox, credentials = sandbox.credentials) {
	const stored = allStoredText(result);
	expect(stored).not.toContain(credentials.clientSecret);
	expect(sandbox.tokensSeen.length).toBeGreaterThan(0);
	for (const token of sandbox.tokensSeen) {
		expect(stored).not.toContain(token);
		// A JWT's signature part alone would also be a leak.
		expect(stored).not.toContain(token.split('.')[2]);
	}
}

module.exports = { NODE, startSandbox, runWorkflow, allStoredText, deleteWorkflow, loadWorkflow, expectNoSecrets };
