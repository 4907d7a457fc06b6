import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../../../common/text';
import { WEEKDAYS } from '../../api/campaign';

/**
 * Kore.ai keeps a campaign's calling hours as one object (`dialingStrategy.callingHours`):
 * `{frequency, timezone, days: [{day: "MO", start: "9:00 AM", end: "6:00 PM"}, ...]}`, each day with
 * its own window. The editor shows one window for the chosen days; Create gives every chosen day
 * that window, Update changes only the part it was given (the days, a window's start or end, the time
 * zone, the frequency), so a Saturday that starts at 10:00 AM keeps its start when only the end changes.
 */

export interface TimeOfDay {
	/** Kore.ai's form: "9:00 AM". */
	text: string;
	/** Minutes since midnight. */
	minutes: number;
}

interface DayWindow {
	day: string;
	start: string;
	end: string;
}

/** What Update was given; every part optional. */
export interface CallingHoursChange {
	days?: string[];
	start?: TimeOfDay;
	end?: TimeOfDay;
	timezone?: string;
	frequency?: string;
}

/** "9:00 AM", "9 am", "09:00", "17:30" -> Kore.ai's "9:00 AM" / "5:30 PM" and minutes since midnight. */
export function parseTimeOfDay(raw: string): TimeOfDay | undefined {
	const match = /^\s*(\d{1,2})(?::(\d{2}))?\s*([AaPp][Mm])?\s*$/.exec(raw);
	if (!match) return undefined;
	let hours = Number(match[1]);
	const minutes = match[2] === undefined ? 0 : Number(match[2]);
	const meridiem = match[3]?.toUpperCase();
	if (minutes > 59) return undefined;
	if (meridiem) {
		if (hours < 1 || hours > 12) return undefined;
		hours = (hours % 12) + (meridiem === 'PM' ? 12 : 0);
	} else if (hours > 23 || match[2] === undefined) {
		return undefined;
	}
	const shownHours = hours % 12 === 0 ? 12 : hours % 12;
	return {
		text: `${shownHours}:${String(minutes).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`,
		minutes: hours * 60 + minutes,
	};
}

const ORDER: string[] = WEEKDAYS.map((day) => day.callingHours);

/** Create's calling hours: every chosen day with the one window. */
export function newCallingHours(
	days: string[],
	start: TimeOfDay,
	end: TimeOfDay,
	timezone: string,
	frequency: string,
): IDataObject {
	return {
		frequency,
		timezone,
		days: days.map((day) => ({ day, start: start.text, end: end.text })),
	};
}

/** The days of a campaign as Kore.ai gave them (entries that are not day windows are left out). */
export function daysOf(callingHours: IDataObject): DayWindow[] {
	const days = Array.isArray(callingHours.days) ? callingHours.days : [];
	return days
		.filter(isObject)
		.filter(
			(entry) =>
				typeof entry.day === 'string' &&
				typeof entry.start === 'string' &&
				typeof entry.end === 'string',
		)
		.map((entry) => ({
			day: entry.day as string,
			start: entry.start as string,
			end: entry.end as string,
		}));
}

/**
 * The campaign's calling hours with only `change` applied. A day added by Calling Days gets the given
 * window, or else the window the campaign's first day has (or 9:00 AM to 6:00 PM when it had none).
 */
export function changeCallingHours(current: IDataObject, change: CallingHoursChange): IDataObject {
	let days = daysOf(current);
	if (change.days !== undefined) {
		const model = days[0] ?? { start: '9:00 AM', end: '6:00 PM' };
		days = [...change.days]
			.sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))
			.map(
				(day) =>
					days.find((window) => window.day === day) ?? { day, start: model.start, end: model.end },
			);
	}
	days = days.map((window) => ({
		day: window.day,
		start: change.start?.text ?? window.start,
		end: change.end?.text ?? window.end,
	}));
	return {
		frequency: change.frequency ?? current.frequency,
		timezone: change.timezone ?? current.timezone,
		days,
	};
}

/** The first day whose window does not end after it starts, if any. */
export function emptyWindow(days: DayWindow[]): DayWindow | undefined {
	return days.find((window) => {
		const start = parseTimeOfDay(window.start);
		const end = parseTimeOfDay(window.end);
		return start !== undefined && end !== undefined && end.minutes <= start.minutes;
	});
}
