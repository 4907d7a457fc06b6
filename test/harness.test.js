'use strict';
/**
 * Self-test of the workflow harness (test/harness): proves, with a test-local node and
 * credential type and a local HTTP server, that workflows run through n8n-core's real engine:
 * credential authenticate functions add headers to real requests, expressions in resource
 * locators resolve per item, pairedItem is kept, n8n's own error-output routing and node
 * settings (onError, retryOnFail) apply, canceling works, and the stored text is searchable.
 */
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const {
	runWorkflow,
	allStoredText,
	KORE_NODE_TYPE,
	KORE_CREDENTIAL_TYPE,
	REPO_ROOT,
} = require('./harness');
const { NodeApiError, NodeOperationError } = require('n8n-workflow');

const SECRET = 'harness-secret-7f3a9c';

// ----------------------------------------------------------------------------- local server
let server;
let baseUrl;
const requests = [];
let hangingRequest; // resolves with the request when a /hang/ request arrives
let onHang;

beforeAll(async () => {
	server = http.createServer((req, res) => {
		requests.push({ method: req.method, url: req.url, headers: req.headers });
		const id = decodeURIComponent(req.url.split('/').pop());
		if (req.url.startsWith('/items/hang')) {
			onHang?.(req);
			return; // never answers
		}
		if (id.startsWith('missing')) {
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ errors: [{ msg: `No item ${id}` }] }));
			return;
		}
		if (id.startsWith('flaky')) {
			const seen = requests.filter((r) => r.url === req.url).length;
			if (seen < 2) {
				res.writeHead(503, { 'content-type': 'application/json' });
				res.end('{"errors":[{"msg":"try again"}]}');
				return;
			}
		}
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ id, deleted: true }));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${server.address().port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
	requests.length = 0;
	hangingRequest = new Promise((resolve) => {
		onHang = resolve;
	});
});

// ----------------------------------------------------------- test-local credential and node
class HarnessTestApi {
	constructor() {
		this.name = 'harnessTestApi';
		this.displayName = 'Harness Test API';
		this.properties = [
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
			{
				displayName: 'Token',
				name: 'token',
				type: 'string',
				typeOptions: { password: true },
				default: '',
			},
			{ displayName: 'Scheme', name: 'scheme', type: 'string', default: 'Bearer' },
		];
		// Like our Kore.ai credential: an async function that returns the request with headers.
		this.authenticate = async (credentials, requestOptions) => {
			await new Promise((resolve) => setImmediate(resolve));
			return {
				...requestOptions,
				headers: {
					...requestOptions.headers,
					'x-test-auth': `${credentials.scheme} ${credentials.token}`,
				},
			};
		};
	}
}

class HarnessGenericApi {
	constructor() {
		this.name = 'harnessGenericApi';
		this.displayName = 'Harness Generic API';
		this.properties = [
			{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
			{ displayName: 'Key', name: 'key', type: 'string', default: '' },
		];
		this.authenticate = {
			type: 'generic',
			properties: { headers: { 'X-Api-Key': '={{$credentials.key}}' }, qs: { via: 'generic' } },
		};
	}
}

/** Deletes the item whose ID comes from a resource locator, one request per input item. */
class HarnessTestNode {
	constructor() {
		this.description = {
			displayName: 'Harness Test Node',
			name: 'harnessTestNode',
			group: ['transform'],
			version: 1,
			description: 'Test node for the harness self-test',
			defaults: { name: 'Harness Test Node' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [
				{ name: 'harnessTestApi', required: true, displayOptions: { show: { auth: ['test'] } } },
				{
					name: 'harnessGenericApi',
					required: true,
					displayOptions: { show: { auth: ['generic'] } },
				},
			],
			properties: [
				{
					displayName: 'Auth',
					name: 'auth',
					type: 'options',
					options: [
						{ name: 'Test', value: 'test' },
						{ name: 'Generic', value: 'generic' },
					],
					default: 'test',
				},
				{ displayName: 'Leak', name: 'leak', type: 'boolean', default: false },
				{
					displayName: 'Item',
					name: 'itemId',
					type: 'resourceLocator',
					default: { mode: 'id', value: '' },
					required: true,
					modes: [{ displayName: 'ID', name: 'id', type: 'string' }],
				},
			],
		};
	}

	async execute() {
		const items = this.getInputData();
		const auth = this.getNodeParameter('auth', 0);
		const credentialType = auth === 'generic' ? 'harnessGenericApi' : 'harnessTestApi';
		const credentials = await this.getCredentials(credentialType);
		const out = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const id = this.getNodeParameter('itemId', i, '', { extractValue: true });
				if (typeof id !== 'string' || id === '') {
					throw new NodeOperationError(this.getNode(), `Item ${i}: the Item ID is empty`, {
						itemIndex: i,
					});
				}
				const response = await this.helpers.httpRequestWithAuthentication.call(
					this,
					credentialType,
					{
						method: 'DELETE',
						url: `${credentials.baseUrl}/items/${encodeURIComponent(id)}`,
						json: true,
					},
				);
				out.push({ json: response, pairedItem: { item: i } });
			} catch (error) {
				const nodeError =
					error instanceof NodeApiError || error instanceof NodeOperationError
						? error
						: new NodeApiError(this.getNode(), error, { itemIndex: i });
				if (this.getNodeParameter('leak', i)) {
					// A deliberately bad node, to prove that leaks are found.
					nodeError.description = `token was ${credentials.token}`;
				}
				if (this.continueOnFail()) {
					out.push({ json: { error: nodeError.message }, pairedItem: { item: i } });
					continue;
				}
				nodeError.context.itemIndex = i;
				throw nodeError;
			}
		}
		return [out];
	}
}

