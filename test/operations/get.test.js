// Get SMS/Voice Campaign through n8n's engine against the sandbox.
const {
	NODE,
	startSandbox,
	useSandbox,
	runOperation,
	byId,
	fromList,
	expectNoSecrets,
	sentUrls,
} = require('./helpers');

const sandbox = useSandbox({ rateLimit: false });

const SEED_ID = 'cd-213cc43a-a340-5b89-a256-ff8da28xxxxx';
const VOICE_ID = 'cd-a1e45a7e-e8ba-4e97-a339-476ebc7f3d20';
const get = (resource, campaignId, extra = {}) => ({
	resource,
	operation: 'get',
	campaignId,
	...extra,
});

describe('Get SMS Campaign', () => {
	test('gives the same item as Delete, minus `deleted`, and changes nothing', async () => {
		const got = await runOperation(sandbox, get('smsCampaign', byId(SEED_ID)));
		expect(got.status).toBe('success');
		const [item] = got.json(NODE);
		expect(sandbox.store.has(SEED_ID)).toBe(true);

		const deleted = await runOperation(sandbox, {
			resource: 'smsCampaign',
			operation: 'delete',
			campaignId: byId(SEED_ID),
		});
		const [deletedItem] = deleted.json(NODE);
		const { deleted: flag, message: deleteMessage, ...deletedRest } = deletedItem;
		const { message, ...rest } = item;
		expect(flag).toBe(true);
		expect(rest).toEqual(deletedRest);
		expect(Object.keys(item)).toEqual(Object.keys(deletedItem).filter((key) => key !== 'deleted'));
		expect(message).toBe('Campaign Billing Alert Template Campaign-21212 retrieved successfully');
		expect(deleteMessage).toBe(
			'Campaign Billing Alert Template Campaign-21212 deleted successfully',
		);
		expect(item).toMatchObject({
			campaignId: SEED_ID,
			campaignType: 'sms',
			status: 'Ready',
			priority: 5,
			templateName: 'Welcome',
		});
		// Kore.ai's sample text is cut off mid-character: no smsText, the base64 as Kore.ai sent it.
		expect(item).not.toHaveProperty('smsText');
		expect(item.smsTextBase64).toMatch(/^R3JlZXRpbmdz/);
	});

	test('sends GET /campaign/{id} with accountId (the page takes no campaignType), IDs mapped per item, paired in order', async () => {
		const ids = [SEED_ID, 'cd-78d3f0a9-8f42-5d8c-af8d-d6a63ea1c7d4'];
		const result = await runOperation(sandbox, get('smsCampaign', byId('={{ $json.id }}')), {
			input: ids.map((id) => ({ id })),
		});
		const items = result.items(NODE);
		expect(items.map((item) => item.json.campaignId)).toEqual(ids);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sentUrls(sandbox)).toEqual(
			ids.map((id) => `GET /campaign/${id}?accountId=${sandbox.credentials.accountId}`),
		);
		expectNoSecrets(result, sandbox);
	});

	test('a campaign picked From List (mode list) works the same', async () => {
		const result = await runOperation(sandbox, get('smsCampaign', fromList(SEED_ID)));
		expect(result.json(NODE)[0].name).toBe('Billing Alert Template Campaign-21212');
	});

	test("Simplify off returns Kore.ai's raw answer", async () => {
		const result = await runOperation(
			sandbox,
			get('smsCampaign', byId(SEED_ID), { simplify: false }),
		);
		const [item] = result.json(NODE);
		expect(Object.keys(item).sort()).toEqual(['data', 'message', 'status']);
		expect(item.data._id).toBe(SEED_ID);
	});

	test('an unknown campaign is an error item naming campaign and app; the next item still runs', async () => {
		const result = await runOperation(sandbox, get('smsCampaign', byId('={{ $json.id }}')), {
			input: [{ id: 'cd-00000000-0000-0000-0000-000000000000' }, { id: SEED_ID }],
			settings: { onError: 'continueErrorOutput' },
		});
		const [ok, failed] = result.outputs(NODE);
		expect(ok.map((item) => item.json.campaignId)).toEqual([SEED_ID]);
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toMatch(
			/^Campaign cd-00000000-0000-0000-0000-000000000000 was not found in app st-/,
		);
		expect(failed[0].pairedItem).toEqual({ item: 0 });
	});

	test('an ID that is not an ID is refused before any request', async () => {
		const result = await runOperation(sandbox, get('smsCampaign', byId('={{ "cd-1/../../x" }}')), {
			settings: { onError: 'continueErrorOutput' },
		});
		expect(result.json(NODE, 1)[0].error).toMatch(
			/^Campaign ID of item 0 "cd-1\/\.\.\/\.\.\/x" contains/,
		);
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Get Voice Campaign', () => {
	test('returns the voice campaign with its dialing settings', async () => {
		const result = await runOperation(sandbox, get('voiceCampaign', byId(VOICE_ID)));
		const [item] = result.json(NODE);
		expect(item).toMatchObject({
			campaignId: VOICE_ID,
			campaignType: 'voice',
			name: 'Service Renewal Outreach Campaign',
		});
		expect(item.dialingMode).toBeDefined();
		expect(item.maxAttemptsPerRecord).toBeDefined();
		expect(sentUrls(sandbox)[0]).toBe(
			`GET /campaign/${VOICE_ID}?accountId=${sandbox.credentials.accountId}`,
		);
	});

	test('an SMS campaign asked for as a voice campaign is refused, saying which type it is', async () => {
		const result = await runOperation(sandbox, get('voiceCampaign', byId(SEED_ID)), {
			settings: { onError: 'continueErrorOutput' },
		});
		expect(result.json(NODE, 1)[0].error).toMatch(
			/^Campaign cd-\S+ is an SMS campaign, not a voice campaign: choose SMS Campaign as the Resource\.$/,
		);
	});
});
