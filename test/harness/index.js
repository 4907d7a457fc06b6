'use strict';
/**
 * Workflow harness: runs n8n workflow JSON through n8n's REAL engine in-process
 * (n8n-core `WorkflowExecute`, n8n-workflow `Workflow`), with real HTTP (no mocks).
 *
 *   const { runWorkflow, allStoredText, KORE_NODE_TYPE } = require('./harness'); // from test/
 *   const { startSandbox } = require('../sandbox');
 *   const sandbox = await startSandbox();
 *   const workflow = {
 *     nodes: [
 *       { id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1,
 *         position: [0, 0], parameters: {} },
 *       { id: 'k', name: 'Delete SMS Campaign', type: KORE_NODE_TYPE, // n8n-nodes-kore-ai.koreAiContactCenter
 *         typeVersion: 1, position: [220, 0], onError: 'continueErrorOutput',
 *         parameters: { resource: 'smsCampaign', operation: 'delete',
 *           campaignId: { __rl: true, mode: 'id', value: '={{ $json.campaignId }}' } } },
 *     ],
 *     connections: { Start: { main: [[{ node: 'Delete SMS Campaign', type: 'main', index: 0 }]] } },
 *   };
 *   const run = runWorkflow(workflow, {
 *     credentials: { koreAiApi: sandbox.credentials },
 *     input: [{ campaignId: 'cd-1' }, { campaignId: 'cd-2' }], // pinned output of the start node
 *   });
 *   // run.cancel() cancels the execution (n8n's own cancel: aborts the execution's cancel signal)
 *   const result = await run;
 *   result.status;                                   // 'success' | 'error' | 'canceled' | ...
 *   const [ok, failed] = result.outputs('Delete SMS Campaign'); // output 0, output 1 (error output)
 *   result.json('Delete SMS Campaign', 1);           // json of the error-output items
 *   allStoredText(result).includes(sandbox.credentials.clientSecret); // must be false
 *
 * n8n-core behaviour worth knowing (it is the engine's, not the harness's):
 *   - error output: an item goes to output 1 if it has `item.error`, or its json has only the
 *     keys error/message/details; n8n then MERGES the paired input item's json into it
 *     ({ ...input.json, ...item.json }), and for items with `item.error` it finally REPLACES
 *     json by { error: item.error.message } (details are lost).
 *   - retryOnFail: maxTries is clamped to 2..5, waitBetweenTries to 0..5000 ms, and
 *     waitBetweenTries 0 counts as unset (1000 ms). The whole execute() reruns for all items.
 *   - a node error with On Error = stopWorkflow lands in result.error as a plain copy
 *     ({ ...error, message, stack }): `cause` is not kept. n8n-core's ErrorReporter logs every
 *     error of the cause chain: message, plus the stack for plain errors (e.g. the HTTP client's
 *     AxiosError cause) and for n8n errors of level 'error' (captured in result.logs).
 *
 * runWorkflow(workflow, options) -> Promise<HarnessResult> & { cancel(): void }
 *   workflow: n8n workflow JSON ({ nodes, connections, settings?, pinData?, name?, id? }).
 *     Not mutated (deep-copied). Node types are resolved by `type`:
 *       - 'n8n-nodes-base.manualTrigger': a harness implementation of n8n's Manual Trigger
 *         (same behaviour: one empty item), unless `nodeTypes` overrides it.
 *       - 'n8n-nodes-kore-ai.*': loaded from the built package (dist/) with n8n-core's own
 *         PackageDirectoryLoader, i.e. exactly the way n8n loads an installed community package
 *         (package.json `n8n` block). Loaded lazily, once per process, only when referenced.
 *       - anything in options.nodeTypes.
 *   options:
 *     credentials:     { [credentialTypeName]: data } decrypted credential data, returned by
 *                      the credentialsHelper for that type (defaults of the credential type's
 *                      properties are applied like n8n does). Nodes that declare a credential
 *                      but have no `credentials` entry in the JSON get one added automatically
 *                      ({ id: 'harness-<type>', name: '<type>' }).
 *     input:           array of items (plain objects or { json, binary?, pairedItem? }) pinned as
 *                      the output of the start node (n8n's pinData). Overrides workflow.pinData
 *                      for that node. Without it, the trigger runs for real (one empty item).
 *     pinData:         extra pinData { [nodeName]: items } (plain objects or { json }).
 *     nodeTypes:       { [typeName]: INodeType | IVersionedNodeType | class } extra node types,
 *                      e.g. test-local nodes or n8n-nodes-base nodes (`require(...).Set`).
 *     credentialTypes: { [credentialTypeName]: ICredentialType | class } extra credential types.
 *     packageDir:      directory of our package (default: the repo root).
 *     packages:        more packages to load like n8n does, e.g. n8n-nodes-base once installed:
 *                      [dir | { dir, includeNodes: ['n8n-nodes-base.httpRequest'] }].
 *     abortSignal:     AbortSignal; aborting it cancels the execution (same as run.cancel()).
 *     mode:            n8n WorkflowExecuteMode (default 'manual').
 *     executionId:     default: a counter.
 *     startNode:       name of the node to start from (default: n8n's getStartNode()).
 *     timezone:        workflow timezone (default 'UTC').
 *   The promise rejects only for harness/setup problems (unknown node type, ...). A failing
 *   workflow resolves with status 'error' and `error` set, as n8n would record it.
 *
 * HarnessResult:
 *   status        n8n's execution status ('success' | 'error' | 'canceled' | 'waiting' | ...)
 *   finished      boolean
 *   error         resultData.error (the execution's error, e.g. a node error with
 *                 On Error = stopWorkflow), or undefined
 *   runData       resultData.runData: { [nodeName]: ITaskData[] }
 *   execution     the complete IRun n8n's engine produced (what n8n stores)
 *   workflowData  the workflow JSON that was run (with the harness's additions)
 *   executionOrder node names in the order they finished (hook 'nodeExecuteAfter')
 *   logs          records n8n-core logged during this execution ({ level, message, ...meta }),
 *                 e.g. its ErrorReporter's report of a node error with the cause chain's
 *                 messages and stacks. Not printed unless HARNESS_LOGS=1.
 *   outputs(nodeName, runIndex = last) -> Array<Array<INodeExecutionData>>: one array per
 *                 output (main[0] = regular output, main[1] = error output when On Error is
 *                 "Continue (using error output)"); [] when the node has no data.
 *   items(nodeName, outputIndex = 0, runIndex = last) -> INodeExecutionData[]
 *   json(nodeName, outputIndex = 0, runIndex = last) -> json objects of those items
 *   nodeError(nodeName, runIndex = last) -> the error n8n recorded for that node run, if any
 *
 * allStoredText(result, { deep = true }) -> string
 *   JSON of the complete execution as n8n persists it (IRun incl. run data, errors via their
 *   toJSON, pinData, workflow), the captured n8n log records, plus, with deep (default), every property of every Error
 *   reachable from it (message, stack, description, cause chains, raw HTTP errors, headers,
 *   non-enumerable fields): stricter than n8n's store, for searching secrets.
 *
 * Performance: the engine does the per-item work; the harness adds only O(1) work per node run
 * (no per-item copying). Results hold references to n8n's own objects.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// n8n-core writes <N8N_USER_FOLDER>/.n8n/config on load: keep it out of $HOME and the repo.
if (!process.env.N8N_USER_FOLDER) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'kore-harness-n8n-'));
	// Pre-seed the settings file so n8n-core does not log "No encryption key found" on load.
	fs.mkdirSync(path.join(userFolder, '.n8n'));
	fs.writeFileSync(
		path.join(userFolder, '.n8n', 'config'),
		JSON.stringify({ encryptionKey: require('node:crypto').randomBytes(24).toString('base64') }),
		{ mode: 0o600 },
	);
	process.env.N8N_USER_FOLDER = userFolder;
	process.once('exit', () => fs.rmSync(userFolder, { recursive: true, force: true }));
}
// n8n-workflow's default engine on Node 20 (the 'vm' engine needs isolated-vm / Node 24).
if (!process.env.N8N_EXPRESSION_ENGINE) process.env.N8N_EXPRESSION_ENGINE = 'legacy';

const { Workflow, NodeHelpers, ICredentialsHelper, UnexpectedError } = require('n8n-workflow');
const { WorkflowExecute, ExecutionLifecycleHooks, PackageDirectoryLoader } = require('n8n-core');

const { ManualTrigger, MANUAL_TRIGGER_TYPE } = require('./manual-trigger');
const { allStoredText, toStoredJson } = require('./stored-text');
const { withLogCapture } = require('./logs');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = require(path.join(REPO_ROOT, 'package.json')).name;
const KORE_NODE_TYPE = `${PACKAGE_NAME}.koreAiContactCenter`;
const KORE_CREDENTIAL_TYPE = 'koreAiApi';

// ---------------------------------------------------------------------------------------------
// Node and credential types

function instantiate(typeOrClass) {
	return typeof typeOrClass === 'function' ? new typeOrClass() : typeOrClass;
}

const packageCache = new Map(); // key -> Promise<{ packageName, nodeTypes, credentialTypes }>

/**
 * Loads a community package the way n8n does (n8n-core's PackageDirectoryLoader reading the
 * package.json `n8n` block). Node types are keyed `<packageName>.<nodeName>`. `includeNodes`
 * (full type names, e.g. ['n8n-nodes-base.httpRequest']) limits what a big package loads.
 * Cached per process.
 */
