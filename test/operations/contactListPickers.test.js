// The contact-list pickers, in n8n-core's real LoadOptionsContext against the sandbox:
// searchContactLists (the Contact List field's "From List" mode, value = list ID) and
// getContactListNames (load options for campaign fields that take list NAMES).
const { Workflow } = require('n8n-workflow');
const { LoadOptionsContext } = require('n8n-core');
const { useSandbox, onlySeedList } = require('../helpers');
const { loadPackage, baseAdditionalData, NodeTypes, KORE_NODE_TYPE } = require('../harness');
const { searchCampaigns } = require('./listSearch');

const sandbox = useSandbox({ rateLimit: false });
// These tests list contact lists: they start from the one seeded list, not those of the seeded campaigns.
beforeEach(() => onlySeedList(sandbox));

const SEED = 'cl-4f6a2b1c-8d3e-5a7b-9c0d-1e2f3a4bxxxxx';
const parameters = {
	resource: 'contactList',
	operation: 'get',
	contactListId: { __rl: true, mode: 'list', value: '' },
};
const search = (extra = {}) =>
	searchCampaigns({
		credentials: sandbox.credentials,
		parameters,
		method: 'searchContactLists',
		...extra,
	});

async function loadOptions(method, params = parameters, credentials = sandbox.credentials) {
	const pkg = await loadPackage();
	const nodeTypes = new NodeTypes(pkg.nodeTypes);
	const node = {
		parameters: params,
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
		params,
	);
	const context = new LoadOptionsContext(
		workflow,
		workflow.getNode('Temp-Node'),
		additionalData,
		'parameters.contactLists',
	);
	return await nodeTypes
		.getByNameAndVersion(KORE_NODE_TYPE, 1)
		.methods.loadOptions[method].call(context);
}

describe('Contact list picker (From List)', () => {
	test('every Contact List field offers From List (searchContactLists) and By ID; Add Contacts also By Name', async () => {
		const description = (await loadPackage()).nodeTypes[KORE_NODE_TYPE].description;
		const fields = description.properties.filter((p) => p.name === 'contactListId');
		expect(fields.length).toBe(4); // Get, Update, Delete, Get Contacts
		for (const field of fields) {
			expect(field.modes.map((mode) => mode.name)).toEqual(['list', 'id']);
			expect(field.modes[0].typeOptions).toEqual({
				searchListMethod: 'searchContactLists',
				searchable: true,
			});
		}
		const addField = description.properties.find((p) => p.name === 'contactList');
		expect(addField.modes.map((mode) => mode.name)).toEqual(['list', 'id', 'name']);
	});

	test("lists the app's lists by name with their size; the value is the ID; search matches name or ID", async () => {
		const other = sandbox.store.contactLists.addList('Autumn leads', { n: 1 });
		const all = await search();
		expect(all.results).toEqual([
			{ name: 'Renewal Due - July 2025 (2 contacts)', value: SEED },
			{ name: 'Autumn leads (1 contact)', value: other },
		]);
		expect(all.paginationToken).toBeUndefined();
		expect((await search({ filter: 'AUTUMN' })).results.map((r) => r.value)).toEqual([other]);
		expect((await search({ filter: SEED.slice(0, 12) })).results.map((r) => r.value)).toEqual([
			SEED,
		]);
		expect((await search({ filter: 'nothing like it' })).results).toEqual([]);
	});
});

describe('Contact list names (load options for campaigns)', () => {
	test('value = list NAME (Kore.ai campaigns reference lists by name), sorted, with size and ID', async () => {
		sandbox.store.contactLists.addList('Autumn leads', { n: 3 });
		const options = await loadOptions('getContactListNames');
		expect(options.map((o) => [o.name, o.value])).toEqual([
			['Autumn leads', 'Autumn leads'],
			['Renewal Due - July 2025', 'Renewal Due - July 2025'],
		]);
		expect(options[1].description).toBe(`2 contacts, ${SEED}`);
	});

	test("a credential of another app sees only that app's lists", async () => {
		sandbox.store.contactLists.addList('Other app list', {
			appId: sandbox.secondaryCredentials.appId,
		});
		const options = await loadOptions(
			'getContactListNames',
			parameters,
			sandbox.secondaryCredentials,
		);
		expect(options.map((o) => o.value)).toEqual(['Other app list']);
	});
});
