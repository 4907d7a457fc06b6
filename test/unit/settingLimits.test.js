// Every limit a campaign setting puts on a value is the one Kore.ai's pages state, no stricter and no
// looser: the node's range (a field's min/max, a text's length, a choice's options) is compared with the
// rule of the same field in the contract (sandbox/contract/bodies.js, written from the pages). A limit
// the pages do not state must not be invented (the node would refuse what Kore.ai accepts), and one
// they state must not be missing (Kore.ai would refuse what the node sent).
const { SETTINGS } = require('../../dist/nodes/KoreAiContactCenter/actions/campaign/settings');
const { smsCreate, voiceCreate, smsUpdate, voiceUpdate } = require('../../sandbox/contract/bodies');
const { endpoints } = require('../../sandbox/contract/endpoints');

const BODIES = {
	sms: { create: smsCreate, update: smsUpdate },
	voice: { create: voiceCreate, update: voiceUpdate },
};

/** Settings whose place in the body is not a `path` of theirs: the message parts (campaignBody.ts). */
const MESSAGE_PARTS = {
	messageText: ['message', 'message'],
	templateName: ['message', 'template_name'],
	templateId: ['message', 'templateId'],
};

/** Contact list names: the campaign pages give no length, create-contact-list-v2.mdx gives 48. */
const listName = endpoints.find((e) => e.id === 'createContactList').body.fields.name;
const LIST_NAMES = { contactLists: listName, dncList: listName };

function schemaAt(body, path) {
	let schema = body;
	for (const key of path) {
		if (schema === undefined) return undefined;
		schema = schema.type === 'array' ? schema.items : schema;
		schema = schema.fields?.[key];
	}
	return schema?.type === 'array' ? schema.items : schema;
}

/** [setting, type, operation, schema] for every body that holds a setting. */
const cases = [];
/** Settings offered for a body that has no field at their path (a mistyped path would hide a limit). */
const unplaced = [];
for (const setting of SETTINGS) {
	const path = setting.path ?? MESSAGE_PARTS[setting.field.name];
	if (path === undefined) continue;
	for (const type of ['sms', 'voice']) {
		for (const operation of ['create', 'update']) {
			const offered =
				operation === 'create' ? setting.create[type] !== undefined : setting.update.includes(type);
			if (!offered) continue;
			const schema = schemaAt(BODIES[type][operation], path);
			if (schema === undefined) unplaced.push(`${setting.field.name} (${type} ${operation})`);
			else cases.push([setting.field.name, type, operation, setting, schema]);
		}
	}
}

/** Whether the body requires the field at `path` outright: it and every object above it `required: true`. */
function requiredAt(body, path) {
	let schema = body;
	for (const key of path) {
		schema = schema.type === 'array' ? schema.items : schema;
		schema = schema.fields?.[key];
		if (schema?.required !== true) return false;
	}
	return true;
}

test('every setting offered for a body has a field of that body at its path', () => {
	expect(unplaced).toEqual([]);
});

test.each(
	SETTINGS.filter((setting) => setting.path !== undefined).flatMap((setting) =>
		['sms', 'voice']
			.filter((type) => setting.update.includes(type))
			.map((type) => [setting.field.name, type, setting]),
	),
)(
	'%s (%s update): updateRequired says what the update page requires outright (conditional ones are checked by updateCampaign.ts)',
	(_name, type, setting) => {
		expect(setting.updateRequired?.includes(type) ?? false).toBe(
			requiredAt(BODIES[type].update, setting.path),
		);
	},
);

test('the settings compared cover every body field the node fills from a field', () => {
	const names = new Set(cases.map(([name]) => name));
	for (const name of [
		'name',
		'description',
		'contactLists',
		'dncList',
		'experienceFlowName',
		'templateName',
		'templateId',
		'messageText',
		'priority',
		'maxAttemptsPerRecord',
		'defaultRetryPeriod',
		'maxRingTime',
		'queueName',
		'maxSkips',
		'callingFrequency',
		'format',
		'dialingOrder',
		'enableMachineDetect',
	])
		expect(names).toContain(name);
});

test.each(cases)(
	'%s (%s %s) has the limits of the page',
	(name, type, operation, setting, schema) => {
		const rule = LIST_NAMES[name] ?? schema;
		if (setting.kind === 'integer' && schema.type === 'integer') {
			expect(setting.field.typeOptions?.minValue).toBe(schema.min);
			expect(setting.field.typeOptions?.maxValue).toBe(schema.max);
		} else if (setting.kind === 'integer') {
			// Priority: a number in the editor, "1" to "5" in the body.
			const sent = [];
			for (let n = setting.field.typeOptions.minValue; n <= setting.field.typeOptions.maxValue; n++)
				sent.push(setting.toBody(n));
			expect(sent).toEqual(schema.enum);
		} else if (setting.kind === 'choice') {
			expect(setting.field.options.map((option) => option.value).sort()).toEqual(
				[...schema.enum].sort(),
			);
		} else if (schema.type === 'string') {
			expect({ name, maxLength: setting.maxLength }).toEqual({ name, maxLength: rule.max });
		}
	},
);
