// The one set of helpers for tests that run the node through n8n's engine (test/harness) against the
// Kore.ai sandbox: a sandbox per test file, a workflow from the JSON fixture beside a test, one way to
// run it, and the one secret check. Folder helpers (test/operations/helpers.js, ...) only re-export.
const fs = require('node:fs');
const path = require('node:path');
const { startSandbox } = require('../../sandbox');
const { runWorkflow, allStoredText, KORE_NODE_TYPE } = require('../harness');
const { withListPages } = require('./listPages');

/**
 * The sandbox of a test file: started before its tests, reset before each, closed after. Returns a
 * stand-in that forwards to the running sandbox, so tests write `sandbox.store`, `sandbox.requests`.
 */
function useSandbox(options = { rateLimit: false }) {
	let running;
	beforeAll(async () => {
		running = await startSandbox(options);
	});
	beforeEach(() => running.reset());
	afterAll(() => running.close());
	return new Proxy(
		{},
		{
			get(_target, key) {
				if (!running) throw new Error('the sandbox runs only inside tests (beforeAll has not run)');
				const value = running[key];
				return typeof value === 'function' ? value.bind(running) : value;
			},
		},
	);
}

/**
 * The workflow fixture `<name>.workflow.json` in `dir` (the test's folder), with the Kore.ai node's
 * parameters changed (`parameters`, merged over the fixture's; `options` merged into its Options)
 * and node settings (`settings`: onError, retryOnFail, ...) set.
 */
function fixtureWorkflow(dir, name, { parameters = {}, options = {}, settings = {} } = {}) {
	const file = path.join(dir, `${name}.workflow.json`);
	const workflow = JSON.parse(fs.readFileSync(file, 'utf8'));
	const node = workflow.nodes.find((candidate) => candidate.type === KORE_NODE_TYPE);
	if (!node) throw new Error(`${file} has no Kore.ai node`);
	Object.assign(node.parameters, parameters);
	node.parameters.options = { ...node.parameters.options, ...options };
	Object.assign(node, settings);
	return workflow;
}

/** The name of the workflow's Kore.ai node (the one whose output tests read). */
function koreNodeName(workflow) {
	return workflow.nodes.find((node) => node.type === KORE_NODE_TYPE).name;
}

/**
 * Runs a workflow; `input` is what its trigger gives (default one empty item). Pacing is turned off
 * (Options > Requests per Minute = 0) unless the workflow sets it: these tests run against a sandbox
 * without its rate limit, and pacing has its own tests (test/bulk/).
 */
function runOperation(
	sandbox,
	workflow,
	{ input = [{}], credentials = sandbox.credentials, timezone } = {},
) {
	const copy = structuredClone(workflow);
	const node = copy.nodes.find((candidate) => candidate.type === KORE_NODE_TYPE);
	node.parameters.options = { requestsPerMinute: 0, ...node.parameters.options };
	return runWorkflow(copy, { credentials: { koreAiApi: credentials }, input, timezone });
}

/**
 * Nothing a run stored (output items, errors, execution data, logs) holds a secret: the client
 * secret, any token the sandbox received, whole or only its signature part (enough to forge
 * nothing, but still a leak). Some token must have been seen, or the check proves nothing.
 */
function expectNoSecrets(result, sandbox, credentials = sandbox.credentials) {
	const stored = allStoredText(result);
	expect(stored).not.toContain(credentials.clientSecret);
	expect(sandbox.tokensSeen.length).toBeGreaterThan(0);
	for (const token of sandbox.tokensSeen) {
		expect(stored).not.toContain(token);
		expect(stored).not.toContain(token.split('.')[2]);
	}
}

/**
 * Leaves the sandbox with only its first seeded contact list (and the lists a test adds): for tests
 * about listing contact lists, which the lists of the seeded campaigns would only crowd.
 */
function onlySeedList(sandbox) {
	const lists = sandbox.store.contactLists;
	for (const app of sandbox.apps) {
		for (const record of lists.all(app.appId))
			if (record.id !== lists.SEED_LIST_ID) lists.remove(record.id);
	}
}

/** [regular output items, error output items] of a node. */
function outputsOf(result, nodeName) {
	const [ok = [], failed = []] = result.outputs(nodeName);
	return [ok, failed];
}

/** The sandbox's requests as "METHOD path?query", without the common prefix. */
function sentUrls(sandbox) {
	const prefix = `/campaign/api/v2/public/${sandbox.credentials.appId}`;
	return sandbox.requests.map(
		(r) => `${r.method} ${r.url.startsWith(prefix) ? r.url.slice(prefix.length) : r.url}`,
	);
}

const byId = (value) => ({ __rl: true, mode: 'id', value });
const fromList = (value) => ({ __rl: true, mode: 'list', value });

module.exports = {
	startSandbox,
	useSandbox,
	fixtureWorkflow,
	koreNodeName,
	runOperation,
	runWorkflow,
	allStoredText,
	expectNoSecrets,
	outputsOf,
	onlySeedList,
	sentUrls,
	byId,
	fromList,
	withListPages,
};
