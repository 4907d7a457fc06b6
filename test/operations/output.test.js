// Output shaping of the list, start/stop and status answers (dist/, as shipped).
const {
	simplifyListedCampaign,
	simplifyTriggerResult,
	simplifyStatusResult,
} = require('../../dist/nodes/KoreAiContactCenter/output/simplifyResults');
const {
	decodeBase64Text,
} = require('../../dist/nodes/KoreAiContactCenter/output/simplifyCampaign');

describe('simplifyListedCampaign', () => {
	// An entry of the Get All SMS Campaigns page's documented sample.
	const smsEntry = {
		name: 'From UI with template',
		description: 'From UI with template',
		status: 'Stopped',
		priority: '5',
		schedule: { isSchedulingEnabled: false },
		message: {
			templateId: 'cmt-fc4d79d9-f8b7-5551-96f5-34cb24eexxxx',
			message: 'SGVsbG8sIGhvdyBtYXkgSSBhc3Npc3QgeW91Pw%3D%3D',
		},
		createdAt: '2025-06-11T07:08:25.977Z',
		updatedAt: '2025-06-24T08:25:05.851Z',
		campaignInstanceId: 'cid-52f25ff9-c429-5aa5-bda4-4c56d3faxxxx',
		id: 'cd-b2192995-6f7e-5293-a57c-cb3b0584xxxx',
		totalMessagesSent: 0,
		campaignInstanceUpdatedAt: '2025-06-24T08:25:05.855Z',
		campaignExecutionType: 'NORMAL',
		contactLists: ['APIContctList'],
		format: 'simple',
	};

	test('the documented SMS entry: `id` becomes campaignId, priority a number, the %3D-padded text decoded', () => {
		expect(simplifyListedCampaign(smsEntry, 'sms')).toEqual({
			campaignId: 'cd-b2192995-6f7e-5293-a57c-cb3b0584xxxx',
			campaignType: 'sms',
			name: 'From UI with template',
			description: 'From UI with template',
			status: 'Stopped',
			priority: 5,
			format: 'simple',
			templateId: 'cmt-fc4d79d9-f8b7-5551-96f5-34cb24eexxxx',
			smsText: 'Hello, how may I assist you?',
			smsTextBase64: 'SGVsbG8sIGhvdyBtYXkgSSBhc3Npc3QgeW91Pw%3D%3D',
			contactLists: ['APIContctList'],
			schedulingEnabled: false,
			campaignInstanceId: 'cid-52f25ff9-c429-5aa5-bda4-4c56d3faxxxx',
			createdAt: '2025-06-11T07:08:25.977Z',
			updatedAt: '2025-06-24T08:25:05.851Z',
			totalMessagesSent: 0,
			campaignExecutionType: 'NORMAL',
			campaignInstanceUpdatedAt: '2025-06-24T08:25:05.855Z',
		});
	});

	test('a voice entry keeps `_id`, dialing mode and connection', () => {
		const out = simplifyListedCampaign(
			{
				_id: 'cd-v',
				name: 'V',
				status: 'Ready',
				priority: '2',
				dialingMode: 'Preview',
				connection: 'Default Queue',
			},
			'voice',
		);
		expect(out).toEqual({
			campaignId: 'cd-v',
			campaignType: 'voice',
			name: 'V',
			status: 'Ready',
			priority: 2,
			dialingMode: 'Preview',
			connection: 'Default Queue',
		});
	});

	test('the redacted sample text ("...%3xxxx") is left as it came', () => {
		expect(decodeBase64Text('R3JlZXRpbmdz%3xxxx')).toBe('R3JlZXRpbmdz%3xxxx');
	});
});

describe('simplifyTriggerResult / simplifyStatusResult', () => {
	test('start and stop answers: the campaign asked about, then what Kore.ai sent', () => {
		expect(
			simplifyTriggerResult(
				{ status: 'Active', message: 'Campaign Started', updatedAt: '2025-01-01T00:00:00.000Z' },
				'cd-1',
				'sms',
			),
		).toEqual({
			campaignId: 'cd-1',
			campaignType: 'sms',
			status: 'Active',
			message: 'Campaign Started',
			updatedAt: '2025-01-01T00:00:00.000Z',
		});
		expect(simplifyTriggerResult({}, 'cd-1', 'voice')).toEqual({
			campaignId: 'cd-1',
			campaignType: 'voice',
		});
	});

	test('status answer: data.status is the status; data.id wins over the ID asked for', () => {
		expect(
			simplifyStatusResult(
				{ status: 'success', data: { id: 'cd-2', status: 'Paused', name: 'N' } },
				'cd-1',
				'sms',
			),
		).toEqual({
			campaignId: 'cd-2',
			campaignType: 'sms',
			name: 'N',
			status: 'Paused',
		});
		expect(simplifyStatusResult({ status: 'success' }, 'cd-1', 'sms')).toEqual({
			campaignId: 'cd-1',
			campaignType: 'sms',
		});
	});
});
