// The Campaign field's "From List" mode: the node's listSearch method in n8n-core's real
// LoadOptionsContext (see listSearch.js), against the sandbox.
const { useSandbox } = require('../helpers');
const { loadPackage, KORE_NODE_TYPE } = require('../harness');
const { searchCampaigns } = require('./listSearch');

const sandbox = useSandbox({ rateLimit: false });

const search = (resource, extra = {}) =>
	searchCampaigns({
		credentials: sandbox.credentials,
		parameters: {
			resource,
			operation: 'delete',
			campaignId: { __rl: true, mode: 'list', value: '' },
		},
		...extra,
	});
const listBodies = () => sandbox.requests.filter((r) => r.route === 'list').map((r) => r.body);

describe('Campaign picker (From List)', () => {
	test('the Campaign field offers From List (searchCampaigns, searchable) and By ID for every operation (Schedule and Unschedule also By Name)', async () => {
		const pkg = await loadPackage();
		const description = pkg.nodeTypes[KORE_NODE_TYPE].description;
		const fields = description.properties.filter((p) => p.name === 'campaignId');
		expect(fields.length).toBeGreaterThanOrEqual(5);
		for (const field of fields) {
			const byName = ['schedule', 'unschedule'].includes(field.displayOptions.show.operation[0]);
			expect(field.modes.map((mode) => mode.name)).toEqual(
				byName ? ['list', 'id', 'name'] : ['list', 'id'],
			);
			expect(field.modes[0].typeOptions).toEqual({
				searchListMethod: 'searchCampaigns',
				searchable: true,
			});
		}
	});

	test('lists the SMS campaigns by name, each shown with its status, the ID as value', async () => {
		const { results, paginationToken } = await search('smsCampaign');
		expect(paginationToken).toBeUndefined();
		expect(results).toHaveLength(10);
		expect(results).toContainEqual({
			name: 'Billing Alert Template Campaign-21212 (Ready)',
			value: 'cd-213cc43a-a340-5b89-a256-ff8da28xxxxx',
		});
		expect(results).toContainEqual({
			name: 'Event Reminder SMS Campaign (Active)',
			value: 'cd-78d3f0a9-8f42-5d8c-af8d-d6a63ea1c7d4',
		});
		const names = results.map((r) => r.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(listBodies()).toEqual([
			{ type: 'sms', limit: 100, skip: 0, page: 1, sortBy: { name: 'asc' } },
		]);
		// Same transport as the operations: the credential's headers and the accountId query.
		expect(sandbox.requests[0].iid).toBe(sandbox.credentials.appId);
		expect(sandbox.requests[0].url).toContain(`?accountId=${sandbox.credentials.accountId}`);
	});

	test('the Voice Campaign resource lists voice campaigns (entries with `_id`)', async () => {
		const { results } = await search('voiceCampaign');
		expect(results).toHaveLength(5);
		expect(results).toContainEqual({
			name: 'Billing Reminder Voice Campaign (Active)',
			value: 'cd-c1b940c7-7012-4e7d-98d9-47071774e6a1',
		});
		expect(listBodies()[0].type).toBe('voice');
	});

	test('search text matches name or ID, without regard to case', async () => {
		expect(
			(await search('smsCampaign', { filter: 'BILLING' })).results.map((r) => r.value),
		).toEqual(['cd-213cc43a-a340-5b89-a256-ff8da28xxxxx']);
		expect(
			(await search('smsCampaign', { filter: 'cd-0c172a6b' })).results.map((r) => r.name),
		).toEqual(['Order Shipped Notification (Stopped)']);
		expect((await search('smsCampaign', { filter: 'no such campaign' })).results).toEqual([]);
	});

	test('pages: the paginationToken is the next skip, until the last page', async () => {
		sandbox.addCampaigns(240, 'sms', { namePrefix: 'Bulk' });
		const first = await search('smsCampaign');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('100');
		const second = await search('smsCampaign', { paginationToken: first.paginationToken });
		expect(second.paginationToken).toBe('200');
		const third = await search('smsCampaign', { paginationToken: second.paginationToken });
		expect(third.paginationToken).toBeUndefined();
		const all = [...first.results, ...second.results, ...third.results].map((r) => r.value);
		expect(all).toHaveLength(250);
		expect(new Set(all).size).toBe(250);
		expect(listBodies().map(({ skip, page }) => [skip, page])).toEqual([
			[0, 1],
			[100, 2],
			[200, 3],
		]);
	});

	test('with search text, pages are read until something matches (a rare name is not lost behind empty pages)', async () => {
		sandbox.addCampaigns(240, 'sms', { namePrefix: 'Bulk' });
		sandbox.addCampaigns(1, 'sms', { namePrefix: 'Zulu Special' });
		const { results, paginationToken } = await search('smsCampaign', { filter: 'zulu' });
		expect(results.map((r) => r.name)).toEqual(['Zulu Special 241 (Ready)']);
		expect(paginationToken).toBeUndefined();
		expect(listBodies().map((b) => b.skip)).toEqual([0, 100, 200]);
	});

	test("wrong credentials: the transport's clear 401 sentence, without the secret", async () => {
		const credentials = { ...sandbox.credentials, clientSecret: 'wrong-secret-value-123' };
		const error = await searchCampaigns({
			credentials,
			parameters: { resource: 'smsCampaign', operation: 'get' },
		}).catch((e) => e);
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toMatch(
			/^Kore\.ai rejected the credentials \(HTTP 401 Unauthorized: Invalid SDK credentials\)/,
		);
		expect(
			JSON.stringify({ message: error.message, description: error.description }),
		).not.toContain('wrong-secret-value-123');
	});

	test('the Stream ID option, when typed in, is the app listed; an invalid one is refused before any request', async () => {
		const foreign = await searchCampaigns({
			credentials: sandbox.credentials,
			parameters: {
				resource: 'smsCampaign',
				operation: 'get',
				options: { streamId: 'st-9a4c21e7-3b5d-5f60-8e1a-c2d4f6b8e0a3' },
			},
		}).catch((e) => e);
		// The sandbox, like Kore.ai, refuses a stream that is not the credential's app.
		expect(foreign.message).toMatch(/^Kore\.ai rejected the credentials/);
		expect(sandbox.requests[0].streamId).toBe('st-9a4c21e7-3b5d-5f60-8e1a-c2d4f6b8e0a3');

		const before = sandbox.requests.length;
		const invalid = await searchCampaigns({
			credentials: sandbox.credentials,
			parameters: { resource: 'smsCampaign', operation: 'get', options: { streamId: 'st-1/../x' } },
		}).catch((e) => e);
		expect(invalid.message).toMatch(/^Stream ID option "st-1\/\.\.\/x" contains/);
		expect(sandbox.requests.length).toBe(before);
	});
});
