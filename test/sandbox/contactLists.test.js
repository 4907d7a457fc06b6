'use strict';

// The sandbox's contact-list endpoints (sandbox/contactLists.js) over real HTTP.
const { startSandbox } = require('../../sandbox');
const { base, request } = require('./helpers');

const SEED = 'cl-4f6a2b1c-8d3e-5a7b-9c0d-1e2f3a4bxxxxx';

describe('sandbox contact lists', () => {
	let sb;
	const v2 = (path, query = '') =>
		`${base(sb.credentials)}/campaign/contactList${path}?accountId=${sb.credentials.accountId}${query}`;
	const addPath = () => `/api/1.1/public/${sb.credentials.appId}/campaign/contactList/addContacts`;
	const create = (body) => request(sb, { method: 'POST', path: v2('/createContactList'), body });
	const add = (body) => request(sb, { method: 'POST', path: addPath(), body });

	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: false });
	});
	beforeEach(() => sb.reset());
	afterAll(() => sb.close());

	test('Get All answers every list of the app as a plain array (the documented shape)', async () => {
		const res = await request(sb, { method: 'POST', path: v2('/getAllListDetails', '&type=call') });
		expect(res.status).toBe(200);
		expect(res.json.status).toBe('success');
		const lists = res.json.data.map((list) => [list._id, list.name, list.totalRecordCount]);
		expect(lists[0]).toEqual([SEED, 'Renewal Due - July 2025', 2]);
		// Then the (empty) lists the seeded campaigns name: Kore.ai's pages say they must exist.
		expect(lists.slice(1).map(([, name, count]) => [name, count])).toContainEqual([
			'Renewals Q1 2026',
			0,
		]);
		const other = await request(sb, {
			method: 'POST',
			path: v2('/getAllListDetails', '&type=sms'),
		});
		expect(other.status).toBe(400);
		// The other app sees none of them.
		const secondary = await request(sb, {
			method: 'POST',
			creds: sb.secondaryCredentials,
			path: `${base(sb.secondaryCredentials)}/campaign/contactList/getAllListDetails?accountId=${sb.secondaryCredentials.accountId}`,
		});
		// The other app sees only its own (those of its one seeded campaign).
		expect(secondary.json.data.map((list) => list.name).sort()).toEqual([
			'Customers Opted In 2025',
			'testdnc',
		]);
	});

	test('Create: a Ready, empty list; names unique (any case); Kore.ai limits enforced', async () => {
		const res = await create({
			name: 'Spring leads',
			description: 'From the CRM',
			source: 'passiveApi',
			allowDuplicates: true,
		});
		expect(res.status).toBe(200);
		expect(res.json.message).toBe('Contact list Spring leads created successfully');
		expect(res.json.data).toMatchObject({
			name: 'Spring leads',
			totalRecordCount: 0,
			status: 'Ready',
			listType: 'call',
			source: 'passiveApi',
			allowDuplicates: true,
		});
		expect(res.json.data._id).toMatch(/^cl-/);
		expect(sb.store.contactLists.get(res.json.data._id).name).toBe('Spring leads');

		const taken = await create({
			name: 'SPRING LEADS',
			description: 'Again',
			source: 'passiveApi',
			allowDuplicates: false,
		});
		expect(taken.status).toBe(400);
		expect(taken.json.errors[0].msg).toMatch(/already exists/);
		const long = await create({
			name: 'x'.repeat(49),
			description: 'd',
			source: 'passiveApi',
			allowDuplicates: false,
		});
		expect(long).toMatchObject({
			status: 400,
			json: {
				errors: [{ msg: 'body.name is 49 characters long; the page allows at most 48', code: 400 }],
			},
		});
		expect(
			(
				await create({
					name: 'x'.repeat(48),
					description: 'd',
					source: 'passiveApi',
					allowDuplicates: false,
				})
			).status,
		).toBe(200);
		const longDescription = await create({
			name: 'd',
			description: 'y'.repeat(257),
			source: 'passiveApi',
			allowDuplicates: false,
		});
		expect(longDescription.json.errors[0].msg).toBe(
			'body.description is 257 characters long; the page allows at most 256',
		);
		expect(
			(await create({ name: 'no source', description: 'd', allowDuplicates: false })).status,
		).toBe(400);
		// "string, required" on the create page.
		const noDescription = await create({ name: 'no description', source: 'passiveApi' });
		expect(noDescription.json.errors[0].msg).toBe(
			'body.description is missing; the page marks it required',
		);
	});

	test('Get, Update (documented answer), Delete; a missing list is 404 (or 400 in the 400-errors style)', async () => {
		const got = await request(sb, { path: v2(`/${SEED}`) });
		expect(got.json.data).toMatchObject({ _id: SEED, name: 'Renewal Due - July 2025' });

		const updated = await request(sb, {
			method: 'PUT',
			path: v2(`/${SEED}`),
			body: { name: 'Renewal Due - Aug' },
		});
		expect(updated.json).toMatchObject({
			status: 'success',
			message: 'Contact list Renewal Due - Aug updated successfully',
			data: {
				contactListId: SEED,
				body: { name: 'Renewal Due - Aug', iId: sb.credentials.appId, listType: 'call' },
			},
		});
		expect(sb.store.contactLists.get(SEED)).toMatchObject({
			name: 'Renewal Due - Aug',
			description: 'Customers whose services expire in July 2025.',
		});
		// The update page documents name and description only.
		const duplicates = await request(sb, {
			method: 'PUT',
			path: v2(`/${SEED}`),
			body: { allowDuplicates: true },
		});
		expect(duplicates.violations).toEqual([
			'body.allowDuplicates is not on the page (and the contract lists no reading for it)',
		]);
		const tooLong = await request(sb, {
			method: 'PUT',
			path: v2(`/${SEED}`),
			body: { name: 'n'.repeat(49) },
		});
		expect(tooLong.status).toBe(400);

		const deleted = await request(sb, { method: 'DELETE', path: v2(`/${SEED}`) });
		expect(deleted.json.message).toBe('Contact list Renewal Due - Aug deleted successfully');
		expect(sb.store.contactLists.has(SEED)).toBe(false);
		const again = await request(sb, { path: v2(`/${SEED}`) });
		expect(again).toMatchObject({
			status: 404,
			json: { status: 'failure', message: `Contact list ${SEED} not found` },
		});
		sb.setNotFoundStyle('400-errors');
		const styled = await request(sb, { method: 'DELETE', path: v2(`/${SEED}`) });
		expect(styled).toMatchObject({
			status: 400,
			json: { errors: [{ msg: `Contact list ${SEED} not found`, code: 400 }] },
		});
		sb.setNotFoundStyle('404');
	});

	test('Add Contacts (v1 prefix) fills the list by name; Get Contacts pages with skip/limit/hasMore', async () => {
		const res = await add({
			contact_list_name: 'Renewal Due - July 2025',
			data: [{ phoneNumber: '+14155550103', firstName: 'Grace' }, { phoneNumber: '+14155550101' }],
		});
		expect(res).toMatchObject({
			status: 200,
			json: { message: 'Adding contacts to public list is in progress' },
		});
		// Without allowDuplicates the second (already present) number is skipped.
		expect(sb.store.contactLists.contactsOf(SEED).map((c) => c.phoneNumber)).toEqual([
			'+14155550101',
			'+14155550102',
			'+14155550103',
		]);
		expect(sb.store.contactLists.get(SEED).totalRecordCount).toBe(3);

		const page1 = await request(sb, { path: v2(`/${SEED}/getAllContacts`, '&skip=0&limit=2') });
		expect(page1.json.data).toMatchObject({
			skip: 0,
			limit: 2,
			hasMore: true,
			totalPages: 2,
			totalResults: 3,
		});
		expect(page1.json.data.results.map((c) => c.phoneNumber)).toEqual([
			'+14155550101',
			'+14155550102',
		]);
		expect(page1.json.data.results[0]._id).toMatch(/^cc-/);
		const page2 = await request(sb, { path: v2(`/${SEED}/getAllContacts`, '&skip=2&limit=2') });
		expect(page2.json.data).toMatchObject({
			hasMore: false,
			results: [{ phoneNumber: '+14155550103', firstName: 'Grace' }],
		});
		const missing = await request(sb, { path: v2('/cl-nope/getAllContacts') });
		expect(missing.status).toBe(404);
	});

	test('Add Contacts refuses a missing list, an empty data array and a contact without phoneNumber; only this path lives under /api/1.1', async () => {
		expect(
			(await add({ contact_list_name: 'Nope', data: [{ phoneNumber: '+14155550100' }] })).status,
		).toBe(404);
		expect((await add({ contact_list_name: 'Renewal Due - July 2025', data: [] })).status).toBe(
			400,
		);
		const noPhone = await add({
			contact_list_name: 'Renewal Due - July 2025',
			data: [{ firstName: 'x' }],
		});
		expect(noPhone.json.errors[0].msg).toBe(
			'body.data[0].phoneNumber is missing; the page marks it required',
		);
		expect(sb.store.contactLists.get(SEED).totalRecordCount).toBe(2);
		const campaignUnderV1 = await request(sb, {
			path: `/api/1.1/public/${sb.credentials.appId}/campaign/${sb.seedCampaignId}`,
		});
		expect(campaignUnderV1.status).toBe(404);
		// The v1 path is authenticated like the others.
		expect(
			(await request(sb, { method: 'POST', path: addPath(), body: {}, token: 'x.y.z' })).status,
		).toBe(401);
	});

	test('contactsOfLists(streamId, names): contacts of the named lists, in order, without bookkeeping; reset restores the seed', async () => {
		const id = sb.store.contactLists.addList('Second', { n: 2 });
		expect(
			sb.store.contactsOfLists(sb.credentials.appId, [
				'Second',
				'renewal due - july 2025',
				'Unknown',
			]),
		).toEqual([
			{ phoneNumber: '+15550100000' },
			{ phoneNumber: '+15550100001' },
			{ phoneNumber: '+14155550101', firstName: 'Ada', lastName: 'Lovelace' },
			{ phoneNumber: '+14155550102', firstName: 'Alan', lastName: 'Turing' },
		]);
		expect(sb.store.contactsOfLists(sb.secondaryCredentials.appId, ['Second'])).toEqual([]);
		sb.reset();
		expect(sb.store.contactLists.has(id)).toBe(false);
		expect(sb.store.contactLists.all(sb.credentials.appId).map((record) => record.id)).toContain(
			SEED,
		);
		expect(sb.store.contactLists.findByName(sb.credentials.appId, 'Second')).toBeUndefined();
	});
});
