// Update SMS/Voice Campaign through n8n's engine against the strict sandbox: the node reads the
// campaign, then sends the complete documented body with only what was given changed. The sandbox
// takes the harsher reading of the update pages by default (a PUT replaces every object it
// receives); the same tests run with a merging Kore.ai too, and the outcome must not differ.
const { NODE, useSandbox, runOperation, byId, expectNoSecrets, sentUrls } = require('./helpers');

const sandbox = useSandbox({ rateLimit: false, preparingMs: 0 });
const account = () => sandbox.credentials.accountId;
const continueOnError = { settings: { onError: 'continueErrorOutput' } };
const b64 = (text) => Buffer.from(text, 'utf8').toString('base64');

const SMS_READY = 'cd-4a8f2c6e-1b3d-5f7a-9c2e-4b6d8f0a2c4e';
const SMS_ADVANCED = 'cd-e7110489-a30a-5d1e-80ee-f246cc8d3a51';
const VOICE_PROGRESSIVE = 'cd-a1e45a7e-e8ba-4e97-a339-476ebc7f3d20';
const VOICE_AGENTLESS = 'cd-8615101a-71da-445c-ad7e-187e6950c3b8';

const update = (resource, campaignId, updateFields, extra = {}) => ({
	resource,
	operation: 'update',
	campaignId: byId(campaignId),
	updateFields,
	...extra,
});
const puts = () => sandbox.requests.filter((r) => r.method === 'PUT');

/** A campaign that calls on Saturday and Sunday from 10:00 AM in Asia/Kolkata, created through the node. */
async function weekendCampaign() {
	sandbox.store.contactLists.addList('Weekend Shoppers');
	const created = await runOperation(sandbox, {
		resource: 'smsCampaign',
		operation: 'create',
		name: 'Weekend Offer',
		description: 'Weekend deals.',
		contactLists: ['Weekend Shoppers'],
		messageSource: 'text',
		messageText: 'Deals all weekend!',
		callerId: '+14155550100',
		priority: 2,
		callingDays: ['SA', 'SU'],
		callingStart: '10:00 AM',
		callingEnd: '2:00 PM',
		callingTimezone: 'Asia/Kolkata',
	});
	const id = created.json(NODE)[0].campaignId;
	sandbox.requests.length = 0;
	return id;
}

describe.each([
	['replaces the objects it receives (the sandbox default)', 'replace'],
	['merges what it receives', 'merge'],
])('Update, whether Kore.ai %s', (_label, reading) => {
	beforeEach(() => sandbox.setReadings({ updateMerges: reading }));

	test('only Calling Window End given: the days, their start, the time zone and everything else stay', async () => {
		const id = await weekendCampaign();
		const before = sandbox.store.get(id);
		const result = await runOperation(sandbox, update('smsCampaign', id, { callingEnd: '20:00' }));
		expect(result.status).toBe('success');
		expect(sentUrls(sandbox)).toEqual([
			`GET /campaign/${id}?accountId=${account()}`,
			`PUT /campaign/${id}?accountId=${account()}&campaignType=sms`,
		]);
		const after = sandbox.store.get(id);
		expect(after.dialingStrategy).toEqual({
			callerId: { phoneNumber: '+14155550100' },
			callingHours: {
				frequency: 'WEEKLY',
				timezone: 'Asia/Kolkata',
				days: [
					{ day: 'SA', start: '10:00 AM', end: '8:00 PM' },
					{ day: 'SU', start: '10:00 AM', end: '8:00 PM' },
				],
			},
		});
		for (const key of [
			'name',
			'description',
			'priority',
			'contactLists',
			'message',
			'format',
			'schedule',
		])
			expect(after[key]).toEqual(before[key]);
		expect(result.json(NODE)[0]).toMatchObject({
			campaignId: id,
			updated: true,
			updatedFields: ['callingEnd'],
			changes: { callingEnd: { from: '2:00 PM', to: '8:00 PM' } },
		});
		expectNoSecrets(result, sandbox);
	});

	test("one day's window: a Saturday starting later keeps its start; a day added takes the first day's window", async () => {
		const record = sandbox.store.records.get(SMS_READY);
		record.doc.dialingStrategy.callingHours.days = [
			{ day: 'MO', start: '9:00 AM', end: '6:00 PM' },
			{ day: 'SA', start: '10:00 AM', end: '2:00 PM' },
		];
		await runOperation(
			sandbox,
			update('smsCampaign', SMS_READY, { callingEnd: '7:00 PM', callingDays: ['SA', 'TU', 'MO'] }),
		);
		expect(sandbox.store.get(SMS_READY).dialingStrategy.callingHours.days).toEqual([
			{ day: 'MO', start: '9:00 AM', end: '7:00 PM' },
			{ day: 'TU', start: '9:00 AM', end: '7:00 PM' },
			{ day: 'SA', start: '10:00 AM', end: '7:00 PM' },
		]);
	});
});

