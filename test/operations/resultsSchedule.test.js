// Get Results, Schedule and Unschedule of SMS/Voice campaigns through n8n's engine against the sandbox.
const {
	NODE,
	useSandbox,
	runOperation,
	byId,
	fromList,
	expectNoSecrets,
	sentUrls,
} = require('./helpers');

const sandbox = useSandbox({ rateLimit: false, generatedContacts: 25 });
beforeEach(() => {
	sandbox.setCampaignOptions({ generatedContacts: 25 });
});

const account = () => sandbox.credentials.accountId;
const continueOnError = { settings: { onError: 'continueErrorOutput' } };
const VOICE_ACTIVE = 'cd-c1b940c7-7012-4e7d-98d9-47071774e6a1';
const VOICE_READY = 'cd-a1e45a7e-e8ba-4e97-a339-476ebc7f3d20';
const SMS_ACTIVE = 'cd-78d3f0a9-8f42-5d8c-af8d-d6a63ea1c7d4';
const SMS_READY = 'cd-4a8f2c6e-1b3d-5f7a-9c2e-4b6d8f0a2c4e';
const resultRequests = () => sandbox.requests.filter((r) => r.route === 'status');
const results = (resource, id, extra = {}) => ({
	resource,
	operation: 'getResults',
	campaignId: byId(id),
	...extra,
});
const RESULT_KEYS = [
	'campaignId',
	'campaignType',
	'phoneNumber',
	'uniqueId',
	'dialerOutcome',
	'numberOfAttemptsSoFar',
	'botSessionId',
	'agentDispositionCodes',
	'botOutboundStatus',
	'botOutboundStatusDetail',
];

