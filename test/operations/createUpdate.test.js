// Create and Update SMS/Voice Campaign through n8n's engine against the sandbox: the documented
// bodies, the checks before sending, the Preparing state and Wait Until Ready, order and pairing.
const { NODE, useSandbox, runOperation, byId, expectNoSecrets, sentUrls } = require('./helpers');

// Created campaigns stay Preparing for 300 ms: long enough to be seen, short enough to wait for.
const sandbox = useSandbox({ rateLimit: false, preparingMs: 300 });
beforeEach(() => {
	sandbox.setCampaignOptions({ preparingMs: 300 });
	// Kore.ai's pages: the contact lists a campaign names "must already exist".
	for (const name of ['VIP Customers', 'VIP', 'Renewals']) sandbox.store.contactLists.addList(name);
});

const account = () => sandbox.credentials.accountId;
const continueOnError = { settings: { onError: 'continueErrorOutput' } };
const createRequests = () => sandbox.requests.filter((r) => r.route === 'create');
const b64 = (text) => Buffer.from(text, 'utf8').toString('base64');

const smsCreate = (extra = {}) => ({
	resource: 'smsCampaign',
	operation: 'create',
	name: 'Spring Renewal Reminder',
	description: 'Reminds customers that their plan renews soon.',
	contactLists: ['Renewals Q1 2026'],
	messageSource: 'text',
	messageText: 'Hi <First Name>, your plan renews on <Due Date>. Grüße!',
	callerId: '+1 415 555 0100',
	priority: 4,
	...extra,
});

const voiceCreate = (extra = {}) => ({
	resource: 'voiceCampaign',
	operation: 'create',
	name: 'Renewal Survey Calls',
	description: 'Asks customers about their renewal.',
	contactLists: 'Renewals Q1 2026, VIP Customers',
	dncList: 'DNC Master List',
	experienceFlowName: 'Voice Survey Entry Flow',
	callerId: '+18163355000',
	priority: 5,
	enableMachineDetect: 'detect',
	...extra,
});

