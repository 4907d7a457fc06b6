import type { INodeProperties } from 'n8n-workflow';

/**
 * The fields of a campaign as Create and Update show them, each written once: Create shows them as
 * fields, Update as optional entries of "Update Fields" (asUpdateField). What they become in Kore.ai's
 * body, and the checks on their values, are in campaignBody.ts.
 */

export const MAX_NAME = 48;
export const MAX_DESCRIPTION = 256;
export const DAYS = [
	{ name: 'Monday', value: 'MO' },
	{ name: 'Tuesday', value: 'TU' },
	{ name: 'Wednesday', value: 'WE' },
	{ name: 'Thursday', value: 'TH' },
	{ name: 'Friday', value: 'FR' },
	{ name: 'Saturday', value: 'SA' },
	{ name: 'Sunday', value: 'SU' },
];

export const nameField: INodeProperties = {
	displayName: 'Campaign Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'Spring Renewal Reminder',
	description: `The campaign's name, at most ${MAX_NAME} characters. Schedules find the campaign by this name, so keep it unique.`,
};

export const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
	required: true,
	typeOptions: { rows: 2 },
	description: `What the campaign is for, at most ${MAX_DESCRIPTION} characters (Kore.ai requires one)`,
};

export const contactListsField: INodeProperties = {
	displayName: 'Contact List Names or IDs',
	name: 'contactLists',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getContactListNames' },
	default: [],
	required: true,
	description:
		'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'Kore.ai refers to contact lists by name. An expression may give a list like {{ ["VIP", "Renewals"] }} or names separated by commas.',
};

export const priorityField: INodeProperties = {
	displayName: 'Priority',
	name: 'priority',
	type: 'number',
	default: 3,
	typeOptions: { minValue: 1, maxValue: 5, numberPrecision: 0 },
	description: 'From 1 to 5; higher values run first when campaigns compete (sent to Kore.ai as text, "1" to "5")',
};

export const callerIdField: INodeProperties = {
	displayName: 'Caller ID',
	name: 'callerId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '+14155550100',
	description: 'The phone number recipients see, in international format (E.164): a plus sign and the country code, like +14155550100',
};

export const callingDaysField: INodeProperties = {
	displayName: 'Calling Days',
	name: 'callingDays',
	type: 'multiOptions',
	options: DAYS,
	default: ['MO', 'TU', 'WE', 'TH', 'FR'],
	description: 'Days on which the campaign may send or call, each within the calling window',
};

export const callingStartField: INodeProperties = {
	displayName: 'Calling Window Start',
	name: 'callingStart',
	type: 'string',
	default: '9:00 AM',
	placeholder: '9:00 AM',
	description: 'Earliest time of day to send or call, like 9:00 AM or 09:00, in the calling time zone',
};

export const callingEndField: INodeProperties = {
	displayName: 'Calling Window End',
	name: 'callingEnd',
	type: 'string',
	default: '6:00 PM',
	placeholder: '6:00 PM',
	description: 'Latest time of day to send or call, like 6:00 PM or 18:00, in the calling time zone; after the start',
};

export const callingTimezoneField: INodeProperties = {
	displayName: 'Calling Time Zone',
	name: 'callingTimezone',
	type: 'string',
	default: '',
	placeholder: 'America/New_York',
	description: "Time zone of the calling window, an IANA name like America/New_York or Asia/Kolkata. Empty: the workflow's time zone.",
};

export const callingFrequencyField: INodeProperties = {
	displayName: 'Calling Frequency',
	name: 'callingFrequency',
	type: 'options',
	options: [
		{ name: 'Weekly', value: 'WEEKLY' },
		{ name: 'Daily', value: 'DAILY' },
	],
	default: 'WEEKLY',
	description: "Kore.ai's calling-hours frequency: Weekly uses the chosen days, Daily every day",
};

export const messageSourceField: INodeProperties = {
	displayName: 'Message',
	name: 'messageSource',
	type: 'options',
	options: [
		{ name: 'Text', value: 'text', description: 'Write the SMS text here; the node encodes it for Kore.ai' },
		{ name: 'From Template', value: 'template', description: 'Use an approved SMS template by its name' },
	],
	default: 'text',
	description: 'Where the SMS text comes from',
};

