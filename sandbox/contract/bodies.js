'use strict';

const { str, int, bool, obj, arr } = require('./schema');

/**
 * The campaign bodies of Kore.ai's create and update pages (folder `ai-for-service/apis/contact-center/`
 * of Koredotcom/docs-v2), field by field. Where the pages of one endpoint disagree, the stricter
 * rule is written and the reason is in `requiredWhy` / `note`; where the node sends a field no page
 * lists for that endpoint, the field carries `deviation` (endpoints.js renders them all).
 */

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
/** "9:00 AM", "6:00 PM" (every sample); the answers' tables say "(hh:mm AM/PM)", so a leading zero is allowed. */
const TIME = /^(0?[1-9]|1[0-2]):[0-5]\d (AM|PM)$/;
const STATUSES = [
	'Active',
	'Completed',
	'Ready',
	'Paused',
	'Preparing',
	'Stopped',
	'Scheduled',
	'Rescheduled',
];
const DIALING_MODES = ['Agentless', 'Progressive', 'Preview'];

const name = () => str({ required: true, nonEmpty: true, max: 48, note: 'max 48 characters' });
const description = (opts = {}) =>
	str({ required: true, max: 256, note: 'max 256 characters', ...opts });
const contactLists = () =>
	arr(str({ nonEmpty: true }), {
		required: true,
		minItems: 1,
		note: 'names of existing contact lists, at least one',
	});
const priority = (opts = {}) =>
	str({
		required: true,
		enum: ['1', '2', '3', '4', '5'],
		note: 'a string, "1" to "5"; higher values run first',
		...opts,
	});

const callingHours = () =>
	obj(
		{
			frequency: str({ required: true, enum: ['WEEKLY', 'DAILY', 'CUSTOM'] }),
			timezone: str({ required: true, nonEmpty: true, note: 'an IANA name, e.g. Asia/Kolkata' }),
			days: arr(
				obj({
					day: str({ required: true, enum: DAYS }),
					start: str({ required: true, pattern: TIME, form: '"9:00 AM"' }),
					end: str({ required: true, pattern: TIME, form: '"6:00 PM"' }),
				}),
				{ required: true },
			),
		},
		{ required: true },
	);

const callerId = () =>
	obj({ phoneNumber: str({ required: true, nonEmpty: true }) }, { required: true });

const smsStrategy = () =>
	obj({ callerId: callerId(), callingHours: callingHours() }, { required: true });

const voiceStrategy = () =>
	obj(
		{
			callerId: callerId(),
			callingHours: callingHours(),
			dialingOrder: str({ required: true, enum: ['FIFO', 'LIFO'] }),
			maxAttemptsPerRecord: int({ required: true, min: 1, max: 100 }),
			defaultRetryPeriod: int({ required: true, min: 1, max: 1440, note: 'minutes' }),
			maxRingTime: int({ required: true, min: 5, max: 120, note: 'seconds' }),
		},
		{ required: true },
	);

const isAdvanced = (body) => body.format === 'advanced';
const isAgentless = (body) => body.dialingMode === 'Agentless';
const usesQueue = (body) => body.dialingMode === 'Progressive' || body.dialingMode === 'Preview';
/** The agent queue and the skips: the voice pages ask for them only with agents. */
const queueName = () =>
	str({ required: usesQueue, nonEmpty: true, requiredWhy: 'Progressive and Preview modes' });
const maxSkips = () =>
	int({ required: (body) => body.dialingMode === 'Preview', min: 0, requiredWhy: 'Preview mode' });

/**
 * create-sms-campaign-without-template-v2.mdx, create-sms-campaign-using-template-v2.mdx,
 * create-sms-campaign-advanced-format-v2.mdx.
 */
