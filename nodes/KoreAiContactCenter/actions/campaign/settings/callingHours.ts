import { WEEKDAYS } from '../../../api/campaign';
import { BOTH, type CampaignSetting } from './setting';

/** Calling Days' options, in Kore.ai's calling-hours spelling ("MO"). */
const DAYS = WEEKDAYS.map((day) => ({ name: day.name, value: day.callingHours }));

/** When a campaign may send or call: Kore.ai keeps these as one object, `dialingStrategy.callingHours`. */
export const CALLING_HOURS_SETTINGS: CampaignSetting[] = [
	{
		field: {
			displayName: 'Calling Days',
			name: 'callingDays',
			type: 'multiOptions',
			options: DAYS,
			default: ['MO', 'TU', 'WE', 'TH', 'FR'],
			description: 'Days on which the campaign may send or call, each within the calling window',
		},
		kind: 'days',
		create: { sms: 'main', voice: 'main' },
		update: BOTH,
	},
	{
		field: {
			displayName: 'Calling Window Start',
			name: 'callingStart',
			type: 'string',
			default: '9:00 AM',
			placeholder: '9:00 AM',
			description:
				'Earliest time of day to send or call, like 9:00 AM or 09:00, in the calling time zone',
		},
		kind: 'time',
		create: { sms: 'main', voice: 'main' },
		update: BOTH,
	},
	{
		field: {
			displayName: 'Calling Window End',
			name: 'callingEnd',
			type: 'string',
			default: '6:00 PM',
			placeholder: '6:00 PM',
			description:
				'Latest time of day to send or call, like 6:00 PM or 18:00, in the calling time zone; after the start',
		},
		kind: 'time',
		create: { sms: 'main', voice: 'main' },
		update: BOTH,
	},
	{
		field: {
			displayName: 'Calling Time Zone',
			name: 'callingTimezone',
			type: 'string',
			default: '',
			placeholder: 'America/New_York',
			description:
				"Time zone of the calling window, an IANA name like America/New_York or Asia/Kolkata. Left empty, Create uses the workflow's time zone and Update keeps the campaign's.",
		},
		kind: 'timezone',
		path: ['dialingStrategy', 'callingHours', 'timezone'],
		create: { sms: 'main', voice: 'main' },
		update: BOTH,
		updateRequired: BOTH,
	},
	{
		field: {
			displayName: 'Calling Frequency',
			name: 'callingFrequency',
			type: 'options',
			options: [
				{ name: 'Weekly', value: 'WEEKLY', description: 'On the chosen days' },
				{ name: 'Daily', value: 'DAILY', description: 'Every day' },
				{
					name: 'Custom',
					value: 'CUSTOM',
					description: "Kore.ai's third value; its pages do not say how it differs",
				},
			],
			default: 'WEEKLY',
			description: "Kore.ai's calling-hours frequency",
		},
		kind: 'choice',
		path: ['dialingStrategy', 'callingHours', 'frequency'],
		create: { sms: 'main', voice: 'main' },
		update: BOTH,
		updateRequired: BOTH,
	},
];