describe('Create SMS Campaign', () => {
	test('from message text: the documented body (text base64-encoded, priority as text), output says creation is in progress', async () => {
		const result = await runOperation(sandbox, smsCreate());
		expect(result.status).toBe('success');
		const [item] = result.json(NODE);
		expect(item).toMatchObject({
			campaignType: 'sms',
			name: 'Spring Renewal Reminder',
			status: 'Preparing',
			creationInProgress: true,
			priority: 4,
			callerId: '+14155550100',
			contactLists: ['Renewals Q1 2026'],
			smsText: 'Hi <First Name>, your plan renews on <Due Date>. Grüße!',
			message: 'Campaign Spring Renewal Reminder creation in progress',
		});
		expect(item.campaignId).toMatch(/^cd-/);
		expect(sandbox.store.get(item.campaignId).status).toBe('Preparing');

		expect(sentUrls(sandbox)).toEqual([`POST /campaign?accountId=${account()}&campaignType=sms`]);
		expect(createRequests()[0].body).toEqual({
			name: 'Spring Renewal Reminder',
			description: 'Reminds customers that their plan renews soon.',
			contactLists: ['Renewals Q1 2026'],
			priority: '4',
			format: 'simple',
			message: { message: b64('Hi <First Name>, your plan renews on <Due Date>. Grüße!') },
			dialingStrategy: {
				callerId: { phoneNumber: '+14155550100' },
				callingHours: {
					frequency: 'WEEKLY',
					timezone: 'UTC',
					days: ['MO', 'TU', 'WE', 'TH', 'FR'].map((day) => ({
						day,
						start: '9:00 AM',
						end: '6:00 PM',
					})),
				},
			},
			schedule: { isSchedulingEnabled: false },
			campaignType: 'sms',
		});
		expectNoSecrets(result, sandbox);
	});

	test('from a template: template_name (and templateId) sent, calling hours from the fields (24 h times, time zone)', async () => {
		const result = await runOperation(
			sandbox,
			smsCreate({
				messageSource: 'template',
				templateName: 'Payment Reminder Template',
				messageText: 'Your payment is due.',
				callingDays: ['SA', 'SU'],
				callingStart: '08:30',
				callingEnd: '17:00',
				callingTimezone: 'Asia/Kolkata',
				additionalFields: { templateId: 'cmt-1234', dncList: 'testdnc' },
			}),
		);
		expect(result.status).toBe('success');
		const body = createRequests()[0].body;
		// Every create page requires the base64 text, a template's too.
		expect(body.message).toEqual({
			template_name: 'Payment Reminder Template',
			templateId: 'cmt-1234',
			message: b64('Your payment is due.'),
		});
		expect(body.dncLists).toEqual({ name: 'testdnc' });
		expect(body.dialingStrategy.callingHours).toEqual({
			frequency: 'WEEKLY',
			timezone: 'Asia/Kolkata',
			days: [
				{ day: 'SA', start: '8:30 AM', end: '5:00 PM' },
				{ day: 'SU', start: '8:30 AM', end: '5:00 PM' },
			],
		});
		expect(result.json(NODE)[0]).toMatchObject({
			templateName: 'Payment Reminder Template',
			templateId: 'cmt-1234',
		});
	});

	test("the calling time zone defaults to the workflow's", async () => {
		await runOperation(sandbox, smsCreate(), { timezone: 'Europe/Berlin' });
		expect(createRequests()[0].body.dialingStrategy.callingHours.timezone).toBe('Europe/Berlin');
	});

	test("Simplify off returns Kore.ai's raw answer: `id`, status Preparing, the creation message", async () => {
		const result = await runOperation(sandbox, smsCreate({ simplify: false }));
		const [item] = result.json(NODE);
		expect(item.status).toBe('success');
		expect(item.message).toBe('Campaign Spring Renewal Reminder creation in progress');
		expect(item.data.id).toMatch(/^cd-/);
		expect(item.data.status).toBe('Preparing');
	});

	test('Advanced format needs an experience flow; with one it is sent', async () => {
		let result = await runOperation(
			sandbox,
			smsCreate({ additionalFields: { format: 'advanced' } }),
			continueOnError,
		);
		expect(result.json(NODE, 1)[0].error).toMatch(
			/^Experience Flow Name of item 0 is empty\. An Advanced SMS campaign hands replies/,
		);
		expect(sandbox.requests).toHaveLength(0);
		result = await runOperation(
			sandbox,
			smsCreate({
				additionalFields: { format: 'advanced', experienceFlowName: 'SMS Support Flow' },
			}),
		);
		expect(createRequests()[0].body).toMatchObject({
			format: 'advanced',
			experienceFlowName: 'SMS Support Flow',
		});
	});
});

