// Contact List operations (Get Many, Get, Create, Update, Delete, Get Contacts) through n8n's
// engine against the sandbox. Add Contacts has its own file (addContacts.test.js).
const {
	NODE,
	useSandbox,
	runOperation,
	byId,
	fromList,
	expectNoSecrets,
	onlySeedList,
} = require('./helpers');

const sandbox = useSandbox({ rateLimit: false });
// These tests list contact lists: they start from the one seeded list, not those of the seeded campaigns.
beforeEach(() => onlySeedList(sandbox));

const SEED = 'cl-4f6a2b1c-8d3e-5a7b-9c0d-1e2f3a4bxxxxx';
const op = (operation, extra = {}) => ({ resource: 'contactList', operation, ...extra });
const v2Urls = () => {
	const prefix = `/campaign/api/v2/public/${sandbox.credentials.appId}`;
	return sandbox.requests.map(
		(r) => `${r.method} ${r.url.startsWith(prefix) ? r.url.slice(prefix.length) : r.url}`,
	);
};
const account = () => sandbox.credentials.accountId;
const continueOnError = { settings: { onError: 'continueErrorOutput' } };

describe('Get Many Contact Lists', () => {
	test('one item per list, Limit respected, Return All gives every list; type=call sent', async () => {
		sandbox.store.contactLists.addList('B list', { n: 1 });
		sandbox.store.contactLists.addList('C list');
		const limited = await runOperation(sandbox, op('getMany', { limit: 2 }));
		expect(limited.json(NODE).map((list) => list.name)).toEqual([
			'Renewal Due - July 2025',
			'B list',
		]);
		expect(v2Urls()[0]).toBe(
			`POST /campaign/contactList/getAllListDetails?accountId=${account()}&type=call`,
		);
		const all = await runOperation(sandbox, op('getMany', { returnAll: true }));
		const lists = all.json(NODE);
		expect(lists.map((list) => list.name)).toEqual(['Renewal Due - July 2025', 'B list', 'C list']);
		expect(lists[0]).toMatchObject({ _id: SEED, totalRecordCount: 2, listType: 'call' });
		expect(all.items(NODE).every((item) => item.pairedItem.item === 0)).toBe(true);
		expectNoSecrets(all, sandbox);
	});

	test('a Limit that is not a whole number is refused before any request', async () => {
		const result = await runOperation(
			sandbox,
			op('getMany', { limit: '={{ 0 }}' }),
			continueOnError,
		);
		expect(result.json(NODE, 1)[0].error).toMatch(
			/^Limit of item 0 must be a whole number of at least 1/,
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Get Contact List', () => {
	test('the list itself (data), by ID per item or from the list, paired in order', async () => {
		const other = sandbox.store.contactLists.addList('Other');
		const result = await runOperation(
			sandbox,
			op('get', { contactListId: byId('={{ $json.id }}') }),
			{
				input: [{ id: other }, { id: SEED }],
			},
		);
		expect(
			result.items(NODE).map((item) => [item.json._id, item.json.name, item.pairedItem]),
		).toEqual([
			[other, 'Other', { item: 0 }],
			[SEED, 'Renewal Due - July 2025', { item: 1 }],
		]);
		expect(v2Urls()).toEqual([
			`GET /campaign/contactList/${other}?accountId=${account()}`,
			`GET /campaign/contactList/${SEED}?accountId=${account()}`,
		]);
		const picked = await runOperation(sandbox, op('get', { contactListId: fromList(SEED) }));
		expect(picked.json(NODE)[0].totalRecordCount).toBe(2);
		expectNoSecrets(result, sandbox);
	});

	test('a missing list is an error naming the list and the app (404 and 400 styles); the next item runs', async () => {
		for (const style of ['404', '400-errors']) {
			sandbox.setNotFoundStyle(style);
			const result = await runOperation(
				sandbox,
				op('get', { contactListId: byId('={{ $json.id }}') }),
				{
					input: [{ id: 'cl-00000000-0000-0000-0000-000000000000' }, { id: SEED }],
					...continueOnError,
				},
			);
			const [ok, failed] = result.outputs(NODE);
			expect(ok.map((item) => item.json._id)).toEqual([SEED]);
			expect(failed[0].json.error).toMatch(
				new RegExp(
					`^Contact list cl-00000000-0000-0000-0000-000000000000 was not found in app ${sandbox.credentials.appId} \\(HTTP ${style === '404' ? 404 : 400}`,
				),
			);
			expect(failed[0].pairedItem).toEqual({ item: 0 });
		}
		sandbox.setNotFoundStyle('404');
	});

	test('an ID that could change the path is refused before any request', async () => {
		const result = await runOperation(
			sandbox,
			op('get', { contactListId: byId('={{ "cl-1/../x" }}') }),
			continueOnError,
		);
		expect(result.json(NODE, 1)[0].error).toMatch(
			/^Contact List ID of item 0 "cl-1\/\.\.\/x" contains/,
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Create Contact List', () => {
	test('sends name, description, source passiveApi and allowDuplicates; the new list (with _id) is the output', async () => {
		const result = await runOperation(
			sandbox,
			op('create', {
				name: '={{ $json.segment }}',
				description: 'From the CRM',
				allowDuplicates: true,
			}),
			{ input: [{ segment: '  Spring leads ' }, { segment: 'Autumn leads' }] },
		);
		const items = result.json(NODE);
		expect(items.map((list) => list.name)).toEqual(['Spring leads', 'Autumn leads']);
		expect(items[0]._id).toMatch(/^cl-/);
		expect(sandbox.requests[0].body).toEqual({
			name: 'Spring leads',
			source: 'passiveApi',
			allowDuplicates: true,
			description: 'From the CRM',
		});
		expect(v2Urls()[0]).toBe(`POST /campaign/contactList/createContactList?accountId=${account()}`);
		expect(sandbox.store.contactLists.get(items[1]._id)).toMatchObject({
			name: 'Autumn leads',
			allowDuplicates: true,
		});
		expectNoSecrets(result, sandbox);
	});

	test("names over Kore.ai's 48 characters, descriptions over 256 and empty names are refused before sending", async () => {
		const result = await runOperation(
			sandbox,
			op('create', { name: '={{ $json.name }}', description: '={{ $json.description }}' }),
			{
				input: [
					{ name: 'x'.repeat(49), description: 'd' },
					{ name: 'ok', description: 'y'.repeat(257) },
					{ name: '  ', description: 'd' },
					{ name: 'z'.repeat(48), description: 'd' },
					{ name: 'no description', description: ' ' },
				],
				...continueOnError,
			},
		);
		const [ok, failed] = result.outputs(NODE);
		expect(ok.map((item) => [item.json.name.length, item.pairedItem])).toEqual([[48, { item: 3 }]]);
		expect(failed.map((item) => item.json.error)).toEqual([
			expect.stringMatching(/^Name of item 0 is 49 characters long; Kore.ai allows at most 48/),
			expect.stringMatching(
				/^Description of item 1 is 257 characters long; Kore.ai allows at most 256/,
			),
			expect.stringMatching(/^Name of item 2 is empty/),
			// "string, required" on the create page: an empty description is refused, not left out.
			expect.stringMatching(/^Description of item 4 is empty/),
		]);
		expect(sandbox.requests).toHaveLength(1);
	});

	test("a name already used is Kore.ai's refusal, with the advice to choose another", async () => {
		const result = await runOperation(
			sandbox,
			op('create', { name: 'Renewal Due - July 2025', description: 'Again' }),
			continueOnError,
		);
		expect(result.json(NODE, 1)[0].error).toMatch(
			/already exists.*That name is already used in Kore.ai: choose another name\./,
		);
	});
});

describe('Update Contact List', () => {
	test('sends only the fields given; the output names the list, what changed and the message', async () => {
		const result = await runOperation(
			sandbox,
			op('update', { contactListId: byId(SEED), updateFields: { name: 'Renewal Due - Aug' } }),
		);
		// The update page documents `name` and `description` only (no allowDuplicates).
		expect(sandbox.requests[0].body).toEqual({ name: 'Renewal Due - Aug' });
		expect(v2Urls()[0]).toBe(`PUT /campaign/contactList/${SEED}?accountId=${account()}`);
		expect(result.json(NODE)[0]).toMatchObject({
			_id: SEED,
			name: 'Renewal Due - Aug',
			listType: 'call',
			message: 'Contact list Renewal Due - Aug updated successfully',
		});
		expect(sandbox.store.contactLists.get(SEED).description).toBe(
			'Customers whose services expire in July 2025.',
		);
		expectNoSecrets(result, sandbox);
	});

	test('no field, a name over 48 characters, and a missing list are errors naming the item', async () => {
		const result = await runOperation(
			sandbox,
			op('update', {
				contactListId: byId('={{ $json.id }}'),
				updateFields: { name: '={{ $json.name }}' },
			}),
			{
				input: [
					{ id: SEED, name: 'n'.repeat(49) },
					{ id: 'cl-missing', name: 'Fine' },
				],
				...continueOnError,
			},
		);
		expect(result.json(NODE, 1).map((item) => item.error)).toEqual([
			expect.stringMatching(/^Name of item 0 is 49 characters long/),
			expect.stringMatching(/^Contact list cl-missing was not found in app/),
		]);
		const empty = await runOperation(
			sandbox,
			op('update', { contactListId: byId(SEED) }),
			continueOnError,
		);
		expect(empty.json(NODE, 1)[0].error).toMatch(
			/^Nothing to update for item 0: add Name or Description/,
		);
	});
});

describe('Delete Contact List', () => {
	test('deletes permanently and says so; deleting again is an error naming the list', async () => {
		const result = await runOperation(sandbox, op('delete', { contactListId: byId(SEED) }));
		expect(result.json(NODE)[0]).toMatchObject({
			deleted: true,
			_id: SEED,
			name: 'Renewal Due - July 2025',
			message: 'Contact list Renewal Due - July 2025 deleted successfully',
		});
		expect(v2Urls()).toEqual([`DELETE /campaign/contactList/${SEED}?accountId=${account()}`]);
		expect(sandbox.store.contactLists.has(SEED)).toBe(false);
		const again = await runOperation(sandbox, op('delete', { contactListId: byId(SEED) }));
		expect(again.status).toBe('error');
		expect(again.error.message).toMatch(new RegExp(`^Contact list ${SEED} was not found`));
		expectNoSecrets(again, sandbox);
	});
});

describe('Get Contacts of a Contact List', () => {
	test('Kore.ai ignoring skip/limit (an unknown of the page): Return All fails with how many of how many were read, never part of the list', async () => {
		sandbox.setReadings({ contactsPaging: 'ignored' });
		const id = sandbox.store.contactLists.addList('Big', { n: 230 });
		const result = await runOperation(
			sandbox,
			op('getContacts', { contactListId: byId(id), returnAll: true }),
			continueOnError,
		);
		expect(result.json(NODE)).toEqual([]);
		expect(result.json(NODE, 1)[0].error).toBe(
			`Only 50 of 230 of the contacts of contact list ${id} could be read: Kore.ai said more follow, but the next page brought none not already read (it may not honour the paging parameters). Nothing is returned rather than part of the list; turn off Return All and set Limit to at most 50 to get those, or try again.`,
		);
		// With a Limit within what came, the first page serves.
		const limited = await runOperation(
			sandbox,
			op('getContacts', { contactListId: byId(id), limit: 20 }),
		);
		expect(limited.json(NODE)).toHaveLength(20);
	});

	test('pages with skip/limit until hasMore is false (Return All), or stops at Limit', async () => {
		const id = sandbox.store.contactLists.addList('Big', { n: 230 });
		const all = await runOperation(
			sandbox,
			op('getContacts', { contactListId: byId(id), returnAll: true }),
		);
		const contacts = all.json(NODE);
		expect(contacts).toHaveLength(230);
		expect(contacts[0].phoneNumber).toBe('+15550100000');
		expect(contacts[229].phoneNumber).toBe('+15550100229');
		expect(new Set(contacts.map((c) => c._id)).size).toBe(230);
		const path = `GET /campaign/contactList/${id}/getAllContacts?accountId=${account()}`;
		expect(v2Urls()).toEqual([
			`${path}&skip=0&limit=100`,
			`${path}&skip=100&limit=100`,
			`${path}&skip=200&limit=100`,
		]);

		sandbox.requests.length = 0;
		const limited = await runOperation(
			sandbox,
			op('getContacts', { contactListId: byId(id), limit: 5 }),
		);
		expect(limited.json(NODE).map((c) => c.phoneNumber)).toEqual([
			'+15550100000',
			'+15550100001',
			'+15550100002',
			'+15550100003',
			'+15550100004',
		]);
		expect(v2Urls()).toEqual([`${path}&skip=0&limit=5`]);
		expectNoSecrets(all, sandbox);
	});

	test('a missing list is an error naming it', async () => {
		const result = await runOperation(
			sandbox,
			op('getContacts', { contactListId: byId('cl-gone'), returnAll: true }),
			continueOnError,
		);
		expect(result.json(NODE, 1)[0].error).toMatch(/^Contact list cl-gone was not found in app/);
	});
});

describe('What the editor and AI agents read', () => {
	const { NodeHelpers } = require('n8n-workflow');
	const { loadPackage, KORE_NODE_TYPE } = require('../harness');

	test('Contact List: seven operations with action names; Delete says it is permanent; each shows its own fields', async () => {
		const description = (await loadPackage()).nodeTypes[KORE_NODE_TYPE].description;
		expect(
			description.properties.find((p) => p.name === 'resource').options.map((o) => o.value),
		).toContain('contactList');
		const operations = description.properties.find(
			(p) => p.name === 'operation' && p.displayOptions.show.resource[0] === 'contactList',
		);
		expect(operations.default).toBe('getMany');
		expect(operations.options.map((o) => [o.value, o.action])).toEqual([
			['addContacts', 'Add Contacts to a Contact List'],
			['create', 'Create Contact List'],
			['delete', 'Delete Contact List'],
			['get', 'Get Contact List'],
			['getContacts', 'Get Contacts of a Contact List'],
			['getMany', 'Get Many Contact Lists'],
			['update', 'Update Contact List'],
		]);
		expect(operations.options.find((o) => o.value === 'delete').description).toMatch(
			/^Permanently delete .*cannot be undone/,
		);
		const fieldsOf = (parameters) =>
			description.properties
				.filter((p) =>
					NodeHelpers.displayParameter(parameters, p, { typeVersion: 1 }, description, parameters),
				)
				.map((p) => p.name)
				.filter((name) => !['resource', 'operation'].includes(name));
		const shown = (operation, extra = {}) =>
			fieldsOf({
				resource: 'contactList',
				operation,
				returnAll: false,
				columnsMode: 'none',
				...extra,
			});
		expect(shown('getMany')).toEqual(['returnAll', 'limit', 'options']);
		expect(shown('get')).toEqual(['contactListId', 'options']);
		expect(shown('create')).toEqual(['name', 'description', 'allowDuplicates', 'options']);
		expect(shown('update')).toEqual(['contactListId', 'updateFields', 'options']);
		expect(shown('delete')).toEqual(['deleteContactListNotice', 'contactListId', 'options']);
		expect(shown('getContacts')).toEqual(['contactListId', 'returnAll', 'limit', 'options']);
		expect(shown('addContacts')).toEqual([
			'contactList',
			'phoneNumber',
			'columnsMode',
			'output',
			'options',
		]);
		expect(shown('addContacts', { columnsMode: 'selected' })).toEqual([
			'contactList',
			'phoneNumber',
			'columnsMode',
			'columns',
			'output',
			'options',
		]);
	});
});
