// The operation tests' helpers: each operation's workflow is the JSON fixture beside its test
// (`<operation>.workflow.json`: Start -> Kore.ai); the rest is the one set in test/helpers.
const helpers = require('../helpers');

const NODE = 'Kore.ai';

/** The fixture workflow of an operation (get, getMany, start, stop, getStatus), parameters changed. */
function operationWorkflow(name, parameters = {}, settings = {}) {
	return helpers.fixtureWorkflow(__dirname, name, { parameters, settings });
}

/**
 * Runs a workflow (a fixture from operationWorkflow), or, given only the Kore.ai node's parameters,
 * the fixture of the operation they name with those parameters.
 */
function runOperation(sandbox, workflowOrParameters, { settings, ...options } = {}) {
	const workflow = workflowOrParameters.nodes
		? workflowOrParameters
		: operationWorkflow(
				FIXTURES.has(workflowOrParameters.operation) ? workflowOrParameters.operation : 'operation',
				workflowOrParameters,
				settings,
			);
	return helpers.runOperation(sandbox, workflow, options);
}

/** Operations with a fixture of their own; others run in `operation.workflow.json` with their parameters. */
const FIXTURES = new Set(['get', 'getMany', 'start', 'stop', 'getStatus']);

module.exports = { ...helpers, NODE, operationWorkflow, runOperation };
