// Runs the Kore.ai API credential's `test` the way n8n's "Test" button does it (CredentialsTester in
// n8n's server, 1.123 and 2.41): a one-node workflow whose only parameter routes the credential's
// test request, n8n-core's real RoutingNode sending it (expressions resolved by n8n's engine, the
// credential's `authenticate` applied), and the outcome turned into the message the dialog shows,
// in CredentialsTester's order: an HTTP answer through the `responseCode` rules (else its status
// text or "Received HTTP status code"), no answer as the bare network code of the error's cause
// (ECONNREFUSED, EPROTO, ...), anything else as the error's message. Only that mapping is copied.
const { Workflow, createEmptyRunExecutionData } = require('n8n-workflow');
const { ExecuteContext, RoutingNode } = require('n8n-core');
const { loadPackage, baseAdditionalData } = require('../harness');

const PROBE_TYPE = 'harness.credentialTestProbe';

async function runCredentialTest(data) {
	const pkg = await loadPackage();
	const credentialType =
		pkg.credentialTypes.koreAiApi ??
		Object.values(pkg.credentialTypes).find((c) => c.name === 'koreAiApi');
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
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: credential.test.request },
				},
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
		await new RoutingNode(context, probe, {
			id: 'test',
			name: 'Kore.ai',
			type: 'koreAiApi',
			data,
		}).runNode();
		return { status: 'OK', message: 'Connection tested successfully' };
	} catch (error) {
		const response = error.cause?.response;
		if (response) {
			const status = response.status;
			const rule = (credential.test.rules ?? []).find(
				(r) => r.type === 'responseCode' && r.properties.value === status,
			);
			return {
				status: 'Error',
				httpCode: status,
				message: rule
					? rule.properties.message
					: response.statusText || `Received HTTP status code: ${status}`,
			};
		}
		if (error.cause?.code) return { status: 'Error', message: error.cause.code };
		return { status: 'Error', message: error.message };
	}
}

module.exports = { runCredentialTest };
