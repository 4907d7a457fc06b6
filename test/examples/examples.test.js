// The importable workflows in examples/: each parses, is wired correctly, uses only our node's real
// resources, operations and parameters (checked against the built node's description), names n8n
// node types and versions that exist in n8n 1.123 and 2.41, and the ones that need no outside
// service run through n8n's engine against the sandbox.
const fs = require('node:fs');
const path = require('node:path');
const { NodeHelpers } = require('n8n-workflow');
const { cacheDir } = require('../../scripts/cache-dir');
const { startSandbox } = require('../../sandbox');
const { runWorkflow, loadPackage, KORE_NODE_TYPE, REPO_ROOT } = require('../harness');

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
const KORE_TOOL_TYPE = `${KORE_NODE_TYPE}Tool`; // how n8n names a usableAsTool node used as an AI tool
const KORE_TRIGGER_TYPE = `${KORE_NODE_TYPE}Trigger`;
/**
 * n8n's own node types the examples may use, with a typeVersion that both n8n 1.123 (checked
 * against its n8n-nodes-base 1.121 and @n8n/n8n-nodes-langchain 1.122) and n8n 2.x offer.
 */
const N8N_TYPES = {
	'n8n-nodes-base.manualTrigger': [1],
	'n8n-nodes-base.stickyNote': [1],
	'n8n-nodes-base.googleSheets': [4.7],
	'n8n-nodes-base.set': [3.4],
	'n8n-nodes-base.merge': [3.2],
	'n8n-nodes-base.summarize': [1.1],
	'n8n-nodes-base.code': [2],
	'@n8n/n8n-nodes-langchain.chatTrigger': [1.1],
	'@n8n/n8n-nodes-langchain.agent': [3],
	'@n8n/n8n-nodes-langchain.lmChatOpenAi': [1.2],
	'@n8n/n8n-nodes-langchain.memoryBufferWindow': [1.3],
};
/** Parameters n8n adds to a node used as a tool (convertNodeToAiTool). */
const TOOL_PARAMETERS = ['descriptionType', 'toolDescription'];

const files = fs
	.readdirSync(EXAMPLES_DIR)
	.filter((file) => file.endsWith('.json'))
	.sort();
const load = (file) => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
const isOurs = (node) =>
	node.type === KORE_NODE_TYPE || node.type === KORE_TOOL_TYPE || node.type === KORE_TRIGGER_TYPE;
const isExpression = (value) => typeof value === 'string' && value.startsWith('=');

let description;
let triggerDescription;
beforeAll(async () => {
	const pkg = await loadPackage();
	description = pkg.nodeTypes[KORE_NODE_TYPE].description;
	triggerDescription = pkg.nodeTypes[KORE_TRIGGER_TYPE].description;
});

/** The node's properties shown for these parameters (n8n's own display rules). */
function visibleProperties(parameters, of = description) {
	return of.properties.filter((property) =>
		NodeHelpers.displayParameter(parameters, property, { typeVersion: 1 }, of, parameters),
	);
}

/** The trigger's parameters: each one it shows for these values, each value one it accepts. */
function triggerProblemsOf(node) {
	const where = `${node.name}:`;
	const parameters = node.parameters ?? {};
	const visible = visibleProperties(parameters, triggerDescription);
	const byName = new Map(visible.map((p) => [p.name, p]));
	const problems = [];
	for (const [key, value] of Object.entries(parameters)) {
		const property = byName.get(key);
		if (!property) problems.push(`${where} parameter "${key}" is not shown`);
		else problems.push(...valueProblems(`${where} ${key}`, property, value));
	}
	for (const property of visible) {
		if (property.required && parameters[property.name] === undefined)
			problems.push(`${where} required "${property.name}" missing`);
	}
	return problems;
}