export const messageTextField: INodeProperties = {
	displayName: 'Message Text',
	name: 'messageText',
	type: 'string',
	default: '',
	typeOptions: { rows: 4 },
	placeholder: 'Hi <First Name>, your renewal is due on <Due Date>.',
	description:
		"The SMS text as recipients read it, with Kore.ai placeholders like &lt;First Name&gt;. The node base64-encodes it, as Kore.ai requires. With a template: optional, the template's text.",
};

export const templateNameField: INodeProperties = {
	displayName: 'Template Name',
	name: 'templateName',
	type: 'string',
	default: '',
	placeholder: 'Payment Reminder Template',
	description: 'The name of an SMS template approved in Kore.ai',
};

export const templateIdField: INodeProperties = {
	displayName: 'Template ID',
	name: 'templateId',
	type: 'string',
	default: '',
	placeholder: 'cmt-...',
	description: "The template's ID (cmt-...), when Kore.ai needs it besides the name",
};

export const formatField: INodeProperties = {
	displayName: 'Format',
	name: 'format',
	type: 'options',
	options: [
		{ name: 'Simple', value: 'simple', description: 'One message to every contact' },
		{ name: 'Advanced', value: 'advanced', description: 'Replies go to an experience flow (set Experience Flow Name)' },
	],
	default: 'simple',
	description: 'Simple sends one message; Advanced hands replies to an experience flow',
};

export const dncListField: INodeProperties = {
	displayName: 'Do-Not-Call List Name',
	name: 'dncList',
	type: 'string',
	default: '',
	placeholder: 'DNC Master List',
	description: 'The name of the contact list whose numbers must never be contacted (Kore.ai keeps DNC lists as contact lists)',
};

export const experienceFlowField: INodeProperties = {
	displayName: 'Experience Flow Name',
	name: 'experienceFlowName',
	type: 'string',
	default: '',
	placeholder: 'Voice Survey Entry Flow',
	description: 'The name of the experience flow (bot) that talks with the contact',
};

export const machineDetectField: INodeProperties = {
	displayName: 'Answering Machine Detection',
	name: 'enableMachineDetect',
	type: 'options',
	options: [
		{ name: 'Off', value: 'no', description: 'Treat every answer as a person' },
		{ name: 'Detect', value: 'detect', description: 'Detect machines and let the flow decide' },
		{ name: 'Disconnect', value: 'disconnect', description: 'Hang up when a machine answers' },
	],
	default: 'no',
	description: 'What to do when an answering machine or voicemail picks up',
};

export const dialingOrderField: INodeProperties = {
	displayName: 'Dialing Order',
	name: 'dialingOrder',
	type: 'options',
	options: [
		{ name: 'First In, First Out', value: 'FIFO' },
		{ name: 'Last In, First Out', value: 'LIFO' },
	],
	default: 'FIFO',
	description: 'Which contacts are called first',
};

export const maxAttemptsField: INodeProperties = {
	displayName: 'Max Attempts per Contact',
	name: 'maxAttemptsPerRecord',
	type: 'number',
	default: 3,
	typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
	description: 'Calls at most per contact, 1 to 100',
};

export const retryPeriodField: INodeProperties = {
	displayName: 'Retry Period (Minutes)',
	name: 'defaultRetryPeriod',
	type: 'number',
	default: 10,
	typeOptions: { minValue: 1, maxValue: 1440, numberPrecision: 0 },
	description: 'Minutes between two calls to the same contact, 1 to 1440',
};

export const ringTimeField: INodeProperties = {
	displayName: 'Max Ring Time (Seconds)',
	name: 'maxRingTime',
	type: 'number',
	default: 30,
	typeOptions: { minValue: 5, maxValue: 120, numberPrecision: 0 },
	description: 'Seconds a call rings before it is given up, 5 to 120',
};

/** The calling-hours fields, in the order they are shown. */
export const callingHoursFields: INodeProperties[] = [
	callingDaysField,
	callingStartField,
	callingEndField,
	callingTimezoneField,
	callingFrequencyField,
];
export const CALLING_HOURS_NAMES = callingHoursFields.map((field) => field.name);

/** A field as an optional entry of Update's "Update Fields". */
export function asUpdateField(field: INodeProperties): INodeProperties {
	const optional = { ...field };
	delete optional.required;
	return optional;
}
