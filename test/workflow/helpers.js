// The Delete workflow tests' helpers: the fixture beside them (delete.workflow.json: campaign rows
// -> Delete SMS Campaign, error output on), run by the one set of helpers in test/helpers.
const helpers = require('../helpers');

const NODE = 'Delete SMS Campaign';

/**
 * The fixture workflow with the Kore.ai node's parameters and settings changed. Pacing is off
 * (Requests per Minute 0) unless the test sets it: the sandbox runs without its rate limit here, and
 * pacing has its own tests (test/bulk/).
 */
function deleteWorkflow({ parameters = {}, settings = {} } = {}) {
	const { options, ...rest } = parameters;
	return helpers.fixtureWorkflow(__dirname, 'delete', {
		parameters: rest,
		options: { requestsPerMinute: 0, ...options },
		settings,
	});
}

module.exports = { ...helpers, NODE, deleteWorkflow };