/** Problems with one of our nodes' parameters, as sentences (empty: none). */
function problemsOf(node) {
	if (node.type === KORE_TRIGGER_TYPE) return triggerProblemsOf(node);
	const problems = [];
	const where = `${node.name}:`;
	const parameters = node.parameters ?? {};
	const resources = description.properties
		.find((p) => p.name === 'resource')
		.options.map((o) => o.value);
	if (!resources.includes(parameters.resource))
		problems.push(`${where} resource "${parameters.resource}"`);
	const operations = description.properties
		.filter(
			(p) => p.name === 'operation' && p.displayOptions.show.resource.includes(parameters.resource),
		)
		.flatMap((p) => p.options.map((o) => o.value));
	if (!operations.includes(parameters.operation))
		problems.push(`${where} operation "${parameters.operation}"`);

	const visible = visibleProperties(parameters);
	const byName = new Map(visible.map((p) => [p.name, p]));
	for (const [key, value] of Object.entries(parameters)) {
		if (node.type === KORE_TOOL_TYPE && TOOL_PARAMETERS.includes(key)) continue;
		const property = byName.get(key);
		if (!property) {
			problems.push(
				`${where} parameter "${key}" is not shown for ${parameters.resource}/${parameters.operation}`,
			);
			continue;
		}
		problems.push(...valueProblems(`${where} ${key}`, property, value));
	}
	for (const property of visible) {
		if (property.required && parameters[property.name] === undefined)
			problems.push(`${where} required "${property.name}" missing`);
	}
	if (
		node.type === KORE_TOOL_TYPE &&
		!(typeof parameters.toolDescription === 'string' && parameters.toolDescription.length > 20)
	) {
		problems.push(`${where} a tool needs a toolDescription for the agent`);
	}
	return problems;
}

function valueProblems(where, property, value) {
	if (isExpression(value)) return [];
	switch (property.type) {
		case 'options':
			return property.options.some((o) => o.value === value)
				? []
				: [`${where}: "${value}" is not an option`];
		case 'multiOptions':
			return Array.isArray(value) && value.every((v) => property.options.some((o) => o.value === v))
				? []
				: [`${where}: ${JSON.stringify(value)} is not a list of its options`];
		case 'boolean':
			return typeof value === 'boolean' ? [] : [`${where}: not a boolean`];
		case 'number':
			return typeof value === 'number' ? [] : [`${where}: not a number`];
		case 'resourceLocator': {
			if (!value || value.__rl !== true) return [`${where}: not a resource locator value`];
			const mode = property.modes.find((m) => m.name === value.mode);
			if (!mode) return [`${where}: mode "${value.mode}" does not exist`];
			return typeof value.value === 'string' && value.value !== '' ? [] : [`${where}: empty`];
		}
		case 'collection': {
			if (!value || typeof value !== 'object' || Array.isArray(value))
				return [`${where}: not an object`];
			return Object.entries(value).flatMap(([key, inner]) => {
				const option = property.options.find((o) => o.name === key);
				return option
					? valueProblems(`${where}.${key}`, option, inner)
					: [`${where}.${key} is not one of its options`];
			});
		}
		default:
			return [];
	}
}

