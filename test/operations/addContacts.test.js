// Contact List > Add Contacts through n8n's engine against the sandbox: the input items become
// the list's contacts, checked, batched, and reported per item or per request.
const { NODE, useSandbox, runOperation, byId, expectNoSecrets } = require('./helpers');

const sandbox = useSandbox({ rateLimit: false });

const SEED = 'cl-4f6a2b1c-8d3e-5a7b-9c0d-1e2f3a4bxxxxx';
const SEED_NAME = 'Renewal Due - July 2025';
const byName = (value) => ({ __rl: true, mode: 'name', value });
const add = (extra = {}) => ({
	resource: 'contactList',
	operation: 'addContacts',
	contactList: byName(SEED_NAME),
	phoneNumber: '={{ $json.phone }}',
	...extra,
	options: { contactsPerRequest: 2, ...(extra.options ?? {}) },
});
const phones = (n, from = 200) =>
	Array.from({ length: n }, (_, i) => ({ phone: `+1415555${String(from + i).padStart(4, '0')}` }));
const addRequests = () => sandbox.requests.filter((r) => r.path.endsWith('/addContacts'));
const listPhones = () => sandbox.store.contactLists.contactsOf(SEED).map((c) => c.phoneNumber);
const continueOnError = { settings: { onError: 'continueErrorOutput' } };

describe('Add Contacts: batching and output', () => {
	test('5 items, 2 per request: 3 requests (ceil 5/2) under /api/1.1/public, in order; one output item per input item, paired', async () => {
		const input = phones(5);
		const result = await runOperation(sandbox, add(), { input });
		expect(result.status).toBe('success');
		const sent = addRequests();
		expect(sent).toHaveLength(3);
		// The Add Contacts page shows no query at all (the account travels in the accountId header).
		expect(sent[0].url).toBe(
			`/api/1.1/public/${sandbox.credentials.appId}/campaign/contactList/addContacts`,
		);
		expect(sent.map((r) => r.body.data.map((c) => c.phoneNumber))).toEqual([
			[input[0].phone, input[1].phone],
			[input[2].phone, input[3].phone],
			[input[4].phone],
		]);
		expect(sent.every((r) => r.body.contact_list_name === SEED_NAME)).toBe(true);
		const items = result.items(NODE);
		expect(
			items.map((item) => [
				item.json.phoneNumber,
				item.json.request,
				item.json.contactsInRequest,
				item.pairedItem,
			]),
		).toEqual(
			input.map((row, i) => [row.phone, Math.floor(i / 2) + 1, i < 4 ? 2 : 1, { item: i }]),
		);
		expect(items[0].json).toMatchObject({
			queued: true,
			contactListName: SEED_NAME,
			message: 'Adding contacts to public list is in progress',
		});
		expect(listPhones()).toEqual([
			'+14155550101',
			'+14155550102',
			...input.map((row) => row.phone),
		]);
		expectNoSecrets(result, sandbox);
	});

	test.each([
		[1, 1],
		[7, 3],
		[10, 1],
	])('%i items with Contacts per Request %i: ceil(N / batch) requests', async (n, batch) => {
		const result = await runOperation(sandbox, add({ options: { contactsPerRequest: batch } }), {
			input: phones(n),
		});
		expect(addRequests()).toHaveLength(Math.ceil(n / batch));
		expect(result.items(NODE)).toHaveLength(n);
	});

	test('One Item per Request: one item per request, paired with all its input items, listing its phone numbers', async () => {
		const input = phones(5);
		const result = await runOperation(sandbox, add({ output: 'perRequest' }), { input });
		const items = result.items(NODE);
		expect(items.map((item) => item.pairedItem)).toEqual([
			[{ item: 0 }, { item: 1 }],
			[{ item: 2 }, { item: 3 }],
			{ item: 4 },
		]);
		expect(
			items.map((item) => [item.json.request, item.json.contactsSent, item.json.items]),
		).toEqual([
			[1, 2, [0, 1]],
			[2, 2, [2, 3]],
			[3, 1, [4]],
		]);
		expect(items[1].json).toMatchObject({
			queued: true,
			contactListName: SEED_NAME,
			phoneNumbers: [input[2].phone, input[3].phone],
			refused: [],
		});
		expectNoSecrets(result, sandbox);
	});

	test('requests also stay under 90 kB: contacts with big columns go in smaller batches; Kore.ai refusing one request fails only its items', async () => {
		const big = 'x'.repeat(40_000);
		const huge = 'y'.repeat(1_100_000); // over the sandbox's 1 MB body limit: answered 413
		const input = [
			{ phone: '+14155550300', note: big },
			{ phone: '+14155550301', note: big },
			{ phone: '+14155550302', note: big },
			{ phone: '+14155550303', note: huge },
			{ phone: '+14155550304', note: 'small' },
		];
		const result = await runOperation(
			sandbox,
			add({ columnsMode: 'all', options: { contactsPerRequest: 500 } }),
			{ input, ...continueOnError },
		);
		// [0,1] (80 kB), [2] (+40 kB would pass 90 kB), [3] alone (too big), [4]
		expect(addRequests().map((r) => r.body?.data?.length ?? 'refused')).toEqual([
			2,
			1,
			'refused',
			1,
		]);
		const [ok, failed] = result.outputs(NODE);
		expect(ok.map((item) => item.pairedItem.item)).toEqual([0, 1, 2, 4]);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 3 });
		expect(failed[0].json.error).toMatch(
			/^Request 3 of 4 to contact list "Renewal Due - July 2025" \(item 3\) was not accepted: .*HTTP 413.*Requests 1 to 2 to this list were sent/,
		);
	});

	test('without On Error: Continue, a refused request stops the run and says which requests were already sent', async () => {
		const input = [
			{ phone: '+14155550300' },
			{ phone: '+14155550301' },
			{ phone: '+14155550302', note: 'y'.repeat(1_100_000) },
		];
		const result = await runOperation(sandbox, add({ columnsMode: 'all' }), { input });
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(
			/^Request 2 of 2 .*\(item 2\) was not accepted: .*Request 1 to this list was sent and is being imported\./,
		);
		expect(listPhones()).toContain('+14155550301');
	});
});