function loadPackage(packageDir = REPO_ROOT, includeNodes = []) {
	const dir = path.resolve(packageDir);
	const key = `${dir}\n${[...includeNodes].sort().join(',')}`;
	if (!packageCache.has(key)) {
		const promise = (async () => {
			const loader = new PackageDirectoryLoader(dir, [], includeNodes);
			await loader.loadAll();
			const nodeTypes = {};
			for (const [name, { type }] of Object.entries(loader.nodeTypes)) {
				nodeTypes[`${loader.packageName}.${name}`] = type;
			}
			const credentialTypes = {};
			for (const [name, { type }] of Object.entries(loader.credentialTypes)) {
				credentialTypes[name] = type;
			}
			if (Object.keys(nodeTypes).length === 0) {
				throw new Error(`No node types loaded from ${dir}: is it built (npm run build)?`);
			}
			return { packageName: loader.packageName, nodeTypes, credentialTypes };
		})();
		promise.catch(() => packageCache.delete(key));
		packageCache.set(key, promise);
	}
	return packageCache.get(key);
}

/** An n8n INodeTypes over a plain map. */
class NodeTypes {
	constructor(types) {
		this.types = types;
	}
	getByName(nodeType) {
		const type = this.types[nodeType];
		if (!type) throw new UnexpectedError(`Unknown node type "${nodeType}" (harness)`);
		return type;
	}
	getByNameAndVersion(nodeType, version) {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}
	getKnownTypes() {
		return {};
	}
}

