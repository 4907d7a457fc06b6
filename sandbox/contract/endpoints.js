'use strict';

const { str, int, bool, obj, arr, oneOf } = require('./schema');
const { smsCreate, voiceCreate, smsUpdate, voiceUpdate, STATUSES } = require('./bodies');

/**
 * Kore.ai's pages as a contract: one entry per endpoint the node calls, written from the page named
 * in `pages` (files of Koredotcom/docs-v2, folder `ai-for-service/apis/contact-center/`).
 *
 *   paths    every path the node may send, `{name}` standing for a segment. The first is the page's;
 *            another one carries `deviation`: why the node sends it instead.
 *   query    every query parameter the node may send: `required`, `enum`, or a `deviation` when no
 *            page documents it for this endpoint. Anything else is a violation.
 *   body     undefined: the page sends no body, so a body is a violation. Otherwise the schema
 *            (schema.js) of the JSON body, or a function of the query that returns it.
 *   answer   the documented answer, in short, for the docs.
 *   readings where pages disagree or are silent: the reading the node takes, and why.
 *   when     (query) => boolean, for endpoints that share a method and path (status and results).
 *
 * Every request also carries the three documented headers (`auth`, `iid`, `accountId`, any case);
 * a request with a body says `Content-Type: application/json` (every page's table).
 * The sandbox checks every request against this (check.js); operations.js says which operation sends
 * which; docs/kore-ai-api.md is rendered from all three (scripts/contract-docs.js).
 */

const V2 = '/campaign/api/v2/public/{streamId}';
const ACCOUNT_ID = str({ required: true, nonEmpty: true });
/** accountId where the page's endpoint line leaves it out. */
const accountIdNotOnPage = (why) => str({ nonEmpty: true, deviation: why });
const SAME_ENDPOINT_ACCOUNT =
	'Not on this page; every other page of the v2 campaign API sends it, this path included. The header alone is not known to be enough, and an extra query parameter is not known to be refused.';
const EMPTY_BODY = obj({}, { note: 'the sample sends `{}` with Content-Type: application/json' });
const NUMBER_TEXT = /^\d+$/;

