'use strict';

const { bodies } = require('./responses');

/**
 * Campaign schedules (reference section 7; doc pages "Enable Daily/Weekly Scheduling of Voice or
 * SMS Campaigns", "Disable a Scheduled Voice or SMS Campaign"):
 *
 *   POST /campaign/schedule?enableSchedule=true&campaignName={name}
 *        body {startDateTime, endDateTime ("YYYY-MM-DD HH:mm:ss"), recurrenceObject:
 *              {recurType: "Daily", dailyDetails: {onceEveryNdays}} |
 *              {recurType: "Weekly", weeklyDetails: {onceEveryNweeks, whichDays: ["Mon", ...]}}}
 *   POST /campaign/schedule?enableSchedule=false&campaignName={name}   body {}
 *   -> {status: "success", message, id}
 *
 * Keyed by the campaign's name within the app (SMS and voice alike). Enabling sets the campaign's
 * `schedule` to {isSchedulingEnabled: true, isRecurrenceEnabled: true} and keeps the request body
 * as the record's `scheduleDetails`; disabling sets both flags false. The status is not changed.
 *
 * GUESSES: that names match exactly (case included), the not-found answer (404
 * {status:"failure", message:"Campaign with name <name> not found"}), the enable message, that the
 * times are UTC (the docs' samples suggest it), and the 400 bodies.
 */

const FORMAT = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{2}):(\d{2}):(\d{2})$/;
const WEEK_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const bad = (msg) => ({ status: 400, body: bodies.badRequest(msg) });

function parseTime(text) {
	const m = FORMAT.exec(String(text || ''));
	if (!m) return undefined;
	const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
	return Number.isNaN(ms) ? undefined : ms;
}

function recurrenceProblem(r) {
	if (!r || typeof r !== 'object') return 'recurrenceObject is required';
	if (r.recurType === 'Daily') {
		const n = r.dailyDetails && r.dailyDetails.onceEveryNdays;
		return Number.isInteger(n) && n >= 1
			? null
			: 'recurrenceObject.dailyDetails.onceEveryNdays must be an integer of at least 1';
	}
	if (r.recurType === 'Weekly') {
		const w = r.weeklyDetails || {};
		if (!Number.isInteger(w.onceEveryNweeks) || w.onceEveryNweeks < 1)
			return 'recurrenceObject.weeklyDetails.onceEveryNweeks must be an integer of at least 1';
		if (
			!Array.isArray(w.whichDays) ||
			w.whichDays.length === 0 ||
			!w.whichDays.every((d) => WEEK_DAYS.includes(d))
		) {
			return `recurrenceObject.weeklyDetails.whichDays must be a non-empty list of ${WEEK_DAYS.join(', ')}`;
		}
		return null;
	}
	return 'recurrenceObject.recurType must be Daily or Weekly';
}

function handleSchedule(ctx) {
	const enable = ctx.query.get('enableSchedule');
	if (enable !== 'true' && enable !== 'false')
		return bad('enableSchedule query parameter must be true or false');
	const name = ctx.query.get('campaignName');
	if (!name) return bad('campaignName query parameter is required');
	let record;
	for (const candidate of ctx.store.records.values()) {
		if (candidate.streamId === ctx.streamId && candidate.doc.name === name) record = candidate;
	}
	if (!record)
		return { status: 404, body: bodies.campaignFailure(`Campaign with name ${name} not found`) };
	const doc = record.doc;

	if (enable === 'false') {
		doc.schedule = { isSchedulingEnabled: false, isRecurrenceEnabled: false };
		record.scheduleDetails = undefined;
		doc.updatedAt = ctx.nowIso();
		return {
			status: 200,
			body: {
				status: 'success',
				message: `Campaign ${doc.name} schedule has been disabled successfully`,
				id: record.id,
			},
		};
	}

	const body = ctx.body || {};
	const start = parseTime(body.startDateTime);
	const end = parseTime(body.endDateTime);
	if (start === undefined) return bad('startDateTime is required, format YYYY-MM-DD HH:mm:ss');
	if (end === undefined) return bad('endDateTime is required, format YYYY-MM-DD HH:mm:ss');
	if (end <= start || end <= ctx.now())
		return bad('endDateTime must be greater than both current time and startDateTime');
	const problem = recurrenceProblem(body.recurrenceObject);
	if (problem) return bad(problem);
	// A new object: generated campaigns share one frozen `schedule`.
	doc.schedule = { isSchedulingEnabled: true, isRecurrenceEnabled: true };
	record.scheduleDetails = JSON.parse(JSON.stringify(body));
	doc.updatedAt = ctx.nowIso();
	return {
		status: 200,
		body: {
			status: 'success',
			message: `Campaign ${doc.name} has been scheduled successfully`,
			id: record.id,
		},
	};
}

module.exports = { handleSchedule };
