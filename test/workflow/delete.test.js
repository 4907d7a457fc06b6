// Delete SMS/Voice Campaign through n8n's real engine (n8n-core WorkflowExecute) against the sandbox.
const {
	NODE,
	startSandbox,
	useSandbox,
	runWorkflow,
	deleteWorkflow,
	expectNoSecrets,
} = require('./helpers');

const sandbox = useSandbox({ rateLimit: false });

const SEED_ID = 'cd-213cc43a-a340-5b89-a256-ff8da28xxxxx';
const smsIds = () => sandbox.store.ids('sms');
const run = (workflow, input, credentials = sandbox.credentials) =>
	runWorkflow(workflow, { credentials: { koreAiApi: credentials }, input });
const deleteRequests = () => sandbox.requests.filter((r) => r.method === 'DELETE');

describe('Delete SMS Campaign', () => {
	test('deletes several campaigns mapped from the previous node, one paired item each, in order', async () => {
		const ids = smsIds().slice(0, 4);
		const result = await run(
			deleteWorkflow(),
			ids.map((campaignId) => ({ campaignId })),
		);

		expect(result.status).toBe('success');
		const [ok, failed] = result.outputs(NODE);
		expect(failed).toEqual([]);
		expect(ok.map((item) => item.json.campaignId)).toEqual(ids);
		expect(ok.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		for (const item of ok) {
			expect(item.json.deleted).toBe(true);
			expect(item.json.campaignType).toBe('sms');
			expect(item.json.message).toBe(`Campaign ${item.json.name} deleted successfully`);
			expect(sandbox.store.has(item.json.campaignId)).toBe(false);
		}
		// Exactly the request of Kore.ai's Delete SMS Campaign (API v2) page: method, path, query and headers.
		const sent = deleteRequests();
		expect(sent).toHaveLength(4);
		expect(sent[0].url).toBe(
			`/campaign/api/v2/public/${sandbox.credentials.appId}/campaign/${ids[0]}?accountId=${sandbox.credentials.accountId}&campaignType=sms`,
		);
		expect(sent[0].iid).toBe(sandbox.credentials.appId);
		expect(sent[0].accountId).toBe(sandbox.credentials.accountId);
		expectNoSecrets(result, sandbox);
	});

	test("the sample campaign of Kore.ai's Delete SMS Campaign page comes out simplified; its cut-off SMS text is not decoded into garbage", async () => {
		const result = await run(deleteWorkflow(), [{ campaignId: SEED_ID }]);
		const [item] = result.json(NODE, 0);
		expect(item).toMatchObject({
			deleted: true,
			campaignId: SEED_ID,
			name: 'Billing Alert Template Campaign-21212',
			priority: 5,
			callerId: '+9195616xxxxx',
			callingTimezone: 'Asia/Kolkata',
			templateName: 'Welcome',
			message: 'Campaign Billing Alert Template Campaign-21212 deleted successfully',
		});
		// The page's base64 is redacted mid-character ("...reply right her" + "xxxxx"): it is not valid
		// UTF-8, so there is no smsText (it once ended "...herq\uFFFDq"); the base64 is kept as sent.
		expect(item).not.toHaveProperty('smsText');
		expect(item.smsTextBase64).toMatch(/^R3JlZXRpbmdzLCA8Rmlyc3QgTmFtZT4h.*xxxxx$/);
	});

	test('a readable SMS text is decoded next to its base64', async () => {
		const [id] = sandbox.store
			.ids('sms')
			.filter(
				(campaignId) => campaignId !== SEED_ID && sandbox.store.get(campaignId).message?.message,
			);
		const [item] = (await run(deleteWorkflow(), [{ campaignId: id }])).json(NODE, 0);
		expect(item.smsText).toBe(
			Buffer.from(item.smsTextBase64.replace(/%3D/g, '='), 'base64').toString('utf8'),
		);
		expect(item.smsText).toMatch(/^[\x20-\x7e<>]+$/);
	});

	test("Simplify off returns Kore.ai's raw response", async () => {
		const result = await run(deleteWorkflow({ parameters: { simplify: false } }), [
			{ campaignId: SEED_ID },
		]);
		const [item] = result.json(NODE, 0);
		expect(Object.keys(item).sort()).toEqual(['data', 'message', 'status']);
		expect(item.status).toBe('success');
		expect(item.data._id).toBe(SEED_ID);
		expect(item.data.message.template_name).toBe('Welcome');
	});

	test('a campaign deleted already is reported as not found, naming campaign and app', async () => {
		const result = await run(deleteWorkflow(), [{ campaignId: SEED_ID }, { campaignId: SEED_ID }]);
		const [ok, failed] = result.outputs(NODE);
		expect(ok).toHaveLength(1);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 1 });
		expect(failed[0].json.error).toMatch(
			new RegExp(
				`^Campaign ${SEED_ID} was not found in app ${sandbox.credentials.appId} \\(HTTP 404 Not Found`,
			),
		);
		// Only `error` (n8n 1.x routes nothing else to the error output), merged by n8n with the input row.
		expect(Object.keys(failed[0].json).sort()).toEqual(['campaignId', 'error']);
		// n8n merges the input row into error-output items, so the failed row stays identifiable.
		expect(failed[0].json.campaignId).toBe(SEED_ID);
	});

	test('running the same rows again: a short title, then advice naming Treat Missing Campaigns as Deleted', async () => {
		const rows = [{ campaignId: SEED_ID, row: 2 }];
		expect((await run(deleteWorkflow(), rows)).json(NODE, 0)).toHaveLength(1);
		const again = await run(deleteWorkflow(), rows);
		const [, failed] = again.outputs(NODE);
		const title = `Campaign ${SEED_ID} was not found in app ${sandbox.credentials.appId} (HTTP 404 Not Found).`;
		const advice =
			'Deleted by an earlier run? Turn on Options > Treat Missing Campaigns as Deleted to count it as done. Otherwise check the Campaign ID, and that it is an SMS campaign of this app.';
		// The error output: `error` only (n8n 1.x routes nothing else there), title then advice, the ID once.
		expect(failed).toEqual([
			{
				json: { campaignId: SEED_ID, row: 2, error: `${title} ${advice}` },
				pairedItem: { item: 0 },
			},
		]);
		expect(failed[0].json.error.split(SEED_ID)).toHaveLength(2);

		// Stopping on the error, n8n's error panel shows the title, and the advice below it (description).
		const stopped = await run(deleteWorkflow({ settings: { onError: 'stopWorkflow' } }), rows);
		expect(stopped.status).toBe('error');
		expect(stopped.error.message).toBe(title);
		expect(stopped.error.description).toBe(advice);

		// With the option the advice names, the same rows pass.
		const treated = await run(
			deleteWorkflow({ parameters: { options: { treatMissingAsDeleted: true } } }),
			rows,
		);
		expect(treated.json(NODE, 0)).toEqual([
			expect.objectContaining({ deleted: false, campaignId: SEED_ID }),
		]);
	});

	test('not-found answered Kore.ai-platform style (400 with errors[]) reads the same', async () => {
		sandbox.setNotFoundStyle('400-errors');
		try {
			const result = await run(deleteWorkflow(), [
				{ campaignId: 'cd-00000000-0000-0000-0000-000000000000' },
			]);
			const [, failed] = result.outputs(NODE);
			expect(failed[0].json.error).toMatch(/^Campaign cd-0+-0+-0+-0+-0+ was not found in app st-/);
		} finally {
			sandbox.setNotFoundStyle('404');
		}
	});

	test('a voice campaign under the SMS action is not found; under Delete Voice Campaign it is deleted', async () => {
		const voiceId = sandbox.store.ids('voice')[0];
		const asSms = await run(deleteWorkflow(), [{ campaignId: voiceId }]);
		expect(asSms.outputs(NODE)[1]).toHaveLength(1);
		expect(sandbox.store.has(voiceId)).toBe(true);

		const asVoice = await run(deleteWorkflow({ parameters: { resource: 'voiceCampaign' } }), [
			{ campaignId: voiceId },
		]);
		const [ok] = asVoice.outputs(NODE);
		expect(ok[0].json).toMatchObject({ deleted: true, campaignId: voiceId, campaignType: 'voice' });
		expect(ok[0].json.dialingMode).toEqual(expect.any(String));
		expect(deleteRequests().at(-1).campaignType).toBe('voice');
		expect(sandbox.store.has(voiceId)).toBe(false);
	});

	test('malformed IDs are refused before any request, each naming its item and the field', async () => {
		const input = [
			{ campaignId: '../st-other' },
			{ campaignId: 'cd-1/evil' },
			{ campaignId: 'cd-1?campaignType=voice' },
			{ campaignId: 'cd 1' },
			{ campaignId: 'cd-1\u0000' },
			{ campaignId: 42 },
			{ campaignId: '' },
			{},
		];
		const result = await run(deleteWorkflow(), input);
		const [ok, failed] = result.outputs(NODE);
		expect(ok).toEqual([]);
		expect(failed.map((item) => item.pairedItem.item)).toEqual(input.map((_, i) => i));
		failed.forEach((item, i) =>
			expect(item.json.error).toMatch(new RegExp(`^Campaign ID of item ${i} `)),
		);
		expect(failed[5].json.error).toMatch(/must be text .* the number 42/);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('mixed results keep input order and pairing on both outputs', async () => {
		const [a, b, c] = smsIds();
		const input = [a, 'bad/id', b, a, 'cd-does-not-exist', c].map((campaignId) => ({ campaignId }));
		const result = await run(deleteWorkflow(), input);
		const [ok, failed] = result.outputs(NODE);
		expect(ok.map((i) => [i.pairedItem.item, i.json.campaignId])).toEqual([
			[0, a],
			[2, b],
			[5, c],
		]);
		expect(failed.map((i) => i.pairedItem.item)).toEqual([1, 3, 4]);
		expect(failed.map((i) => i.json.error.match(/\(HTTP (\d{3})/)?.[1])).toEqual([
			undefined,
			'404',
			'404',
		]);
	});

	test('with "On Error: Continue" (regular output) every item stays in one output, in input order', async () => {
		const [a, b] = smsIds();
		const input = ['x/y', a, a, b].map((campaignId) => ({ campaignId }));
		const result = await run(
			deleteWorkflow({ settings: { onError: 'continueRegularOutput' } }),
			input,
		);
		const [items] = result.outputs(NODE);
		expect(items.map((i) => i.pairedItem.item)).toEqual([0, 1, 2, 3]);
		expect(items.map((i) => (i.json.error ? 'error' : i.json.campaignId))).toEqual([
			'error',
			a,
			'error',
			b,
		]);
	});

	test('without "On Error: Continue" the first failure stops the workflow with that item\'s message', async () => {
		const [a] = smsIds();
		const result = await run(deleteWorkflow({ settings: { onError: 'stopWorkflow' } }), [
			{ campaignId: a },
			{ campaignId: 'a/b' },
		]);
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/^Campaign ID of item 1 "a\/b" contains "\/"/);
	});

	test('Stream ID option overrides the path; a foreign stream is refused by Kore.ai', async () => {
		const result = await run(
			deleteWorkflow({ parameters: { options: { streamId: 'st-someone-else' } } }),
			[{ campaignId: SEED_ID }],
		);
		const [, failed] = result.outputs(NODE);
		expect(sandbox.requests[0].streamId).toBe('st-someone-else');
		expect(failed[0].json.error).toMatch(/^Kore\.ai/);
		expect(sandbox.store.has(SEED_ID)).toBe(true);
	});

	test('options and Simplify set by expressions are read for each item, fixed ones apply to all', async () => {
		// Static options are read once per run (common/itemParameter.ts); these differ per item.
		const [first, second] = smsIds();
		const parameters = {
			simplify: '={{ $json.simplify }}',
			options: { treatMissingAsDeleted: '={{ $json.treat }}', maxTries: 2 },
		};
		const rows = [
			{ campaignId: first, simplify: false, treat: false },
			{ campaignId: second, simplify: true, treat: false },
			{ campaignId: first, simplify: true, treat: true },
			{ campaignId: first, simplify: true, treat: false },
		];
		const result = await run(deleteWorkflow({ parameters }), rows);
		const [ok, failed] = result.outputs(NODE);
		expect(ok.map((item) => item.pairedItem.item)).toEqual([0, 1, 2]);
		expect(Object.keys(ok[0].json).sort()).toEqual(['data', 'message', 'status']);
		expect(ok[1].json).toMatchObject({ deleted: true, campaignId: second });
		expect(ok[2].json).toMatchObject({ deleted: false, campaignId: first });
		expect(failed.map((item) => item.pairedItem.item)).toEqual([3]);
		expect(failed[0].json.error).toMatch(new RegExp(`^Campaign ${first} was not found`));
	});
});

describe('credentials', () => {
	test('a wrong client secret gives the clear 401 message on every item and leaks nothing', async () => {
		const wrong = { ...sandbox.credentials, clientSecret: 'not-the-secret-0123456789' };
		const result = await run(
			deleteWorkflow(),
			smsIds()
				.slice(0, 2)
				.map((campaignId) => ({ campaignId })),
			wrong,
		);
		const [ok, failed] = result.outputs(NODE);
		expect(ok).toEqual([]);
		for (const item of failed) {
			expect(item.json.error).toMatch(
				/^Kore\.ai rejected the credentials \(HTTP 401 Unauthorized: Invalid SDK credentials\)/,
			);
			expect(item.json.error).toMatch(/Client ID, Client Secret and Signing Algorithm/);
		}
		expectNoSecrets(result, sandbox, wrong);
		expect(smsIds()).toHaveLength(11);
	});

	test('with "stop workflow" a 401 ends the run with the same message and no secret in stored data', async () => {
		const wrong = { ...sandbox.credentials, clientSecret: 'wrong-secret-for-stop-test' };
		const result = await run(
			deleteWorkflow({ settings: { onError: 'stopWorkflow' } }),
			[{ campaignId: SEED_ID }],
			wrong,
		);
		expect(result.status).toBe('error');
		expect(result.error.message).toMatch(/^Kore\.ai rejected the credentials/);
		expectNoSecrets(result, sandbox, wrong);
	});

	test('HS512 apps work when the credential says HS512', async () => {
		const second = sandbox.secondaryCredentials;
		const id = sandbox.store.ids('sms').find((cid) => sandbox.store.streamOf(cid) === second.appId);
		expect(id).toBeDefined();
		const result = await run(deleteWorkflow(), [{ campaignId: id }], second);
		expect(result.json(NODE, 0)[0]).toMatchObject({ deleted: true, campaignId: id });
	});

	test('apps that enforce JTI accept the node: every request carries a fresh token', async () => {
		const strict = await startSandbox({ rateLimit: false, enforceJti: true });
		try {
			const ids = strict.store.ids('sms').slice(0, 5);
			const result = await runWorkflow(deleteWorkflow(), {
				credentials: { koreAiApi: strict.credentials },
				input: ids.map((campaignId) => ({ campaignId })),
			});
			expect(result.json(NODE, 0).map((i) => i.campaignId)).toEqual(ids);
			expect(new Set(strict.tokensSeen).size).toBe(5);
		} finally {
			await strict.close();
		}
	});

	test.each([
		[{ clientSecret: '' }, /^Client Secret in the Kore\.ai API credential is empty/],
		[{ appId: '' }, /^App ID in the Kore\.ai API credential is empty/],
		[
			{ accountId: 'acc/../x' },
			/^Account ID in the Kore\.ai API credential "acc\/\.\.\/x" contains/,
		],
		[{ host: 'http://platform.kore.ai' }, /plain http/],
		[
			{ algorithm: 'RS256' },
			/^Signing Algorithm in the Kore\.ai API credential must be HS256 or HS512/,
		],
	])('credential problem %p is named before any request', async (override, message) => {
		const result = await run(deleteWorkflow(), [{ campaignId: SEED_ID }], {
			...sandbox.credentials,
			...override,
		});
		const [, failed] = result.outputs(NODE);
		expect(failed[0].json.error).toMatch(message);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('nothing listens at the Environment URL: a connection-refused sentence', async () => {
		const closed = await startSandbox({ rateLimit: false });
		const host = closed.url;
		await closed.close();
		// A refused connection is retried (nothing was sent); short waits keep the test quick.
		const options = { retryDelay: 0.01 };
		const result = await run(
			deleteWorkflow({ parameters: { options } }),
			[{ campaignId: SEED_ID }],
			{ ...sandbox.credentials, host },
		);
		const [failed] = result.outputs(NODE)[1];
		expect(failed.json.error).toMatch(
			new RegExp(`nothing answers at ${host.replace(/\./g, '\\.')} \\(connection refused\\)`),
		);
		expect(failed.json.error).toMatch(/Tried 5 times in [\d.]+ s \(Max Tries is 5\)\.$/);
	});

	test('a plain-http host written without http:// (so https is tried): the sentence says so, not just EPROTO', async () => {
		const host = sandbox.url.replace(/^http:\/\//, '');
		const result = await run(deleteWorkflow(), [{ campaignId: SEED_ID }], {
			...sandbox.credentials,
			host,
		});
		const [failed] = result.outputs(NODE)[1];
		expect(failed.json.error).toMatch(
			new RegExp(
				`^Could not delete SMS campaign ${SEED_ID}: https://${host.replace(/\./g, '\\.')} does not answer https \\(EPROTO\\)\\. Check the Environment URL`,
			),
		);
		expect(sandbox.store.has(SEED_ID)).toBe(true);
	});
});
