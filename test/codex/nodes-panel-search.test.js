// What n8n's nodes panel ("What happens next?") finds. Both n8n 1.123 and 2.41 search the node list
// with their sublimeSearch over two keys only: the node's displayName and each entry of its codex
// `alias` (read from KoreAiContactCenter.node.json by n8n's loader). Action names are NOT searched
// there: they are listed only after the node is clicked. An entry matches when every character of
// the typed text appears in it in order, case-insensitively (spaces included), so a phrase like
// "delete sms campaign" needs one alias holding those words in that order.
// The browser test (e2e/browser.js) proves the same phrases in the real editor.
const { loadPackage, KORE_NODE_TYPE } = require('../harness');

let description;
let nodeTypes;
beforeAll(async () => {
	// As the editor gets them: each description under its full name (package.node).
	nodeTypes = Object.entries((await loadPackage()).nodeTypes).map(([name, type]) => ({
		...type.description,
		name,
	}));
	description = nodeTypes.find((type) => type.name === KORE_NODE_TYPE);
});

/**
 * The entries of n8n's nodes panel, as both lines build them (editor-ui `useActionsGeneration`,
 * `generateMergedNodesAndActions`): every node that is not a trigger is an entry; a trigger whose
 * name without "Trigger" is such a node's name is merged into it, and the entry takes the TRIGGER's
 * description. Other triggers are entries of their own.
 */
function panelEntries(types) {
	const entries = types
		.filter((t) => !t.group.includes('trigger'))
		.map((t) => ({ name: t.name, description: t.description }));
	for (const trigger of types.filter((t) => t.group.includes('trigger'))) {
		const app = entries.find((entry) => entry.name === trigger.name.replace('Trigger', ''));
		if (app) app.description = trigger.description;
		else entries.push({ name: trigger.name, description: trigger.description });
	}
	return entries;
}

/** n8n's first test in sublimeSearch (fuzzyMatchSimple): pattern characters in order within target. */
function inOrder(pattern, target) {
	let p = 0;
	for (let t = 0; p < pattern.length && t < target.length; t++) {
		if (pattern[p].toLowerCase() === target[t].toLowerCase()) p++;
	}
	return pattern.length > 0 && target.length > 0 && p === pattern.length;
}

/** The displayName or alias the phrase matches, or undefined when the panel would not list the node. */
function matchedBy(phrase) {
	const keys = [description.displayName, ...(description.codex?.alias ?? [])];
	return keys.find((key) => inOrder(phrase, key));
}

test('n8n loads the codex with its aliases (the panel reads description.codex.alias)', () => {
	expect(description.codex.alias).toEqual(
		expect.arrayContaining(['Kore', 'Delete SMS Campaign', 'Contact List']),
	);
});

test.each([
	'Kore',
	'delete sms campaign',
	'delete sms',
	'sms campaign',
	'stop voice campaign',
	'voice campaign',
	'contact list',
	'get many sms campaigns',
	'start voice campaign',
])('searching "%s" lists the node', (phrase) => {
	expect(matchedBy(phrase)).toBeDefined();
});

test('every action and resource of the node is findable by its own name', () => {
	const names = [];
	for (const property of description.properties) {
		if (property.name === 'resource') names.push(...property.options.map((o) => o.name));
		if (property.name === 'operation') names.push(...property.options.map((o) => o.action));
	}
	expect(names.length).toBeGreaterThan(10);
	// A new operation or resource whose name no alias covers fails here: add an alias to the codex.
	expect(names.filter((name) => !matchedBy(name))).toEqual([]);
});

test('unrelated searches do not list the node (the matcher is not trivially true)', () => {
	for (const phrase of ['send email', 'google sheets', 'delete sms campaigns now', 'webhook']) {
		expect(matchedBy(phrase)).toBeUndefined();
	}
});

test('the one entry n8n lists for both nodes describes what people search for: the actions first, then the trigger', () => {
	const entries = panelEntries(nodeTypes);
	// Both nodes are one entry, whatever their order in package.json.
	expect(entries.map((entry) => entry.name)).toEqual([KORE_NODE_TYPE]);
	expect(panelEntries([...nodeTypes].reverse())).toEqual(entries);
	const [shown] = entries;
	// Searching "delete sms campaign" lands here: the text says so, and still says what the trigger does.
	expect(shown.description).toMatch(
		/^Delete, create, start and stop Kore\.ai Contact Center SMS and voice campaigns/,
	);
	expect(shown.description).toMatch(/contact lists/);
	expect(shown.description).toMatch(/start a workflow when a campaign changes$/);
});