const smsCreate = obj({
	name: name(),
	// The advanced page says "optional", the other two "required": required is what every page accepts.
	description: description({ requiredWhy: 'two of the three create pages' }),
	contactLists: contactLists(),
	dncLists: obj({ name: str({ required: true, nonEmpty: true }) }, { note: 'optional for SMS' }),
	campaignType: str({ required: true, enum: ['sms'] }),
	priority: priority({ requiredWhy: 'two of the three create pages' }),
	format: str({ required: true, enum: ['simple', 'advanced'] }),
	// All three tables mark the message required; only the advanced page's sample leaves it out.
	message: obj(
		{
			message: str({ required: true, nonEmpty: true, note: 'the SMS text, base64' }),
			template_name: str({ nonEmpty: true, note: 'required with a template' }),
			templateId: str({ note: 'optional' }),
		},
		{ required: true, requiredWhy: 'all three tables' },
	),
	dialingStrategy: smsStrategy(),
	schedule: obj({ isSchedulingEnabled: bool() }),
	experienceFlowName: str({ required: isAdvanced, nonEmpty: true, requiredWhy: 'advanced format' }),
});

/**
 * create-voice-campaign-agentless-v2.mdx, create-voice-campaign-progressive-v2.mdx,
 * create-voice-campaign-preview-v2.mdx.
 */
const voiceCreate = obj({
	name: name(),
	description: description(),
	contactLists: contactLists(),
	dncLists: obj({ name: str({ required: true, nonEmpty: true }) }, { required: true }),
	priority: priority(),
	dialingMode: str({ required: true, enum: DIALING_MODES }),
	dialingStrategy: voiceStrategy(),
	schedule: obj({ isSchedulingEnabled: bool() }),
	experienceFlowName: str({ required: isAgentless, nonEmpty: true, requiredWhy: 'Agentless mode' }),
	enableMachineDetect: str({
		required: isAgentless,
		enum: ['no', 'detect', 'disconnect'],
		requiredWhy: 'Agentless mode',
	}),
	queue_name: queueName(),
	maxSkips: maxSkips(),
	campaignType: str({ required: true, enum: ['voice'] }),
});

/** The schedule flags as Kore.ai's answers hold them; a complete update sends them back as read. */
const scheduleAsRead = () =>
	obj({
		isSchedulingEnabled: bool(),
		isRecurrenceEnabled: bool({
			deviation:
				'In every answer, in no request sample. An update sends the schedule as it was read, so a PUT that replaces `schedule` keeps a recurring schedule on.',
		}),
	});

/** update-sms-campaign-v2.mdx: its table and its (advanced-format) sample. */
const smsUpdate = obj({
	name: name(),
	description: description(),
	contactLists: contactLists(),
	priority: priority(),
	format: str({ required: true, enum: ['simple', 'advanced'] }),
	campaignType: str({ required: true, enum: ['sms'] }),
	dialingStrategy: smsStrategy(),
	// The table marks it required; its description and sample are the advanced format's. A simple
	// campaign has no experience flow (the create pages ask for one only with `advanced`).
	experienceFlowName: str({
		required: isAdvanced,
		nonEmpty: true,
		requiredWhy: 'the advanced format (the only format the page shows)',
	}),
	schedule: scheduleAsRead(),
	message: obj(
		{
			message: str({ required: true, nonEmpty: true }),
			template_name: str({ nonEmpty: true }),
			templateId: str(),
		},
		{
			deviation:
				"The update page's table and (advanced) sample have no `message`; the create pages do. The node sends the campaign's message (changed or as read), so a simple campaign keeps its text whether a PUT merges or replaces.",
		},
	),
	dncLists: obj(
		{ name: str({ required: true, nonEmpty: true }) },
		{
			deviation:
				'Documented on the create pages, not on the update page; sent as read, so a replacing PUT keeps the DNC list.',
		},
	),
});

/** update-voice-campaign-v2.mdx: its table and sample. */
const voiceUpdate = obj({
	name: name(),
	description: description(),
	contactLists: contactLists(),
	dncLists: obj({ name: str({ required: true, nonEmpty: true }) }, { required: true }),
	priority: priority(),
	dialingMode: str({ required: true, enum: DIALING_MODES }),
	dialingStrategy: voiceStrategy(),
	// The table marks both required; the create pages use them only with agents (Progressive, Preview).
	queue_name: queueName(),
	maxSkips: maxSkips(),
	campaignType: str({ required: true, enum: ['voice'] }),
	schedule: scheduleAsRead(),
	// In the sample, not in the table.
	experienceFlowName: str({ nonEmpty: true, note: 'in the sample, not in the table' }),
});

module.exports = {
	smsCreate,
	voiceCreate,
	smsUpdate,
	voiceUpdate,
	DAYS,
	TIME,
	STATUSES,
	DIALING_MODES,
};