describe('examples/', () => {
	test('holds the starting points', () => {
		expect(files).toEqual([
			'ai-agent-campaign-assistant.json',
			'campaign-completed-results-to-sheet.json',
			'campaign-results-to-sheet.json',
			'crm-segment-to-contact-list-to-sms-campaign.json',
			'delete-completed-sms-campaigns-older-than-90-days.json',
			'delete-sms-campaigns-from-sheet.json',
			'stop-active-priority-1-sms-campaigns.json',
		]);
	});

	describe.each(files)('%s', (file) => {
		const workflow = load(file);

		test('is a workflow n8n can import: named, unique node names and IDs, connections between existing nodes', () => {
			expect(typeof workflow.name).toBe('string');
			expect(Array.isArray(workflow.nodes)).toBe(true);
			const names = workflow.nodes.map((n) => n.name);
			expect(new Set(names).size).toBe(names.length);
			expect(new Set(workflow.nodes.map((n) => n.id)).size).toBe(names.length);
			for (const node of workflow.nodes) {
				expect(node.position).toHaveLength(2);
				expect(typeof node.parameters).toBe('object');
			}
			for (const [from, byType] of Object.entries(workflow.connections)) {
				expect(names).toContain(from);
				for (const [type, outputs] of Object.entries(byType)) {
					for (const connection of outputs.flat()) {
						expect(names).toContain(connection.node);
						expect(connection.type).toBe(type);
					}
				}
			}
			// No credential IDs or secrets from someone's instance.
			expect(workflow.nodes.every((n) => n.credentials === undefined)).toBe(true);
		});

		test("uses only our node's real resources, operations and parameters, and n8n types that exist", () => {
			const ours = workflow.nodes.filter(isOurs);
			expect(ours.length).toBeGreaterThan(0);
			const problems = [];
			for (const node of workflow.nodes) {
				if (isOurs(node)) {
					if (node.typeVersion !== 1)
						problems.push(`${node.name}: typeVersion ${node.typeVersion}`);
					problems.push(...problemsOf(node));
				} else if (!(N8N_TYPES[node.type] ?? []).includes(node.typeVersion)) {
					problems.push(
						`${node.name}: ${node.type} v${node.typeVersion} is not one the examples may use`,
					);
				}
			}
			expect(problems).toEqual([]);
		});
	});

	test('the trigger check finds what is wrong (it can fail)', () => {
		const trigger = (parameters) => ({ name: 't', type: KORE_TRIGGER_TYPE, parameters });
		expect(
			triggerProblemsOf(
				trigger({ events: ['statusChanged'], statuses: ['Completed'], campaignType: 'sms' }),
			),
		).toEqual([]);
		expect(triggerProblemsOf(trigger({ events: ['finished'] }))).toEqual([
			't: events: ["finished"] is not a list of its options',
		]);
		expect(triggerProblemsOf(trigger({ events: ['created'], statuses: ['Completed'] }))).toEqual([
			't: parameter "statuses" is not shown',
		]);
		expect(
			triggerProblemsOf(trigger({ events: ['statusChanged'], campaignType: 'email' })),
		).toEqual(['t: campaignType: "email" is not an option']);
	});

	test('"Campaign completed -> results to a sheet": the trigger watches SMS campaigns becoming Completed, and its item feeds Get Results', () => {
		const workflow = load('campaign-completed-results-to-sheet.json');
		const trigger = workflow.nodes.find((n) => n.type === KORE_TRIGGER_TYPE);
		expect(trigger.parameters).toMatchObject({
			events: ['statusChanged'],
			statuses: ['Completed'],
			campaignType: 'sms',
		});
		const results = workflow.nodes.find(
			(n) => n.name === workflow.connections[trigger.name].main[0][0].node,
		);
		expect(results.parameters).toMatchObject({
			resource: 'smsCampaign',
			operation: 'getResults',
			returnAll: true,
		});
		expect(results.parameters.campaignId.value).toBe('={{ $json.campaignId }}');
		const sheet = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.googleSheets');
		expect(sheet.parameters.operation).toBe('append');
	});

	test('the parameter check finds what is wrong (it can fail)', () => {
		const node = (parameters, type = KORE_NODE_TYPE) => ({ name: 'n', type, parameters });
		const rl = (value, mode = 'id') => ({ __rl: true, mode, value });
		expect(
			problemsOf(node({ resource: 'smsCampaign', operation: 'stop', campaignId: rl('cd-1') })),
		).toEqual([]);
		expect(
			problemsOf(node({ resource: 'emailCampaign', operation: 'stop', campaignId: rl('cd-1') })),
		).toContain('n: resource "emailCampaign"');
		expect(
			problemsOf(node({ resource: 'smsCampaign', operation: 'pause', campaignId: rl('cd-1') })),
		).toContain('n: operation "pause"');
		expect(
			problemsOf(
				node({ resource: 'smsCampaign', operation: 'stop', campaignId: rl('cd-1'), limit: 5 }),
			),
		).toEqual(['n: parameter "limit" is not shown for smsCampaign/stop']);
		expect(
			problemsOf(
				node({ resource: 'smsCampaign', operation: 'stop', campaignId: rl('cd-1', 'url') }),
			),
		).toEqual(['n: campaignId: mode "url" does not exist']);
		expect(
			problemsOf(
				node({ resource: 'smsCampaign', operation: 'getMany', filters: { status: ['Running'] } }),
			),
		).toEqual(['n: filters.status: ["Running"] is not a list of its options']);
		expect(
			problemsOf(node({ resource: 'smsCampaign', operation: 'getMany', filters: { state: 'x' } })),
		).toEqual(['n: filters.state is not one of its options']);
		expect(problemsOf(node({ resource: 'smsCampaign', operation: 'delete' }))).toEqual([
			'n: required "campaignId" missing',
		]);
		expect(
			problemsOf(
				node(
					{ resource: 'smsCampaign', operation: 'delete', campaignId: rl('cd-1') },
					KORE_TOOL_TYPE,
				),
			),
		).toEqual(['n: a tool needs a toolDescription for the agent']);
	});

	test('the AI agent has the node as seven tools (campaigns: list, results, create, schedule, stop, delete; contact lists: list), each filled by the model through $fromAI', () => {
		const workflow = load('ai-agent-campaign-assistant.json');
		const agent = workflow.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.agent');
		const tools = workflow.nodes.filter((n) => n.type === KORE_TOOL_TYPE);
		expect(tools.map((t) => `${t.parameters.resource}/${t.parameters.operation}`).sort()).toEqual([
			'contactList/getMany',
			'smsCampaign/create',
			'smsCampaign/delete',
			'smsCampaign/getMany',
			'smsCampaign/getResults',
			'smsCampaign/schedule',
			'smsCampaign/stop',
		]);
		for (const tool of tools) {
			expect(workflow.connections[tool.name].ai_tool).toEqual([
				[{ node: agent.name, type: 'ai_tool', index: 0 }],
			]);
			// n8n turns the node name into the tool name the model sees.
			expect(tool.name).toMatch(/^[a-z_]+$/);
			expect(agent.parameters.options.systemMessage).toContain(tool.name);
		}
		const model = Object.entries(workflow.connections).find(([, c]) => c.ai_languageModel);
		expect(model).toBeDefined();
		// $fromAI keys must match n8n's rule (1-64 letters, digits, _ or -).
		const keys = JSON.stringify(tools.map((t) => t.parameters)).match(/\$fromAI\('([^']*)'/g) ?? [];
		expect(keys.length).toBeGreaterThanOrEqual(15);
		for (const key of keys)
			expect(key.slice("$fromAI('".length, -1)).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
	});
});

