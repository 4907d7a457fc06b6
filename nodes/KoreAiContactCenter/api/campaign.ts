import type { IDataObject } from 'n8n-workflow';

/**
 * What Kore.ai's campaign pages call things: the requests (api/), the simplified answers (output/),
 * the operations and the trigger all use these, so they live here, below all of them.
 */

/** Kore.ai's `campaignType`: SMS and voice campaigns share most endpoints and differ by this value. */
export type CampaignType = 'sms' | 'voice';

/** The campaign statuses Kore.ai documents (get-all-campaigns-v2.mdx, the list filter's values). */
export const CAMPAIGN_STATUSES = [
	'Active',
	'Completed',
	'Paused',
	'Preparing',
	'Ready',
	'Rescheduled',
	'Scheduled',
	'Stopped',
];

/**
 * The status of a campaign Kore.ai is still creating: the create answer says "Campaign <name>
 * creation in progress" with this status, and the campaign cannot be started until it is Ready.
 */
export const PREPARING = 'Preparing';

/**
 * The type of a campaign as Get gives it: voice campaigns have a `dialingMode` (every voice page's
 * sample), SMS campaigns a `format` or a `message`. Undefined when the answer says neither.
 */
export function campaignTypeOf(campaign: IDataObject): CampaignType | undefined {
	if (typeof campaign.dialingMode === 'string') return 'voice';
	if (typeof campaign.format === 'string' || campaign.message !== undefined) return 'sms';
	return undefined;
}

/**
 * The days of the week, Monday first, as Kore.ai writes them in two places: a campaign's calling
 * hours (`dialingStrategy.callingHours.days[].day`: "MO") and a weekly schedule
 * (`recurrenceObject.weeklyDetails.whichDays`: "Mon").
 */
export const WEEKDAYS = [
	{ name: 'Monday', callingHours: 'MO', schedule: 'Mon' },
	{ name: 'Tuesday', callingHours: 'TU', schedule: 'Tue' },
	{ name: 'Wednesday', callingHours: 'WE', schedule: 'Wed' },
	{ name: 'Thursday', callingHours: 'TH', schedule: 'Thu' },
	{ name: 'Friday', callingHours: 'FR', schedule: 'Fri' },
	{ name: 'Saturday', callingHours: 'SA', schedule: 'Sat' },
	{ name: 'Sunday', callingHours: 'SU', schedule: 'Sun' },
] as const;

type Weekday = (typeof WEEKDAYS)[number];

/** The day a text names, in either of Kore.ai's spellings or in full, whatever its case ("MO", "mon", "Monday"). */
export function weekdayOf(text: string): Weekday | undefined {
	const wanted = text.trim().toLowerCase();
	return WEEKDAYS.find((day) =>
		[day.name, day.callingHours, day.schedule].some(
			(spelling) => spelling.toLowerCase() === wanted,
		),
	);
}
