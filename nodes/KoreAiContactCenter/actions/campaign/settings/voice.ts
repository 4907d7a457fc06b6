import { VOICE, text, whole, type CampaignSetting } from './setting';

/** What only voice campaigns have: answering machines, the dialing strategy, agent queues. */
export const VOICE_SETTINGS: CampaignSetting[] = [
	{
		field: {
			displayName: 'Answering Machine Detection',
			name: 'enableMachineDetect',
			type: 'options',
			options: [
				{ name: 'Off', value: 'no', description: 'Treat every answer as a person' },
				{ name: 'Detect', value: 'detect', description: 'Detect machines and let the flow decide' },
				{ name: 'Disconnect', value: 'disconnect', description: 'Hang up when a machine answers' },
			],
			default: 'no',
			description:
				"What to do when an answering machine or voicemail picks up (Kore.ai's update page has no such setting, so only Create offers it)",
		},
		kind: 'choice',
		path: ['enableMachineDetect'],
		create: { voice: 'main' },
		update: [],
	},
	{
		field: {
			displayName: 'Dialing Order',
			name: 'dialingOrder',
			type: 'options',
			options: [
				{ name: 'First In, First Out', value: 'FIFO' },
				{ name: 'Last In, First Out', value: 'LIFO' },
			],
			default: 'FIFO',
			description: 'Which contacts are called first',
		},
		kind: 'choice',
		path: ['dialingStrategy', 'dialingOrder'],
		create: { voice: 'additional' },
		update: VOICE,
		updateRequired: VOICE,
	},
	{
		field: whole(
			'maxAttemptsPerRecord',
			'Max Attempts per Contact',
			1,
			100,
			3,
			'Calls at most per contact, 1 to 100',
		),
		kind: 'integer',
		path: ['dialingStrategy', 'maxAttemptsPerRecord'],
		create: { voice: 'additional' },
		update: VOICE,
		updateRequired: VOICE,
	},
	{
		field: whole(
			'defaultRetryPeriod',
			'Retry Period (Minutes)',
			1,
			1440,
			10,
			'Minutes between two calls to the same contact, 1 to 1440',
		),
		kind: 'integer',
		path: ['dialingStrategy', 'defaultRetryPeriod'],
		create: { voice: 'additional' },
		update: VOICE,
		updateRequired: VOICE,
	},
	{
		field: whole(
			'maxRingTime',
			'Max Ring Time (Seconds)',
			5,
			120,
			30,
			'Seconds a call rings before it is given up, 5 to 120',
		),
		kind: 'integer',
		path: ['dialingStrategy', 'maxRingTime'],
		create: { voice: 'additional' },
		update: VOICE,
		updateRequired: VOICE,
	},
	text(
		{
			displayName: 'Agent Queue Name',
			name: 'queueName',
			placeholder: 'Default Queue',
			description:
				"Progressive and Preview campaigns only: the agent queue. Kore.ai's update needs it and Get does not return it.",
		},
		{
			path: ['queue_name'],
			create: {},
			update: VOICE,
			emptyHint: 'Enter the agent queue of this Progressive or Preview campaign.',
		},
	),
	{
		field: whole(
			'maxSkips',
			'Max Skips',
			0,
			undefined,
			1,
			'Preview campaigns only: how often an agent may skip a contact before it is flagged',
		),
		kind: 'integer',
		path: ['maxSkips'],
		create: {},
		update: VOICE,
	},
];
