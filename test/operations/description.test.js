// What n8n's editor and AI agents read: the operations per resource, their action names and
// descriptions, and which fields each operation shows (the built node, as n8n loads it).
const { NodeHelpers } = require('n8n-workflow');
const { loadPackage, KORE_NODE_TYPE } = require('../harness');

let description;
beforeAll(async () => {
	description = (await loadPackage()).nodeTypes[KORE_NODE_TYPE].description;
});

const operationsOf = (resource) =>
	description.properties.find(
		(p) => p.name === 'operation' && p.displayOptions.show.resource[0] === resource,
	).options;
const fieldsOf = (parameters) =>
	description.properties
		.filter((p) =>
			NodeHelpers.displayParameter(parameters, p, { typeVersion: 1 }, description, parameters),
		)
		.map((p) => p.name);

test('the node is usable as an AI tool and lists campaigns for its picker', () => {
	expect(description.usableAsTool).toBe(true);
});

test.each([
	['smsCampaign', 'SMS'],
	['voiceCampaign', 'Voice'],
])('%s: the operations with Kore.ai-style action names, sorted by name', (resource, label) => {
	const options = operationsOf(resource);
	expect(options.map((o) => [o.value, o.name, o.action])).toEqual([
		['create', 'Create', `Create ${label} Campaign`],
		['delete', 'Delete', `Delete ${label} Campaign`],
		['get', 'Get', `Get ${label} Campaign`],
		['getMany', 'Get Many', `Get Many ${label} Campaigns`],
		['getResults', 'Get Results', `Get ${label} Campaign Results`],
		['getStatus', 'Get Status', `Get ${label} Campaign Status`],
		['schedule', 'Schedule', `Schedule ${label} Campaign`],
		['start', 'Start', `Start ${label} Campaign`],
		['stop', 'Stop', `Stop ${label} Campaign`],
		['unschedule', 'Unschedule', `Unschedule ${label} Campaign`],
		['update', 'Update', `Update ${label} Campaign`],
	]);
	for (const option of options) {
		expect(option.description.toLowerCase()).toContain(`${label.toLowerCase()} campaign`);
		expect(option.description.length).toBeGreaterThan(30);
	}
});

test.each([
	['delete', ['deleteCampaignNotice', 'campaignId', 'simplify', 'options']],
	['get', ['campaignId', 'simplify', 'options']],
	['getStatus', ['campaignId', 'simplify', 'options']],
	['start', ['campaignId', 'simplify', 'options']],
	['stop', ['campaignId', 'simplify', 'options']],
	['getMany', ['returnAll', 'limit', 'filters', 'simplify', 'options']],
	['getResults', ['campaignId', 'returnAll', 'limit', 'simplify', 'options']],
	['unschedule', ['campaignId', 'simplify', 'options']],
	['update', ['campaignId', 'updateFields', 'simplify', 'options']],
])('%s shows exactly its own fields', (operation, fields) => {
	const shown = fieldsOf({ resource: 'voiceCampaign', operation, returnAll: false });
	expect(shown.filter((name) => !['resource', 'operation'].includes(name))).toEqual(fields);
});

test('Get Many: Limit hides with Return All; filters and sort options', () => {
	expect(
		fieldsOf({ resource: 'smsCampaign', operation: 'getMany', returnAll: true }),
	).not.toContain('limit');
	const getManyProps = description.properties.filter(
		(p) => p.displayOptions?.show?.operation?.[0] === 'getMany',
	);
	const filters = getManyProps.find((p) => p.name === 'filters');
	expect(filters.options.map((o) => o.name)).toEqual([
		'dialingMode',
		'startDate',
		'priority',
		'status',
		'endDate',
	]);
	expect(filters.options[0].displayOptions).toEqual({ show: { '/resource': ['voiceCampaign'] } });
	const options = getManyProps.find((p) => p.name === 'options');
	expect(options.options.map((o) => o.name)).toEqual(
		expect.arrayContaining(['sortBy', 'sortOrder', 'streamId']),
	);
});

