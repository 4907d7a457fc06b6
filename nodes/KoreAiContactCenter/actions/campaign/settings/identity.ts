import { BOTH, VOICE, text, whole, type CampaignSetting } from './setting';

/** What every campaign has: its name and description, whom it reaches, who it seems to come from, its priority. */
export const IDENTITY_SETTINGS: CampaignSetting[] = [
	text(
		{
			displayName: 'Campaign Name',
			name: 'name',
			placeholder: 'Spring Renewal Reminder',
			description:
				"The campaign's name, at most 48 characters. Schedules find the campaign by this name, so keep it unique.",
		},
		{
			maxLength: 48,
			path: ['name'],
			create: { sms: 'main', voice: 'main' },
			required: BOTH,
			update: BOTH,
			updateRequired: BOTH,
		},
	),
	text(
		{
			displayName: 'Description',
			name: 'description',
			typeOptions: { rows: 2 },
			description: 'What the campaign is for, at most 256 characters (Kore.ai requires one)',
		},
		{
			maxLength: 256,
			path: ['description'],
			create: { sms: 'main', voice: 'main' },
			required: BOTH,
			update: BOTH,
			updateRequired: BOTH,
		},
	),
	{
		field: {
			displayName: 'Contact List Names or IDs',
			name: 'contactLists',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getContactListNames' },
			default: [],
			description:
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'Kore.ai refers to contact lists by name; IDs (cl-...) are turned into names. An expression may give a list like {{ ["VIP", "Renewals"] }} or names separated by commas.',
		},
		kind: 'names',
		label: 'Contact Lists',
		maxLength: 48,
		path: ['contactLists'],
		create: { sms: 'main', voice: 'main' },
		required: BOTH,
		update: BOTH,
		updateRequired: BOTH,
		emptyHint: 'Choose at least one contact list, or give names like {{ ["VIP", "Renewals"] }}.',
	},
	text(
		{
			displayName: 'Do-Not-Call List Name',
			name: 'dncList',
			placeholder: 'DNC Master List',
			description:
				'The name of the contact list whose numbers must never be contacted (Kore.ai keeps DNC lists as contact lists)',
		},
		{
			maxLength: 48,
			path: ['dncLists', 'name'],
			create: { sms: 'additional', voice: 'main' },
			required: VOICE,
			update: BOTH,
			updateRequired: VOICE,
			emptyHint:
				'Kore.ai requires a do-not-call list for voice campaigns: enter the name of the contact list that holds numbers never to call.',
		},
	),
	text(
		{
			displayName: 'Experience Flow Name',
			name: 'experienceFlowName',
			placeholder: 'Voice Survey Entry Flow',
			description: 'The name of the experience flow (bot) that talks with the contact',
		},
		{
			path: ['experienceFlowName'],
			create: { sms: 'additional', voice: 'main' },
			required: VOICE,
			update: BOTH,
			emptyHint:
				'Kore.ai requires the experience flow (bot) that talks with the contact: enter its name.',
		},
	),
	{
		field: {
			displayName: 'Caller ID',
			name: 'callerId',
			type: 'string',
			default: '',
			placeholder: '+14155550100',
			description:
				'The phone number recipients see, in international format (E.164): a plus sign and the country code, like +14155550100',
		},
		kind: 'phone',
		path: ['dialingStrategy', 'callerId', 'phoneNumber'],
		create: { sms: 'main', voice: 'main' },
		required: BOTH,
		update: BOTH,
		updateRequired: BOTH,
		emptyHint: 'Enter the number recipients see, like +14155550100.',
	},
	{
		field: whole(
			'priority',
			'Priority',
			1,
			5,
			5,
			"From 1 (lowest) to 5 (highest): higher values run first when campaigns compete. Kore.ai's default is 5.",
		),
		kind: 'integer',
		path: ['priority'],
		create: { sms: 'main', voice: 'main' },
		update: BOTH,
		updateRequired: BOTH,
		toBody: (value) => String(value),
	},
];