const TEST_TYPE = 'harness.harnessTestNode';

function workflow(nodeSettings = {}, parameters = {}) {
	return {
		name: 'harness self-test',
		nodes: [
			{
				id: 'a1',
				name: "When clicking 'Execute workflow'",
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'b2',
				name: 'Delete Item',
				type: TEST_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					itemId: { __rl: true, mode: 'id', value: '={{ $json.itemId }}' },
					...parameters,
				},
				...nodeSettings,
			},
		],
		connections: {
			"When clicking 'Execute workflow'": {
				main: [[{ node: 'Delete Item', type: 'main', index: 0 }]],
			},
		},
	};
}

function options(extra = {}) {
	return {
		nodeTypes: { [TEST_TYPE]: HarnessTestNode },
		credentialTypes: { harnessTestApi: HarnessTestApi, harnessGenericApi: HarnessGenericApi },
		credentials: {
			harnessTestApi: { baseUrl, token: SECRET },
			harnessGenericApi: { baseUrl, key: SECRET },
		},
		...extra,
	};
}

// --------------------------------------------------------------------------------- tests
describe('workflow harness on n8n-core WorkflowExecute', () => {
	test('runs items through the real engine: auth function header, expressions, pairing', async () => {
		const result = await runWorkflow(
			workflow(),
			options({ input: [{ itemId: 'one' }, { itemId: 'two/2' }, { itemId: 'three' }] }),
		);

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.finished).toBe(true);
		expect(result.executionOrder).toEqual(["When clicking 'Execute workflow'", 'Delete Item']);

		// The expression in the resource locator resolved per item; real HTTP went out.
		expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
			'DELETE /items/one',
			'DELETE /items/two%2F2',
			'DELETE /items/three',
		]);
		// The credential's async authenticate function ran for every request, with defaults applied.
		for (const request of requests) expect(request.headers['x-test-auth']).toBe(`Bearer ${SECRET}`);

		const [regular, ...rest] = result.outputs('Delete Item');
		expect(rest).toEqual([]);
		expect(regular.map((item) => item.json)).toEqual([
			{ id: 'one', deleted: true },
			{ id: 'two/2', deleted: true },
			{ id: 'three', deleted: true },
		]);
		expect(regular.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.json('Delete Item')).toEqual(regular.map((item) => item.json));
		// The pinned input is what the start node output.
		expect(result.json("When clicking 'Execute workflow'")).toEqual([
			{ itemId: 'one' },
			{ itemId: 'two/2' },
			{ itemId: 'three' },
		]);
	});

	test('without input the manual trigger emits one empty item', async () => {
		const wf = workflow({}, { itemId: { __rl: true, mode: 'id', value: 'fixed' } });
		const result = await runWorkflow(wf, options());
		expect(result.status).toBe('success');
		expect(result.json("When clicking 'Execute workflow'")).toEqual([{}]);
		expect(result.json('Delete Item')).toEqual([{ id: 'fixed', deleted: true }]);
	});

	test('generic (declarative) credential authenticate is applied too', async () => {
		const result = await runWorkflow(
			workflow({}, { auth: 'generic' }),
			options({ input: [{ itemId: 'g1' }] }),
		);
		expect(result.status).toBe('success');
		expect(requests).toHaveLength(1);
		expect(requests[0].headers['x-api-key']).toBe(SECRET);
		expect(requests[0].url).toBe('/items/g1?via=generic');
	});

	test('On Error "continueErrorOutput": n8n routes error items to output 1, order and pairing kept', async () => {
		const result = await runWorkflow(
			workflow({ onError: 'continueErrorOutput' }),
			options({
				input: [{ itemId: 'a' }, { itemId: 'missing-b' }, { itemId: 'c' }, { itemId: '' }],
			}),
		);
		expect(result.status).toBe('success');
		const [ok, failed] = result.outputs('Delete Item');
		expect(ok.map((item) => [item.json.id, item.pairedItem])).toEqual([
			['a', { item: 0 }],
			['c', { item: 2 }],
		]);
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 3 }]);
		// n8n-core merges the paired input item's json into error items on the error output.
		expect(failed[0].json).toEqual({
			itemId: 'missing-b',
			error: expect.stringMatching(/could not be found/i),
		});
		expect(failed[1].json).toEqual({ itemId: '', error: 'Item 3: the Item ID is empty' });
		expect(result.json('Delete Item', 1)).toEqual(failed.map((item) => item.json));
	});

	test('On Error "continueRegularOutput": error items stay on output 0', async () => {
		const result = await runWorkflow(
			workflow({ onError: 'continueRegularOutput' }),
			options({ input: [{ itemId: 'a' }, { itemId: 'missing-b' }] }),
		);
		expect(result.status).toBe('success');
		const outputs = result.outputs('Delete Item');
		expect(outputs).toHaveLength(1);
		expect(outputs[0].map((item) => Object.keys(item.json))).toEqual([
			['id', 'deleted'],
			['error'],
		]);
	});

	test('On Error "stopWorkflow" (default): the execution fails with the node error', async () => {
		const result = await runWorkflow(
			workflow({ onError: 'stopWorkflow' }),
			options({ input: [{ itemId: 'a' }, { itemId: 'missing-b' }, { itemId: 'c' }] }),
		);
		expect(result.status).toBe('error');
		expect(result.finished).toBe(false);
		expect(result.error.message).toMatch(/could not be found/i);
		expect(result.error.name).toBe('NodeApiError');
		expect(result.error.httpCode).toBe('404');
		expect(result.nodeError('Delete Item').message).toMatch(/could not be found/i);
		expect(result.outputs('Delete Item')).toEqual([]);
		expect(requests.map((r) => r.url)).toEqual(['/items/a', '/items/missing-b']);
	});

	test('retryOnFail reruns the node as n8n does', async () => {
		const result = await runWorkflow(
			workflow({ retryOnFail: true, maxTries: 3, waitBetweenTries: 10 }),
			options({ input: [{ itemId: 'first' }, { itemId: 'flaky-1' }] }),
		);
		expect(result.status).toBe('success');
		// n8n reruns execute() for every item: 'first' is sent again on the second try.
		expect(requests.map((r) => r.url)).toEqual([
			'/items/first',
			'/items/flaky-1',
			'/items/first',
			'/items/flaky-1',
		]);
		expect(result.json('Delete Item')).toEqual([
			{ id: 'first', deleted: true },
			{ id: 'flaky-1', deleted: true },
		]);
	});

	test('run.cancel() cancels the execution and aborts the in-flight request', async () => {
		const run = runWorkflow(
			workflow(),
			options({ input: [{ itemId: 'hang' }, { itemId: 'after' }] }),
		);
		await hangingRequest;
		run.cancel();
		const result = await run;
		expect(result.status).toBe('canceled');
		expect(requests.map((r) => r.url)).toEqual(['/items/hang']);
	});

	test('options.abortSignal cancels the execution too', async () => {
		const controller = new AbortController();
		const run = runWorkflow(
			workflow(),
			options({ input: [{ itemId: 'hang' }], abortSignal: controller.signal }),
		);
		await hangingRequest;
		controller.abort();
		const result = await run;
		expect(result.status).toBe('canceled');
	});

	test('allStoredText holds run data, errors and n8n logs, so secrets can be searched', async () => {
		const result = await runWorkflow(
			workflow({ onError: 'stopWorkflow' }),
			options({ input: [{ itemId: 'missing-x' }] }),
		);
		expect(result.status).toBe('error');
		// n8n-core's ErrorReporter logged the node error (and its cause chain) for this execution.
		expect(result.logs.map((record) => record.message).join('\n')).toMatch(
			/could not be found[\s\S]*Request failed with status code 404/,
		);
		const text = allStoredText(result);
		expect(() => JSON.parse(text)).not.toThrow();
		expect(text).toContain('missing-x'); // run data
		expect(text).toContain('No item missing-x'); // the API's error body, kept in the error context
		expect(text).toContain('NodeApiError');
		expect(text).toContain('Request failed with status code 404'); // log records
		// Neither n8n's engine nor the harness put the credential into anything it keeps.
		expect(text).not.toContain(SECRET);

		// A node that leaks the secret into an error is caught.
		const leaky = await runWorkflow(
			workflow({ onError: 'stopWorkflow' }, { leak: true }),
			options({ input: [{ itemId: 'missing-y' }] }),
		);
		expect(leaky.status).toBe('error');
		expect(allStoredText(leaky)).toContain(SECRET);
	});

	test('the workflow JSON is not mutated and unknown node types are reported', async () => {
		const wf = workflow();
		const before = JSON.stringify(wf);
		await runWorkflow(wf, options({ input: [{ itemId: 'x' }] }));
		expect(JSON.stringify(wf)).toBe(before);

		const bad = workflow();
		bad.nodes[1].type = 'harness.noSuchNode';
		await expect(runWorkflow(bad, options())).rejects.toThrow(
			/Unknown node type "harness.noSuchNode"/,
		);
	});
});

