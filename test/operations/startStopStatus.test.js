// Start, Stop and Get Status of SMS/Voice campaigns through n8n's engine against the sandbox.
const {
	NODE,
	startSandbox,
	useSandbox,
	runOperation,
	byId,
	expectNoSecrets,
	sentUrls,
} = require('./helpers');

const sandbox = useSandbox({ rateLimit: false });

const SMS_READY = 'cd-213cc43a-a340-5b89-a256-ff8da28xxxxx';
const SMS_ACTIVE = 'cd-78d3f0a9-8f42-5d8c-af8d-d6a63ea1c7d4';
const SMS_STOPPED = 'cd-0c172a6b-2a01-5247-8e96-4e28eff5d203';
const VOICE_READY = 'cd-a1e45a7e-e8ba-4e97-a339-476ebc7f3d20';
const VOICE_ACTIVE = 'cd-c1b940c7-7012-4e7d-98d9-47071774e6a1';
const op = (resource, operation, id, extra = {}) => ({
	resource,
	operation,
	campaignId: byId(id),
	...extra,
});
const account = () => sandbox.credentials.accountId;
const continueOnError = { settings: { onError: 'continueErrorOutput' } };

describe('Start SMS/Voice Campaign', () => {
	test("Start SMS Campaign makes a Ready campaign Active, on the Start SMS page's path", async () => {
		const result = await runOperation(sandbox, op('smsCampaign', 'start', SMS_READY));
		expect(result.status).toBe('success');
		const [item] = result.json(NODE);
		expect(item).toEqual({
			campaignId: SMS_READY,
			campaignType: 'sms',
			status: 'Active',
			message: 'Campaign Started',
			updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
		});
		expect(sandbox.store.get(SMS_READY).status).toBe('Active');
		expect(sentUrls(sandbox)).toEqual([
			`POST /campaign/${SMS_READY}?accountId=${account()}&campaignType=sms&trigger=play`,
		]);
		// Kore.ai's page sends the body `{}` with Content-Type: application/json, and so does the node.
		expect(sandbox.requests[0].body).toEqual({});
		expectNoSecrets(result, sandbox);
	});

	test("Start Voice Campaign uses the voice page's trigger path and gives the voice answer", async () => {
		const result = await runOperation(sandbox, op('voiceCampaign', 'start', VOICE_READY));
		const [item] = result.json(NODE);
		expect(item).toMatchObject({
			campaignId: VOICE_READY,
			campaignType: 'voice',
			status: 'Active',
			message: 'Campaign Started',
			totalCallsCompleted: 0,
		});
		expect(item.campaignInstanceId).toMatch(/^cid-/);
		expect(sandbox.store.get(VOICE_READY).status).toBe('Active');
		expect(sentUrls(sandbox)).toEqual([
			`POST /campaign/trigger/${VOICE_READY}?accountId=${account()}&campaignType=voice&trigger=play`,
		]);
	});

	test("starting a campaign that is already Active is an error item with Kore.ai's words", async () => {
		const result = await runOperation(
			sandbox,
			op('smsCampaign', 'start', SMS_ACTIVE),
			continueOnError,
		);
		const [failed] = result.json(NODE, 1);
		expect(failed.error).toMatch(
			/^Kore\.ai refused to start SMS campaign cd-78d3f0a9-8f42-5d8c-af8d-d6a63ea1c7d4 \(HTTP 400 Bad Request: Campaign Event Reminder SMS Campaign is already Active\)/,
		);
	});

	test("Simplify off returns Kore.ai's raw answer", async () => {
		const result = await runOperation(
			sandbox,
			op('smsCampaign', 'start', SMS_READY, { simplify: false }),
		);
		expect(Object.keys(result.json(NODE)[0]).sort()).toEqual(['message', 'status', 'updatedAt']);
	});
});