describe('Update SMS Campaign', () => {
	test('the PUT carries the complete documented body: the campaign as read, with only the given values replaced', async () => {
		const before = sandbox.store.get(SMS_READY);
		const result = await runOperation(
			sandbox,
			update('smsCampaign', SMS_READY, {
				description: 'New words',
				priority: 4,
				messageText: 'New text',
			}),
		);
		expect(result.status).toBe('success');
		expect(puts()[0].body).toEqual({
			name: before.name,
			description: 'New words',
			contactLists: before.contactLists,
			...(before.dncLists ? { dncLists: { name: before.dncLists.name } } : {}),
			priority: '4',
			format: before.format,
			message: { ...before.message, message: b64('New text') },
			dialingStrategy: {
				callerId: before.dialingStrategy.callerId,
				callingHours: before.dialingStrategy.callingHours,
			},
			schedule: before.schedule,
			campaignType: 'sms',
		});
		const [item] = result.json(NODE);
		expect(item).toMatchObject({
			updated: true,
			updatedFields: ['description', 'messageText', 'priority'],
			smsText: 'New text',
			priority: 4,
		});
		expect(item.changes.priority).toEqual({ from: before.priority, to: '4' });
		expect(item).not.toHaveProperty('creationInProgress');
	});

	test('values the campaign already has: nothing is sent after the read, and the item says so', async () => {
		const before = sandbox.store.get(SMS_READY);
		const result = await runOperation(
			sandbox,
			update('smsCampaign', SMS_READY, { description: before.description }),
		);
		expect(sentUrls(sandbox)).toEqual([`GET /campaign/${SMS_READY}?accountId=${account()}`]);
		expect(result.json(NODE)[0]).toMatchObject({
			campaignId: SMS_READY,
			updated: false,
			updatedFields: [],
			message: expect.stringMatching(/already has these values: nothing was sent/),
		});
	});

	test("a field Kore.ai's update requires that the campaign as read lacks is asked for by name before any PUT; nothing to change needs nothing", async () => {
		const record = sandbox.store.records.get(SMS_READY);
		delete record.doc.dialingStrategy.callerId;
		record.doc.contactLists = 'Customers Opted In 2025'; // text, not a list: no contact list Kore.ai's update can take
		let result = await runOperation(
			sandbox,
			update('smsCampaign', SMS_READY, { name: 'Security Alert' }),
			continueOnError,
		);
		expect(result.json(NODE, 1)[0].error).toMatch(
			/^Contact List Names or IDs is needed to update campaign cd-4a8f2c6e\S* of item 0: Kore\.ai's update requires at least one, and the campaign as Kore\.ai gave it has none\. Add Contact List Names or IDs to Update Fields\./,
		);
		record.doc.contactLists = ['Customers Opted In 2025'];
		result = await runOperation(
			sandbox,
			update('smsCampaign', SMS_READY, { name: 'Security Alert' }),
			continueOnError,
		);
		expect(result.json(NODE, 1)[0].error).toMatch(
			/^Caller ID is needed to update campaign cd-4a8f2c6e\S* of item 0: Kore\.ai's update requires it, and the campaign as Kore\.ai gave it has none\. Add Caller ID to Update Fields\./,
		);
		expect(puts()).toHaveLength(0);

		// The name it already has: nothing to send, so nothing is missing.
		result = await runOperation(
			sandbox,
			update('smsCampaign', SMS_READY, { name: 'Account Security Alert' }),
		);
		expect(result.json(NODE)[0]).toMatchObject({ updated: false, updatedFields: [] });

		result = await runOperation(
			sandbox,
			update('smsCampaign', SMS_READY, { name: 'Security Alert', callerId: '+14155550188' }),
		);
		expect(result.status).toBe('success');
		expect(puts()[0].body).toMatchObject({
			name: 'Security Alert',
			dialingStrategy: { callerId: { phoneNumber: '+14155550188' } },
		});
	});

	test("an advanced campaign: Kore.ai's update needs the flow's name, which Get does not give; with it, it is sent", async () => {
		let result = await runOperation(
			sandbox,
			update('smsCampaign', SMS_ADVANCED, { priority: 2 }),
			continueOnError,
		);
		expect(result.json(NODE, 1)[0].error).toMatch(
			/^Experience Flow Name is needed to update campaign cd-e7110489\S* of item 0: the campaign has the Advanced format: Kore\.ai's update requires the experience flow's name, and Kore\.ai's Get gives only its ID \(cf-\.\.\.\)\. Add Experience Flow Name to Update Fields\./,
		);
		expect(puts()).toHaveLength(0);
		result = await runOperation(
			sandbox,
			update('smsCampaign', SMS_ADVANCED, { priority: 2, experienceFlowName: 'SMS Support Flow' }),
		);
		expect(result.status).toBe('success');
		expect(puts()[0].body).toMatchObject({
			format: 'advanced',
			experienceFlowName: 'SMS Support Flow',
			priority: '2',
		});
	});

	test("a voice campaign's ID under SMS Campaign is refused after the read (Get takes no campaignType)", async () => {
		const result = await runOperation(
			sandbox,
			update('smsCampaign', VOICE_AGENTLESS, { priority: 2 }),
			continueOnError,
		);
		expect(result.json(NODE, 1)[0].error).toBe(
			`Campaign ${VOICE_AGENTLESS} is a voice campaign, not an SMS campaign: choose Voice Campaign as the Resource.`,
		);
		expect(puts()).toHaveLength(0);
	});

	test('contact lists given by ID are sent by name (one listing for all items); an unknown ID is refused by field', async () => {
		const vip = sandbox.store.contactLists.addList('VIP');
		const rows = [
			{ lists: [vip] },
			{ lists: [vip, 'Renewals Q1 2026'] },
			{ lists: ['cl-00000000-0000-5000-8000-000000000000'] },
		];
		const result = await runOperation(
			sandbox,
			update('smsCampaign', SMS_READY, { contactLists: '={{ $json.lists }}' }),
			{ input: rows, ...continueOnError },
		);
		const [ok, failed] = result.outputs(NODE);
		expect(ok.map((item) => item.json.contactLists)).toEqual([
			['VIP'],
			['VIP', 'Renewals Q1 2026'],
		]);
		expect(failed.map((item) => item.pairedItem.item)).toEqual([2]);
		expect(failed[0].json.error).toMatch(
			/^Contact Lists of item 2 has "cl-00000000-0000-5000-8000-000000000000", which looks like a contact list ID, but no contact list of this app has that ID or name\./,
		);
		expect(puts().map((r) => r.body.contactLists)).toEqual([['VIP'], ['VIP', 'Renewals Q1 2026']]);
		expect(sandbox.requests.filter((r) => r.endpoint === 'listContactLists')).toHaveLength(1);
	});

	test('nothing to update, a name too long, an unknown campaign: error items, paired; only the third reaches Kore.ai', async () => {
		const rows = [
			{ id: SMS_READY, fields: {} },
			{ id: SMS_READY, fields: { name: 'z'.repeat(49) } },
			{ id: 'cd-ffffffff-0000-0000-0000-000000000000', fields: { priority: 2 } },
		];
		const result = await runOperation(
			sandbox,
			update('smsCampaign', '={{ $json.id }}', {
				name: '={{ $json.fields.name }}',
				priority: '={{ $json.fields.priority }}',
			}),
			{ input: rows, ...continueOnError },
		);
		const failed = result.items(NODE, 1);
		expect(failed.map((item) => item.pairedItem.item)).toEqual([0, 1, 2]);
		expect(failed[0].json.error).toMatch(/^Update Fields of item 0 is empty: nothing to change\./);
		expect(failed[1].json.error).toMatch(/^Campaign Name of item 1 is 49 characters long/);
		expect(failed[2].json.error).toMatch(
			/^Campaign cd-ffffffff-0000-0000-0000-000000000000 was not found/,
		);
		expect(sentUrls(sandbox)).toEqual([
			`GET /campaign/cd-ffffffff-0000-0000-0000-000000000000?accountId=${account()}`,
		]);
	});
});

