'use strict';

const crypto = require('node:crypto');
const { bodies } = require('./responses');

/**
 * Per-contact results of a campaign (reference section 7; doc page "Get All Contact Details Of
 * Voice Campaigns (v2)"):
 *
 *   POST /campaign/{id}/status?view=contacts   body {page >= 1, limit 1..100}
 *   -> {status: "success", data: {results: [{phoneNumber, uniqueId, dialerOutcome,
 *       numberOfAttemptsSoFar, botSessionId, agentDispositionCodes[], botOutboundStatus,
 *       botOutboundStatusDetail}], page, limit, totalPages, totalResults}}
 *
 * A campaign that was never started has no results. A started one has one result per contact of
 * its contact lists: `store.contactsOfLists(streamId, names)` when the store has contact lists
 * (the Contact List resource's sandbox), otherwise `generatedContacts` (default 25) made-up
 * contacts per campaign. Outcomes are deterministic: the same `resultsSeed`, campaign and phone
 * number always give the same outcome, attempts and disposition codes.
 *
 * GUESSES (not documented): the default page size (10), the outcome vocabulary beyond the
 * sample's ("completed", "", userHangUp, user_hangup, "System Generated"), SMS outcomes, and the
 * 400 bodies for bad paging.
 */

const STARTED = new Set(['Active', 'Paused', 'Stopped', 'Completed']);

const VOICE_OUTCOMES = [
	// [weight, dialerOutcome, botOutboundStatus, botOutboundStatusDetail]
	[50, 'completed', 'userHangUp', 'user_hangup'],
	[10, 'completed', 'botHangUp', 'flow_completed'],
	[15, 'no-answer', 'noAnswer', 'no_answer'],
	[8, 'busy', 'busy', 'user_busy'],
	[7, 'failed', 'failed', 'invalid_number'],
	[10, 'voicemail', 'answeringMachine', 'machine_detected'],
];
const SMS_OUTCOMES = [
	[75, 'delivered', 'delivered', 'delivered_to_handset'],
	[10, 'sent', 'sent', 'awaiting_delivery_report'],
	[10, 'undelivered', 'undelivered', 'carrier_rejected'],
	[5, 'failed', 'failed', 'invalid_number'],
];

/** A deterministic number in [0, 1) for this text. */
function unit(text) {
	return crypto.createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
}

function pick(table, u) {
	const total = table.reduce((sum, row) => sum + row[0], 0);
	let at = u * total;
	for (const row of table) {
		if (at < row[0]) return row;
		at -= row[0];
	}
	return table[table.length - 1];
}

/** Made-up contacts of a campaign whose lists the sandbox does not hold: the same ones every time. */
function generatedContacts(campaignId, count) {
	const base = Math.floor(unit(`contacts:${campaignId}`) * 9000);
	return Array.from({ length: count }, (_, i) => ({
		phoneNumber: `1415555${String((base + i) % 10000).padStart(4, '0')}`,
		uniqueId: `c-${String(i + 1).padStart(4, '0')}`,
	}));
}

/**
 * A campaign's contacts: those of its contact lists when the sandbox holds at least one of them
 * (lists made with Contact List > Create and filled with Add Contacts). The seeded campaigns name
 * lists the sandbox does not hold; they get generated contacts instead.
 */
function contactsOf(ctx, record) {
	const names = Array.isArray(record.doc.contactLists) ? record.doc.contactLists : [];
	const lists = ctx.store.contactLists;
	const held =
		lists && typeof lists.findByName === 'function'
			? names.filter((name) => lists.findByName(ctx.streamId, name))
			: [];
	if (held.length > 0 && typeof ctx.store.contactsOfLists === 'function') {
		const contacts = (ctx.store.contactsOfLists(ctx.streamId, names) || [])
			.map((c) => (typeof c === 'string' ? { phoneNumber: c } : c))
			.filter((c) => c && c.phoneNumber);
		// The seeded campaigns' lists are seeded empty: those campaigns get made-up contacts instead.
		if (contacts.length > 0) return contacts;
	}
	return generatedContacts(record.id, Number(ctx.options.generatedContacts));
}

function resultOf(ctx, record, contact) {
	const key = `${ctx.options.resultsSeed}|${record.id}|${contact.phoneNumber}`;
	const voice = record.type === 'voice';
	const [, dialerOutcome, botOutboundStatus, botOutboundStatusDetail] = pick(
		voice ? VOICE_OUTCOMES : SMS_OUTCOMES,
		unit(`outcome:${key}`),
	);
	const maxAttempts = voice ? Number(record.doc.dialingStrategy?.maxAttemptsPerRecord) || 3 : 1;
	const reached =
		dialerOutcome === 'completed' || dialerOutcome === 'voicemail' || dialerOutcome === 'delivered';
	const attempts = !voice
		? 1
		: reached
			? 1 + Math.floor(unit(`attempts:${key}`) * maxAttempts)
			: maxAttempts;
	const session =
		reached && (voice || record.doc.format === 'advanced')
			? crypto.createHash('sha256').update(`session:${key}`).digest('hex').slice(0, 24)
			: '';
	return {
		phoneNumber: String(contact.phoneNumber),
		uniqueId: contact.uniqueId === undefined ? '' : String(contact.uniqueId),
		dialerOutcome,
		numberOfAttemptsSoFar: attempts,
		botSessionId: session,
		agentDispositionCodes: dialerOutcome === 'completed' ? ['System Generated'] : [],
		botOutboundStatus,
		botOutboundStatusDetail,
	};
}

function positiveInt(value, fallback) {
	if (value === undefined || value === null || value === '') return { value: fallback };
	const n = typeof value === 'string' ? Number(value) : value;
	return Number.isInteger(n) ? { value: n } : { error: true };
}

function handleContacts(ctx, record) {
	// A voice page; whether SMS campaigns answer it is unknown (contract/unknowns.js `smsResults`).
	if (record.type === 'sms' && ctx.readings.smsResults === 'absent') {
		return {
			status: 400,
			body: bodies.badRequest('view=contacts is available for voice campaigns only'),
		};
	}
	const body = ctx.body === undefined ? {} : ctx.body;
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return { status: 400, body: bodies.badRequest('Request body must be a JSON object') };
	const page = positiveInt(body.page, 1);
	if (page.error || page.value < 1)
		return { status: 400, body: bodies.badRequest('page must be an integer of at least 1') };
	const limit = positiveInt(body.limit, 10);
	if (limit.error || limit.value < 1 || limit.value > 100)
		return { status: 400, body: bodies.badRequest('limit must be an integer between 1 and 100') };

	const started = Boolean(record.doc.campaignInstanceId) || STARTED.has(record.doc.status);
	const all = started ? contactsOf(ctx, record) : [];
	const from = (page.value - 1) * limit.value;
	const results = all
		.slice(from, from + limit.value)
		.map((contact) => resultOf(ctx, record, contact));
	return {
		status: 200,
		body: {
			status: 'success',
			data: {
				results,
				page: page.value,
				limit: limit.value,
				totalPages: Math.ceil(all.length / limit.value),
				totalResults: all.length,
			},
		},
	};
}

module.exports = { handleContacts, generatedContacts };