describe("examples run through n8n's engine against the sandbox", () => {
	let sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: false });
	});
	beforeEach(() => sandbox.reset());
	afterAll(() => sandbox.close());

	/** Pacing off for the test (the sandbox has no rate limit here); the examples keep the default. */
	function runnable(workflow) {
		for (const node of workflow.nodes.filter(isOurs))
			node.parameters.options = { ...node.parameters.options, requestsPerMinute: 0 };
		// Sticky notes are editor-only (n8n never executes them).
		workflow.nodes = workflow.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');
		return workflow;
	}

	test('"Stop every active SMS campaign of priority 1" stops exactly those', async () => {
		const generated = sandbox.addCampaigns(20, 'sms', { status: 'Active' }); // priorities 1..5 in turn
		const activeP1 = sandbox.store
			.ids('sms')
			.filter(
				(id) =>
					sandbox.store.get(id).status === 'Active' && Number(sandbox.store.get(id).priority) === 1,
			);
		expect(activeP1.length).toBeGreaterThanOrEqual(5);
		const before = Object.fromEntries(
			sandbox.store.ids().map((id) => [id, sandbox.store.get(id).status]),
		);

		const workflow = runnable(load('stop-active-priority-1-sms-campaigns.json'));
		const result = await runWorkflow(workflow, { credentials: { koreAiApi: sandbox.credentials } });

		expect(result.status).toBe('success');
		const [stopped, failed] = result.outputs('Stop SMS Campaign');
		expect(failed).toEqual([]);
		expect(stopped.map((item) => item.json.campaignId).sort()).toEqual([...activeP1].sort());
		expect(stopped.every((item) => item.json.status === 'Stopped')).toBe(true);
		for (const id of sandbox.store.ids()) {
			expect(sandbox.store.get(id).status).toBe(activeP1.includes(id) ? 'Stopped' : before[id]);
		}
		expect(generated).toHaveLength(20);
	});

	test('"Delete completed SMS campaigns older than 90 days": as shipped (Dry Run on) it deletes nothing; with Dry Run off exactly those are deleted', async () => {
		const DAY = 24 * 3600 * 1000;
		// Completed campaigns created 200, 100 and 10 days ago, and an Active one 200 days ago. The
		// sandbox generates fixed dates; the test moves them relative to today through its live records.
		const [old200, old100, recent, active] = [
			...sandbox.addCampaigns(3, 'sms', { status: 'Completed', namePrefix: 'Old Promo' }),
			...sandbox.addCampaigns(1, 'sms', { status: 'Active', namePrefix: 'Running Promo' }),
		];
		for (const [id, days] of [
			[old200, 200],
			[old100, 100],
			[recent, 10],
			[active, 200],
		]) {
			sandbox.store.records.get(id).doc.createdAt = new Date(Date.now() - days * DAY).toISOString();
		}
		const completedLongAgo = sandbox.store
			.ids('sms')
			.filter(
				(id) =>
					sandbox.store.get(id).status === 'Completed' &&
					Date.parse(sandbox.store.get(id).createdAt) < Date.now() - 90 * DAY,
			);
		expect(completedLongAgo).toEqual(expect.arrayContaining([old200, old100]));
		expect(completedLongAgo).not.toContain(recent);

		const example = load('delete-completed-sms-campaigns-older-than-90-days.json');
		const note = example.nodes.find((n) => n.type === 'n8n-nodes-base.stickyNote').parameters
			.content;
		expect(note).toMatch(/switch Dry Run off/);
		const deleteNode = (workflow) => workflow.nodes.find((n) => n.name === 'Delete SMS Campaign');
		expect(deleteNode(example).parameters.options.dryRun).toBe(true);

		const dry = await runWorkflow(
			runnable(load('delete-completed-sms-campaigns-older-than-90-days.json')),
			{ credentials: { koreAiApi: sandbox.credentials } },
		);
		expect(dry.status).toBe('success');
		const [rehearsed, refusedInDryRun] = dry.outputs('Delete SMS Campaign');
		expect(refusedInDryRun).toEqual([]);
		expect(rehearsed.map((item) => item.json.campaignId).sort()).toEqual(
			[...completedLongAgo].sort(),
		);
		expect(
			rehearsed.every(
				(item) =>
					item.json.dryRun === true &&
					item.json.wouldDelete === true &&
					item.json.deleted === false,
			),
		).toBe(true);
		expect(sandbox.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
		expect(sandbox.store.deletions).toEqual([]);

		// The user checked the list and switched Dry Run off.
		const real = runnable(load('delete-completed-sms-campaigns-older-than-90-days.json'));
		deleteNode(real).parameters.options.dryRun = false;
		const result = await runWorkflow(real, { credentials: { koreAiApi: sandbox.credentials } });
		const [deleted, failed] = result.outputs('Delete SMS Campaign');
		expect(failed).toEqual([]);
		expect(deleted.map((item) => item.json.campaignId).sort()).toEqual(
			[...completedLongAgo].sort(),
		);
		expect(sandbox.store.deletions.map((d) => d.id).sort()).toEqual([...completedLongAgo].sort());
		for (const id of [recent, active]) expect(sandbox.store.has(id)).toBe(true);
	});

	test('"Delete SMS campaigns from a sheet", with the sheet replaced by pinned rows: deleted and not-deleted rows', async () => {
		const workflow = runnable(load('delete-sms-campaigns-from-sheet.json'));
		// The sheet node becomes the start node with its rows pinned; the rest is the example as is.
		const sheet = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.googleSheets');
		workflow.nodes = workflow.nodes.filter((n) => n.type !== 'n8n-nodes-base.manualTrigger');
		Object.assign(sheet, { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
		delete workflow.connections['When clicking ‘Execute workflow’'];
		const n8nBase = findN8nNodesBase();
		if (!n8nBase) {
			// Without n8n's own nodes installed, run up to our node only.
			for (const name of ['Deleted', 'Not deleted', 'All rows', 'Summary'])
				delete workflow.connections[name];
			workflow.connections['Delete SMS Campaign'] = { main: [[], []] };
			workflow.nodes = workflow.nodes.filter(
				(n) => n.type.startsWith('n8n-nodes-kore-ai') || n.type === 'n8n-nodes-base.manualTrigger',
			);
		}
		const rows = [
			{ campaignId: 'cd-213cc43a-a340-5b89-a256-ff8da28xxxxx' },
			{ campaignId: 'cd-00000000-0000-0000-0000-000000000000' },
			{ campaignId: 'cd-e7110489-a30a-5d1e-80ee-f246cc8d3a51 ' }, // trailing space from a sheet cell
		];
		const result = await runWorkflow(workflow, {
			credentials: { koreAiApi: sandbox.credentials },
			input: rows,
			packages: n8nBase
				? [
						{
							dir: n8nBase,
							includeNodes: [
								'n8n-nodes-base.set',
								'n8n-nodes-base.merge',
								'n8n-nodes-base.summarize',
							],
						},
					]
				: [],
		});
		expect(result.status).toBe('success');
		const [deleted, failed] = result.outputs('Delete SMS Campaign');
		expect(deleted.map((item) => item.json.campaignId)).toEqual([
			'cd-213cc43a-a340-5b89-a256-ff8da28xxxxx',
			'cd-e7110489-a30a-5d1e-80ee-f246cc8d3a51',
		]);
		expect(failed.map((item) => item.json.campaignId)).toEqual([
			'cd-00000000-0000-0000-0000-000000000000',
		]);
		expect(failed[0].json.error).toMatch(/was not found/);
		if (n8nBase) {
			const summary = result.json('Summary');
			expect(summary).toEqual([
				expect.objectContaining({ outcome: 'deleted', count_campaignId: 2 }),
				expect.objectContaining({ outcome: 'not deleted', count_campaignId: 1 }),
			]);
		}
	});
});

describe('examples/campaign-results-to-sheet.json against the sandbox', () => {
	let sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: false, generatedContacts: 7 });
	});
	afterAll(() => sandbox.close());

	test('one row per contact of every completed SMS campaign, up to the sheet (replaced here by nothing)', async () => {
		const workflow = load('campaign-results-to-sheet.json');
		for (const node of workflow.nodes.filter(isOurs))
			node.parameters.options = { ...node.parameters.options, requestsPerMinute: 0 };
		workflow.nodes = workflow.nodes.filter(
			(n) => n.type !== 'n8n-nodes-base.stickyNote' && n.type !== 'n8n-nodes-base.googleSheets',
		);
		delete workflow.connections['Get SMS Campaign Results'];
		const completed = sandbox.store
			.ids('sms')
			.filter((id) => sandbox.store.get(id).status === 'Completed');
		expect(completed.length).toBeGreaterThan(0);

		const result = await runWorkflow(workflow, { credentials: { koreAiApi: sandbox.credentials } });
		expect(result.status).toBe('success');
		const rows = result.json('Get SMS Campaign Results');
		expect(rows).toHaveLength(completed.length * 7);
		expect([...new Set(rows.map((row) => row.campaignId))].sort()).toEqual([...completed].sort());
		for (const row of rows)
			expect(Object.keys(row)).toEqual(
				expect.arrayContaining([
					'phoneNumber',
					'dialerOutcome',
					'numberOfAttemptsSoFar',
					'agentDispositionCodes',
				]),
			);
	});
});

