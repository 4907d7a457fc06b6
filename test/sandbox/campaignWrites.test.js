'use strict';

// The sandbox's create, update, per-contact results and schedule endpoints, over HTTP.
const { startSandbox } = require('../../sandbox');
const { base, request } = require('./helpers');

const SMS_READY = 'cd-4a8f2c6e-1b3d-5f7a-9c2e-4b6d8f0a2c4e';
const SMS_ACTIVE = 'cd-78d3f0a9-8f42-5d8c-af8d-d6a63ea1c7d4';
const VOICE_ACTIVE = 'cd-c1b940c7-7012-4e7d-98d9-47071774e6a1';
const VOICE_READY = 'cd-a1e45a7e-e8ba-4e97-a339-476ebc7f3d20';

const days = ['MO', 'TU'].map((day) => ({ day, start: '9:00 AM', end: '6:00 PM' }));
const smsBody = (extra = {}) => ({
	name: 'Sandbox SMS',
	description: 'A test campaign',
	contactLists: ['Renewals Q1 2026'],
	campaignType: 'sms',
	priority: '5',
	format: 'simple',
	message: { message: Buffer.from('Hello <First Name>').toString('base64') },
	dialingStrategy: {
		callerId: { phoneNumber: '+14155550100' },
		callingHours: { frequency: 'WEEKLY', timezone: 'UTC', days },
	},
	schedule: { isSchedulingEnabled: false },
	...extra,
});
const voiceBody = (extra = {}) => ({
	name: 'Sandbox Voice',
	description: 'A test campaign',
	contactLists: ['Renewals Q1 2026'],
	dncLists: { name: 'DNC CL Dec 4' },
	priority: '5',
	dialingMode: 'Agentless',
	dialingStrategy: {
		callerId: { phoneNumber: '+148465500000' },
		callingHours: { frequency: 'WEEKLY', timezone: 'Asia/Kolkata', days },
		dialingOrder: 'FIFO',
		maxAttemptsPerRecord: 3,
		defaultRetryPeriod: 10,
		maxRingTime: 30,
	},
	schedule: { isSchedulingEnabled: false },
	experienceFlowName: 'Voice Survey Entry Flow',
	enableMachineDetect: 'no',
	campaignType: 'voice',
	...extra,
});