describe('Get Results', () => {
	test("voice: one item per contact, Kore.ai's fields plus the campaign, from POST /campaign/{id}/status?view=contacts", async () => {
		const result = await runOperation(
			sandbox,
			results('voiceCampaign', VOICE_ACTIVE, { limit: 5 }),
		);
		expect(result.status).toBe('success');
		const items = result.items(NODE);
		expect(items).toHaveLength(5);
		expect(items.every((item) => item.pairedItem.item === 0)).toBe(true);
		for (const { json } of items) {
			expect(Object.keys(json)).toEqual(RESULT_KEYS);
			expect(json).toMatchObject({ campaignId: VOICE_ACTIVE, campaignType: 'voice' });
			expect(typeof json.numberOfAttemptsSoFar).toBe('number');
			expect(Array.isArray(json.agentDispositionCodes)).toBe(true);
		}
		expect(sentUrls(sandbox)).toEqual([
			`POST /campaign/${VOICE_ACTIVE}/status?accountId=${account()}&view=contacts`,
		]);
		expect(resultRequests()[0].body).toEqual({ page: 1, limit: 5 });
		expectNoSecrets(result, sandbox);
	});

	test("the same campaign gives the same results twice (the sandbox's outcomes are seeded)", async () => {
		const first = (
			await runOperation(sandbox, results('voiceCampaign', VOICE_ACTIVE, { returnAll: true }))
		).json(NODE);
		const second = (
			await runOperation(sandbox, results('voiceCampaign', VOICE_ACTIVE, { returnAll: true }))
		).json(NODE);
		expect(first).toHaveLength(25);
		expect(second).toEqual(first);
		expect(new Set(first.map((r) => r.dialerOutcome)).size).toBeGreaterThan(1);
	});

	test('Return All pages through 230 contacts 100 at a time, each contact once', async () => {
		sandbox.setCampaignOptions({ generatedContacts: 230 });
		const result = await runOperation(
			sandbox,
			results('smsCampaign', SMS_ACTIVE, { returnAll: true }),
		);
		const phones = result.json(NODE).map((r) => r.phoneNumber);
		expect(phones).toHaveLength(230);
		expect(new Set(phones).size).toBe(230);
		expect(resultRequests().map((r) => r.body)).toEqual([
			{ page: 1, limit: 100 },
			{ page: 2, limit: 100 },
			{ page: 3, limit: 100 },
		]);
	});

	test('a Limit above one page stops at the limit, the page size staying fixed', async () => {
		sandbox.setCampaignOptions({ generatedContacts: 230 });
		const result = await runOperation(sandbox, results('smsCampaign', SMS_ACTIVE, { limit: 150 }));
		expect(result.json(NODE)).toHaveLength(150);
		expect(resultRequests().map((r) => r.body)).toEqual([
			{ page: 1, limit: 100 },
			{ page: 2, limit: 100 },
		]);
	});

	test('a campaign never started has no results: no items, one request', async () => {
		const result = await runOperation(
			sandbox,
			results('smsCampaign', SMS_READY, { returnAll: true }),
		);
		expect(result.status).toBe('success');
		expect(result.items(NODE)).toEqual([]);
		expect(resultRequests()).toHaveLength(1);
	});

	test('after Start, the campaign has results', async () => {
		await runOperation(sandbox, {
			resource: 'smsCampaign',
			operation: 'start',
			campaignId: byId(SMS_READY),
		});
		const result = await runOperation(sandbox, results('smsCampaign', SMS_READY, { limit: 3 }));
		expect(result.json(NODE)).toHaveLength(3);
	});

	test("Simplify off: Kore.ai's entries as they came", async () => {
		const result = await runOperation(
			sandbox,
			results('voiceCampaign', VOICE_ACTIVE, { limit: 2, simplify: false }),
		);
		for (const json of result.json(NODE)) expect(Object.keys(json)).toEqual(RESULT_KEYS.slice(2));
	});

	test("several campaigns: each input item's contacts paired with it, in input order; a bad Limit and an unknown campaign are error items", async () => {
		const rows = [
			{ id: VOICE_ACTIVE, limit: 2 },
			{ id: VOICE_ACTIVE, limit: 0 },
			{ id: 'cd-ffffffff-0000-0000-0000-000000000000', limit: 2 },
			{ id: 'cd-8615101a-71da-445c-ad7e-187e6950c3b8', limit: 3 },
		];
		const result = await runOperation(
			sandbox,
			results('voiceCampaign', '={{ $json.id }}', {
				limit: '={{ $json.limit }}',
				options: { concurrency: 4 },
			}),
			{
				input: rows,
				...continueOnError,
			},
		);
		const [ok, failed] = result.outputs(NODE);
		expect(ok.map((item) => [item.pairedItem.item, item.json.campaignId])).toEqual([
			[0, VOICE_ACTIVE],
			[0, VOICE_ACTIVE],
			[3, 'cd-8615101a-71da-445c-ad7e-187e6950c3b8'],
			[3, 'cd-8615101a-71da-445c-ad7e-187e6950c3b8'],
			[3, 'cd-8615101a-71da-445c-ad7e-187e6950c3b8'],
		]);
		expect(failed.map((item) => item.pairedItem.item)).toEqual([1, 2]);
		expect(failed[0].json.error).toMatch(
			/^Limit of item 1 must be a whole number of at least 1, not 0\./,
		);
		expect(failed[1].json.error).toMatch(
			/^Campaign cd-ffffffff-0000-0000-0000-000000000000 was not found/,
		);
	});

	test('a read although it is a POST: retried after a lost answer', async () => {
		sandbox.setFaults({ byCampaign: { [VOICE_ACTIVE]: ['lostResponse'] } });
		const result = await runOperation(
			sandbox,
			results('voiceCampaign', VOICE_ACTIVE, { limit: 2, options: { retryDelay: 0.01 } }),
		);
		expect(result.json(NODE)).toHaveLength(2);
		expect(resultRequests()).toHaveLength(2);
	});
});

