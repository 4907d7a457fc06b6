'use strict';

/**
 * The probe's scratch contact list and SMS campaign, both named `n8n-probe-<time>`: created, filled
 * and waited for here, deleted by cleanup.js. What the probe knows about them lives in
 * `ctx.scratch` from the moment Kore.ai answers, so an interruption at any point can still delete
 * them (or name them when an answer was lost).
 */
const api = require('./api');

/** 555-0100 to 555-0199 are reserved for fiction in every North American area code: no one has these numbers. */
const MADE_UP_PHONES = ['+12025550141', '+12025550142', '+12025550143'];
const MESSAGE =
	'n8n-nodes-kore-ai probe: this campaign is never started and is deleted when the probe ends.';
const DESCRIPTION =
	"Scratch object of n8n-nodes-kore-ai's `npm run probe`: never started, deleted when the probe ends. Safe to delete.";

const ok = (exchange) =>
	exchange.status !== null && exchange.status >= 200 && exchange.status < 300;

/** No answer, or a server error: the create may have happened all the same. */
const answerLost = (exchange) => exchange.status === null || exchange.status >= 500;

class SetupError extends Error {
	constructor(message, exchange) {
		super(message);
		this.name = 'SetupError';
		this.exchange = exchange;
	}
}

function scratchName(now = new Date()) {
	return `n8n-probe-${now.toISOString().replace(/[:.]/g, '-')}`;
}

function newScratch(name) {
	return {
		name,
		// state: 'none' (not asked), 'unknown' (asked, answer lost: it may exist), 'created', 'deleted'
		list: { name, id: undefined, state: 'none', ready: false },
		campaign: { name, id: undefined, state: 'none', ready: false, body: undefined },
		contacts: undefined, // the unpaged Get Contacts answer once the import shows every contact
	};
}

/** The ID in a create answer: `_id` (the SMS and contact-list pages) or `id` (the voice pages). */
function idOf(exchange) {
	const data = exchange.body && typeof exchange.body === 'object' ? exchange.body.data : undefined;
	const id = data && (data._id ?? data.id);
	return typeof id === 'string' && id !== '' ? id : undefined;
}

function failed(what, exchange) {
	const answer = exchange.status === null ? exchange.error : `HTTP ${exchange.status}`;
	return new SetupError(`${what}: ${answer}`, exchange);
}

/** Polls `request` until `done(exchange)` or the poll timeout; returns the last exchange and whether it was done. */
async function poll(ctx, request, done) {
	const until = Date.now() + ctx.timing.pollTimeoutMs;
	for (;;) {
		const exchange = await ctx.client.send(request);
		if (ok(exchange) && done(exchange)) return { exchange, done: true };
		if (Date.now() + ctx.timing.pollIntervalMs > until) return { exchange, done: false };
		await ctx.client.sleep(ctx.timing.pollIntervalMs);
	}
}

/** Create Contact List, Add Contacts (asynchronous), then Get Contacts until every made-up contact is there. */
async function createList(ctx) {
	const { app, client, scratch } = ctx;
	const list = scratch.list;
	client.check();
	list.state = 'unknown';
	const created = await client.send(api.createContactList(app, list.name, DESCRIPTION));
	if (!answerLost(created)) list.state = 'none';
	if (!ok(created))
		throw failed(
			answerLost(created)
				? 'no clear answer to creating the scratch contact list (it may exist)'
				: 'Kore.ai did not create the scratch contact list',
			created,
		);
	list.id = idOf(created);
	list.state = 'created';
	if (!list.id) throw failed('the create answer names no contact list ID', created);

	const added = await client.send(api.addContacts(app, list.name, MADE_UP_PHONES));
	if (!ok(added)) throw failed('Kore.ai did not accept Add Contacts for the scratch list', added);
	list.ready = true;
	const { exchange, done } = await poll(
		ctx,
		api.getContacts(app, list.id),
		(answer) => resultsOf(answer).length >= MADE_UP_PHONES.length,
	);
	if (done) scratch.contacts = exchange;
	else
		ctx.log(
			`the contacts did not all show within ${ctx.timing.pollTimeoutMs} ms; the paging question stays open`,
		);
}

function resultsOf(exchange) {
	const results = exchange.body && exchange.body.data && exchange.body.data.results;
	return Array.isArray(results) ? results : [];
}

/** Create SMS Campaign (simple format, the scratch list, the given caller ID), then Get until Ready. */
async function createCampaign(ctx) {
	const { app, client, scratch } = ctx;
	const campaign = scratch.campaign;
	campaign.body = {
		name: campaign.name,
		description: DESCRIPTION,
		contactLists: [scratch.list.name],
		campaignType: 'sms',
		priority: '1',
		format: 'simple',
		message: { message: Buffer.from(MESSAGE, 'utf8').toString('base64') },
		dialingStrategy: {
			callerId: { phoneNumber: ctx.callerId },
			callingHours: {
				frequency: 'WEEKLY',
				timezone: 'UTC',
				days: [{ day: 'MO', start: '9:00 AM', end: '5:00 PM' }],
			},
		},
		schedule: { isSchedulingEnabled: false },
	};
	client.check();
	campaign.state = 'unknown';
	const created = await client.send(api.createSmsCampaign(app, campaign.body));
	if (!answerLost(created)) campaign.state = 'none';
	if (!ok(created))
		throw failed(
			answerLost(created)
				? 'no clear answer to creating the scratch SMS campaign (it may exist)'
				: 'Kore.ai did not create the scratch SMS campaign',
			created,
		);
	campaign.id = idOf(created);
	campaign.state = 'created';
	if (!campaign.id) throw failed('the create answer names no campaign ID', created);
	if (created.body.data.status === 'Ready') {
		campaign.ready = true;
		return;
	}
	// "Campaign <name> creation in progress": Preparing first, then Ready.
	const { exchange, done } = await poll(
		ctx,
		api.getCampaign(app, campaign.id),
		(answer) => answer.body?.data?.status === 'Ready',
	);
	if (!done)
		throw failed(
			`the scratch campaign was not Ready within ${ctx.timing.pollTimeoutMs} ms (status ${exchange.body?.data?.status ?? 'unknown'})`,
			exchange,
		);
	campaign.ready = true;
}

module.exports = {
	createList,
	createCampaign,
	newScratch,
	scratchName,
	resultsOf,
	ok,
	SetupError,
	MADE_UP_PHONES,
};