describe('sandbox campaign writes', () => {
	let sb;
	let clock;
	beforeAll(async () => {
		clock = Date.parse('2026-02-03T04:05:06.789Z');
		sb = await startSandbox({ rateLimit: false, now: () => clock, preparingMs: 1000 });
	});
	beforeEach(() => {
		sb.reset();
		sb.setCampaignOptions({ preparingMs: 1000, resultsSeed: 1, generatedContacts: 25 });
	});
	afterAll(() => sb.close());

	const q = () => `accountId=${sb.credentials.accountId}`;
	const create = (type, body) =>
		request(sb, {
			method: 'POST',
			path: `${base(sb.credentials)}/campaign?${q()}&campaignType=${type}`,
			body,
		});
	const update = (id, type, body) =>
		request(sb, {
			method: 'PUT',
			path: `${base(sb.credentials)}/campaign/${id}?${q()}&campaignType=${type}`,
			body,
		});
	const get = (id) =>
		request(sb, { method: 'GET', path: `${base(sb.credentials)}/campaign/${id}?${q()}` });
	const contacts = (id, body) =>
		request(sb, {
			method: 'POST',
			path: `${base(sb.credentials)}/campaign/${id}/status?view=contacts`,
			body,
		});
	const schedule = (enable, name, body) =>
		request(sb, {
			method: 'POST',
			path: `${base(sb.credentials)}/campaign/schedule?enableSchedule=${enable}&campaignName=${encodeURIComponent(name)}`,
			body,
		});

	describe('POST /campaign (create)', () => {
		test('voice: the documented answer shape (`id`, Preparing, "creation in progress"), then Ready after preparingMs', async () => {
			const res = await create('voice', voiceBody());
			expect(res.status).toBe(200);
			expect(res.json.status).toBe('success');
			expect(res.json.message).toBe('Campaign Sandbox Voice creation in progress');
			const { data } = res.json;
			expect(data).toMatchObject({
				name: 'Sandbox Voice',
				lname: 'sandbox voice',
				priority: '5',
				dialingMode: 'Agentless',
				status: 'Preparing',
				contactLists: ['Renewals Q1 2026'],
				enableMachineDetect: false,
				createdAt: '2026-02-03T04:05:06.789Z',
			});
			expect(data.id).toMatch(/^cd-/);
			expect(data).not.toHaveProperty('_id');
			expect(data.dncLists).toEqual({ id: expect.stringMatching(/^cl-/), name: 'DNC CL Dec 4' });
			expect(data.experienceFlow).toMatch(/^cf-/);
			expect(data.dialingStrategy.useSystemMappings).toBe(false);

			expect((await get(data.id)).json.data).toMatchObject({ _id: data.id, status: 'Preparing' });
			const early = await request(sb, {
				method: 'POST',
				path: `${base(sb.credentials)}/campaign/trigger/${data.id}?${q()}&campaignType=voice&trigger=play`,
				body: {},
			});
			expect(early.status).toBe(400);
			expect(early.json.message).toMatch(/still being prepared/);
			clock += 999;
			expect((await get(data.id)).json.data.status).toBe('Preparing');
			clock += 1;
			expect((await get(data.id)).json.data.status).toBe('Ready');
		});

		test('sms: stored with `_id`, message kept, format simple; a template gets a templateId', async () => {
			const text = Buffer.from('Your payment is due.').toString('base64');
			const res = await create(
				'sms',
				smsBody({ message: { template_name: 'Payment Reminder Template', message: text } }),
			);
			expect(res.status).toBe(200);
			const stored = sb.store.get(res.json.data.id);
			expect(stored).toMatchObject({
				_id: res.json.data.id,
				format: 'simple',
				status: 'Preparing',
				schedule: { isSchedulingEnabled: false, isRecurrenceEnabled: false },
			});
			expect(stored.message).toEqual({
				template_name: 'Payment Reminder Template',
				message: text,
				templateId: expect.stringMatching(/^cmt-/),
			});
			expect(sb.store.typeOf(res.json.data.id)).toBe('sms');
		});

		test.each([
			// Refused by the contract (Kore.ai's create pages), before the sandbox's own checks.
			['no name', { name: '' }, /^body\.name is empty$/],
			[
				'a name of 49 characters',
				{ name: 'n'.repeat(49) },
				/^body\.name is 49 characters long; the page allows at most 48$/,
			],
			[
				'a description of 257 characters',
				{ description: 'd'.repeat(257) },
				/^body\.description is 257 characters long; the page allows at most 256$/,
			],
			[
				'no contact lists',
				{ contactLists: [] },
				/^body\.contactLists has 0 entries; the page requires at least 1$/,
			],
			[
				'priority 6',
				{ priority: '6' },
				/^body\.priority is "6"; the page allows "1", "2", "3", "4", "5"$/,
			],
			[
				'no message',
				{ message: {} },
				/^body\.message\.message is missing; the page marks it required$/,
			],
			[
				'a bad calling time',
				{
					dialingStrategy: {
						callerId: { phoneNumber: '+14155550100' },
						callingHours: {
							frequency: 'WEEKLY',
							timezone: 'UTC',
							days: [{ day: 'MO', start: '09:00', end: '6:00 PM' }],
						},
					},
				},
				/^body\.dialingStrategy\.callingHours\.days\[0\]\.start is "09:00"; the page's form is "9:00 AM"$/,
			],
			[
				'a contact list that does not exist',
				{ contactLists: ['No Such List'] },
				/^Contact list No Such List not found$/,
			],
			// The sandbox's own check, after the contract: the text is base64 on every page.
			[
				'a message that is not base64',
				{ message: { message: 'Hello there!' } },
				/message\.message must be the SMS text in base64/,
			],
		])('sms refused with 400: %s', async (_label, extra, expected) => {
			const before = sb.store.size;
			const res = await create('sms', smsBody(extra));
			expect(res.status).toBe(400);
			expect(res.json.errors[0].msg).toMatch(expected);
			expect(sb.store.size).toBe(before);
		});

		test.each([
			[
				'no DNC list (required in v2)',
				{ dncLists: undefined },
				/^body\.dncLists is missing; the page marks it required$/,
			],
			[
				'machine detection as a boolean',
				{ enableMachineDetect: true },
				/^body\.enableMachineDetect is a boolean; the page says string$/,
			],
			[
				'ring time 200',
				{ dialingStrategy: { ...voiceBody().dialingStrategy, maxRingTime: 200 } },
				/^body\.dialingStrategy\.maxRingTime is 200; the page's maximum is 120$/,
			],
			[
				'no experience flow',
				{ experienceFlowName: undefined },
				/^body\.experienceFlowName is missing; the page marks it required \(Agentless mode\)$/,
			],
			[
				'a Progressive campaign without its queue',
				{
					dialingMode: 'Progressive',
					experienceFlowName: undefined,
					enableMachineDetect: undefined,
				},
				/^body\.queue_name is missing; the page marks it required \(Progressive and Preview modes\)$/,
			],
		])('voice refused with 400: %s', async (_label, extra, expected) => {
			const res = await create('voice', voiceBody(extra));
			expect(res.status).toBe(400);
			expect(res.json.errors[0].msg).toMatch(expected);
		});

		test('a name already taken in the app (any case) is refused', async () => {
			expect((await create('sms', smsBody())).status).toBe(200);
			const again = await create('sms', smsBody({ name: 'SANDBOX sms' }));
			expect(again.status).toBe(400);
			expect(again.json).toEqual({
				status: 'failure',
				message: 'Campaign with name SANDBOX sms already exists',
			});
		});

		test('campaignType is required in the query', async () => {
			const res = await request(sb, {
				method: 'POST',
				path: `${base(sb.credentials)}/campaign?${q()}`,
				body: smsBody(),
			});
			expect(res.status).toBe(400);
		});
	});

	describe('PUT /campaign/{id} (update)', () => {
		/** The complete documented update body of a campaign as the sandbox holds it, with `changes`. */
		const complete = (id, changes = {}) => {
			const doc = sb.store.get(id);
			const voice = sb.store.typeOf(id) === 'voice';
			const { useSystemMappings, ...strategy } = doc.dialingStrategy;
			const body = {
				name: doc.name,
				description: doc.description,
				contactLists: doc.contactLists,
				priority: String(doc.priority),
				dialingStrategy: strategy,
				schedule: doc.schedule,
				campaignType: voice ? 'voice' : 'sms',
			};
			if (voice)
				Object.assign(body, {
					dncLists: { name: doc.dncLists.name },
					dialingMode: doc.dialingMode,
					experienceFlowName: 'Voice Survey Entry Flow',
				});
			else
				Object.assign(body, {
					format: doc.format,
					message: doc.message,
					...(doc.dncLists ? { dncLists: { name: doc.dncLists.name } } : {}),
				});
			if (doc.dialingMode === 'Progressive') body.queue_name = 'Default Queue';
			return { ...body, ...changes };
		};

		test('a complete body: the fields sent are stored, and the answer says "details updated successfully"', async () => {
			const before = sb.store.get(VOICE_READY);
			const res = await update(
				VOICE_READY,
				'voice',
				complete(VOICE_READY, {
					priority: '2',
					dialingStrategy: { ...complete(VOICE_READY).dialingStrategy, maxRingTime: 45 },
				}),
			);
			expect(res.status).toBe(200);
			expect(res.json.message).toBe(`Campaign ${before.name} details updated successfully`);
			const after = sb.store.get(VOICE_READY);
			expect(after.priority).toBe('2');
			expect(after.dialingStrategy.maxRingTime).toBe(45);
			expect(after.name).toBe(before.name);
			expect(after.updatedAt).toBe(new Date(clock).toISOString());
		});

		test('a partial body is refused: the update pages mark its fields required', async () => {
			const res = await update(VOICE_READY, 'voice', { priority: '2', campaignType: 'voice' });
			expect(res.status).toBe(400);
			expect(res.violations).toContain('body.name is missing; the page marks it required');
		});

		test.each([
			['replaces every object it receives (the harsh reading, the default)', 'replace', false],
			['merges what it receives', 'merge', true],
		])('an update of unknown behaviour %s', async (_label, reading, kept) => {
			// Only readable in "record" mode: the contract refuses a body without the caller ID.
			const loose = await startSandbox({
				rateLimit: false,
				contract: 'record',
				readings: { updateMerges: reading },
			});
			try {
				const body = complete(SMS_READY, {
					dialingStrategy: { callingHours: sb.store.get(SMS_READY).dialingStrategy.callingHours },
				});
				const res = await request(loose, {
					method: 'PUT',
					path: `${base(loose.credentials)}/campaign/${SMS_READY}?accountId=${loose.credentials.accountId}&campaignType=sms`,
					body,
				});
				expect(res.status).toBe(200);
				expect(res.violations).toEqual([
					'body.dialingStrategy.callerId is missing; the page marks it required',
				]);
				const callerId = sb.store.get(SMS_READY).dialingStrategy.callerId;
				expect(loose.store.get(SMS_READY).dialingStrategy.callerId).toEqual(
					kept ? callerId : undefined,
				);
			} finally {
				await loose.close();
			}
		});

		test("voice campaigns accept campaignType=sms too (the Update Voice page's endpoint and sample); SMS ones are not voice", async () => {
			expect(
				(await update(VOICE_READY, 'sms', complete(VOICE_READY, { description: 'x' }))).status,
			).toBe(200);
			expect(
				(
					await update(
						SMS_READY,
						'voice',
						complete(SMS_READY, { description: 'x', campaignType: 'sms' }),
					)
				).status,
			).toBe(404);
		});

		test('a message is stored as sent; an invalid value is refused; an unknown ID is not found', async () => {
			const text = Buffer.from('New').toString('base64');
			expect(
				(await update(SMS_READY, 'sms', complete(SMS_READY, { message: { message: text } })))
					.status,
			).toBe(200);
			expect(sb.store.get(SMS_READY).message).toEqual({ message: text });
			expect((await update(SMS_READY, 'sms', complete(SMS_READY, { priority: '0' }))).status).toBe(
				400,
			);
			expect(
				(
					await update(
						'cd-ffffffff-0000-0000-0000-000000000000',
						'sms',
						complete(SMS_READY, { priority: '1' }),
					)
				).status,
			).toBe(404);
		});
	});

	describe('POST /campaign/{id}/status?view=contacts (results)', () => {
		test('a started campaign: the documented fields, paged with page/limit/totalPages/totalResults', async () => {
			const res = await contacts(VOICE_ACTIVE, { page: 2, limit: 10 });
			expect(res.status).toBe(200);
			expect(res.json.status).toBe('success');
			const { data } = res.json;
			expect(data).toMatchObject({ page: 2, limit: 10, totalPages: 3, totalResults: 25 });
			expect(data.results).toHaveLength(10);
			for (const r of data.results) {
				expect(Object.keys(r)).toEqual([
					'phoneNumber',
					'uniqueId',
					'dialerOutcome',
					'numberOfAttemptsSoFar',
					'botSessionId',
					'agentDispositionCodes',
					'botOutboundStatus',
					'botOutboundStatusDetail',
				]);
				expect(r.numberOfAttemptsSoFar).toBeGreaterThanOrEqual(1);
				expect(r.numberOfAttemptsSoFar).toBeLessThanOrEqual(
					sb.store.get(VOICE_ACTIVE).dialingStrategy.maxAttemptsPerRecord,
				);
				expect(r.agentDispositionCodes).toEqual(
					r.dialerOutcome === 'completed' ? ['System Generated'] : [],
				);
			}
			const last = await contacts(VOICE_ACTIVE, { page: 3, limit: 10 });
			expect(last.json.data.results).toHaveLength(5);
		});

		test('deterministic per seed: the same seed gives the same outcomes, another seed other ones', async () => {
			const a = (await contacts(SMS_ACTIVE, { page: 1, limit: 25 })).json.data.results;
			const b = (await contacts(SMS_ACTIVE, { page: 1, limit: 25 })).json.data.results;
			expect(b).toEqual(a);
			expect(
				a.every((r) => ['delivered', 'sent', 'undelivered', 'failed'].includes(r.dialerOutcome)),
			).toBe(true);
			sb.setCampaignOptions({ resultsSeed: 2 });
			const c = (await contacts(SMS_ACTIVE, { page: 1, limit: 25 })).json.data.results;
			expect(c.map((r) => r.phoneNumber)).toEqual(a.map((r) => r.phoneNumber));
			expect(c.map((r) => r.dialerOutcome)).not.toEqual(a.map((r) => r.dialerOutcome));
		});

		test('a campaign never started has none; after a start it has', async () => {
			expect((await contacts(SMS_READY, { page: 1, limit: 10 })).json.data).toEqual({
				results: [],
				page: 1,
				limit: 10,
				totalPages: 0,
				totalResults: 0,
			});
			await request(sb, {
				method: 'POST',
				path: `${base(sb.credentials)}/campaign/${SMS_READY}?campaignType=sms&trigger=play`,
				body: {},
			});
			expect((await contacts(SMS_READY, { page: 1, limit: 10 })).json.data.totalResults).toBe(25);
		});

		test("contacts come from the campaign's contact lists when the sandbox holds them", async () => {
			// The voice campaign's list, made the way Contact List > Create and Add Contacts make it.
			const list = sb.store.contactLists.findByName(sb.credentials.appId, 'Renewals Q1 2026');
			sb.store.contactLists.addContactsTo(
				list,
				[{ phoneNumber: '+15550100000' }, { phoneNumber: '+15550100001' }],
				new Date(clock).toISOString(),
			);
			const { data } = (await contacts(VOICE_ACTIVE, { page: 1, limit: 10 })).json;
			expect(data.results.map((r) => r.phoneNumber)).toEqual(['+15550100000', '+15550100001']);
			expect(data.totalResults).toBe(2);
		});

		test.each([
			[{ page: 0, limit: 10 }, /^body\.page is 0; the page's minimum is 1$/],
			[{ page: 1, limit: 101 }, /^body\.limit is 101; the page's maximum is 100$/],
			[{ page: 1.5 }, /^body\.page is a number \(1\.5\); the page says an integer$/],
		])('bad paging %j -> 400', async (body, expected) => {
			const res = await contacts(VOICE_ACTIVE, body);
			expect(res.status).toBe(400);
			expect(res.json.errors[0].msg).toMatch(expected);
		});

		test('view=status is unchanged', async () => {
			const res = await request(sb, {
				method: 'POST',
				path: `${base(sb.credentials)}/campaign/${VOICE_ACTIVE}/status?${q()}&view=status`,
				body: {},
			});
			expect(res.json.data).toEqual({
				id: VOICE_ACTIVE,
				status: 'Active',
				name: sb.store.get(VOICE_ACTIVE).name,
			});
		});
	});

	describe('POST /campaign/schedule', () => {
		const daily = {
			startDateTime: '2026-03-01 09:00:00',
			endDateTime: '2026-04-01 18:00:00',
			recurrenceObject: { recurType: 'Daily', dailyDetails: { onceEveryNdays: 1 } },
		};

		test('enable (daily) by name sets both flags; disable clears them; the answer has the ID', async () => {
			const name = sb.store.get(SMS_READY).name;
			const on = await schedule('true', name, daily);
			expect(on.status).toBe(200);
			expect(on.json).toEqual({
				status: 'success',
				message: `Campaign ${name} has been scheduled successfully`,
				id: SMS_READY,
			});
			expect(sb.store.get(SMS_READY).schedule).toEqual({
				isSchedulingEnabled: true,
				isRecurrenceEnabled: true,
			});
			expect(sb.store.records.get(SMS_READY).scheduleDetails).toEqual(daily);
			const off = await schedule('false', name, {});
			expect(off.json).toEqual({
				status: 'success',
				message: `Campaign ${name} schedule has been disabled successfully`,
				id: SMS_READY,
			});
			expect(sb.store.get(SMS_READY).schedule).toEqual({
				isSchedulingEnabled: false,
				isRecurrenceEnabled: false,
			});
			expect(sb.store.get(SMS_READY).status).toBe('Ready');
		});

		test('weekly, with the weekly page\'s one-digit day ("2026-03-1")', async () => {
			const name = sb.store.get(VOICE_READY).name;
			const res = await schedule('true', name, {
				startDateTime: '2026-03-1 18:29:00',
				endDateTime: '2026-03-27 18:29:00',
				recurrenceObject: {
					recurType: 'Weekly',
					weeklyDetails: {
						onceEveryNweeks: 1,
						whichDays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
					},
				},
			});
			expect(res.status).toBe(200);
		});

		test('generated campaigns (which share one frozen schedule object) can be scheduled', async () => {
			const [id] = sb.addCampaigns(2, 'sms');
			expect((await schedule('true', sb.store.get(id).name, daily)).status).toBe(200);
			expect(sb.store.get(id).schedule.isSchedulingEnabled).toBe(true);
		});

		test.each([
			[
				'an end before the start',
				{ ...daily, endDateTime: '2026-02-28 09:00:00' },
				/endDateTime must be greater than both current time and startDateTime/,
			],
			[
				'an end in the past',
				{ ...daily, startDateTime: '2026-01-01 00:00:00', endDateTime: '2026-02-01 00:00:00' },
				/greater than both current time/,
			],
			[
				'an ISO date',
				{ ...daily, startDateTime: '2026-03-01T09:00:00Z' },
				/^body\.startDateTime is "2026-03-01T09:00:00Z"; the page's form is "YYYY-MM-DD HH:mm:ss"$/,
			],
			[
				'no recurrence',
				{ ...daily, recurrenceObject: undefined },
				/^body\.recurrenceObject is missing; the page marks it required$/,
			],
			[
				'weekly without days',
				{
					...daily,
					recurrenceObject: {
						recurType: 'Weekly',
						weeklyDetails: { onceEveryNweeks: 1, whichDays: [] },
					},
				},
				/^body\.recurrenceObject\.weeklyDetails\.whichDays has 0 entries; the page requires at least 1$/,
			],
		])('refused with 400: %s', async (_label, body, expected) => {
			const res = await schedule('true', sb.store.get(SMS_READY).name, body);
			expect(res.status).toBe(400);
			expect(res.json.errors[0].msg).toMatch(expected);
			expect(sb.store.get(SMS_READY).schedule.isSchedulingEnabled).toBe(false);
		});

		test('an unknown name is not found; names match exactly; the query needs both parameters', async () => {
			expect((await schedule('true', 'No Such Campaign', daily)).json).toEqual({
				status: 'failure',
				message: 'Campaign with name No Such Campaign not found',
			});
			expect(
				(await schedule('true', sb.store.get(SMS_READY).name.toUpperCase(), daily)).status,
			).toBe(404);
			expect((await schedule('maybe', sb.store.get(SMS_READY).name, daily)).status).toBe(400);
			const noName = await request(sb, {
				method: 'POST',
				path: `${base(sb.credentials)}/campaign/schedule?enableSchedule=true`,
				body: daily,
			});
			expect(noName.status).toBe(400);
		});
	});
});