describe('Add Contacts: phone numbers', () => {
	test('formatting is removed by default: "+1 (415) 555-0199" is sent as +14155550199', async () => {
		const result = await runOperation(sandbox, add(), {
			input: [{ phone: ' +1 (415) 555-0199 ' }, { phone: '+44 20.7946.0958' }],
		});
		expect(result.json(NODE).map((item) => item.phoneNumber)).toEqual([
			'+14155550199',
			'+442079460958',
		]);
		expect(addRequests()[0].body.data).toEqual([
			{ phoneNumber: '+14155550199' },
			{ phoneNumber: '+442079460958' },
		]);
	});

	test('with Remove Phone Formatting off, a formatted number is refused with the hint', async () => {
		const result = await runOperation(sandbox, add({ options: { removePhoneFormatting: false } }), {
			input: [{ phone: '+1 415 555 0199' }],
			...continueOnError,
		});
		expect(result.json(NODE, 1)[0].error).toMatch(
			/^Phone Number of item 0 "\+1 415 555 0199" contains a space.*turn on Remove Phone Formatting/,
		);
		expect(addRequests()).toHaveLength(0);
	});

	test('bad numbers stop the run before anything is sent, naming the first bad item', async () => {
		const result = await runOperation(sandbox, add(), {
			input: [{ phone: '+14155550200' }, { phone: '4155550201' }, { phone: 'call me' }],
		});
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(
			/^Phone Number of item 1 "4155550201" does not start with "\+": write it with "\+" and the country code, like \+14155550100\./,
		);
		expect(sandbox.requests).toHaveLength(0);
		expect(listPhones()).toHaveLength(2);
	});

	test('with On Error: Continue each bad number is an error item paired with its item, the others are sent, in order', async () => {
		const input = [
			{ phone: '+14155550200' },
			{ phone: '004915123456789' },
			{ phone: '+1415' },
			{ phone: '+14155550203' },
			{},
			{ phone: '+0123456789' },
			{ phone: '+1415555020x' },
			{ phone: 14155550207 },
			{ phone: '+14155550208' },
		];
		const result = await runOperation(sandbox, add(), { input, ...continueOnError });
		const [ok, failed] = result.outputs(NODE);
		expect(ok.map((item) => [item.pairedItem.item, item.json.phoneNumber])).toEqual([
			[0, '+14155550200'],
			[3, '+14155550203'],
			[8, '+14155550208'],
		]);
		expect(failed.map((item) => [item.pairedItem.item, item.json.error])).toEqual([
			[
				1,
				expect.stringMatching(
					/^Phone Number of item 1 "004915123456789" does not start with "\+": replace the leading 00 with "\+"/,
				),
			],
			[
				2,
				expect.stringMatching(
					/^Phone Number of item 2 "\+1415" has 4 digits; an E.164 number has 8 to 15/,
				),
			],
			[
				4,
				expect.stringMatching(
					/^Phone Number of item 4 is empty\. Map the field that holds the phone number/,
				),
			],
			[5, expect.stringMatching(/^Phone Number of item 5 "\+0123456789" has 0 right after "\+"/)],
			[6, expect.stringMatching(/^Phone Number of item 6 "\+1415555020x" contains "x"/)],
			[
				7,
				expect.stringMatching(
					/^Phone Number of item 7 "14155550207" does not start with "\+".*the value is a number/,
				),
			],
		]);
		// 3 good numbers, 2 per request.
		expect(addRequests().map((r) => r.body.data.length)).toEqual([2, 1]);
		expectNoSecrets(result, sandbox);
	});

	test('One Item per Request lists the refused numbers and why, and each refused item is still an error item', async () => {
		const input = [
			{ phone: '+14155550200' },
			{ phone: 'bad' },
			{ phone: '+14155550202' },
			{ phone: '+14155550203' },
			{ phone: '12' },
		];
		const result = await runOperation(sandbox, add({ output: 'perRequest' }), {
			input,
			...continueOnError,
		});
		const [ok, failed] = result.outputs(NODE);
		expect(
			ok.map((item) => [item.json.items, item.json.refused.map((r) => [r.item, r.phoneNumber])]),
		).toEqual([
			[[0, 2], [[1, 'bad']]],
			[[3], [[4, '12']]],
		]);
		expect(ok[0].json.refused[0].reason).toMatch(
			/^Phone Number of item 1 "bad" does not start with "\+"/,
		);
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 4 }]);
	});
});

