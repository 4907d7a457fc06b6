'use strict';
// The Kore.ai Contact Center Trigger through n8n-core's polling machinery (test/harness/poll.js:
// a real PollContext, TriggersAndPollers.runPollFunction, static data kept and saved as n8n does)
// against the sandbox.

const { startSandbox } = require('../../sandbox');
const { createPoller, KORE_TRIGGER_TYPE } = require('../harness/poll');
const { runWorkflow, allStoredText } = require('../harness');
const { withListPages } = require('../helpers/listPages');

const SMS_READY = 'cd-4a8f2c6e-1b3d-5f7a-9c2e-4b6d8f0a2c4e'; // Account Security Alert
const SMS_ACTIVE = 'cd-78d3f0a9-8f42-5d8c-af8d-d6a63ea1c7d4'; // Event Reminder SMS Campaign
const VOICE_READY = 'cd-a1e45a7e-e8ba-4e97-a339-476ebc7f3d20'; // Service Renewal Outreach Campaign
const VOICE_ACTIVE = 'cd-c1b940c7-7012-4e7d-98d9-47071774e6a1'; // Billing Reminder Voice Campaign
const ALL_EVENTS = ['created', 'deleted', 'statusChanged'];
const ITEM_KEYS = [
	'event',
	'campaignId',
	'name',
	'campaignType',
	'previousStatus',
	'status',
	'updatedAt',
	'seenAt',
];

/** The sandbox's list requests (one per page), as `type` values. */
const listedTypes = (sb) => sb.requests.filter((r) => r.route === 'list').map((r) => r.body?.type);

/** Everything a poll handed back, as text: items, error (message, description, stack, cause). */
function outputText(result) {
	const error = result.error;
	const errorText = error
		? JSON.stringify({
				message: error.message,
				description: error.description,
				stack: error.stack,
				cause: String(error.cause),
				all: { ...error },
			})
		: '';
	return JSON.stringify(result.data ?? null) + errorText;
}

function expectNoSecrets(text, sb) {
	expect(text).not.toContain(sb.credentials.clientSecret);
	for (const token of sb.tokensSeen) expect(text).not.toContain(token.split('.')[2]);
}

