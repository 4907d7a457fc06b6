import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';
import { DateTime } from 'luxon';

import { readNameList } from '../../../../common/lists';
import { visible } from '../../../../common/text';
import { WEEKDAYS, weekdayOf } from '../../api/campaign';
import { scheduleCampaignRequest } from '../../api/campaignRequests';
import { simplifyScheduleAnswer } from '../../output/simplifyCampaignWrite';
import { koreAiRequest } from '../../transport';
import { optionsField, simplifyField, streamIdOption } from '../common.fields';
import { readNumber } from '../readInputs';
import type { CampaignResourceInfo, Operation } from '../types';
import { campaignByNameField, readCampaignName } from './campaignName';

/**
 * Kore.ai "Enable Daily Scheduling of Voice or SMS Campaigns" and "Enable Weekly Scheduling ...":
 * `POST /campaign/schedule?enableSchedule=true&campaignName={name}` (api/campaignRequests.ts), body
 * `{startDateTime, endDateTime ("YYYY-MM-DD HH:mm:ss"), recurrenceObject: {recurType: "Daily",
 * dailyDetails: {onceEveryNdays}} | {recurType: "Weekly", weeklyDetails: {onceEveryNweeks,
 * whichDays: ["Mon", ...]}}}`, answer `{status, message, id}`. The end must be after the start
 * and in the future (the page says so; checked here before sending).
 *
 * The pages give no time zone for the two times. Both samples use 18:29:00, which is 23:59 in
 * Asia/Kolkata, the time zone of every other sample on these pages: Kore.ai most likely reads
 * them as UTC. So the node converts the chosen times (in the workflow's time zone when they name
 * none) to UTC, and says so in the field descriptions.
 */

/** Days' options, in Kore.ai's schedule spelling ("Mon"). */
const WEEK_DAYS = WEEKDAYS.map((day) => ({ name: day.name, value: day.schedule }));
const KORE_FORMAT = 'yyyy-MM-dd HH:mm:ss';

const everyNDaysField: INodeProperties = {
	displayName: 'Every N Days',
	name: 'everyNDays',
	type: 'number',
	default: 1,
	typeOptions: { minValue: 1, maxValue: 365, numberPrecision: 0 },
	description: 'Run once every this many days (1: every day)',
	displayOptions: { show: { recurrence: ['daily'] } },
};

const everyNWeeksField: INodeProperties = {
	displayName: 'Every N Weeks',
	name: 'everyNWeeks',
	type: 'number',
	default: 1,
	typeOptions: { minValue: 1, maxValue: 52, numberPrecision: 0 },
	description: 'Run in one week out of this many (1: every week)',
	displayOptions: { show: { recurrence: ['weekly'] } },
};

const properties: INodeProperties[] = [
	{
		...campaignByNameField,
		description:
			'The campaign to schedule: pick it from the list, give its ID (the node looks up its name, which Kore.ai schedules by), or give its name exactly as Kore.ai shows it',
	},
	{
		displayName: 'Repeat',
		name: 'recurrence',
		type: 'options',
		options: [
			{ name: 'Daily', value: 'daily', description: 'Run every N days between start and end' },
			{
				name: 'Weekly',
				value: 'weekly',
				description: 'Run on chosen weekdays every N weeks between start and end',
			},
		],
		default: 'daily',
		description: 'How the campaign repeats between the start and the end',
	},
	{
		displayName: 'Start',
		name: 'startDateTime',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			"When the schedule begins. A time without a time zone is read in the workflow's time zone; Kore.ai receives it in UTC.",
	},
	{
		displayName: 'End',
		name: 'endDateTime',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'When the schedule ends: after the start, and in the future',
	},
	everyNDaysField,
	everyNWeeksField,
	{
		displayName: 'Days',
		name: 'weekDays',
		type: 'multiOptions',
		options: WEEK_DAYS,
		default: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
		description: 'The weekdays the campaign runs on',
		displayOptions: { show: { recurrence: ['weekly'] } },
	},
	simplifyField,
	optionsField([streamIdOption]),
];