describe('Stop SMS/Voice Campaign', () => {
	test('Stop SMS Campaign makes an Active campaign Stopped, on /campaign/trigger/{id} (the Stop page\'s "//" as one slash)', async () => {
		const result = await runOperation(sandbox, op('smsCampaign', 'stop', SMS_ACTIVE));
		const [item] = result.json(NODE);
		expect(item).toEqual({
			campaignId: SMS_ACTIVE,
			campaignType: 'sms',
			status: 'Stopped',
			message: 'Campaign Stopped',
			updatedAt: expect.any(String),
			campaignExecutionType: 'NORMAL',
		});
		expect(sandbox.store.get(SMS_ACTIVE).status).toBe('Stopped');
		expect(sentUrls(sandbox)).toEqual([
			`POST /campaign/trigger/${SMS_ACTIVE}?accountId=${account()}&campaignType=sms&trigger=stop`,
		]);
		// The Stop page sends `{}` with Content-Type: application/json.
		expect(sandbox.requests[0].body).toEqual({});
	});

	test("on a Kore.ai that serves only the Stop page's own path (campaign//trigger), Kore.ai answers 404 and the item says so", async () => {
		sandbox.setReadings({ smsStopPath: 'page' });
		const result = await runOperation(sandbox, op('smsCampaign', 'stop', SMS_ACTIVE), {
			settings: { onError: 'continueErrorOutput' },
		});
		expect(result.json(NODE, 1)[0].error).toMatch(
			/^Kore\.ai answered HTTP 404 Not Found: Not Found for this request's address without naming anything missing\. If other operations work with this credential, Kore\.ai does not serve this request's path/,
		);
		expect(sandbox.store.get(SMS_ACTIVE).status).toBe('Active');
	});

	test('Stop Voice Campaign', async () => {
		const result = await runOperation(sandbox, op('voiceCampaign', 'stop', VOICE_ACTIVE));
		expect(result.json(NODE)[0]).toMatchObject({
			campaignId: VOICE_ACTIVE,
			campaignType: 'voice',
			status: 'Stopped',
		});
		expect(sandbox.store.get(VOICE_ACTIVE).status).toBe('Stopped');
		expect(sentUrls(sandbox)[0]).toBe(
			`POST /campaign/trigger/${VOICE_ACTIVE}?accountId=${account()}&campaignType=voice&trigger=stop`,
		);
	});

	test('stopping a Stopped campaign, and an unknown one, are error items; the others are stopped', async () => {
		const ids = [
			SMS_STOPPED,
			'cd-99d4074d-914e-5659-b4c1-09231b8e6f70',
			'cd-ffffffff-0000-0000-0000-000000000000',
		];
		const result = await runOperation(sandbox, op('smsCampaign', 'stop', '={{ $json.id }}'), {
			input: ids.map((id) => ({ id })),
			...continueOnError,
		});
		const [ok, failed] = result.outputs(NODE);
		expect(ok.map((item) => [item.pairedItem.item, item.json.status])).toEqual([[1, 'Stopped']]);
		expect(failed.map((item) => item.pairedItem.item)).toEqual([0, 2]);
		expect(failed[0].json.error).toMatch(/is not running \(status Stopped\)/);
		expect(failed[1].json.error).toMatch(
			/^Campaign cd-ffffffff-0000-0000-0000-000000000000 was not found/,
		);
	});

	test('start, then stop, then Get Status: the status follows', async () => {
		await runOperation(sandbox, op('smsCampaign', 'start', SMS_READY));
		let status = await runOperation(sandbox, op('smsCampaign', 'getStatus', SMS_READY));
		expect(status.json(NODE)[0].status).toBe('Active');
		await runOperation(sandbox, op('smsCampaign', 'stop', SMS_READY));
		status = await runOperation(sandbox, op('smsCampaign', 'getStatus', SMS_READY));
		expect(status.json(NODE)[0].status).toBe('Stopped');
	});
});