const endpoints = [
	{
		id: 'deleteCampaign',
		title: 'Delete SMS or voice campaign',
		pages: ['delete-sms-campaign-v2.mdx', 'delete-voice-campaign-v2.mdx'],
		method: 'DELETE',
		paths: [{ path: `${V2}/campaign/{campaignId}` }],
		query: { accountId: ACCOUNT_ID, campaignType: str({ required: true, enum: ['sms', 'voice'] }) },
		answer:
			'`{status: "success", message: "Campaign <name> deleted successfully", data: {the campaign}}`',
	},
	{
		id: 'getCampaign',
		title: 'Get SMS or voice campaign',
		pages: ['get-sms-campaign-by-id-v2.mdx', 'get-voice-campaign-by-id-v2.mdx'],
		method: 'GET',
		paths: [{ path: `${V2}/campaign/{campaignId}` }],
		query: { accountId: ACCOUNT_ID },
		answer:
			'`{status: "success", message: "Campaign <name> retrieved successfully", data: {the campaign}}`; voice adds `dialingMode`; the flow is `experienceFlow` (an ID), not its name',
		readings: [
			{
				topic: 'SMS or voice',
				reading:
					'The page takes no `campaignType`, so the same ID answers whatever its type. The node checks the type of the campaign it gets (a voice campaign has `dialingMode`) and refuses a campaign of the other type, naming its type.',
			},
		],
	},
	{
		id: 'listCampaigns',
		title: 'List campaigns',
		pages: ['get-all-campaigns-v2.mdx'],
		method: 'POST',
		paths: [{ path: `${V2}/campaign/getAllCampaignDetails` }],
		query: { accountId: ACCOUNT_ID },
		body: obj(
			{
				skip: oneOf(int({ min: 0 }), str({ enum: [''] })),
				page: oneOf(int({ min: 1 }), str({ enum: [''] })),
				limit: oneOf(int({ min: 1 }), str({ enum: [''] })),
				type: str({ required: true, enum: ['sms', 'voice'] }),
				startDate: str({
					pattern: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/,
					form: 'ISO 8601 in UTC',
				}),
				endDate: str({
					pattern: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/,
					form: 'ISO 8601 in UTC',
				}),
				sortBy: obj({
					name: str({ enum: ['asc', 'desc'] }),
					createdAt: str({ enum: ['asc', 'desc'] }),
					updatedAt: str({ enum: ['asc', 'desc'] }),
				}),
				filters: obj({
					status: arr(str({ enum: STATUSES })),
					priority: arr(int({ enum: [1, 2, 3, 4, 5] })),
					dialingMode: arr(str({ enum: ['Progressive', 'Preview'] }), { note: 'voice only' }),
				}),
			},
			{ required: true },
		),
		answer:
			'`data: {results[], skip, limit, hasMore, totalPages, totalResults}`; SMS results carry `id`, voice results `_id`',
		readings: [
			{
				topic: '`skip` and `page`',
				reading:
					'Both are documented and neither is said to win: the node sends both, consistent (`page = skip / limit + 1`).',
			},
		],
	},
	{
		id: 'campaignStatus',
		title: 'Campaign status',
		when: (query) => query.view !== 'contacts',
		pages: ['get-campaign-status-v2.mdx'],
		method: 'POST',
		paths: [{ path: `${V2}/campaign/{campaignId}/status` }],
		query: {
			accountId: ACCOUNT_ID,
			view: str({
				required: true,
				enum: ['status'],
				note: 'the page says optional; it tells this endpoint from the per-contact results',
			}),
		},
		body: { ...EMPTY_BODY, required: true },
		answer: '`{status: "success"|"failure", data: {id, status, name}}`',
	},
	{
		id: 'campaignResults',
		title: 'Per-contact results of a campaign',
		when: (query) => query.view === 'contacts',
		pages: ['get-all-contact-details-voice-campaigns-v2.mdx'],
		method: 'POST',
		paths: [{ path: `${V2}/campaign/{campaignId}/status` }],
		query: {
			view: str({ required: true, enum: ['contacts'] }),
			accountId: accountIdNotOnPage(SAME_ENDPOINT_ACCOUNT),
		},
		body: obj({ page: int({ min: 1 }), limit: int({ min: 1, max: 100 }) }, { required: true }),
		answer:
			'`data: {results: [{phoneNumber, uniqueId, dialerOutcome, numberOfAttemptsSoFar, botSessionId, agentDispositionCodes, botOutboundStatus, botOutboundStatusDetail}], page, limit, totalPages, totalResults}`',
		readings: [
			{
				topic: 'SMS campaigns',
				reading:
					'The page is about voice campaigns; nothing says SMS campaigns answer it. The node asks the same endpoint for SMS campaigns (unknown, settled by `npm run probe`).',
			},
		],
	},
	{
		id: 'startSmsCampaign',
		title: 'Start SMS campaign',
		pages: ['start-sms-campaign-v2.mdx'],
		method: 'POST',
		paths: [{ path: `${V2}/campaign/{campaignId}` }],
		query: {
			campaignType: str({ required: true, enum: ['sms'] }),
			trigger: str({ required: true, enum: ['play'] }),
			accountId: accountIdNotOnPage(SAME_ENDPOINT_ACCOUNT),
		},
		body: { ...EMPTY_BODY, required: true },
		answer: '`{status: "Active", message: "Campaign Started", updatedAt}`',
	},
	{
		id: 'stopSmsCampaign',
		title: 'Stop SMS campaign',
		when: (query) => query.campaignType !== 'voice',
		pages: ['stop-sms-campaign-v2.mdx'],
		method: 'POST',
		paths: [
			{ path: `${V2}/campaign//trigger/{campaignId}` },
			{
				path: `${V2}/campaign/trigger/{campaignId}`,
				deviation:
					'The page writes `campaign//trigger` (an empty path segment); the voice start and stop pages write `campaign/trigger`. The node sends the single slash (unknown, settled by `npm run probe`).',
			},
		],
		query: {
			accountId: ACCOUNT_ID,
			campaignType: str({ required: true, enum: ['sms'] }),
			trigger: str({ required: true, enum: ['stop'] }),
		},
		body: { ...EMPTY_BODY, required: true },
		answer: '`{status: "Stopped", message: "Campaign Stopped", updatedAt, campaignExecutionType}`',
	},
	...['play', 'stop'].map((trigger) => ({
		id: trigger === 'play' ? 'startVoiceCampaign' : 'stopVoiceCampaign',
		title: `${trigger === 'play' ? 'Start' : 'Stop'} voice campaign`,
		when: (query) =>
			query.campaignType !== 'sms' && (query.trigger === 'stop') === (trigger === 'stop'),
		pages: [trigger === 'play' ? 'start-voice-campaign-v2.mdx' : 'stop-voice-campaign-v2.mdx'],
		method: 'POST',
		paths: [
			{ path: '/api/v2/public/{streamId}/campaign/trigger/{campaignId}' },
			{
				path: `${V2}/campaign/trigger/{campaignId}`,
				deviation:
					'The voice start and stop pages write the prefix `/api/v2/public/` without the leading `/campaign` that every other campaign page has. The node sends `/campaign/api/v2/public/` (unknown, settled by `npm run probe`).',
			},
		],
		query: {
			accountId: ACCOUNT_ID,
			campaignType: str({
				required: true,
				enum: ['voice'],
				note:
					trigger === 'stop'
						? 'the parameter table says "sms", the endpoint line and the sample "voice"'
						: undefined,
			}),
			trigger: str({ required: true, enum: [trigger] }),
		},
		body: { ...EMPTY_BODY, required: true },
		answer:
			trigger === 'play'
				? '`{status: "Active", message: "Campaign Started", totalCallsCompleted, updatedAt, campaignInstanceId}`'
				: '`{status: "Stopped", message: "Campaign Stopped", updatedAt, campaignInstanceId}`',
	})),
	{
		id: 'createCampaign',
		title: 'Create SMS or voice campaign',
		pages: [
			'create-sms-campaign-without-template-v2.mdx',
			'create-sms-campaign-using-template-v2.mdx',
			'create-sms-campaign-advanced-format-v2.mdx',
			'create-voice-campaign-agentless-v2.mdx',
			'create-voice-campaign-progressive-v2.mdx',
			'create-voice-campaign-preview-v2.mdx',
		],
		method: 'POST',
		paths: [{ path: `${V2}/campaign` }],
		query: { accountId: ACCOUNT_ID, campaignType: str({ required: true, enum: ['sms', 'voice'] }) },
		body: (query) => (query.campaignType === 'voice' ? voiceCreate : smsCreate),
		answer:
			'`{status: "success", message: "Campaign <name> creation in progress", data: {the campaign, `_id` (SMS pages) or `id` (voice pages), status "Preparing" or "Ready"}}`',
		readings: [
			{
				topic: 'prefix',
				reading:
					'The advanced-format page writes `/api/v2/public/`; the other five `/campaign/api/v2/public/`, which the node sends.',
			},
			{
				topic: 'answer',
				reading:
					'Creation is asynchronous ("creation in progress"); the node waits for Ready only with Wait Until Ready.',
			},
		],
	},
	{
		id: 'updateCampaign',
		title: 'Update SMS or voice campaign',
		pages: ['update-sms-campaign-v2.mdx', 'update-voice-campaign-v2.mdx'],
		method: 'PUT',
		paths: [{ path: `${V2}/campaign/{campaignId}` }],
		query: {
			accountId: ACCOUNT_ID,
			campaignType: str({
				required: true,
				enum: ['sms', 'voice'],
				note: 'the voice page: "voice" in its table, "sms" in its endpoint line and sample',
			}),
		},
		body: (query, body) => (body && body.campaignType === 'voice' ? voiceUpdate : smsUpdate),
		answer:
			'`{status: "success", message: "Campaign <name> details updated successfully", data: {the campaign}}`',
		readings: [
			{
				topic: 'merge or replace',
				reading:
					'The pages show a complete body, mark most fields required and do not say whether a PUT merges or replaces. The node reads the campaign (Get) and sends the complete documented body: the campaign as it is, with only what the user changed replaced. That is right either way. The sandbox takes the harsher reading: a PUT replaces every nested object it receives.',
			},
			{
				topic: '`campaignType` of a voice update',
				reading:
					"The node sends `voice`, as the voice page's table, its body and every other voice page do.",
			},
			{
				topic: 'experience flow',
				reading:
					"Get answers the flow's ID (`experienceFlow`), the update wants its name (`experienceFlowName`): the node cannot carry it over, so updating an advanced SMS campaign asks for Experience Flow Name, and a voice update sends it only when given.",
			},
		],
	},
	{
		id: 'scheduleCampaign',
		title: 'Enable or disable a campaign schedule',
		pages: [
			'enable-voice-or-sms-campaign-schedule-daily.mdx',
			'enable-voice-or-sms-campaign-schedule-weekly.mdx',
			'disable-voice-or-sms-campaign-schedule.mdx',
		],
		method: 'POST',
		paths: [{ path: `${V2}/campaign/schedule` }],
		query: {
			enableSchedule: str({ required: true, enum: ['true', 'false'] }),
			campaignName: str({ required: true, nonEmpty: true }),
			accountId: accountIdNotOnPage(SAME_ENDPOINT_ACCOUNT),
		},
		body: (query) =>
			query.enableSchedule === 'false'
				? { ...EMPTY_BODY, required: true }
				: obj(
						{
							// The weekly page's own sample writes a one-digit day ("2026-01-1 18:29:00").
							startDateTime: str({
								required: true,
								pattern: /^\d{4}-\d\d?-\d\d? \d\d:\d\d:\d\d$/,
								form: '"YYYY-MM-DD HH:mm:ss"',
							}),
							endDateTime: str({
								required: true,
								pattern: /^\d{4}-\d\d?-\d\d? \d\d:\d\d:\d\d$/,
								form: '"YYYY-MM-DD HH:mm:ss"',
							}),
							recurrenceObject: obj(
								{
									recurType: str({ required: true, enum: ['Daily', 'Weekly'] }),
									dailyDetails: obj(
										{ onceEveryNdays: int({ required: true, min: 1 }) },
										{ required: (body) => body.recurrenceObject?.recurType === 'Daily' },
									),
									weeklyDetails: obj(
										{
											onceEveryNweeks: int({ required: true, min: 1 }),
											whichDays: arr(
												str({ enum: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] }),
												{ required: true, minItems: 1 },
											),
										},
										{
											required: (body) => body.recurrenceObject?.recurType === 'Weekly',
											note: "the weekly page's table calls it `dailyDetails`; its sample says `weeklyDetails`",
										},
									),
								},
								{ required: true },
							),
						},
						{ required: true },
					),
		answer: '`{status: "success", message: "Campaign <name> scheduled successfully", id}`',
		readings: [
			{
				topic: 'time zone',
				reading:
					"The pages give none; their samples' 18:29:00 is 23:59 in Asia/Kolkata, so the node sends UTC.",
			},
			{
				topic: 'weekly details',
				reading:
					"The weekly page's table names the object `dailyDetails`, its sample `weeklyDetails` (with `onceEveryNweeks`); the node sends `weeklyDetails`.",
			},
		],
	},
	{
		id: 'listContactLists',
		title: 'List contact lists',
		pages: ['get-all-contact-lists-v2.mdx'],
		method: 'POST',
		paths: [{ path: `${V2}/campaign/contactList/getAllListDetails` }],
		query: { accountId: ACCOUNT_ID, type: str({ enum: ['call'] }) },
		body: obj(
			{ skip: int({ min: 0 }), limit: int({ min: 1 }), page: int({ min: 1 }) },
			{
				deviation:
					'The page shows no body and answers every list at once (`data: [...]`). The node sends the paging of the campaign list (`skip`, `limit`, `page`): ignored if Kore.ai answers everything, needed if it pages.',
			},
		),
		answer:
			'`{status: "success", message: "", data: [every list]}` (the node also reads `data: {results, hasMore}`)',
	},
	{
		id: 'createContactList',
		title: 'Create contact list',
		pages: ['create-contact-list-v2.mdx'],
		method: 'POST',
		paths: [{ path: `${V2}/campaign/contactList/createContactList` }],
		query: { accountId: ACCOUNT_ID },
		body: obj(
			{
				name: str({ required: true, nonEmpty: true, max: 48 }),
				description: str({ required: true, max: 256 }),
				source: str({ required: true, enum: ['passiveApi'] }),
				allowDuplicates: bool({ note: 'optional, default false' }),
			},
			{ required: true },
		),
		answer:
			'`{status: "success", message: "Contact list <name> created successfully", data: {the list, `_id`}}`',
	},
	{
		id: 'getContactList',
		title: 'Get contact list',
		pages: ['get-contact-list-details-v2.mdx'],
		method: 'GET',
		paths: [{ path: `${V2}/campaign/contactList/{contactListId}` }],
		query: { accountId: ACCOUNT_ID },
		answer: '`{status: "success", message: "", data: {the list}}`',
	},
	{
		id: 'updateContactList',
		title: 'Update contact list',
		pages: ['update-contact-list-v2.mdx'],
		method: 'PUT',
		paths: [{ path: `${V2}/campaign/contactList/{contactListId}` }],
		query: { accountId: ACCOUNT_ID },
		body: obj(
			{ name: str({ nonEmpty: true, max: 48 }), description: str({ max: 256 }) },
			{ required: true },
		),
		answer:
			'`{status: "success", message: "Contact list <name> updated successfully", data: {contactListId, body: {...}}}`',
		readings: [
			{
				topic: 'merge',
				reading:
					'Both fields are optional on the page: a field left out keeps its value, so the node sends only what was set.',
			},
		],
	},
	{
		id: 'deleteContactList',
		title: 'Delete contact list',
		pages: ['delete-contact-list-details-v2.mdx'],
		method: 'DELETE',
		paths: [{ path: `${V2}/campaign/contactList/{contactListId}` }],
		query: { accountId: ACCOUNT_ID },
		answer:
			'`{status: "success", message: "Contact list <name> deleted successfully", data: {the list}}`',
	},
	{
		id: 'getContacts',
		title: 'Contacts of a contact list',
		pages: ['get-all-contacts-of-a-contactlist-v2.mdx'],
		method: 'GET',
		paths: [{ path: `${V2}/campaign/contactList/{contactListId}/getAllContacts` }],
		query: {
			accountId: ACCOUNT_ID,
			skip: str({
				pattern: NUMBER_TEXT,
				form: 'a whole number',
				deviation:
					'The page documents no request paging, but its answer pages (`skip`, `limit`, `hasMore`, `totalResults`). The node sends `skip` and `limit` as the answer names them (unknown, settled by `npm run probe`); if a page repeats, Return All fails with how many of how many were read instead of stopping short.',
			}),
			limit: str({ pattern: NUMBER_TEXT, form: 'a whole number', deviation: 'See `skip`.' }),
		},
		answer:
			'`data: {results: [{_id, createdAt, updatedAt, phoneNumber, ...columns}], skip, limit, hasMore, totalPages, totalResults}`',
	},
	{
		id: 'addContacts',
		title: 'Add contacts to a contact list',
		pages: ['add-contacts-to-contact-list.mdx'],
		method: 'POST',
		paths: [{ path: '/api/1.1/public/{streamId}/campaign/contactList/addContacts' }],
		query: {},
		body: obj(
			{
				contact_list_name: str({ required: true, nonEmpty: true }),
				data: arr(
					obj(
						{ phoneNumber: str({ required: true, nonEmpty: true }) },
						{ open: true, note: 'other columns as the list maps them' },
					),
					{
						required: true,
						minItems: 1,
					},
				),
			},
			{ required: true },
		),
		answer: '`{message: "Adding contacts to public list is in progress"}` (asynchronous)',
		readings: [
			{
				topic: 'phone numbers',
				reading:
					'The page accepts "international or local format depending on platform rules"; the node sends E.164 (a plus sign and the country code), the only form that means one number everywhere.',
			},
		],
	},
];

module.exports = { endpoints };