// ---------------------------------------------------------------------------------------------
// Credentials helper (the part of n8n's CredentialsHelper that node execution uses)

class HarnessCredentialsHelper extends ICredentialsHelper {
	/**
	 * @param {Record<string, object>} credentialTypes name -> ICredentialType
	 * @param {Record<string, object>} credentialsByType name -> decrypted data
	 */
	constructor(credentialTypes, credentialsByType) {
		super();
		this.credentialTypes = credentialTypes;
		this.credentialsByType = credentialsByType;
		this.decryptedCache = new Map();
	}

	getCredentialType(name) {
		const type = this.credentialTypes[name];
		if (!type) throw new UnexpectedError(`Unknown credential type "${name}" (harness)`);
		return type;
	}

	getParentTypes(name) {
		const parents = this.getCredentialType(name).extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	getCredentialsProperties(name) {
		const type = this.getCredentialType(name);
		if (!type.extends) return type.properties;
		const combined = [];
		for (const parent of type.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}

	isCredentialUsableByNode() {
		return true;
	}

	/** Stored data plus the credential type's defaults, as n8n's applyDefaultsAndOverwrites does. */
	async getDecrypted(_additionalData, _nodeCredentials, type) {
		const data = this.credentialsByType[type];
		if (data === undefined) {
			throw new UnexpectedError(`No credentials of type "${type}" given to the harness`);
		}
		// A fresh object per call (nodes may mutate it; n8n decrypts per call too), but the
		// defaults are computed once per type.
		let withDefaults = this.decryptedCache.get(type);
		if (!withDefaults) {
			withDefaults = NodeHelpers.getNodeParameters(
				this.getCredentialsProperties(type),
				data,
				true,
				false,
				null,
				null,
			);
			for (const [key, value] of Object.entries(data)) {
				if (!(key in withDefaults)) withDefaults[key] = value;
			}
			this.decryptedCache.set(type, withDefaults);
		}
		return structuredClone(withDefaults);
	}

	/**
	 * Applies the credential type's `authenticate`, like n8n's CredentialsHelper:
	 * a function is awaited with (credentials, requestOptions); a generic definition
	 * ({ type: 'generic', properties: { headers: {...}, qs: {...}, ... } }) has its
	 * expressions resolved with $credentials and merged into the request.
	 */
	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const { authenticate } = this.getCredentialType(typeName);
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (typeof authenticate === 'object' && authenticate.type === 'generic') {
			if (!workflow || !node) {
				throw new UnexpectedError('Workflow and node are required for generic authentication');
			}
			const resolve = (value) => {
				if (typeof value !== 'string' || !value.startsWith('=')) return value;
				const resolved = workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					{ $credentials: credentials },
					undefined,
					'',
				);
				return resolved ? resolved.toString() : '';
			};
			for (const [outerKey, inner] of Object.entries(authenticate.properties)) {
				if (!requestOptions[outerKey]) requestOptions[outerKey] = {};
				for (const [key, value] of Object.entries(inner)) {
					requestOptions[outerKey][resolve(key)] = resolve(value);
				}
			}
		}
		return requestOptions;
	}

