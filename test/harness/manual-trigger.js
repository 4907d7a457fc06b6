'use strict';
/**
 * A harness implementation of n8n's Manual Trigger ('n8n-nodes-base.manualTrigger'), so that
 * workflows exported from n8n run without n8n-nodes-base installed. Same behaviour as n8n's:
 * a trigger node that, when run manually, emits one empty item. Pin input items on it with
 * runWorkflow's `input` option (n8n's pinData), which is how n8n feeds test data to a workflow.
 */

const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';

class ManualTrigger {
	constructor() {
		this.description = {
			displayName: 'Manual Trigger (harness)',
			name: 'manualTrigger',
			group: ['trigger'],
			version: 1,
			description: 'Runs the flow on clicking a button in n8n',
			eventTriggerDescription: '',
			maxNodes: 1,
			defaults: { name: "When clicking 'Execute workflow'" },
			inputs: [],
			outputs: ['main'],
			properties: [],
		};
	}

	async trigger() {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

module.exports = { ManualTrigger, MANUAL_TRIGGER_TYPE };