describe('Add Contacts: Default Country turns national numbers into E.164', () => {
	test('a US CRM export (no "+", no country code) with United States: sent and output in E.164, in order', async () => {
		const input = [
			{ phone: '4155550102' },
			{ phone: '(415) 555-0103' },
			{ phone: '1 415 555 0104' },
			{ phone: 4155550105 },
			{ phone: '+447700900123' },
		];
		const result = await runOperation(
			sandbox,
			add({ options: { defaultCountry: 'US', contactsPerRequest: 10 } }),
			{ input },
		);
		expect(result.status).toBe('success');
		const sent = ['+14155550102', '+14155550103', '+14155550104', '+14155550105', '+447700900123'];
		expect(addRequests().map((r) => r.body.data.map((c) => c.phoneNumber))).toEqual([sent]);
		expect(result.json(NODE).map((item) => item.phoneNumber)).toEqual(sent);
		expect(listPhones().slice(-5)).toEqual(sent);
	});

	test.each([
		['GB', ['07700 900123', '7700900123'], '+447700900123'],
		['FR', ['06 12 34 56 78'], '+33612345678'],
		['IN', ['098765 43210', '9876543210'], '+919876543210'],
		['IT', ['06 1234 5678'], '+390612345678'], // Italy's leading 0 is part of the number
		['DE', ['030 1234567'], '+49301234567'],
	])('%s: %j are sent as %s', async (defaultCountry, phonesIn, e164) => {
		const result = await runOperation(sandbox, add({ options: { defaultCountry } }), {
			input: phonesIn.map((phone) => ({ phone })),
		});
		expect(result.json(NODE).map((item) => item.phoneNumber)).toEqual(phonesIn.map(() => e164));
	});

	test('numbers that cannot be national numbers of that country are refused, saying what the country expects; nothing is guessed', async () => {
		const input = [
			{ phone: '415555010' },
			{ phone: '1234567890' },
			{ phone: '0044 7700 900123' },
			{ phone: '415555010x' },
		];
		const us = await runOperation(sandbox, add({ options: { defaultCountry: 'US' } }), {
			input,
			...continueOnError,
		});
		expect(us.outputs(NODE)[1].map((item) => item.json.error)).toEqual([
			'Phone Number of item 0 "415555010" has 9 digits; a national number of United States and Canada (Default Country) has 10 digits (after the trunk prefix 1, which may be left out). If it already holds a country code, write "+" before it, like +14155550100.',
			'Phone Number of item 1 "1234567890" has 10 digits; a national number of United States and Canada (Default Country) has 10 digits, the first one 2 to 9. If it already holds a country code, write "+" before it, like +14155550100.',
			expect.stringMatching(
				/^Phone Number of item 2 "0044 7700 900123" does not start with "\+": replace the leading 00 with "\+"/,
			),
			'Phone Number of item 3 "415555010x" contains "x"; a phone number has only digits, and "+" before a country code.',
		]);
		const gb = await runOperation(sandbox, add({ options: { defaultCountry: 'GB' } }), {
			input: [{ phone: '447700900123' }],
			...continueOnError,
		});
		expect(gb.json(NODE, 1)[0].error).toMatch(
			/^Phone Number of item 0 "447700900123" has 12 digits; a national number of United Kingdom \(Default Country\) has 9 or 10 digits .*write "\+" before it/,
		);
		expect(addRequests()).toHaveLength(0);
	});

	test('a Default Country set by an expression to an unlisted code fails the item, naming the option', async () => {
		const result = await runOperation(
			sandbox,
			add({ options: { defaultCountry: '={{ "XX" }}' } }),
			{ input: [{ phone: '4155550102' }], ...continueOnError },
		);
		expect(result.json(NODE, 1)[0].error).toMatch(
			/^Default Country \(in Options\) of item 0 is "XX", which is not one of its countries\./,
		);
		expect(addRequests()).toHaveLength(0);
	});
});