	/**
	 * n8n calls `preAuthentication` only for credential types with a hidden, expirable property,
	 * when that property is empty or the credentials expired; the output is merged in (n8n also
	 * saves it to the database: here it is kept for the rest of this execution).
	 */
	async preAuthentication(helpers, credentials, typeName, _node, credentialsExpired) {
		const type = this.getCredentialType(typeName);
		const expirable = type.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (!output || output[expirable.name] === undefined) return undefined;
		const cached = this.decryptedCache.get(typeName);
		if (cached) Object.assign(cached, output);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(helpers, credentials, typeName) {
		const type = this.getCredentialType(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) ?? undefined;
	}

	async getCredentials() {
		throw new UnexpectedError('getCredentials is not supported by the harness');
	}

	async updateCredentials(_nodeCredentials, type, data) {
		this.decryptedCache.set(type, { ...data });
	}

	async updateCredentialsOauthTokenData(_nodeCredentials, type, data) {
		const cached = this.decryptedCache.get(type);
		if (cached) cached.oauthTokenData = data.oauthTokenData;
	}
}

// ---------------------------------------------------------------------------------------------
// Running

let executionCounter = 0;

function toItems(list, what) {
	if (!Array.isArray(list)) throw new TypeError(`${what} must be an array of items`);
	return list.map((item) =>
		item !== null &&
		typeof item === 'object' &&
		item.json !== null &&
		typeof item.json === 'object' &&
		!Array.isArray(item.json)
			? item
			: { json: item },
	);
}

async function resolveTypes(workflowData, options) {
	const nodeTypes = { [MANUAL_TRIGGER_TYPE]: new ManualTrigger() };
	const credentialTypes = {};
	const packageDir = options.packageDir ?? REPO_ROOT;
	const needsPackage = workflowData.nodes.some(
		(node) => typeof node.type === 'string' && node.type.startsWith(`${PACKAGE_NAME}.`),
	);
	const packages = (options.packages ?? []).map((entry) =>
		typeof entry === 'string' ? { dir: entry } : entry,
	);
	if (needsPackage || options.packageDir) packages.unshift({ dir: packageDir });
	for (const { dir, includeNodes } of packages) {
		const pkg = await loadPackage(dir, includeNodes);
		Object.assign(nodeTypes, pkg.nodeTypes);
		Object.assign(credentialTypes, pkg.credentialTypes);
	}
	for (const [name, type] of Object.entries(options.nodeTypes ?? {})) {
		nodeTypes[name] = instantiate(type);
	}
	for (const [name, type] of Object.entries(options.credentialTypes ?? {})) {
		credentialTypes[name] = instantiate(type);
	}
	return { nodeTypes, credentialTypes };
}

/** Adds a credentials reference to nodes that declare a credential type we were given. */
function addCredentialReferences(workflowData, nodeTypes, credentialsByType) {
	for (const node of workflowData.nodes) {
		const type = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		for (const { name } of type.description.credentials ?? []) {
			if (credentialsByType[name] === undefined) continue;
			node.credentials ??= {};
			node.credentials[name] ??= { id: `harness-${name}`, name };
		}
	}
}

function makeResult(execution, workflowData, executionOrder, logs) {
	const runData = execution.data.resultData.runData;
	const taskData = (nodeName, runIndex) => {
		const runs = runData[nodeName];
		if (!runs || runs.length === 0) return undefined;
		return runs[runIndex ?? runs.length - 1];
	};
	const outputs = (nodeName, runIndex) => {
		const main = taskData(nodeName, runIndex)?.data?.main;
		return main ? main.map((output) => output ?? []) : [];
	};
	const items = (nodeName, outputIndex = 0, runIndex) =>
		outputs(nodeName, runIndex)[outputIndex] ?? [];
	return {
		status: execution.status,
		finished: execution.finished === true,
		error: execution.data.resultData.error,
		runData,
		execution,
		workflowData,
		executionOrder,
		logs,
		outputs,
		items,
		json: (nodeName, outputIndex = 0, runIndex) =>
			items(nodeName, outputIndex, runIndex).map((item) => item.json),
		nodeError: (nodeName, runIndex) => taskData(nodeName, runIndex)?.error,
	};
}

/**
 * Runs a workflow JSON through n8n-core's WorkflowExecute. See the file header for the API.
 * @returns {Promise<object> & { cancel(): void }}
 */
function runWorkflow(workflowJson, options = {}) {
	let cancelRequested = false;
	let engineRun; // PCancelable from WorkflowExecute

	const cancel = () => {
		cancelRequested = true;
		if (engineRun) engineRun.cancel();
	};
	const { abortSignal } = options;
	const onAbort = () => cancel();
	if (abortSignal) {
		if (abortSignal.aborted) cancelRequested = true;
		else abortSignal.addEventListener('abort', onAbort, { once: true });
	}

	const promise = (async () => {
		try {
			const workflowData = structuredClone(workflowJson);
			if (!Array.isArray(workflowData.nodes))
				throw new TypeError('workflow.nodes must be an array');
			workflowData.connections ??= {};

			const credentialsByType = options.credentials ?? {};
			const types = await resolveTypes(workflowData, options);
			const nodeTypes = new NodeTypes(types.nodeTypes);
			addCredentialReferences(workflowData, nodeTypes, credentialsByType);

			const executionId = String(options.executionId ?? ++executionCounter);
			const mode = options.mode ?? 'manual';
			const workflow = new Workflow({
				id: workflowData.id ?? 'harness-workflow',
				name: workflowData.name ?? 'harness workflow',
				nodes: workflowData.nodes,
				connections: workflowData.connections,
				active: false,
				nodeTypes,
				staticData: workflowData.staticData,
				settings: { timezone: options.timezone ?? 'UTC', ...(workflowData.settings ?? {}) },
			});

			const startNode = options.startNode
				? workflow.getNode(options.startNode)
				: workflow.getStartNode();
			if (!startNode) throw new Error('No start node found in the workflow');

			const pinData = {};
			for (const [nodeName, list] of Object.entries(workflowData.pinData ?? {})) {
				pinData[nodeName] = toItems(list, `pinData["${nodeName}"]`);
			}
			for (const [nodeName, list] of Object.entries(options.pinData ?? {})) {
				pinData[nodeName] = toItems(list, `options.pinData["${nodeName}"]`);
			}
			if (options.input !== undefined)
				pinData[startNode.name] = toItems(options.input, 'options.input');
			workflowData.pinData = pinData;

			const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
			const executionOrder = [];
			hooks.addHandler('nodeExecuteAfter', (nodeName) => {
				executionOrder.push(nodeName);
			});

			// A plain object, like n8n's own node test harness (it uses a deep mock).
			const additionalData = {
				...baseAdditionalData(types.credentialTypes, credentialsByType),
				executionId,
				hooks,
				currentNodeExecutionIndex: 0,
				setExecutionStatus: () => {},
				sendDataToUI: () => {},
				executeWorkflow: async () => {
					throw new Error('Sub-workflows are not supported by the harness');
				},
				getRunExecutionData: async () => undefined,
				logAiEvent: () => {},
				startRunnerTask: async () => {
					throw new Error('Task runners are not supported by the harness');
				},
			};

			const workflowExecute = new WorkflowExecute(additionalData, mode);
			const [logs, run] = withLogCapture(() =>
				workflowExecute.run({ workflow, startNode, pinData }),
			);
			engineRun = run;
			if (cancelRequested) engineRun.cancel();
			// Resolves when the engine has really finished (after a cancel too: the running node
			// has to return), so a test can tell whether a node stops waiting when canceled.
			const execution = await engineRun;
			return makeResult(execution, workflowData, executionOrder, logs);
		} finally {
			if (abortSignal) abortSignal.removeEventListener('abort', onAbort);
		}
	})();
	promise.cancel = cancel;
	return promise;
}

/**
 * The part of n8n's additionalData every context needs (workflow runs, the editor's load-options
 * calls, the credential test): the credentials helper, the instance URLs and the user.
 */
function baseAdditionalData(credentialTypes, credentialsByType, currentNodeParameters) {
	return {
		credentialsHelper: new HarnessCredentialsHelper(credentialTypes, credentialsByType),
		currentNodeParameters,
		variables: {},
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		userId: 'harness-user',
	};
}

module.exports = {
	runWorkflow,
	baseAdditionalData,
	allStoredText,
	toStoredJson,
	loadPackage,
	HarnessCredentialsHelper,
	NodeTypes,
	ManualTrigger,
	MANUAL_TRIGGER_TYPE,
	KORE_NODE_TYPE,
	KORE_CREDENTIAL_TYPE,
	PACKAGE_NAME,
	REPO_ROOT,
};