describe('examples/crm-segment-to-contact-list-to-sms-campaign.json against the sandbox', () => {
	let sandbox;
	beforeAll(async () => {
		// The sandbox prepares a created campaign for 300 ms (Kore.ai: "creation in progress").
		sandbox = await startSandbox({ rateLimit: false, preparingMs: 300 });
	});
	afterAll(() => sandbox.close());

	test("a new list holds the segment's contacts; one campaign for it is created, waited for until Ready, started, and has a result per contact", async () => {
		const workflow = load('crm-segment-to-contact-list-to-sms-campaign.json');
		for (const node of workflow.nodes.filter(isOurs))
			node.parameters.options = { ...node.parameters.options, requestsPerMinute: 0 };
		// Check for readiness every 0.1 s instead of 5 s; the wait itself is the example's.
		const create = workflow.nodes.find((n) => n.name === 'Create SMS Campaign');
		create.parameters.options.pollInterval = 0.1;
		workflow.nodes = workflow.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');
		const rowsNode = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.code');
		const n8nBase = findN8nNodesBase();
		// The example's sample rows (the Code node's own), run by n8n's Code node when it is installed.
		const sampleRows = JSON.parse(/return (\[[\s\S]*\])\.map/.exec(rowsNode.parameters.jsCode)[1]);
		const pinData = {};
		if (!n8nBase) {
			// Without n8n's own nodes the rows are pinned as that node's output (n8n then does not run it).
			Object.assign(rowsNode, {
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				parameters: {},
			});
			pinData[rowsNode.name] = sampleRows;
		}
		const listsBefore = sandbox.store.contactLists.size;
		const campaignsBefore = sandbox.store.ids('sms');

		const result = await runWorkflow(workflow, {
			credentials: { koreAiApi: sandbox.credentials },
			pinData,
			packages: n8nBase ? [{ dir: n8nBase, includeNodes: ['n8n-nodes-base.code'] }] : [],
		});
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');

		// The list: created, named, holding the rows' numbers (E.164, formatting removed) and columns.
		const [list] = result.json('Create Contact List');
		expect(list._id).toMatch(/^cl-/);
		expect(list.name).toMatch(/^Renewals due \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
		expect(sandbox.store.contactLists.size).toBe(listsBefore + 1);
		const e164 = sampleRows.map((row) => row.mobile.replace(/[\s()-]/g, ''));
		const contacts = sandbox.store.contactLists.contactsOf(list._id);
		expect(contacts.map((c) => c.phoneNumber)).toEqual(e164);
		expect(contacts[1]).toEqual(
			expect.objectContaining({
				uniqueId: 'CRM-10022',
				firstName: 'Alan',
				lastName: 'Turing',
				renewalDue: '2026-07-03',
			}),
		);

		// One request to Kore.ai carried them all, one item says so.
		const added = result.json('Add Contacts');
		expect(added).toEqual([
			expect.objectContaining({
				queued: true,
				contactListName: list.name,
				contactsSent: 4,
				phoneNumbers: e164,
				refused: [],
			}),
		]);

		// One campaign for that list, Ready after the wait, then started.
		const [campaign] = result.json('Create SMS Campaign');
		expect(result.json('Create SMS Campaign')).toHaveLength(1);
		expect(campaign).toEqual(
			expect.objectContaining({
				status: 'Ready',
				creationInProgress: false,
				contactLists: [list.name],
			}),
		);
		expect(campaign.readyChecks).toBeGreaterThanOrEqual(1);
		expect(campaign.smsText).toMatch(/^Hi <First Name>/);
		expect(sandbox.store.ids('sms')).toEqual(
			expect.arrayContaining([...campaignsBefore, campaign.campaignId]),
		);
		expect(sandbox.store.ids('sms')).toHaveLength(campaignsBefore.length + 1);
		expect(result.json('Start SMS Campaign')).toEqual([
			expect.objectContaining({ campaignId: campaign.campaignId, status: 'Active' }),
		]);

		// A result for each contact of the list, matched back to the CRM rows by uniqueId.
		const results = result.json('Get SMS Campaign Results');
		expect(results.map((r) => r.phoneNumber)).toEqual(e164);
		expect(results.map((r) => r.uniqueId)).toEqual(sampleRows.map((row) => row.crm_id));
		for (const row of results) {
			expect(row.campaignId).toBe(campaign.campaignId);
			expect(['delivered', 'sent', 'undelivered', 'failed']).toContain(row.dialerOutcome);
		}
	});
});

describe('examples/ai-agent-campaign-assistant.json: each tool, filled with what a model would give, against the sandbox', () => {
	let sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ rateLimit: false, preparingMs: 200, generatedContacts: 3 });
	});
	afterAll(() => sandbox.close());

	/**
	 * The tool as a plain node of the workflow, each `{{ $fromAI('key', ...) }}` parameter replaced by
	 * answers[key] (what n8n does with the model's arguments), run after a Manual Trigger.
	 */
	async function runTool(name, answers) {
		const workflow = load('ai-agent-campaign-assistant.json');
		const tool = workflow.nodes.find((n) => n.name === name);
		const fill = (value) => {
			if (typeof value === 'string' && value.startsWith("={{ $fromAI('")) {
				const key = value.slice("={{ $fromAI('".length).split("'")[0];
				if (!(key in answers)) throw new Error(`${name}: no answer for $fromAI('${key}')`);
				return answers[key];
			}
			if (value && typeof value === 'object' && !Array.isArray(value))
				return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
			return value;
		};
		const parameters = fill(tool.parameters);
		for (const key of TOOL_PARAMETERS) delete parameters[key];
		parameters.options = {
			...parameters.options,
			requestsPerMinute: 0,
			...(parameters.options.waitUntilReady ? { pollInterval: 0.1 } : {}),
		};
		const result = await runWorkflow(
			{
				nodes: [
					{
						id: 't',
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{ id: 'k', name, type: KORE_NODE_TYPE, typeVersion: 1, position: [220, 0], parameters },
				],
				connections: { Start: { main: [[{ node: name, type: 'main', index: 0 }]] } },
			},
			{ credentials: { koreAiApi: sandbox.credentials } },
		);
		expect(result.error).toBeUndefined();
		return result.json(name);
	}

	test('list contact lists, create a campaign for one, schedule it on weekdays, read results, list, stop and delete campaigns', async () => {
		const lists = await runTool('list_contact_lists', { limit: 100 });
		expect(lists.map((l) => l.name)).toContain('Renewal Due - July 2025');

		const [created] = await runTool('create_sms_campaign', {
			name: 'Renewals July reminder',
			description: 'Reminds customers whose renewal is due in July',
			contactLists: 'Renewal Due - July 2025', // names as text, comma-separated, as the model gives them
			messageText: 'Hi <First Name>, your renewal is due in July.',
			priority: 2,
		});
		expect(created).toEqual(
			expect.objectContaining({
				name: 'Renewals July reminder',
				status: 'Ready',
				contactLists: ['Renewal Due - July 2025'],
				priority: 2,
			}),
		);

		const inAYear = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
		const [scheduled] = await runTool('schedule_sms_campaign', {
			campaignId: created.campaignId,
			startDateTime: `${inAYear}T09:00`,
			endDateTime: `${inAYear}T18:00`,
			everyNWeeks: 1,
			weekDays: 'Tue, Thu',
		});
		expect(scheduled).toEqual(
			expect.objectContaining({
				campaignId: created.campaignId,
				schedulingEnabled: true,
				recurrence: 'Weekly',
				days: ['Tue', 'Thu'],
			}),
		);
		expect(sandbox.store.get(created.campaignId).schedule.isSchedulingEnabled).toBe(true);

		const completed = await runTool('list_sms_campaigns', {
			limit: 50,
			status: 'Completed',
			priority: '',
		});
		expect(completed.length).toBeGreaterThan(0);
		expect(completed.every((c) => c.status === 'Completed')).toBe(true);
		const results = await runTool('get_sms_campaign_results', {
			campaignId: completed[0].campaignId,
			limit: 100,
		});
		expect(results).toHaveLength(3);
		expect(
			results.every(
				(r) => r.campaignId === completed[0].campaignId && typeof r.phoneNumber === 'string',
			),
		).toBe(true);

		const [active] = await runTool('list_sms_campaigns', {
			limit: 1,
			status: 'Active',
			priority: '',
		});
		const [stopped] = await runTool('stop_sms_campaign', { campaignId: active.campaignId });
		expect(stopped).toEqual(
			expect.objectContaining({ campaignId: active.campaignId, status: 'Stopped' }),
		);
		const [deleted] = await runTool('delete_sms_campaign', { campaignId: created.campaignId });
		expect(deleted).toEqual(
			expect.objectContaining({ campaignId: created.campaignId, deleted: true }),
		);
		expect(sandbox.store.get(created.campaignId)).toBeUndefined();
	});
});

/** n8n's own nodes, when the end-to-end setup installed n8n 1.123 (`node e2e/install.js n8n1`). */
function findN8nNodesBase() {
	const dir = path.join(
		process.env.E2E_CACHE_DIR || cacheDir('e2e'),
		'n8n-1.123.81',
		'node_modules',
		'n8n-nodes-base',
	);
	return process.env.EXAMPLES_WITH_N8N_NODES_BASE !== '0' &&
		fs.existsSync(path.join(dir, 'package.json'))
		? dir
		: undefined;
}
