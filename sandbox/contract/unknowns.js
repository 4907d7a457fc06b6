'use strict';

/**
 * What Kore.ai's pages leave open, and how the sandbox plays each question. `values[0]` is the
 * harsher reading where one is harsher for the node; `sandboxDefault` is what every test gets unless
 * it asks for another (`startSandbox({ readings: { contactsPaging: 'ignored' } })`); the presets
 * `lenient` and `harsh` flip them all, so `npm run probe` can be shown to tell each pair apart.
 * The first real run of the probe against a Kore.ai app settles them (docs/kore-ai-api.md).
 */
const unknowns = [
	{
		id: 'updateMerges',
		question: 'Does a campaign PUT merge into the campaign, or replace the objects it receives?',
		pages: ['update-sms-campaign-v2.mdx', 'update-voice-campaign-v2.mdx'],
		values: {
			replace:
				'a PUT replaces every nested object it receives (dialingStrategy, callingHours, message, schedule)',
			merge: 'a PUT merges what it receives into the campaign',
		},
		sandboxDefault: 'replace',
		lenient: 'merge',
		harsh: 'replace',
		node: "Update reads the campaign and sends the complete documented body, which is right in both readings for every field the update page lists. Two things Get shows are not in that body: a voice campaign's `dialingStrategy.useSystemMappings` (not on the update page, so not sent; a replacing PUT may reset it) and the schedule beyond its flags. Get shows a schedule only as its flags (`isSchedulingEnabled`, `isRecurrenceEnabled`), sent back as read; whether a replacing PUT keeps the schedule's dates, times and recurrence (set by the schedule endpoint) no page says.",
	},
	{
		id: 'smsStopPath',
		question:
			'Stop SMS Campaign: `campaign//trigger/{id}` (the page) or `campaign/trigger/{id}` (the voice pages)?',
		pages: ['stop-sms-campaign-v2.mdx', 'stop-voice-campaign-v2.mdx'],
		values: {
			both: 'both paths are served',
			page: "only the page's `campaign//trigger` is served",
		},
		sandboxDefault: 'both',
		lenient: 'both',
		harsh: 'page',
		node: 'Sends `campaign/trigger/{id}`.',
	},
	{
		id: 'voiceTriggerPrefix',
		question:
			'Start/Stop Voice Campaign: prefix `/api/v2/public/` (the voice pages) or `/campaign/api/v2/public/` (every other page)?',
		pages: ['start-voice-campaign-v2.mdx', 'stop-voice-campaign-v2.mdx'],
		values: {
			both: 'both prefixes are served',
			page: "only the pages' `/api/v2/public/` is served",
		},
		sandboxDefault: 'both',
		lenient: 'both',
		harsh: 'page',
		node: 'Sends `/campaign/api/v2/public/`.',
	},
	{
		id: 'contactsPaging',
		question: 'Get All Contacts of a Contact List: are `skip` and `limit` honoured?',
		pages: ['get-all-contacts-of-a-contactlist-v2.mdx'],
		values: {
			honoured: 'skip and limit page the contacts',
			ignored: 'every request answers the first page (50 contacts)',
		},
		sandboxDefault: 'honoured',
		lenient: 'honoured',
		harsh: 'ignored',
		node: 'Sends them; if a page repeats while Kore.ai says there are more, Return All fails with how many of how many were read.',
	},
	{
		id: 'smsResults',
		question: 'Does the per-contact results endpoint (a voice page) answer for SMS campaigns?',
		pages: ['get-all-contact-details-voice-campaigns-v2.mdx'],
		values: {
			available: 'SMS campaigns have per-contact results',
			absent: 'SMS campaigns are refused (400)',
		},
		sandboxDefault: 'available',
		lenient: 'available',
		harsh: 'absent',
		node: "Asks the same endpoint for SMS campaigns; a refusal fails the item with Kore.ai's words.",
	},
	{
		id: 'rateLimit',
		question: "The rate limit's HTTP status, and is `Retry-After` sent?",
		pages: ['rate-limit-ccai.mdx'],
		values: { retryAfter: '429 with Retry-After', noRetryAfter: '429 without Retry-After' },
		sandboxDefault: 'retryAfter',
		lenient: 'retryAfter',
		harsh: 'noRetryAfter',
		node: 'Honours Retry-After when present, backs off and paces (AIMD) when not.',
	},
	{
		id: 'notFound',
		question: 'The error body of a missing campaign and of a missing contact list',
		pages: ['delete-sms-campaign-v2.mdx', 'get-contact-list-details-v2.mdx'],
		values: {
			404: '404 `{status: "failure", message: "Campaign <id> not found"}`',
			'400-errors': '400 `{errors: [{msg: "Campaign <id> not found", code: 400}]}`',
		},
		sandboxDefault: '404',
		lenient: '404',
		harsh: '400-errors',
		node: 'Reads both shapes; "not found" is told by the status or by the message naming what is missing.',
	},
];

/** The readings of a sandbox: a preset name ('lenient', 'harsh') and/or overrides per unknown. */
function resolveReadings(preset, overrides = {}) {
	const out = {};
	for (const unknown of unknowns) {
		const value = overrides[unknown.id] ?? (preset ? unknown[preset] : unknown.sandboxDefault);
		if (!(value in unknown.values))
			throw new Error(
				`sandbox: readings.${unknown.id} must be one of ${Object.keys(unknown.values).join(', ')}`,
			);
		out[unknown.id] = value;
	}
	for (const key of Object.keys(overrides)) {
		if (!unknowns.some((u) => u.id === key)) throw new Error(`sandbox: unknown reading "${key}"`);
	}
	return out;
}

module.exports = { unknowns, resolveReadings };
