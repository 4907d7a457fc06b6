'use strict';
/**
 * Polling triggers the way n8n runs them: a real n8n-core `PollContext` over a real `Workflow`, the
 * node's `poll()` called through n8n-core's `TriggersAndPollers.runPollFunction`, and what n8n does
 * with the answer (n8n-core's PollTriggerExecutor, n8n 2.41): a non-null answer is emitted, `null`
 * starts nothing.
 *
 *   const { createPoller } = require('./harness/poll');
 *   const poller = await createPoller({ parameters: { events: ['statusChanged'] }, credentials: sandbox.credentials });
 *   const first = await poller.poll();            // { emitted: false, items: [], error: undefined }
 *   ...change something in the sandbox...
 *   const second = await poller.poll();           // { emitted: true, items: [{ event, campaignId, ... }] }
 *   poller.restart();                             // n8n restarted: static data as last saved
 *   await poller.poll({ mode: 'manual' });        // the editor's "Fetch Test Event"
 *
 * Static data, as n8n keeps it (n8n 1.123 ActiveWorkflowManager / 2.41 trigger context factory):
 *   - the active workflow's `Workflow` object lives as long as the activation, and every poll gets a
 *     new PollContext over it: `getWorkflowStaticData('node')` is the same object from poll to poll;
 *   - when a poll emits, n8n saves the static data to its database if it changed
 *     (`WorkflowStaticDataService.saveStaticData`: only when `__dataChanged` is set, which n8n's
 *     ObservableObject sets when a property of the node's object is assigned); n8n 1.123 also saves
 *     it right after the activation poll (ActiveWorkflowManager.add), which `saveNow()` stands for;
 *   - after a restart the workflow is built again from the saved copy (`restart()`), and a manual
 *     run ("Fetch Test Event") works on its own copy that n8n never saves.
 *   `poller.saved` is that database copy (JSON, as stored).
 */
const { Workflow } = require('n8n-workflow');
const { PollContext, TriggersAndPollers } = require('n8n-core');
const { loadPackage, baseAdditionalData, NodeTypes, PACKAGE_NAME } = require('./index');

const KORE_TRIGGER_TYPE = `${PACKAGE_NAME}.koreAiContactCenterTrigger`;
const NODE_NAME = 'Kore.ai Trigger';

async function createPoller({
	parameters = {},
	credentials,
	staticData = {},
	nodeType = KORE_TRIGGER_TYPE,
}) {
	const pkg = await loadPackage();
	const nodeTypes = new NodeTypes(pkg.nodeTypes);
	const runner = new TriggersAndPollers();
	const nodeJson = {
		id: 'poll-node-1',
		name: NODE_NAME,
		type: nodeType,
		typeVersion: 1,
		position: [0, 0],
		parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters },
		credentials: { koreAiApi: { id: 'harness-koreAiApi', name: 'Kore.ai' } },
	};
	const build = (data) =>
		new Workflow({
			id: 'poll-workflow',
			name: 'poll workflow',
			nodes: [structuredClone(nodeJson)],
			connections: {},
			active: true,
			nodeTypes,
			staticData: structuredClone(data),
			settings: { timezone: 'UTC' },
		});

	const poller = {
		saved: JSON.parse(JSON.stringify(staticData)),
		workflow: undefined,
		/** Saves the workflow's static data as n8n does after an emit: only when it changed. */
		save(workflow) {
			if (workflow.staticData.__dataChanged !== true) return;
			poller.saved = JSON.parse(JSON.stringify(workflow.staticData));
			workflow.staticData.__dataChanged = false;
		},
		/** Saves the running workflow's static data now (as n8n 1.123 does after activating a workflow). */
		saveNow() {
			poller.save(poller.workflow);
		},
		/** n8n restarted (or the workflow was re-activated): the workflow is built from the saved static data. */
		restart() {
			poller.workflow = build(poller.saved);
		},
		/** The node's static data as the running workflow holds it now (not necessarily saved). */
		get memory() {
			return poller.workflow.getStaticData('node', poller.workflow.getNode(NODE_NAME));
		},
		/**
		 * One poll. mode 'trigger' (an active workflow's poll) or 'manual' ("Fetch Test Event").
		 * Resolves { emitted, items (json of the emitted items), data (as emitted), error }.
		 */
		async poll({ mode = 'trigger' } = {}) {
			const workflow = mode === 'manual' ? build(poller.saved) : poller.workflow;
			const node = workflow.getNode(NODE_NAME);
			const additionalData = baseAdditionalData(pkg.credentialTypes, { koreAiApi: credentials });
			let emittedData;
			const emit = (data) => {
				emittedData = data;
				if (mode !== 'manual') poller.save(workflow);
			};
			const emitError = () => {};
			const context = new PollContext(
				workflow,
				node,
				additionalData,
				mode,
				mode === 'manual' ? 'manual' : 'activate',
				emit,
				emitError,
			);
			try {
				const answer = await runner.runPollFunction(workflow, node, context);
				if (answer !== null && answer !== undefined) context.__emit(answer);
			} catch (error) {
				return { emitted: false, items: [], data: undefined, error };
			}
			const items = emittedData ? emittedData.flat().map((item) => item.json) : [];
			return { emitted: emittedData !== undefined, items, data: emittedData, error: undefined };
		},
	};
	poller.restart();
	return poller;
}

module.exports = { createPoller, KORE_TRIGGER_TYPE };