describe('Kore.ai Contact Center Trigger', () => {
	let sb;
	beforeEach(async () => {
		sb = await startSandbox({ rateLimit: false });
	});
	afterEach(() => sb.close());

	const poller = (parameters = {}, options = {}) =>
		createPoller({
			parameters: { events: ALL_EVENTS, campaignType: 'both', ...parameters },
			credentials: sb.credentials,
			...options,
		});

	test('the first poll only remembers: existing campaigns are no change, and the memory is id -> [status, name] per type', async () => {
		const trigger = await poller();
		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(first.emitted).toBe(false);
		expect(listedTypes(sb)).toEqual(['sms', 'voice']);

		const memory = trigger.memory.campaigns;
		expect(Object.keys(memory).sort()).toEqual(['scope', 'sms', 'v', 'voice']);
		expect(Object.keys(memory.sms)).toHaveLength(10);
		expect(Object.keys(memory.voice)).toHaveLength(5);
		expect(memory.sms[SMS_ACTIVE]).toEqual(['Active', 'Event Reminder SMS Campaign']);
		expect(memory.voice[VOICE_READY]).toEqual(['Ready', 'Service Renewal Outreach Campaign']);

		const second = await trigger.poll();
		expect(second.emitted).toBe(false);
	});

	test('a status change is emitted once, with the documented keys, and saved with the workflow', async () => {
		const trigger = await poller();
		await trigger.poll();
		sb.store.setStatus(SMS_ACTIVE, 'Completed');

		const changed = await trigger.poll();
		expect(changed.error).toBeUndefined();
		expect(changed.items).toHaveLength(1);
		const [item] = changed.items;
		expect(Object.keys(item)).toEqual(ITEM_KEYS);
		expect(item).toMatchObject({
			event: 'statusChanged',
			campaignId: SMS_ACTIVE,
			name: 'Event Reminder SMS Campaign',
			campaignType: 'sms',
			previousStatus: 'Active',
			status: 'Completed',
		});
		expect(Date.parse(item.seenAt)).not.toBeNaN();
		expect(trigger.saved['node:Kore.ai Trigger'].campaigns.sms[SMS_ACTIVE][0]).toBe('Completed');

		expect((await trigger.poll()).emitted).toBe(false);
	});

	test('created and deleted campaigns, SMS and voice, in one poll', async () => {
		const trigger = await poller();
		await trigger.poll();
		const [created] = sb.addCampaigns(1, 'voice', { namePrefix: 'Spring Outreach' });
		sb.store.remove(SMS_READY, new Date().toISOString());

		const result = await trigger.poll();
		expect(
			result.items.map(({ event, campaignId, campaignType, previousStatus, status }) => ({
				event,
				campaignId,
				campaignType,
				previousStatus,
				status,
			})),
		).toEqual([
			{
				event: 'deleted',
				campaignId: SMS_READY,
				campaignType: 'sms',
				previousStatus: 'Ready',
				status: null,
			},
			{
				event: 'created',
				campaignId: created,
				campaignType: 'voice',
				previousStatus: null,
				status: 'Ready',
			},
		]);
		// A deleted campaign is no longer listed: its name comes from the memory.
		expect(result.items[0].name).toBe('Account Security Alert');
		expect(result.items[1].name).toBe('Spring Outreach 1');
		expect((await trigger.poll()).emitted).toBe(false);
	});

	test('Events limits what is emitted, but every change is remembered: switching events later replays nothing', async () => {
		const trigger = await poller({ events: ['created'] });
		await trigger.poll();
		sb.store.setStatus(SMS_READY, 'Active');
		expect((await trigger.poll()).emitted).toBe(false);

		const [created] = sb.addCampaigns(1, 'sms');
		const result = await trigger.poll();
		expect(result.items.map((i) => [i.event, i.campaignId])).toEqual([['created', created]]);
	});

	test('Only to Statuses: only changes to the chosen statuses start the workflow', async () => {
		const trigger = await poller({ events: ['statusChanged'], statuses: ['Completed', 'Stopped'] });
		await trigger.poll();
		sb.store.setStatus(SMS_READY, 'Active');
		sb.store.setStatus(SMS_ACTIVE, 'Completed');
		sb.store.setStatus(VOICE_ACTIVE, 'Stopped');
		sb.store.setStatus(VOICE_READY, 'Paused');

		const result = await trigger.poll();
		expect(result.items.map((i) => [i.campaignId, i.previousStatus, i.status])).toEqual([
			[SMS_ACTIVE, 'Active', 'Completed'],
			[VOICE_ACTIVE, 'Active', 'Stopped'],
		]);
	});

	test.each([
		['sms', ['sms'], SMS_ACTIVE],
		['voice', ['voice'], VOICE_ACTIVE],
	])(
		'Campaign Type %s lists and reports only that type',
		async (campaignType, types, changedId) => {
			const trigger = await poller({ campaignType });
			await trigger.poll();
			sb.store.setStatus(SMS_ACTIVE, 'Paused');
			sb.store.setStatus(VOICE_ACTIVE, 'Paused');

			const result = await trigger.poll();
			expect(result.items.map((i) => [i.campaignId, i.campaignType])).toEqual([
				[changedId, campaignType],
			]);
			expect([...new Set(listedTypes(sb))]).toEqual(types);
			expect(Object.keys(trigger.memory.campaigns).sort()).toEqual(
				['scope', 'v', campaignType].sort(),
			);
		},
	);

	test('a poll that fails halfway emits nothing and changes no memory; the next poll reports the change', async () => {
		let failVoice = false;
		await sb.close();
		sb = await startSandbox({
			rateLimit: false,
			// After the SMS listing is answered, Kore.ai answers the voice listing with HTTP 500
			// (not retried: a 500 is Kore.ai's verdict on the request).
			onRequest: (entry) => {
				if (failVoice && entry.route === 'list' && entry.body?.type === 'sms')
					sb.setFaults({ status5xx: { rate: 1, status: 500, body: 'json' } });
			},
		});
		const trigger = await poller();
		await trigger.poll();
		const before = JSON.stringify(trigger.memory);
		sb.store.setStatus(SMS_ACTIVE, 'Completed');
		sb.store.setStatus(VOICE_ACTIVE, 'Stopped');

		failVoice = true;
		const failed = await trigger.poll();
		expect(failed.emitted).toBe(false);
		expect(failed.error).toBeDefined();
		expect(failed.error.message).toMatch(/list voice campaigns/);
		expect(failed.error.message).toMatch(/500/);
		expect(JSON.stringify(trigger.memory)).toBe(before);
		expectNoSecrets(outputText(failed), sb);

		failVoice = false;
		sb.setFaults({});
		const caughtUp = await trigger.poll();
		expect(caughtUp.items.map((i) => [i.campaignId, i.previousStatus, i.status])).toEqual([
			[SMS_ACTIVE, 'Active', 'Completed'],
			[VOICE_ACTIVE, 'Active', 'Stopped'],
		]);
	});

	test('a wrong secret fails the poll with the credential sentence and keeps the memory', async () => {
		const trigger = await poller();
		await trigger.poll();
		sb.store.setStatus(SMS_ACTIVE, 'Completed');
		const wrong = await createPoller({
			parameters: { events: ALL_EVENTS, campaignType: 'both' },
			credentials: { ...sb.credentials, clientSecret: 'not-the-secret-Xq81' },
			staticData: JSON.parse(JSON.stringify(trigger.workflow.staticData)),
		});
		const failed = await wrong.poll();
		expect(failed.emitted).toBe(false);
		expect(failed.error.message).toMatch(/401/);
		expect(failed.error.message).toMatch(/Client Secret/);
		expectNoSecrets(outputText(failed), sb);
		expect(outputText(failed)).not.toContain('not-the-secret-Xq81');
		expect((await trigger.poll()).items.map((i) => i.campaignId)).toEqual([SMS_ACTIVE]);
	});

	test('after a restart (new workflow and context, the saved static data) a change is not emitted again', async () => {
		const trigger = await poller();
		await trigger.poll();
		sb.store.setStatus(VOICE_READY, 'Active');
		expect((await trigger.poll()).items.map((i) => i.campaignId)).toEqual([VOICE_READY]);

		trigger.restart();
		expect((await trigger.poll()).emitted).toBe(false);
		sb.store.setStatus(VOICE_READY, 'Completed');
		const next = await trigger.poll();
		expect(next.items.map((i) => [i.previousStatus, i.status])).toEqual([['Active', 'Completed']]);
	});

	test('a change made while n8n was down is reported once after the restart', async () => {
		const trigger = await poller();
		await trigger.poll();
		trigger.saveNow(); // n8n 1.123 saves the static data right after the activation poll
		sb.store.setStatus(SMS_READY, 'Stopped');
		trigger.restart();
		const after = await trigger.poll();
		expect(after.items.map((i) => [i.campaignId, i.previousStatus, i.status])).toEqual([
			[SMS_READY, 'Ready', 'Stopped'],
		]);
		trigger.restart();
		expect((await trigger.poll()).emitted).toBe(false);
	});

	test('another app or account in the credential starts afresh instead of reporting every campaign deleted and created', async () => {
		const trigger = await poller();
		await trigger.poll();
		const other = await createPoller({
			parameters: { events: ALL_EVENTS, campaignType: 'both' },
			credentials: sb.secondaryCredentials,
			staticData: JSON.parse(JSON.stringify(trigger.workflow.staticData)),
		});
		const result = await other.poll();
		expect(result.error).toBeUndefined();
		expect(result.emitted).toBe(false);
		expect(Object.keys(other.memory.campaigns.sms)).toEqual([
			'cd-7d9e1f3a-5b7c-5d9e-a1f3-5b7c9d1e3f5a',
		]);
	});

	test('a damaged memory in the static data counts as nothing remembered: no flood of created events', async () => {
		const scope = `${sb.url} ${sb.credentials.accountId} ${sb.credentials.appId}`;
		const trigger = await poller(
			{},
			{
				staticData: {
					'node:Kore.ai Trigger': { campaigns: { v: 1, scope, sms: { [SMS_READY]: 'Ready' } } },
				},
			},
		);
		const result = await trigger.poll();
		expect(result.error).toBeUndefined();
		expect(result.emitted).toBe(false);
		expect(trigger.memory.campaigns.sms[SMS_READY]).toEqual(['Ready', 'Account Security Alert']);
	});

	test('paging: 250 campaigns over 3 pages; a deletion while the pages are read is concluded only from a listing without gaps', async () => {
		let deleteDuringPaging;
		await sb.close();
		sb = await startSandbox({
			rateLimit: false,
			onRequest: (entry) => {
				// After the first page, the oldest campaign is deleted: every later page shifts by one.
				if (deleteDuringPaging && entry.route === 'list' && entry.body?.skip === 0) {
					sb.store.remove(deleteDuringPaging, new Date().toISOString());
					deleteDuringPaging = undefined;
				}
			},
		});
		const ids = sb.addCampaigns(250, 'sms');
		const trigger = await poller({ campaignType: 'sms' });
		await trigger.poll();
		expect(sb.requests.filter((r) => r.route === 'list').map((r) => r.body.skip)).toEqual([
			0, 100, 200,
		]);
		expect(Object.keys(trigger.memory.campaigns.sms)).toHaveLength(260);

		const oldest = sb.store
			.ids('sms')
			.map((id) => sb.store.get(id))
			.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))[0]._id;
		deleteDuringPaging = oldest;
		const during = await trigger.poll();
		// One campaign was skipped by the shifted paging: it must not be reported deleted.
		expect(during.emitted).toBe(false);
		expect(trigger.memory.campaigns.sms[oldest]).toBeDefined();

		const after = await trigger.poll();
		expect(after.items.map((i) => [i.event, i.campaignId])).toEqual([['deleted', oldest]]);
		expect(ids).not.toContain(undefined);
	});

	test('an empty page while Kore.ai says more follow is an incomplete listing: no campaign it did not show is called deleted', async () => {
		// A Kore.ai that lists two campaigns, then only the first, with an empty next page that still
		// says more follow (hasMore, totalResults 2).
		const both = [
			{ id: SMS_READY, name: 'Account Security Alert', status: 'Ready' },
			{ id: SMS_ACTIVE, name: 'Event Reminder SMS Campaign', status: 'Active' },
		];
		let phase = 'both';
		const pageFor = ({ skip }) =>
			phase === 'both'
				? { results: both, hasMore: false, totalResults: 2 }
				: { results: skip === 0 ? both.slice(0, 1) : [], hasMore: true, totalResults: 2 };
		await withListPages(pageFor, async (host) => {
			const trigger = await createPoller({
				parameters: { events: ALL_EVENTS, campaignType: 'sms' },
				credentials: { ...sb.credentials, host },
			});
			await trigger.poll();
			expect(Object.keys(trigger.memory.campaigns.sms).sort()).toEqual(
				[SMS_ACTIVE, SMS_READY].sort(),
			);
			phase = 'short';
			const short = await trigger.poll();
			expect(short.error).toBeUndefined();
			expect(short.emitted).toBe(false);
			expect(trigger.memory.campaigns.sms[SMS_ACTIVE]).toBeDefined();
		});
	});

	describe('Fetch Test Event (manual mode)', () => {
		test('nothing changed: one sample item, the most recently updated campaign, marked sample: true', async () => {
			const trigger = await poller({ events: ['statusChanged'] });
			await trigger.poll();
			const manual = await trigger.poll({ mode: 'manual' });
			expect(manual.error).toBeUndefined();
			expect(manual.items).toHaveLength(1);
			const [item] = manual.items;
			expect(Object.keys(item)).toEqual([...ITEM_KEYS, 'sample']);
			expect(item.sample).toBe(true);
			expect(item.event).toBe('statusChanged');
			const newest = [...sb.store.ids('sms'), ...sb.store.ids('voice')]
				.map((id) => sb.store.get(id))
				.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))[0];
			expect(item.campaignId).toBe(newest._id);
			expect(item.status).toBe(newest.status);
			expect(typeof item.previousStatus).toBe('string');
		});

		test("as the editor runs it: a manual workflow execution through n8n-core's WorkflowExecute gives the sample", async () => {
			const workflow = {
				nodes: [
					{
						id: 'trigger',
						name: 'Kore.ai Trigger',
						type: KORE_TRIGGER_TYPE,
						typeVersion: 1,
						position: [0, 0],
						parameters: { events: ['statusChanged'], statuses: ['Completed'], campaignType: 'sms' },
					},
				],
				connections: {},
			};
			const result = await runWorkflow(workflow, { credentials: { koreAiApi: sb.credentials } });
			expect(result.status).toBe('success');
			const items = result.json('Kore.ai Trigger');
			expect(items).toHaveLength(1);
			expect(items[0]).toMatchObject({ sample: true, event: 'statusChanged', campaignType: 'sms' });
			expect(sb.store.ids('sms')).toContain(items[0].campaignId);
			expectNoSecrets(allStoredText(result), sb);
		});

		test('before the first poll too (nothing remembered yet)', async () => {
			const trigger = await poller({ events: ['deleted'] });
			const manual = await trigger.poll({ mode: 'manual' });
			expect(manual.items).toHaveLength(1);
			expect(manual.items[0]).toMatchObject({ sample: true, event: 'deleted', status: null });
			expect(trigger.memory.campaigns).toBeUndefined();
		});

		test('real changes are shown, and not consumed: the active workflow still gets them', async () => {
			const trigger = await poller();
			await trigger.poll();
			// n8n saves static data when a poll emits; "Fetch Test Event" reads the saved copy.
			sb.store.setStatus(VOICE_READY, 'Active');
			expect((await trigger.poll()).items).toHaveLength(1);
			sb.store.setStatus(SMS_READY, 'Scheduled');
			const manual = await trigger.poll({ mode: 'manual' });
			expect(manual.items.map((i) => [i.campaignId, i.status, i.sample])).toEqual([
				[SMS_READY, 'Scheduled', undefined],
			]);
			const active = await trigger.poll();
			expect(active.items.map((i) => [i.campaignId, i.status])).toEqual([[SMS_READY, 'Scheduled']]);
			expectNoSecrets(outputText(manual) + outputText(active) + JSON.stringify(trigger.saved), sb);
		});
	});

	test('Events left empty is refused with a sentence naming the field', async () => {
		const trigger = await poller({ events: [] });
		const result = await trigger.poll();
		expect(result.error.message).toMatch(/Events is empty/);
		expect(sb.requests).toHaveLength(0);
	});
});
