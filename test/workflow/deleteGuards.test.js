// Delete's guards (Dry Run, Only When Status Is, Expected Name) through n8n's real engine against the
// sandbox: what is read, what is deleted, and one item per row, in order, paired.
const {
	NODE,
	useSandbox,
	startSandbox,
	runWorkflow,
	deleteWorkflow,
	expectNoSecrets,
	sentUrls,
	fixtureWorkflow,
	byId,
} = require('./helpers');

const sandbox = useSandbox({ rateLimit: false });

// Seeded SMS campaigns (sandbox/README.md), by status.
const COMPLETED = 'cd-99f05887-5638-59ef-90d9-5dc9ebd2e4a7'; // "Appointment Confirmation"
const ACTIVE = 'cd-78d3f0a9-8f42-5d8c-af8d-d6a63ea1c7d4'; // "Event Reminder SMS Campaign"
const STOPPED = 'cd-0c172a6b-2a01-5247-8e96-4e28eff5d203'; // "Order Shipped Notification"
const READY = 'cd-213cc43a-a340-5b89-a256-ff8da28xxxxx'; // "Billing Alert Template Campaign-21212"
const MISSING = 'cd-00000000-0000-0000-0000-000000000000';
const LIST = 'cl-4f6a2b1c-8d3e-5a7b-9c0d-1e2f3a4bxxxxx'; // "Renewal Due - July 2025"

const run = (workflow, input) =>
	runWorkflow(workflow, { credentials: { koreAiApi: sandbox.credentials }, input });
const guarded = (options, settings) => deleteWorkflow({ parameters: { options }, settings });
const rows = (...ids) => ids.map((campaignId) => ({ campaignId }));
const methods = () => sandbox.requests.map((r) => r.method);
const deletes = () => sandbox.requests.filter((r) => r.method === 'DELETE');
const nameOf = (id) => sandbox.store.get(id).name;