describe('Get SMS/Voice Campaign Status', () => {
	test('gives campaignId, campaignType, name and status from POST /campaign/{id}/status?view=status', async () => {
		const result = await runOperation(sandbox, op('smsCampaign', 'getStatus', SMS_ACTIVE));
		expect(result.json(NODE)).toEqual([
			{
				campaignId: SMS_ACTIVE,
				campaignType: 'sms',
				name: 'Event Reminder SMS Campaign',
				status: 'Active',
			},
		]);
		expect(sentUrls(sandbox)).toEqual([
			`POST /campaign/${SMS_ACTIVE}/status?accountId=${account()}&view=status`,
		]);
		// Kore.ai's page sends the body `{}` with Content-Type: application/json, and so does the node.
		expect(sandbox.requests[0].body).toEqual({});
		expectNoSecrets(result, sandbox);
	});

	test('voice, several items mapped by expression, paired in order', async () => {
		const ids = [VOICE_ACTIVE, VOICE_READY];
		const result = await runOperation(
			sandbox,
			op('voiceCampaign', 'getStatus', '={{ $json.id }}'),
			{ input: ids.map((id) => ({ id })) },
		);
		expect(
			result
				.items(NODE)
				.map((item) => [item.pairedItem.item, item.json.campaignId, item.json.status]),
		).toEqual([
			[0, VOICE_ACTIVE, 'Active'],
			[1, VOICE_READY, 'Ready'],
		]);
	});

	test("Simplify off returns Kore.ai's raw answer", async () => {
		const result = await runOperation(
			sandbox,
			op('smsCampaign', 'getStatus', SMS_ACTIVE, { simplify: false }),
		);
		expect(result.json(NODE)[0]).toEqual({
			status: 'success',
			data: { id: SMS_ACTIVE, status: 'Active', name: 'Event Reminder SMS Campaign' },
		});
	});

	test('an unknown campaign is not found', async () => {
		const result = await runOperation(
			sandbox,
			op('smsCampaign', 'getStatus', 'cd-ffffffff-0000-0000-0000-000000000000'),
			continueOnError,
		);
		expect(result.json(NODE, 1)[0].error).toMatch(
			/^Campaign cd-ffffffff-0000-0000-0000-000000000000 was not found in app/,
		);
	});
});

describe("retries (the transport's rules, applied to these endpoints)", () => {
	const fast = { options: { retryDelay: 0.01 } };

	test('Get Status is a read although it is a POST: retried after a lost answer', async () => {
		sandbox.setFaults({ byCampaign: { [SMS_ACTIVE]: ['lostResponse'] } });
		const result = await runOperation(sandbox, op('smsCampaign', 'getStatus', SMS_ACTIVE, fast));
		expect(result.json(NODE)[0].status).toBe('Active');
		expect(sandbox.requests.filter((r) => r.route === 'status')).toHaveLength(2);
	});

	test('Start is not repeated after a lost answer (it may have started the campaign): the item fails, saying so', async () => {
		sandbox.setFaults({ byCampaign: { [SMS_READY]: ['lostResponse'] } });
		const result = await runOperation(
			sandbox,
			op('smsCampaign', 'start', SMS_READY, fast),
			continueOnError,
		);
		expect(result.json(NODE, 1)).toHaveLength(1);
		expect(sandbox.requests.filter((r) => r.campaignId === SMS_READY)).toHaveLength(1);
		// The sandbox did start it: the answer was lost on the way back.
		expect(sandbox.store.get(SMS_READY).status).toBe('Active');
	});

	test('Start is retried after a 429 (Kore.ai refused it before doing anything)', async () => {
		sandbox.setFaults({ byCampaign: { [SMS_READY]: [{ type: 'status429', retryAfter: false }] } });
		const result = await runOperation(sandbox, op('smsCampaign', 'start', SMS_READY, fast));
		expect(result.json(NODE)[0].status).toBe('Active');
		expect(sandbox.requests.filter((r) => r.campaignId === SMS_READY)).toHaveLength(2);
	});
});
