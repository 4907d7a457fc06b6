// Runs the Kore.ai API credential's `test` the way n8n's "Test" button does it (CredentialsTester in
// n8n's server, 1.123 and 2.41): a one-node workflow whose only parameter routes the credential's
// test request, n8n-core's real RoutingNode sending it (expressions resolved by n8n's engine, the
// credential's `authenticate` applied), and the test's `responseCode` rules turned into the message
// the dialog shows. Only that last mapping is ours, reduced to what the rules need.
const { Workflow, createEmptyRunExecutionData } = require('n8n-workflow');
const { ExecuteContext, RoutingNode } = require('n8n-core');
const { loadPackage, baseAdditionalData } = require('../harness');

const PROBE_TYPE = 'harness.credentialTestProbe';

async function runCredentialTest(data) {
	const pkg = await loadPackage();
	const credentialType = pkg.credentialTypes.koreAiApi ?? Object.values(pkg.credentialTypes).find((c) => c.name === 'koreAiApi');
	const credential = credentialType.type ?? credentialType;
	const probe = {
		description: {
			displayName: 'Credential test probe',
			name: PROBE_TYPE,
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Temp-Node' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'koreAiApi', required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: credential.test.request } },
			],
		},
	};
	const nodeTypes = {
		getByName: () => probe,
		getByNameAndVersion: () => probe,
		getKnownTypes: () => ({}),
	};
	const node = {
		id: 'temp',
		name: 'Temp-Node',
		type: PROBE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { koreAiApi: { id: 'test', name: 'Kore.ai' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = baseAdditionalData(pkg.credentialTypes, { koreAiApi: data }, {});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	try {
		await new RoutingNode(context, probe, { id: 'test', name: 'Kore.ai', type: 'koreAiApi', data }).runNode();
		return { status: 'OK', message: 'Connection tested successfully' };
	} catch (error) {
		const status = error.cause?.response?.status;
		if (status !== undefined) {
			const rule = (credential.test.rules ?? []).find((r) => r.type === 'responseCode' && r.properties.value === status);
			return { status: 'Error', httpCode: status, message: rule ? rule.properties.message : `Received HTTP status code: ${status}` };
		}
		return { status: 'Error', message: error.message };
	}
}

module.exports = { runCredentialTest };