test.each([
	[
		'smsCampaign',
		{ messageSource: 'text' },
		[
			'name',
			'description',
			'contactLists',
			'messageSource',
			'messageText',
			'callerId',
			'priority',
			'callingDays',
			'callingStart',
			'callingEnd',
			'callingTimezone',
			'callingFrequency',
			'additionalFields',
			'simplify',
			'options',
		],
	],
	[
		'smsCampaign',
		{ messageSource: 'template' },
		[
			'name',
			'description',
			'contactLists',
			'messageSource',
			'templateName',
			'messageText',
			'callerId',
			'priority',
			'callingDays',
			'callingStart',
			'callingEnd',
			'callingTimezone',
			'callingFrequency',
			'additionalFields',
			'simplify',
			'options',
		],
	],
	[
		'voiceCampaign',
		{},
		[
			'name',
			'description',
			'contactLists',
			'dncList',
			'experienceFlowName',
			'callerId',
			'priority',
			'enableMachineDetect',
			'callingDays',
			'callingStart',
			'callingEnd',
			'callingTimezone',
			'callingFrequency',
			'additionalFields',
			'simplify',
			'options',
		],
	],
])(
	'Create %s %j shows its fields; the contact lists load their names; Wait Until Ready is an option',
	(resource, extra, fields) => {
		const parameters = { resource, operation: 'create', ...extra };
		expect(
			fieldsOf(parameters).filter((name) => !['resource', 'operation'].includes(name)),
		).toEqual(fields);
		const shown = description.properties.filter((p) =>
			NodeHelpers.displayParameter(parameters, p, { typeVersion: 1 }, description, parameters),
		);
		expect(shown.find((p) => p.name === 'contactLists').typeOptions).toEqual({
			loadOptionsMethod: 'getContactListNames',
		});
		expect(shown.find((p) => p.name === 'options').options.map((o) => o.name)).toEqual(
			expect.arrayContaining(['waitUntilReady', 'maxWait', 'pollInterval', 'streamId']),
		);
	},
);

test('Schedule: the campaign field also takes a name; daily and weekly fields', () => {
	const daily = fieldsOf({ resource: 'smsCampaign', operation: 'schedule', recurrence: 'daily' });
	expect(daily.filter((name) => !['resource', 'operation'].includes(name))).toEqual([
		'campaignId',
		'recurrence',
		'startDateTime',
		'endDateTime',
		'everyNDays',
		'simplify',
		'options',
	]);
	const weekly = fieldsOf({
		resource: 'voiceCampaign',
		operation: 'schedule',
		recurrence: 'weekly',
	});
	expect(weekly).toEqual(expect.arrayContaining(['everyNWeeks', 'weekDays']));
	const field = description.properties.find(
		(p) => p.name === 'campaignId' && p.displayOptions.show.operation[0] === 'schedule',
	);
	expect(field.modes.map((m) => m.name)).toEqual(['list', 'id', 'name']);
});

describe("campaign fields say what Kore.ai's pages say", () => {
	const fieldOf = (resource, operation, name) =>
		description.properties.find(
			(p) =>
				p.name === name &&
				p.displayOptions?.show?.resource?.includes(resource) &&
				p.displayOptions.show.operation?.includes(operation),
		);

	test.each(['smsCampaign', 'voiceCampaign'])(
		'%s Create: Priority runs from 1 (lowest) to 5 (highest), default 5, whole numbers only',
		(resource) => {
			const priority = fieldOf(resource, 'create', 'priority');
			expect(priority.default).toBe(5);
			expect(priority.typeOptions).toEqual({ minValue: 1, maxValue: 5, numberPrecision: 0 });
			expect(priority.description).toMatch(
				/^From 1 \(lowest\) to 5 \(highest\): higher values run first/,
			);
		},
	);

	test('Calling Frequency offers the three values of the create pages', () => {
		expect(
			fieldOf('smsCampaign', 'create', 'callingFrequency').options.map((o) => o.value),
		).toEqual(['WEEKLY', 'DAILY', 'CUSTOM']);
	});

	test("Update's fields: the Create fields Kore.ai's update page has (no machine detection), plus the queue a voice update needs", () => {
		const names = (resource) =>
			fieldOf(resource, 'update', 'updateFields').options.map((o) => o.name);
		expect(names('voiceCampaign')).not.toContain('enableMachineDetect');
		expect(names('voiceCampaign')).toEqual(
			expect.arrayContaining(['queueName', 'maxSkips', 'callingEnd', 'dncList']),
		);
		expect(names('smsCampaign')).toEqual(
			expect.arrayContaining(['messageText', 'templateName', 'format', 'experienceFlowName']),
		);
		expect(names('smsCampaign')).not.toContain('queueName');
	});
});