describe('Dry Run', () => {
	test('reads each campaign with Get and sends no DELETE; each item says what would happen, paired in order', async () => {
		const workflow = guarded({ dryRun: true, onlyWhenStatusIs: ['Completed', 'Stopped'] });
		const result = await run(workflow, rows(COMPLETED, ACTIVE, STOPPED));

		expect(deletes()).toEqual([]);
		expect(sentUrls(sandbox).sort()).toEqual(
			[COMPLETED, ACTIVE, STOPPED]
				.map((id) => `GET /campaign/${id}?accountId=${sandbox.credentials.accountId}`)
				.sort(),
		);
		for (const id of [COMPLETED, ACTIVE, STOPPED]) expect(sandbox.store.has(id)).toBe(true);

		const [ok, failed] = result.outputs(NODE);
		expect(failed).toEqual([]);
		expect(ok.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(ok.map((item) => [item.json.campaignId, item.json.wouldDelete])).toEqual([
			[COMPLETED, true],
			[ACTIVE, false],
			[STOPPED, true],
		]);
		expect(ok[0].json).toMatchObject({
			dryRun: true,
			deleted: false,
			name: 'Appointment Confirmation',
			status: 'Completed',
			campaignType: 'sms',
		});
		expect(ok[0].json.reason).toBeUndefined();
		expect(ok[1].json).toMatchObject({ dryRun: true, deleted: false, status: 'Active' });
		expect(ok[1].json.reason).toBe(
			`SMS campaign "Event Reminder SMS Campaign" (${ACTIVE}) would not be deleted: its status is Active, and Only When Status Is allows only Completed or Stopped.`,
		);
		expectNoSecrets(result, sandbox);
	});

	test("without guards it still reads and deletes nothing; Simplify off gives Get's raw answer with the verdict", async () => {
		const result = await run(
			deleteWorkflow({ parameters: { simplify: false, options: { dryRun: true } } }),
			rows(READY),
		);
		const [item] = result.json(NODE, 0);
		expect(item).toMatchObject({
			dryRun: true,
			wouldDelete: true,
			deleted: false,
			status: 'success',
			data: { _id: READY, status: 'Ready' },
		});
		expect(methods()).toEqual(['GET']);
		expect(sandbox.store.has(READY)).toBe(true);
	});

	test('an expression giving "true" turns it on; a value that is neither true nor false fails the item before any request', async () => {
		const workflow = guarded({ dryRun: '={{ $json.rehearse }}' });
		const result = await run(workflow, [
			{ campaignId: READY, rehearse: 'true' },
			{ campaignId: STOPPED, rehearse: 'yes please' },
		]);
		const [ok, failed] = result.outputs(NODE);
		expect(ok.map((item) => [item.pairedItem.item, item.json.wouldDelete])).toEqual([[0, true]]);
		expect(failed.map((item) => item.pairedItem.item)).toEqual([1]);
		expect(failed[0].json.error).toBe(
			'Dry Run of item 1 must be true or false, but it is "yes please". Nothing was read or deleted.',
		);
		expect(deletes()).toEqual([]);
		expect(sandbox.store.has(STOPPED)).toBe(true);
	});
});

describe("The campaign's type: Get takes none, so what it read is checked", () => {
	const VOICE_COMPLETED = 'cd-469cba45-2597-471d-b5ed-02732c2a7e64'; // "Welcome Call New Customers"
	const VOICE_ACTIVE = 'cd-c1b940c7-7012-4e7d-98d9-47071774e6a1'; // "Billing Reminder Voice Campaign"
	const voiceWorkflow = (options) =>
		deleteWorkflow({ parameters: { resource: 'voiceCampaign', options } });
	const accountId = () => sandbox.credentials.accountId;

	test('Voice Campaign > Delete reads with Get (no campaignType) and deletes with campaignType=voice', async () => {
		const dry = await run(voiceWorkflow({ dryRun: true }), rows(VOICE_COMPLETED));
		expect(dry.json(NODE, 0)[0]).toMatchObject({
			wouldDelete: true,
			campaignId: VOICE_COMPLETED,
			campaignType: 'voice',
			name: 'Welcome Call New Customers',
		});
		expect(sentUrls(sandbox)).toEqual([
			`GET /campaign/${VOICE_COMPLETED}?accountId=${accountId()}`,
		]);

		sandbox.requests.length = 0;
		const real = await run(
			voiceWorkflow({ onlyWhenStatusIs: ['Completed'] }),
			rows(VOICE_COMPLETED, VOICE_ACTIVE),
		);
		const [ok, failed] = real.outputs(NODE);
		expect(
			ok.map((item) => [item.pairedItem.item, item.json.deleted, item.json.campaignType]),
		).toEqual([[0, true, 'voice']]);
		expect(failed.map((item) => item.pairedItem.item)).toEqual([1]);
		expect(failed[0].json.error).toMatch(
			/^Voice campaign "Billing Reminder Voice Campaign" \(cd-c1b940c7-\S+\) was not deleted: its status is Active,/,
		);
		expect(sentUrls(sandbox).filter((url) => url.startsWith('DELETE'))).toEqual([
			`DELETE /campaign/${VOICE_COMPLETED}?accountId=${accountId()}&campaignType=voice`,
		]);
		expect(sandbox.store.has(VOICE_ACTIVE)).toBe(true);
	});

	test("a voice campaign's ID under SMS Campaign > Delete fails its row with the type check's sentence, nothing deleted: in a dry run, guarded, and with Treat Missing Campaigns as Deleted", async () => {
		const sentence = `Campaign ${VOICE_COMPLETED} is a voice campaign, not an SMS campaign: choose Voice Campaign as the Resource.`;
		for (const options of [
			{ dryRun: true },
			{ onlyWhenStatusIs: ['Completed', 'Stopped'] },
			{ onlyWhenStatusIs: ['Completed', 'Stopped'], treatMissingAsDeleted: true },
		]) {
			sandbox.reset();
			const result = await run(guarded(options), rows(STOPPED, VOICE_COMPLETED, COMPLETED));
			const [ok, failed] = result.outputs(NODE);
			expect([options, ok.map((item) => item.pairedItem.item)]).toEqual([options, [0, 2]]);
			expect(failed.map((item) => [item.pairedItem.item, item.json.error])).toEqual([
				[1, sentence],
			]);
			expect(
				sandbox.requests.filter((r) => r.campaignId === VOICE_COMPLETED).map((r) => r.method),
			).toEqual(['GET']);
			expect(sandbox.store.has(VOICE_COMPLETED)).toBe(true);
		}
	});
});

describe('Only When Status Is', () => {
	test('with the error output on, allowed rows are deleted and the others go to the error output naming campaign, status and option', async () => {
		const input = rows(COMPLETED, ACTIVE, STOPPED, READY);
		const result = await run(guarded({ onlyWhenStatusIs: ['Completed', 'Stopped'] }), input);

		const [ok, failed] = result.outputs(NODE);
		expect(
			ok.map((item) => [item.pairedItem.item, item.json.campaignId, item.json.deleted]),
		).toEqual([
			[0, COMPLETED, true],
			[2, STOPPED, true],
		]);
		expect(failed.map((item) => [item.pairedItem.item, item.json.campaignId])).toEqual([
			[1, ACTIVE],
			[3, READY],
		]);
		expect(failed[0].json.error).toBe(
			`SMS campaign "Event Reminder SMS Campaign" (${ACTIVE}) was not deleted: its status is Active, and Only When Status Is allows only Completed or Stopped.`,
		);
		expect(failed[1].json.error).toMatch(
			/^SMS campaign "Billing Alert Template Campaign-21212" \(cd-213cc43a-\S+\) was not deleted: its status is Ready,/,
		);
		// Two requests per deleted row, one per guarded row; only the allowed ones were deleted.
		expect(
			deletes()
				.map((r) => r.campaignId)
				.sort(),
		).toEqual([COMPLETED, STOPPED].sort());
		expect(methods().filter((m) => m === 'GET')).toHaveLength(4);
		expect(sandbox.store.deletions.map((d) => d.id).sort()).toEqual([COMPLETED, STOPPED].sort());
		// Each deleted campaign was read before it was deleted.
		for (const id of [COMPLETED, STOPPED])
			expect(sandbox.requests.filter((r) => r.campaignId === id).map((r) => r.method)).toEqual([
				'GET',
				'DELETE',
			]);
		expect(sandbox.store.has(ACTIVE) && sandbox.store.has(READY)).toBe(true);
		expectNoSecrets(result, sandbox);
	});

	test('given as text by an expression or an AI agent ("completed, stopped"); an unknown status fails before any request', async () => {
		const workflow = guarded({ onlyWhenStatusIs: '={{ $json.allowed }}' });
		const result = await run(workflow, [
			{ campaignId: STOPPED, allowed: 'completed, stopped' },
			{ campaignId: COMPLETED, allowed: 'Finished' },
		]);
		const [ok, failed] = result.outputs(NODE);
		expect(ok.map((item) => item.json.campaignId)).toEqual([STOPPED]);
		expect(failed[0].json.error).toMatch(
			/^Only When Status Is of item 1 has "Finished", which Kore\.ai does not know\. Use one or more of: Active, Completed,/,
		);
		expect(sandbox.requests.filter((r) => r.campaignId === COMPLETED)).toEqual([]);
	});

	test('with "On Error: Continue" (regular output) every row stays in one output, in order', async () => {
		const result = await run(
			guarded({ onlyWhenStatusIs: ['Stopped'] }, { onError: 'continueRegularOutput' }),
			rows(ACTIVE, STOPPED, COMPLETED),
		);
		const [items] = result.outputs(NODE);
		expect(
			items.map((item) => [item.pairedItem.item, item.json.error ? 'refused' : item.json.deleted]),
		).toEqual([
			[0, 'refused'],
			[1, true],
			[2, 'refused'],
		]);
	});

	test('by default (stop workflow) a guarded row stops the run with its sentence, and it is not deleted', async () => {
		const workflow = deleteWorkflow({
			parameters: { options: { onlyWhenStatusIs: ['Completed'], concurrency: 1 } },
			settings: { onError: 'stopWorkflow' },
		});
		const result = await run(workflow, rows(COMPLETED, ACTIVE, STOPPED));
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(
			/^SMS campaign "Event Reminder SMS Campaign" \(cd-78d3f0a9-\S+\) was not deleted: its status is Active/,
		);
		expect(sandbox.store.deletions.map((d) => d.id)).toEqual([COMPLETED]);
	});
});

describe('Expected Name', () => {
	test('deletes only when the current name matches (trimmed, any case, NFKC); otherwise the item names both names', async () => {
		const input = [
			{ campaignId: COMPLETED, name: 'Appointment Confirmation' },
			{ campaignId: STOPPED, name: '  ORDER shipped\u00A0notification ' }, // spaces, case and a non-breaking space from a sheet
			{ campaignId: READY, name: '\uFF22illing Alert Template Campaign-21212' }, // full-width B
			{ campaignId: ACTIVE, name: 'Payment Due Reminder' }, // the row above's name: the sheet slipped
		];
		const result = await run(guarded({ expectedName: '={{ $json.name }}' }), input);
		const [ok, failed] = result.outputs(NODE);
		expect(
			ok.map((item) => [item.pairedItem.item, item.json.campaignId, item.json.deleted]),
		).toEqual([
			[0, COMPLETED, true],
			[1, STOPPED, true],
			[2, READY, true],
		]);
		expect(ok.every((item) => item.json.warning === undefined)).toBe(true);
		expect(failed.map((item) => item.pairedItem.item)).toEqual([3]);
		expect(failed[0].json.error).toBe(
			`SMS campaign "Event Reminder SMS Campaign" (${ACTIVE}) was not deleted: its name is "Event Reminder SMS Campaign", not the Expected Name "Payment Due Reminder".`,
		);
		expect(
			deletes()
				.map((r) => r.campaignId)
				.sort(),
		).toEqual([COMPLETED, STOPPED, READY].sort());
		expect(sandbox.store.has(ACTIVE)).toBe(true);
	});

	test('a name differing by an invisible character does not match, and the sentence shows it', async () => {
		const result = await run(guarded({ expectedName: '={{ $json.name }}' }), [
			{ campaignId: STOPPED, name: 'Order\u200B Shipped Notification' },
		]);
		expect(result.json(NODE, 1)[0].error).toMatch(
			/not the Expected Name "Order<U\+200B> Shipped Notification"\.$/,
		);
		expect(deletes()).toEqual([]);
	});

	test('status and name both wrong: one sentence with both reasons', async () => {
		const result = await run(
			guarded({ expectedName: 'Spring Sale', onlyWhenStatusIs: ['Completed'] }),
			rows(ACTIVE),
		);
		expect(result.json(NODE, 1)[0].error).toBe(
			`SMS campaign "Event Reminder SMS Campaign" (${ACTIVE}) was not deleted: its status is Active, and Only When Status Is allows only Completed; its name is "Event Reminder SMS Campaign", not the Expected Name "Spring Sale".`,
		);
	});

	test('an expression that gives no name (an empty cell) fails the row before any request; a name that is not text too', async () => {
		const input = [
			{ campaignId: STOPPED, name: '' },
			{ campaignId: COMPLETED, name: { first: 'x' } },
			{ campaignId: READY, name: nameOf(READY) },
		];
		const result = await run(guarded({ expectedName: '={{ $json.name }}' }), input);
		const [ok, failed] = result.outputs(NODE);
		expect(ok.map((item) => item.json.campaignId)).toEqual([READY]);
		expect(failed.map((item) => item.pairedItem.item)).toEqual([0, 1]);
		expect(failed[0].json.error).toMatch(
			/^Expected Name of item 0 is empty: its expression gave no name, so nothing was read or deleted\./,
		);
		expect(failed[1].json.error).toMatch(
			/^Expected Name of item 1 must be text, but it is an object\./,
		);
		expect(sandbox.requests.map((r) => r.campaignId)).toEqual([READY, READY]);
	});

	test('a dry run with a wrong name: wouldDelete false with the reason, nothing deleted', async () => {
		const result = await run(
			guarded({ dryRun: true, expectedName: 'Something else' }),
			rows(STOPPED),
		);
		expect(result.json(NODE, 0)[0]).toMatchObject({
			dryRun: true,
			wouldDelete: false,
			deleted: false,
			campaignId: STOPPED,
			reason: `SMS campaign "Order Shipped Notification" (${STOPPED}) would not be deleted: its name is "Order Shipped Notification", not the Expected Name "Something else".`,
		});
		expect(methods()).toEqual(['GET']);
	});
});

describe('Treat Missing Campaigns as Deleted, under guards and dry runs', () => {
	test('off: a missing campaign is the same not-found error as an unguarded delete (advice included), in a dry run too', async () => {
		const unguarded = (await run(guarded({}), rows(MISSING))).json(NODE, 1)[0].error;
		expect(unguarded).toMatch(
			new RegExp(
				`^Campaign ${MISSING} was not found in app ${sandbox.credentials.appId} \\(HTTP 404.*Treat Missing Campaigns as Deleted`,
			),
		);
		for (const options of [{ dryRun: true }, { onlyWhenStatusIs: ['Completed'] }]) {
			sandbox.reset();
			const result = await run(guarded(options), rows(MISSING));
			expect(result.json(NODE, 1)[0].error).toBe(unguarded);
			expect(methods()).toEqual(['GET']);
		}
	});

	test('on: deleted false with the reason, as without guards; a dry run adds wouldDelete false', async () => {
		const reason = `Campaign ${MISSING} was not found in app ${sandbox.credentials.appId}, so there was nothing to delete (it may have been deleted earlier).`;
		const plain = await run(guarded({ treatMissingAsDeleted: true }), rows(MISSING));
		const withGuard = await run(
			guarded({ treatMissingAsDeleted: true, expectedName: 'X' }),
			rows(MISSING),
		);
		const dry = await run(guarded({ treatMissingAsDeleted: true, dryRun: true }), rows(MISSING));
		const expected = { deleted: false, campaignId: MISSING, campaignType: 'sms', reason };
		expect(plain.json(NODE, 0)).toEqual([expected]);
		expect(withGuard.json(NODE, 0)).toEqual([expected]);
		expect(dry.json(NODE, 0)).toEqual([
			{
				...expected,
				dryRun: true,
				wouldDelete: false,
				message: 'Dry run: would not be deleted; nothing was deleted.',
			},
		]);
		expect(methods()).toEqual(['DELETE', 'GET', 'GET']);
	});
});

test('a campaign that changes between the read and the delete is deleted (Kore.ai cannot be told not to) and the item says so', async () => {
	// Another user starts the campaign right after the node read it as Completed.
	const racing = await startSandbox({
		rateLimit: false,
		onRequest: (entry) => {
			if (entry.method === 'GET' && entry.status === 200)
				racing.store.setStatus(entry.campaignId, 'Active');
		},
	});
	try {
		const result = await runWorkflow(guarded({ onlyWhenStatusIs: ['Completed'] }), {
			credentials: { koreAiApi: racing.credentials },
			input: rows(COMPLETED),
		});
		const [item] = result.json(NODE, 0);
		expect(item).toMatchObject({ deleted: true, campaignId: COMPLETED, status: 'Active' });
		expect(item.warning).toBe(
			`SMS campaign "Appointment Confirmation" (${COMPLETED}) was deleted, but it changed after it was checked: its status is Active, and Only When Status Is allows only Completed. Kore.ai has no conditional delete: the check and the delete are two requests.`,
		);
	} finally {
		await racing.close();
	}
});

describe('Delete Contact List: Dry Run and Expected Name', () => {
	const listWorkflow = (options, settings = { onError: 'continueErrorOutput' }) => {
		const workflow = fixtureWorkflow(__dirname, 'delete', {
			parameters: {
				resource: 'contactList',
				operation: 'delete',
				contactListId: byId('={{ $json.listId }}'),
			},
			options: { requestsPerMinute: 0, concurrency: 1, ...options },
			settings,
		});
		const node = workflow.nodes.find((n) => n.name === NODE);
		delete node.parameters.campaignId;
		delete node.parameters.simplify;
		return workflow;
	};

	test('a dry run reads the list and deletes nothing; a wrong name fails the row; the right one deletes it', async () => {
		const other = sandbox.store.contactLists.addList('Spring leads', { n: 3 });
		const dry = await run(listWorkflow({ dryRun: true, expectedName: '={{ $json.name }}' }), [
			{ listId: LIST, name: 'renewal due - july 2025' },
			{ listId: other, name: 'Renewal Due - July 2025' },
		]);
		expect(dry.json(NODE, 0)).toEqual([
			expect.objectContaining({
				dryRun: true,
				wouldDelete: true,
				deleted: false,
				_id: LIST,
				name: 'Renewal Due - July 2025',
				totalRecordCount: 2,
			}),
			expect.objectContaining({
				dryRun: true,
				wouldDelete: false,
				_id: other,
				reason: `Contact list "Spring leads" (${other}) would not be deleted: its name is "Spring leads", not the Expected Name "Renewal Due - July 2025".`,
			}),
		]);
		expect(deletes()).toEqual([]);

		sandbox.requests.length = 0;
		const real = await run(listWorkflow({ expectedName: '={{ $json.name }}' }), [
			{ listId: other, name: 'Renewal Due - July 2025' },
			{ listId: LIST, name: 'Renewal Due - July 2025' },
		]);
		const [ok, failed] = real.outputs(NODE);
		expect(ok.map((item) => [item.pairedItem.item, item.json._id, item.json.deleted])).toEqual([
			[1, LIST, true],
		]);
		expect(failed.map((item) => item.pairedItem.item)).toEqual([0]);
		expect(failed[0].json.error).toBe(
			`Contact list "Spring leads" (${other}) was not deleted: its name is "Spring leads", not the Expected Name "Renewal Due - July 2025".`,
		);
		expect(sentUrls(sandbox)).toEqual([
			`GET /campaign/contactList/${other}?accountId=${sandbox.credentials.accountId}`,
			`GET /campaign/contactList/${LIST}?accountId=${sandbox.credentials.accountId}`,
			`DELETE /campaign/contactList/${LIST}?accountId=${sandbox.credentials.accountId}`,
		]);
		expect(sandbox.store.contactLists.has(other)).toBe(true);
		expect(sandbox.store.contactLists.has(LIST)).toBe(false);
	});

	test('has no Only When Status Is (lists have no campaign status)', async () => {
		const names = (await deleteOptions())('contactList').map((o) => o.name);
		expect(names).toEqual(expect.arrayContaining(['dryRun', 'expectedName']));
		expect(names).not.toContain('onlyWhenStatusIs');
	});
});

/** The options of Delete for a resource, as n8n loads the built node. */
async function deleteOptions() {
	const { loadPackage, KORE_NODE_TYPE } = require('../harness');
	const { nodeTypes } = await loadPackage();
	const options = nodeTypes[KORE_NODE_TYPE].description.properties.filter(
		(p) => p.name === 'options' && p.displayOptions?.show?.operation?.includes('delete'),
	);
	return (resource) =>
		options.find((p) => p.displayOptions.show.resource.includes(resource)).options;
}

test('what the editor and AI agents read: each guard option in at most two sentences; Dry Run before bulk deletes, Expected Name when the name is known', async () => {
	const byName = (resource) =>
		deleteOptions().then((of) =>
			Object.fromEntries(of(resource).map((option) => [option.name, option])),
		);
	for (const resource of ['smsCampaign', 'voiceCampaign', 'contactList']) {
		const options = await byName(resource);
		const guards = ['treatMissingAsDeleted', 'dryRun', 'onlyWhenStatusIs', 'expectedName'].filter(
			(name) => options[name],
		);
		expect(guards.length).toBeGreaterThanOrEqual(2);
		for (const name of guards) {
			const sentences = options[name].description
				.replace(/e\.g\./g, 'eg')
				.split(/[.!?](?:\s+|$)/)
				.filter((part) => part.trim() !== '');
			expect([name, sentences.length <= 2]).toEqual([name, true]);
		}
		expect(options.dryRun.default).toBe(false);
		expect(options.dryRun.description).toMatch(/before any bulk delete \(an AI agent too\)/);
		expect(options.expectedName.default).toBe('');
		expect(options.expectedName.description).toMatch(
			/an AI agent should give it whenever it knows the name/,
		);
	}
	const statuses = (await byName('smsCampaign')).onlyWhenStatusIs;
	expect(statuses.default).toEqual([]);
	expect(statuses.options.map((o) => o.value)).toEqual([
		'Active',
		'Completed',
		'Paused',
		'Preparing',
		'Ready',
		'Rescheduled',
		'Scheduled',
		'Stopped',
	]);
});
