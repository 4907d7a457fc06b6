const seed = require('../../sandbox/fixtures/seed-delete-response.json');
const {
	simplifyCampaign,
	decodeBase64Text,
} = require('../../dist/nodes/KoreAiContactCenter/output/simplifyCampaign');

describe('simplifyCampaign on the seed page sample', () => {
	const out = simplifyCampaign(seed.data, 'sms');

	test('carries every response field of the seed under a camelCase name', () => {
		expect(out).toEqual({
			campaignId: 'cd-213cc43a-a340-5b89-a256-ff8da28xxxxx',
			campaignType: 'sms',
			name: 'Billing Alert Template Campaign-21212',
			lowercaseName: 'billing alert template campaign-21212',
			description: seed.data.description,
			status: 'Ready',
			priority: 5,
			format: 'simple',
			callerId: '+9195616xxxxx',
			callingFrequency: 'WEEKLY',
			callingTimezone: 'Asia/Kolkata',
			callingDays: ['MO', 'TU', 'WE', 'TH', 'FR'].map((day) => ({
				day,
				start: '9:00 AM',
				end: '6:00 PM',
			})),
			templateName: 'Welcome',
			templateId: 'cmt-88fcd16f-bdb2-4d4d-8a2c-0324c7fxxxxx',
			// Kore.ai's sample is redacted mid-character ("...herxxxxx"): no valid UTF-8, so no smsText.
			smsTextBase64: seed.data.message.message,
			dncList: 'testdnc',
			contactLists: ['CL Only 2020 Dec 4'],
			schedulingEnabled: false,
			recurrenceEnabled: false,
			imported: false,
			filtersEnabled: false,
			createdAt: '2025-12-08T07:09:14.523Z',
			updatedAt: '2025-12-08T07:09:31.423Z',
		});
	});

	test('no value of the sample is lost: every leaf of data appears in the simplified item', () => {
		const leaves = [];
		const walk = (value) => {
			if (Array.isArray(value)) value.forEach(walk);
			else if (value && typeof value === 'object') Object.values(value).forEach(walk);
			else leaves.push(value);
		};
		walk(seed.data);
		const flat = JSON.stringify(out);
		for (const leaf of leaves) {
			const shown = leaf === '5' ? 5 : leaf; // priority becomes a number
			expect(flat).toContain(JSON.stringify(shown));
		}
	});
});

describe('simplifyCampaign on other shapes', () => {
	test('voice fields, experience flow and campaign instance ID appear when sent', () => {
		const out = simplifyCampaign(
			{
				_id: 'cd-v1',
				dialingMode: 'Progressive',
				dncLists: { id: 'cl-1', name: 'DNC' },
				dialingStrategy: {
					dialingOrder: 'FIFO',
					maxAttemptsPerRecord: 3,
					defaultRetryPeriod: 10,
					maxRingTime: 30,
				},
				experienceFlow: 'ef-1',
				campaignInstanceId: 'cid-1',
				priority: 2,
			},
			'voice',
		);
		expect(out).toEqual({
			campaignId: 'cd-v1',
			campaignType: 'voice',
			dialingMode: 'Progressive',
			dncList: 'DNC',
			dncListId: 'cl-1',
			dialingOrder: 'FIFO',
			maxAttemptsPerRecord: 3,
			defaultRetryPeriod: 10,
			maxRingTime: 30,
			experienceFlow: 'ef-1',
			campaignInstanceId: 'cid-1',
			priority: 2,
		});
	});

	test('missing or odd data gives a minimal item instead of throwing', () => {
		expect(simplifyCampaign(undefined, 'sms')).toEqual({ campaignType: 'sms' });
		expect(
			simplifyCampaign(
				{ dialingStrategy: 'x', message: null, schedule: [], priority: 'high' },
				'sms',
			),
		).toEqual({
			campaignType: 'sms',
			priority: 'high',
		});
	});
});

describe('decodeBase64Text', () => {
	test('decodes UTF-8 text', () => {
		expect(
			decodeBase64Text(
				Buffer.from('Hi <First Name>, your bill of €12 is due ✅').toString('base64'),
			),
		).toBe('Hi <First Name>, your bill of €12 is due ✅');
	});
	test('leaves text that is not base64 as it is', () => {
		expect(decodeBase64Text('Hello there, your bill is due')).toBe('Hello there, your bill is due');
		expect(decodeBase64Text('')).toBe('');
	});
	test('base64 that does not decode to valid UTF-8 text gives nothing, not garbage', () => {
		const text = 'Reply right here';
		const full = Buffer.from(`${text} ✅`).toString('base64');
		expect(decodeBase64Text(full)).toBe(`${text} ✅`);
		// Cut off inside the last character (3 of its 4 bytes), as Kore.ai's redacted sample is.
		const cut = Buffer.from(`${text} ✅`).subarray(0, -1).toString('base64');
		expect(decodeBase64Text(cut)).toBeUndefined();
		expect(decodeBase64Text('Hello')).toBeUndefined(); // base64 characters, but decodes to binary
		expect(decodeBase64Text(Buffer.from('a\u0000b').toString('base64'))).toBeUndefined(); // a control character
	});
});
