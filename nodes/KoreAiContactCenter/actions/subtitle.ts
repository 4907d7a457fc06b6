import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The node's subtitle on the canvas: the action as the user picked it in the nodes panel ("Delete
 * SMS Campaign", "Add Contacts to a Contact List"), not the parameters' internal values. n8n
 * evaluates a subtitle as an expression over `$parameter` (in the editor, on 1.x and 2.x alike), so
 * the expression carries a table from "resource:operation" to the action, built from the operation
 * selectors' own `action` texts: one source for the panel and the canvas. A pair the table does not
 * know (a workflow saved by a newer version) shows the operation's value.
 */
export function actionSubtitle(properties: INodeProperties[]): string {
	const actions: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		const resources = (property.displayOptions?.show?.resource ?? []) as string[];
		for (const option of (property.options ?? []) as INodePropertyOptions[]) {
			if (option.action === undefined) continue;
			for (const resource of resources)
				actions[`${resource}:${String(option.value)}`] = option.action;
		}
	}
	return `={{ ${JSON.stringify(actions)}[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}`;
}