describe('Update Voice Campaign', () => {
	test('campaignType=voice, the complete voice body; dialing settings changed one by one', async () => {
		const before = sandbox.store.get(VOICE_AGENTLESS);
		const result = await runOperation(
			sandbox,
			update('voiceCampaign', VOICE_AGENTLESS, { callingEnd: '20:00', maxRingTime: 45 }),
		);
		expect(result.status).toBe('success');
		expect(sentUrls(sandbox)).toEqual([
			`GET /campaign/${VOICE_AGENTLESS}?accountId=${account()}`,
			`PUT /campaign/${VOICE_AGENTLESS}?accountId=${account()}&campaignType=voice`,
		]);
		const body = puts()[0].body;
		expect(body).toMatchObject({
			name: before.name,
			dialingMode: before.dialingMode,
			dncLists: { name: before.dncLists.name },
			campaignType: 'voice',
		});
		const strategy = before.dialingStrategy;
		expect(body.dialingStrategy).toEqual({
			callerId: strategy.callerId,
			callingHours: {
				...strategy.callingHours,
				days: strategy.callingHours.days.map((day) => ({ ...day, end: '8:00 PM' })),
			},
			dialingOrder: strategy.dialingOrder,
			maxAttemptsPerRecord: strategy.maxAttemptsPerRecord,
			defaultRetryPeriod: strategy.defaultRetryPeriod,
			maxRingTime: 45,
		});
		expect(sandbox.store.get(VOICE_AGENTLESS).dialingStrategy.maxRingTime).toBe(45);
	});

	test("a voice campaign read without a do-not-call list: Kore.ai's voice update requires one, so it is asked for", async () => {
		delete sandbox.store.records.get(VOICE_AGENTLESS).doc.dncLists;
		const result = await runOperation(
			sandbox,
			update('voiceCampaign', VOICE_AGENTLESS, { maxRingTime: 45 }),
			continueOnError,
		);
		expect(result.json(NODE, 1)[0].error).toMatch(
			/^Do-Not-Call List Name is needed to update campaign cd-8615101a\S* of item 0: Kore\.ai's update requires it/,
		);
		expect(puts()).toHaveLength(0);
	});

	test("a Progressive campaign: Kore.ai's update needs its agent queue, which Get does not give", async () => {
		let result = await runOperation(
			sandbox,
			update('voiceCampaign', VOICE_PROGRESSIVE, { maxRingTime: 45 }),
			continueOnError,
		);
		expect(result.json(NODE, 1)[0].error).toMatch(
			/^Agent Queue Name is needed to update campaign cd-a1e45a7e\S* of item 0: it is a Progressive campaign/,
		);
		expect(puts()).toHaveLength(0);
		result = await runOperation(
			sandbox,
			update('voiceCampaign', VOICE_PROGRESSIVE, { maxRingTime: 45, queueName: 'Default Queue' }),
		);
		expect(result.status).toBe('success');
		expect(puts()[0].body).toMatchObject({
			dialingMode: 'Progressive',
			queue_name: 'Default Queue',
		});
	});
});