describe('Add Contacts: the router runs it once for all items', () => {
	test('a setting wrong for the whole run fails every item (each its own error item under On Error: Continue), nothing sent', async () => {
		const result = await runOperation(
			sandbox,
			add({ options: { contactsPerRequest: '={{ 5000 }}' } }),
			{ input: phones(3), ...continueOnError },
		);
		const [ok, failed] = result.outputs(NODE);
		expect(ok).toHaveLength(0);
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(failed[0].json.error).toBe(
			'Contacts per Request must be a whole number from 1 to 1000, not 5000.',
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('one request for 150 items, answered once: the engine gets 150 items paired 0..149', async () => {
		const result = await runOperation(sandbox, add({ options: { contactsPerRequest: 500 } }), {
			input: phones(150, 1000),
		});
		expect(addRequests()).toHaveLength(1);
		expect(result.items(NODE).map((item) => item.pairedItem.item)).toEqual(
			Array.from({ length: 150 }, (_, i) => i),
		);
	});
});

describe('Add Contacts: lists and columns', () => {
	test('a list picked by ID is looked up once for its name; contacts go to it by name', async () => {
		const result = await runOperation(sandbox, add({ contactList: byId(SEED) }), {
			input: phones(3),
		});
		expect(
			sandbox.requests.map((r) => `${r.method} ${r.path.split('/').slice(-2).join('/')}`),
		).toEqual([
			`GET contactList/${SEED}`,
			'POST contactList/addContacts',
			'POST contactList/addContacts',
		]);
		expect(result.json(NODE)[0]).toMatchObject({ contactListName: SEED_NAME, contactListId: SEED });
	});

	test('items mapped to different lists are grouped per list, each in its own requests', async () => {
		sandbox.store.contactLists.addList('Second');
		const input = [
			{ phone: '+14155550200', list: SEED_NAME },
			{ phone: '+14155550201', list: 'Second' },
			{ phone: '+14155550202', list: SEED_NAME },
		];
		const result = await runOperation(sandbox, add({ contactList: byName('={{ $json.list }}') }), {
			input,
		});
		expect(
			addRequests().map((r) => [r.body.contact_list_name, r.body.data.map((c) => c.phoneNumber)]),
		).toEqual([
			[SEED_NAME, ['+14155550200', '+14155550202']],
			['Second', ['+14155550201']],
		]);
		expect(
			result.items(NODE).map((item) => [item.pairedItem.item, item.json.contactListName]),
		).toEqual([
			[0, SEED_NAME],
			[1, 'Second'],
			[2, SEED_NAME],
		]);
		expect(sandbox.store.contactsOfLists(sandbox.credentials.appId, ['Second'])).toEqual([
			{ phoneNumber: '+14155550201' },
		]);
	});

	test('a missing list (by name or by ID) fails its items with a sentence naming it', async () => {
		const byNameResult = await runOperation(sandbox, add({ contactList: byName('No such list') }), {
			input: phones(3),
			...continueOnError,
		});
		const failed = byNameResult.json(NODE, 1);
		expect(failed).toHaveLength(3);
		expect(failed[0].error).toMatch(
			/Contact list "No such list" was not found in app st-.*create it first with Contact List > Create/,
		);
		const byIdResult = await runOperation(sandbox, add({ contactList: byId('cl-gone') }), {
			input: phones(1),
		});
		expect(byIdResult.error.message).toMatch(/^Contact list cl-gone was not found in app/);
	});

	test("a list name over Kore.ai's 48 characters is refused before sending", async () => {
		const result = await runOperation(sandbox, add({ contactList: byName('L'.repeat(49)) }), {
			input: phones(1),
		});
		expect(result.error.message).toMatch(
			/^Contact List name of item 0 is 49 characters long; Kore.ai list names have at most 48/,
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('Selected Columns are mapped per item; All Input Fields sends flat fields except the phone field', async () => {
		const input = [{ phone: '+14155550200', first: 'Ada', last: 'L', tags: ['vip'], age: 36 }];
		await runOperation(
			sandbox,
			add({
				columnsMode: 'selected',
				columns: {
					column: [
						{ name: 'firstName', value: '={{ $json.first }}' },
						{ name: 'lastName', value: '={{ $json.last }}' },
					],
				},
			}),
			{ input },
		);
		await runOperation(sandbox, add({ columnsMode: 'all' }), { input });
		expect(addRequests().map((r) => r.body.data[0])).toEqual([
			{ firstName: 'Ada', lastName: 'L', phoneNumber: '+14155550200' },
			{ first: 'Ada', last: 'L', age: 36, phoneNumber: '+14155550200' },
		]);
	});
});