describe('Schedule / Unschedule', () => {
	const schedule = (resource, campaignId, extra = {}) => ({
		resource,
		operation: 'schedule',
		campaignId,
		startDateTime: '2030-03-01T09:00:00',
		endDateTime: '2030-04-01T18:00:00',
		...extra,
	});
	const scheduleRequests = () => sandbox.requests.filter((r) => r.route === 'schedule');

	test('daily, campaign by ID: the node asks Get for the name, then schedules by name (times sent in UTC)', async () => {
		const result = await runOperation(
			sandbox,
			schedule('smsCampaign', byId(SMS_READY), { everyNDays: 2 }),
			{ timezone: 'Asia/Kolkata' },
		);
		expect(result.status).toBe('success');
		const name = sandbox.store.get(SMS_READY).name;
		expect(sentUrls(sandbox)).toEqual([
			`GET /campaign/${SMS_READY}?accountId=${account()}`,
			`POST /campaign/schedule?accountId=${account()}&enableSchedule=true&campaignName=${encodeURIComponent(name)}`,
		]);
		expect(scheduleRequests()[0].body).toEqual({
			// 09:00 and 18:00 in India are 03:30 and 12:30 UTC.
			startDateTime: '2030-03-01 03:30:00',
			endDateTime: '2030-04-01 12:30:00',
			recurrenceObject: { recurType: 'Daily', dailyDetails: { onceEveryNdays: 2 } },
		});
		expect(sandbox.store.get(SMS_READY).schedule).toEqual({
			isSchedulingEnabled: true,
			isRecurrenceEnabled: true,
		});
		expect(result.json(NODE)).toEqual([
			{
				campaignId: SMS_READY,
				campaignType: 'sms',
				campaignName: name,
				schedulingEnabled: true,
				recurrence: 'Daily',
				everyNDays: 2,
				startDateTime: '2030-03-01 03:30:00',
				endDateTime: '2030-04-01 12:30:00',
				timezone: 'UTC',
				message: `Campaign ${name} has been scheduled successfully`,
			},
		]);
		expectNoSecrets(result, sandbox);
	});

	test('weekly, campaign By Name: no Get, the chosen days Monday first', async () => {
		const name = sandbox.store.get(VOICE_READY).name;
		const result = await runOperation(
			sandbox,
			schedule(
				'voiceCampaign',
				{ __rl: true, mode: 'name', value: ` ${name} ` },
				{ recurrence: 'weekly', everyNWeeks: 2, weekDays: ['Fri', 'Mon'] },
			),
		);
		expect(result.status).toBe('success');
		expect(sandbox.requests.map((r) => r.route)).toEqual(['schedule']);
		expect(scheduleRequests()[0].body.recurrenceObject).toEqual({
			recurType: 'Weekly',
			weeklyDetails: { onceEveryNweeks: 2, whichDays: ['Mon', 'Fri'] },
		});
		expect(result.json(NODE)[0]).toMatchObject({
			campaignId: VOICE_READY,
			campaignName: name,
			recurrence: 'Weekly',
			everyNWeeks: 2,
			days: ['Mon', 'Fri'],
		});
		expect(sandbox.store.get(VOICE_READY).schedule.isSchedulingEnabled).toBe(true);
	});

	test("the picker's value (From List) is an ID like By ID", async () => {
		const result = await runOperation(sandbox, schedule('smsCampaign', fromList(SMS_READY)));
		expect(result.status).toBe('success');
		expect(sandbox.requests.map((r) => r.route)).toEqual(['campaign', 'schedule']);
	});

	test.each([
		[
			'an end before the start',
			{ startDateTime: '2030-05-01T09:00:00' },
			/^End of item 0 \(2030-04-01 18:00:00 UTC\) must be after Start \(2030-05-01 09:00:00 UTC\)\./,
		],
		[
			'an end in the past',
			{ startDateTime: '2020-01-01T00:00:00', endDateTime: '2020-02-01T00:00:00' },
			/^End of item 0 \(2020-02-01 00:00:00 UTC\) is in the past/,
		],
		[
			'a date that is not a date',
			{ startDateTime: '={{ "next tuesday" }}' },
			/^Start of item 0 is not a date and time: "next tuesday"\./,
		],
		[
			'no weekday',
			{ recurrence: 'weekly', weekDays: '={{ [] }}' },
			/^Days of item 0 is empty\. Choose at least one weekday\./,
		],
		[
			'a campaign name over 48 characters',
			{ campaignId: { __rl: true, mode: 'name', value: 'n'.repeat(50) } },
			/^Campaign name of item 0 is 50 characters long/,
		],
	])('refused before sending: %s', async (_label, extra, expected) => {
		const result = await runOperation(
			sandbox,
			schedule('smsCampaign', byId(SMS_READY), extra),
			continueOnError,
		);
		expect(result.json(NODE, 1)[0].error).toMatch(expected);
		expect(sandbox.requests.filter((r) => r.route === 'schedule')).toHaveLength(0);
	});

	test("Kore.ai's date format is accepted from an expression", async () => {
		const result = await runOperation(
			sandbox,
			schedule('smsCampaign', byId(SMS_READY), { startDateTime: '={{ "2030-03-01 09:00:00" }}' }),
		);
		expect(result.status).toBe('success');
		expect(scheduleRequests()[0].body.startDateTime).toBe('2030-03-01 09:00:00');
	});

	test('a name with characters that mean something in a URL (| & # ?) reaches Kore.ai whole', async () => {
		const name = 'Voice | Feedback & Survey #9?';
		const created = await runOperation(sandbox, {
			resource: 'voiceCampaign',
			operation: 'create',
			name,
			description: 'd',
			contactLists: ['Renewals Q1 2026'],
			dncList: 'DNC Master List',
			experienceFlowName: 'Voice Survey Entry Flow',
			callerId: '+18163355000',
		});
		const { campaignId } = created.json(NODE)[0];
		const result = await runOperation(
			sandbox,
			schedule('voiceCampaign', { __rl: true, mode: 'name', value: name }),
		);
		expect(result.json(NODE)[0]).toMatchObject({
			campaignId,
			campaignName: name,
			schedulingEnabled: true,
		});
		expect(sandbox.store.get(campaignId).schedule.isSchedulingEnabled).toBe(true);
	});

	test('an unknown name is an error item naming it once, then what to do', async () => {
		const result = await runOperation(
			sandbox,
			schedule('smsCampaign', { __rl: true, mode: 'name', value: 'No Such Campaign' }),
			continueOnError,
		);
		const { error } = result.json(NODE, 1)[0];
		expect(error).toMatch(
			/^SMS campaign "No Such Campaign" was not found in app st-\S+ \(HTTP 404 Not Found\)\. Kore\.ai finds schedules by the exact campaign name/,
		);
		// Kore.ai's own words ("Campaign with name ... not found") only repeat the name: left out.
		expect(error.split('No Such Campaign')).toHaveLength(2);
	});

	test('Unschedule turns the flags off, by ID or by name', async () => {
		await runOperation(sandbox, schedule('smsCampaign', byId(SMS_READY)));
		expect(sandbox.store.get(SMS_READY).schedule.isSchedulingEnabled).toBe(true);
		sandbox.requests.length = 0;
		const result = await runOperation(sandbox, {
			resource: 'smsCampaign',
			operation: 'unschedule',
			campaignId: byId(SMS_READY),
		});
		const name = sandbox.store.get(SMS_READY).name;
		expect(result.json(NODE)).toEqual([
			{
				campaignId: SMS_READY,
				campaignType: 'sms',
				campaignName: name,
				schedulingEnabled: false,
				message: `Campaign ${name} schedule has been disabled successfully`,
			},
		]);
		expect(
			sandbox.requests.map((r) => `${r.route} ${r.url.includes('enableSchedule=false')}`),
		).toEqual(['campaign false', 'schedule true']);
		// The Disable page sends `{}` with Content-Type: application/json.
		expect(sandbox.requests[1].body).toEqual({});
		expect(sandbox.store.get(SMS_READY).schedule).toEqual({
			isSchedulingEnabled: false,
			isRecurrenceEnabled: false,
		});
		expectNoSecrets(result, sandbox);
	});
});