// ------------------------------------------------- our real node, once built (dist/) + sandbox
const builtNode = path.join(
	REPO_ROOT,
	'dist/nodes/KoreAiContactCenter/KoreAiContactCenter.node.js',
);
const sandboxEntry = path.join(REPO_ROOT, 'sandbox/index.js');
const haveKore = fs.existsSync(builtNode) && fs.existsSync(sandboxEntry);

(haveKore ? describe : describe.skip)('harness with the built Kore.ai node and the sandbox', () => {
	let sandbox;
	beforeAll(async () => {
		sandbox = await require(sandboxEntry).startSandbox();
	});
	afterAll(async () => {
		await sandbox?.close();
	});

	test('Delete SMS Campaign with an expression in the campaign ID locator', async () => {
		const sample = 'cd-213cc43a-a340-5b89-a256-ff8da28xxxxx';
		const wf = {
			nodes: [
				{
					id: 't',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'k',
					name: 'Delete SMS Campaign',
					type: KORE_NODE_TYPE,
					typeVersion: 1,
					position: [220, 0],
					onError: 'continueErrorOutput',
					parameters: {
						resource: 'smsCampaign',
						operation: 'delete',
						campaignId: { __rl: true, mode: 'id', value: '={{ $json.campaignId }}' },
					},
				},
			],
			connections: { Start: { main: [[{ node: 'Delete SMS Campaign', type: 'main', index: 0 }]] } },
		};
		const result = await runWorkflow(wf, {
			credentials: { [KORE_CREDENTIAL_TYPE]: sandbox.credentials },
			input: [{ campaignId: sample }, { campaignId: sample }],
		});
		expect(result.status).toBe('success');
		const [ok, failed] = result.outputs('Delete SMS Campaign');
		expect(ok).toHaveLength(1);
		expect(ok[0].json.campaignId).toBe(sample);
		expect(ok[0].pairedItem).toEqual({ item: 0 });
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 1 });
		expect(typeof failed[0].json.error).toBe('string');
	});
});
