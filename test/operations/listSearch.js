// Calls the node's list search ("From List" mode of the Campaign field) the way n8n's editor
// backend does (DynamicNodeParametersService.getResourceLocatorResults in n8n 1.123): a one-node
// workflow "Temp-Node" holding the editor's current parameters, n8n-core's real LoadOptionsContext
// over it, and the method called with (filter, paginationToken). Credentials come from the harness's
// credentials helper (the same one workflow runs use), so the request goes through the node's real
// transport and the credential's real `authenticate`.
const { Workflow } = require('n8n-workflow');
const { LoadOptionsContext } = require('n8n-core');
const { loadPackage, baseAdditionalData, NodeTypes, KORE_NODE_TYPE } = require('../harness');

async function searchCampaigns({
	credentials,
	parameters,
	filter,
	paginationToken,
	method = 'searchCampaigns',
}) {
	const pkg = await loadPackage();
	const nodeTypes = new NodeTypes(pkg.nodeTypes);
	const node = {
		parameters,
		id: 'uuid-1234',
		name: 'Temp-Node',
		type: KORE_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		credentials: { koreAiApi: { id: 'harness-koreAiApi', name: 'Kore.ai' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = baseAdditionalData(
		pkg.credentialTypes,
		{ koreAiApi: credentials },
		parameters,
	);
	const context = new LoadOptionsContext(
		workflow,
		workflow.getNode('Temp-Node'),
		additionalData,
		'parameters.campaignId',
	);
	const nodeType = nodeTypes.getByNameAndVersion(KORE_NODE_TYPE, 1);
	const listSearch = nodeType.methods?.listSearch?.[method];
	if (typeof listSearch !== 'function')
		throw new Error(`The node has no listSearch method "${method}"`);
	return await listSearch.call(context, filter, paginationToken);
}

module.exports = { searchCampaigns };