export const scheduleCampaign: Operation<CampaignResourceInfo> = {
	value: 'schedule',
	name: 'Schedule',
	action: (resource) => `Schedule ${resource.label} Campaign`,
	description: (resource) =>
		`Turn on a daily or weekly schedule for ${resource.aCampaign} between a start and an end time; Kore.ai then runs it on that schedule`,
	properties,

	async execute(
		this: IExecuteFunctions,
		itemIndex: number,
		resource: CampaignResourceInfo,
	): Promise<IDataObject> {
		const recurrence = this.getNodeParameter('recurrence', itemIndex, 'daily') as string;
		const start = readDateTime.call(this, itemIndex, 'startDateTime', 'Start');
		const end = readDateTime.call(this, itemIndex, 'endDateTime', 'End');
		if (end <= start)
			throw problem.call(
				this,
				itemIndex,
				`End of item ${itemIndex} (${end.toFormat(KORE_FORMAT)} UTC) must be after Start (${start.toFormat(KORE_FORMAT)} UTC).`,
			);
		if (end <= DateTime.utc())
			throw problem.call(
				this,
				itemIndex,
				`End of item ${itemIndex} (${end.toFormat(KORE_FORMAT)} UTC) is in the past; Kore.ai requires a future end.`,
			);

		let recurrenceObject: IDataObject;
		if (recurrence === 'weekly') {
			const onceEveryNweeks = readNumber.call(this, everyNWeeksField, itemIndex);
			const whichDays = readWeekDays.call(this, itemIndex);
			recurrenceObject = { recurType: 'Weekly', weeklyDetails: { onceEveryNweeks, whichDays } };
		} else if (recurrence === 'daily') {
			recurrenceObject = {
				recurType: 'Daily',
				dailyDetails: { onceEveryNdays: readNumber.call(this, everyNDaysField, itemIndex) },
			};
		} else {
			throw problem.call(
				this,
				itemIndex,
				`Repeat of item ${itemIndex} is "${visible(String(recurrence), 20)}"; use daily or weekly.`,
			);
		}

		const campaign = await readCampaignName.call(this, itemIndex, resource);
		const body = {
			startDateTime: start.toFormat(KORE_FORMAT),
			endDateTime: end.toFormat(KORE_FORMAT),
			recurrenceObject,
		};
		const answer = await koreAiRequest.call(
			this,
			itemIndex,
			scheduleCampaignRequest({ ...campaign, type: resource.campaignType }, body),
		);
		if (!this.getNodeParameter('simplify', itemIndex, true)) return answer;
		return simplifyScheduleAnswer(
			answer,
			{ ...campaign, campaignType: resource.campaignType },
			{
				schedulingEnabled: true,
				recurrence: recurrenceObject.recurType as string,
				...(recurrence === 'weekly'
					? {
							everyNWeeks: (recurrenceObject.weeklyDetails as IDataObject).onceEveryNweeks,
							days: (recurrenceObject.weeklyDetails as IDataObject).whichDays,
						}
					: { everyNDays: (recurrenceObject.dailyDetails as IDataObject).onceEveryNdays }),
				startDateTime: body.startDateTime,
				endDateTime: body.endDateTime,
				timezone: 'UTC',
			},
		);
	},
};

function problem(this: IExecuteFunctions, itemIndex: number, message: string): NodeOperationError {
	return new NodeOperationError(this.getNode(), message, { itemIndex });
}

/** A date as the editor, an expression or an AI agent gives it, in UTC. */
function readDateTime(
	this: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): DateTime {
	const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
	const zone = this.getTimezone();
	let date: DateTime | undefined;
	if (raw instanceof Date) date = DateTime.fromJSDate(raw);
	else if (DateTime.isDateTime(raw)) date = raw;
	else if (typeof raw === 'string' && raw.trim() !== '') {
		date = DateTime.fromISO(raw.trim(), { zone });
		// Kore.ai's own format, "2026-01-27 18:29:00", is not ISO 8601.
		if (!date.isValid) date = DateTime.fromSQL(raw.trim(), { zone });
	}
	if (raw === undefined || raw === null || raw === '')
		throw problem.call(
			this,
			itemIndex,
			`${label} of item ${itemIndex} is empty. Choose a date and time, like 2026-03-01T09:00.`,
		);
	if (!date || !date.isValid) {
		throw problem.call(
			this,
			itemIndex,
			`${label} of item ${itemIndex} is not a date and time: "${visible(String(raw), 40)}". Use one like 2026-03-01T09:00 or 2026-03-01 09:00:00.`,
		);
	}
	return date.toUTC().startOf('second');
}

function readWeekDays(this: IExecuteFunctions, itemIndex: number): string[] {
	const days: string[] = [];
	for (const value of readNameList(this.getNodeParameter('weekDays', itemIndex, []))) {
		const day = weekdayOf(value);
		if (!day)
			throw problem.call(
				this,
				itemIndex,
				`Days of item ${itemIndex} has "${visible(value, 20)}", which is not a weekday. Use Mon, Tue, Wed, Thu, Fri, Sat, Sun.`,
			);
		if (!days.includes(day.schedule)) days.push(day.schedule);
	}
	if (days.length === 0)
		throw problem.call(
			this,
			itemIndex,
			`Days of item ${itemIndex} is empty. Choose at least one weekday.`,
		);
	// Kore.ai's sample lists them Monday first.
	return WEEK_DAYS.map((d) => d.value).filter((d) => days.includes(d));
}