describe('Create: bad inputs are refused before anything is sent, naming the field and the item', () => {
	test.each([
		[
			'a name over 48 characters',
			{ name: 'N'.repeat(49) },
			/^Campaign Name of item 0 is 49 characters long \("N+\.\.\."\); Kore\.ai allows at most 48\. Shorten it\./,
		],
		['an empty name', { name: '   ' }, /^Campaign Name of item 0 is empty\./],
		[
			'a description over 256 characters',
			{ description: 'd'.repeat(257) },
			/^Description of item 0 is 257 characters long .*at most 256/,
		],
		// Empty required fields stop n8n before the node runs; mapped ones reach the node's own check.
		[
			'no contact list',
			{ contactLists: '={{ [] }}' },
			/^Contact Lists of item 0 is empty\. Choose at least one contact list/,
		],
		[
			'a priority of 6',
			{ priority: 6 },
			/^Priority of item 0 must be a whole number from 1 to 5, not 6\./,
		],
		[
			'a priority of 0',
			{ priority: 0 },
			/^Priority of item 0 must be a whole number from 1 to 5, not 0\./,
		],
		[
			'an empty message',
			{ messageText: '  ' },
			/^Message Text of item 0 is empty\. Write the SMS text, or set Message to From Template\./,
		],
		[
			'a template without its name',
			{ messageSource: 'template', templateName: '' },
			/^Template Name of item 0 is empty\. Enter the name of an approved SMS template/,
		],
		[
			'a template without its text',
			{ messageSource: 'template', templateName: 'Welcome', messageText: '' },
			/^Message Text of item 0 is empty\. Kore\.ai requires the template's text too/,
		],
		[
			'a caller ID without country code',
			{ callerId: '415-555-0100' },
			/^Caller ID of item 0 "415-555-0100" does not start with "\+": write it with "\+" and the country code, like \+14155550100\./,
		],
		[
			'a calling window that ends before it starts',
			{ callingStart: '6:00 PM', callingEnd: '9:00 AM' },
			/^Calling Window End of item 0 \(9:00 AM\) must be after Calling Window Start \(6:00 PM\)\./,
		],
		[
			'a time that is not a time',
			{ callingStart: '25:00' },
			/^Calling Window Start of item 0 is "25:00", which is not a time of day\./,
		],
		[
			'an unknown time zone',
			{ callingTimezone: 'Mars/Olympus' },
			/^Calling Time Zone of item 0 is "Mars\/Olympus", which is not a time zone name\./,
		],
		[
			'an unknown day',
			{ callingDays: 'MO, Funday' },
			/^Calling Days of item 0 has "Funday", which is not a day\./,
		],
	])('%s', async (_label, extra, expected) => {
		const result = await runOperation(sandbox, smsCreate(extra), continueOnError);
		const [failed] = result.json(NODE, 1);
		expect(failed.error).toMatch(expected);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('a whole sheet: good and bad rows, one output per row, paired in order; only the good rows are created', async () => {
		const rows = [
			{ name: 'Row A', priority: 1 },
			{ name: 'x'.repeat(60), priority: 2 },
			{ name: 'Row C', priority: 9 },
			{ name: 'Row D', priority: '5' },
		];
		const result = await runOperation(
			sandbox,
			smsCreate({
				name: '={{ $json.name }}',
				priority: '={{ $json.priority }}',
				options: { concurrency: 3 },
			}),
			{ input: rows, ...continueOnError },
		);
		const [ok, failed] = result.outputs(NODE);
		expect(ok.map((item) => [item.pairedItem.item, item.json.name, item.json.priority])).toEqual([
			[0, 'Row A', 1],
			[3, 'Row D', 5],
		]);
		expect(failed.map((item) => item.pairedItem.item)).toEqual([1, 2]);
		expect(failed[0].json.error).toMatch(/^Campaign Name of item 1 is 60 characters long/);
		expect(failed[1].json.error).toMatch(
			/^Priority of item 2 must be a whole number from 1 to 5, not 9\./,
		);
		expect(
			createRequests()
				.map((r) => r.body.name)
				.sort(),
		).toEqual(['Row A', 'Row D']);
	});

	test("a contact list that does not exist: Kore.ai's refusal names it, and the advice is about contact lists, not the credential", async () => {
		const result = await runOperation(
			sandbox,
			smsCreate({ contactLists: ['No Such List'] }),
			continueOnError,
		);
		expect(result.json(NODE, 1)[0].error).toBe(
			'Kore.ai could not create SMS campaign Spring Renewal Reminder: a contact list was not found (HTTP 400 Bad Request: Contact list No Such List not found). Check the contact list names: each must be an existing list of this app, written as Kore.ai shows it (Contact List > Get Many lists them).',
		);
	});

	test('a contact list given by its ID (cl-...) is sent by its name; Kore.ai refers to lists by name', async () => {
		const id = sandbox.store.contactLists.findByName(sandbox.credentials.appId, 'VIP').id;
		const result = await runOperation(
			sandbox,
			smsCreate({ contactLists: `={{ ["${id}", "Renewals"] }}` }),
		);
		expect(result.status).toBe('success');
		expect(createRequests()[0].body.contactLists).toEqual(['VIP', 'Renewals']);
	});

	test("Calling Frequency offers the create pages' three values; Priority defaults to Kore.ai's 5", async () => {
		const { priority, ...rest } = smsCreate({ callingFrequency: 'CUSTOM' });
		const result = await runOperation(sandbox, rest);
		expect(result.status).toBe('success');
		expect(createRequests()[0].body).toMatchObject({
			priority: '5',
			dialingStrategy: { callingHours: { frequency: 'CUSTOM' } },
		});
	});

	test('contact lists from an expression: a list, or names separated by commas', async () => {
		await runOperation(sandbox, smsCreate({ contactLists: '={{ ["VIP", "Renewals"] }}' }));
		await runOperation(
			sandbox,
			smsCreate({ name: 'Second', contactLists: '={{ "VIP, Renewals ,VIP" }}' }),
		);
		expect(createRequests().map((r) => r.body.contactLists)).toEqual([
			['VIP', 'Renewals'],
			['VIP', 'Renewals'],
		]);
	});

	test("Kore.ai's refusal (a name already taken) is an error item with Kore.ai's words", async () => {
		await runOperation(sandbox, smsCreate());
		const result = await runOperation(sandbox, smsCreate(), continueOnError);
		expect(result.json(NODE, 1)[0].error).toMatch(
			/Campaign with name Spring Renewal Reminder already exists/,
		);
		expectNoSecrets(result, sandbox);
	});

	test('Create is not repeated after a lost answer (Kore.ai may have created it): the item fails and says so', async () => {
		sandbox.setFaults({ lostResponse: { rate: 1, count: 1 } });
		const result = await runOperation(
			sandbox,
			smsCreate({ options: { retryDelay: 0.01 } }),
			continueOnError,
		);
		expect(result.json(NODE, 1)[0].error).toMatch(
			/It was not tried again: Kore\.ai may already have acted on it/,
		);
		expect(createRequests()).toHaveLength(1);
		// It was created, once.
		expect(
			sandbox.store
				.ids('sms')
				.filter((id) => sandbox.store.get(id).name === 'Spring Renewal Reminder'),
		).toHaveLength(1);
	});
});

describe('Create Voice Campaign (agentless)', () => {
	test('the documented agentless body: dialing mode, DNC list, flow, machine detection, dialing defaults', async () => {
		const result = await runOperation(
			sandbox,
			voiceCreate({ additionalFields: { maxAttemptsPerRecord: 5 } }),
		);
		expect(result.status).toBe('success');
		expect(sentUrls(sandbox)).toEqual([`POST /campaign?accountId=${account()}&campaignType=voice`]);
		const body = createRequests()[0].body;
		expect(body).toMatchObject({
			name: 'Renewal Survey Calls',
			contactLists: ['Renewals Q1 2026', 'VIP Customers'],
			dncLists: { name: 'DNC Master List' },
			priority: '5',
			dialingMode: 'Agentless',
			experienceFlowName: 'Voice Survey Entry Flow',
			enableMachineDetect: 'detect',
			campaignType: 'voice',
		});
		expect(body.dialingStrategy).toMatchObject({
			dialingOrder: 'FIFO',
			maxAttemptsPerRecord: 5,
			defaultRetryPeriod: 10,
			maxRingTime: 30,
		});
		const [item] = result.json(NODE);
		expect(item).toMatchObject({
			campaignType: 'voice',
			dialingMode: 'Agentless',
			status: 'Preparing',
			creationInProgress: true,
			machineDetection: true,
		});
		expect(item.dncListId).toMatch(/^cl-/);
	});

	test.each([
		[
			'no DNC list (v2 requires one)',
			{ dncList: '={{ "" }}' },
			/^Do-Not-Call List Name of item 0 is empty\. Kore\.ai requires a do-not-call list for voice campaigns/,
		],
		[
			'no experience flow',
			{ experienceFlowName: '={{ " " }}' },
			/^Experience Flow Name of item 0 is empty\. Kore\.ai requires the experience flow/,
		],
		[
			'an unknown machine detection',
			{ enableMachineDetect: 'maybe' },
			/^Answering Machine Detection of item 0 is "maybe"; use one of: no, detect, disconnect\./,
		],
		[
			'a ring time over 120 s',
			{ additionalFields: { maxRingTime: 200 } },
			/^Max Ring Time \(Seconds\) of item 0 must be a whole number from 5 to 120, not 200\./,
		],
	])('refused: %s', async (_label, extra, expected) => {
		const result = await runOperation(sandbox, voiceCreate(extra), continueOnError);
		expect(result.json(NODE, 1)[0].error).toMatch(expected);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Wait Until Ready', () => {
	test('polls Get until the campaign is Ready; the item is the ready campaign', async () => {
		const result = await runOperation(
			sandbox,
			smsCreate({ options: { waitUntilReady: true, pollInterval: 0.1, maxWait: 10 } }),
		);
		expect(result.status).toBe('success');
		const [item] = result.json(NODE);
		expect(item).toMatchObject({
			status: 'Ready',
			creationInProgress: false,
			message: 'Campaign Spring Renewal Reminder creation in progress',
		});
		expect(item.readyChecks).toBeGreaterThanOrEqual(1);
		expect(typeof item.waitedSeconds).toBe('number');
		const urls = sentUrls(sandbox);
		expect(urls[0]).toBe(`POST /campaign?accountId=${account()}&campaignType=sms`);
		// Get takes no campaignType (get-sms-campaign-by-id-v2.mdx).
		expect(urls.slice(1)).toEqual(
			Array(item.readyChecks).fill(`GET /campaign/${item.campaignId}?accountId=${account()}`),
		);
		expectNoSecrets(result, sandbox);
	});

	test('why it matters: a campaign just created cannot be started yet; after Wait Until Ready it can', async () => {
		const start = (campaignId) =>
			runOperation(
				sandbox,
				{ resource: 'smsCampaign', operation: 'start', campaignId: byId(campaignId) },
				continueOnError,
			);
		const early = (await runOperation(sandbox, smsCreate())).json(NODE)[0];
		expect((await start(early.campaignId)).json(NODE, 1)[0].error).toMatch(
			/is still being prepared/,
		);
		const ready = (
			await runOperation(
				sandbox,
				smsCreate({ name: 'Second', options: { waitUntilReady: true, pollInterval: 0.1 } }),
			)
		).json(NODE)[0];
		expect((await start(ready.campaignId)).json(NODE)[0]).toMatchObject({
			campaignId: ready.campaignId,
			status: 'Active',
		});
	});

	test('Max Wait runs out: the item fails, names the created campaign and says not to create it again', async () => {
		sandbox.setCampaignOptions({ preparingMs: 60_000 });
		const result = await runOperation(
			sandbox,
			voiceCreate({ options: { waitUntilReady: true, pollInterval: 0.2, maxWait: 1 } }),
			continueOnError,
		);
		const [failed] = result.json(NODE, 1);
		const [id] = sandbox.store
			.ids('voice')
			.filter((candidate) => sandbox.store.get(candidate).name === 'Renewal Survey Calls');
		expect(failed.error).toMatch(
			new RegExp(
				`^Voice campaign "Renewal Survey Calls" was created \\(ID ${id}\\) but is still Preparing after 1\\.0 s \\(Max Wait, \\d+ checks\\)\\. Do not create it again`,
			),
		);
		expect(createRequests()).toHaveLength(1);
		expectNoSecrets(result, sandbox);
	});

	test('canceling the execution stops the wait at once', async () => {
		sandbox.setCampaignOptions({ preparingMs: 600_000 });
		const running = runOperation(
			sandbox,
			smsCreate({ options: { waitUntilReady: true, pollInterval: 300, maxWait: 3600 } }),
		);
		for (let i = 0; i < 500 && createRequests().length === 0; i++)
			await new Promise((resolve) => setTimeout(resolve, 10));
		running.cancel();
		const result = await running;
		expect(result.status).toBe('canceled');
		expect(sandbox.requests.filter((r) => r.method === 'GET')).toHaveLength(0);
	}, 20_000);
});
