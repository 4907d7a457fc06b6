'use strict';

/**
 * Deleting what the probe created: the campaign first (a list a campaign names may not be
 * deletable), then the list. Runs after a stop too (Ctrl-C, an AbortSignal); only a second Ctrl-C
 * cuts it short. A delete Kore.ai answers with "not found" naming the ID counts as done (it is gone);
 * any other refusal is tried again a few times (a campaign still settling, a list still in use),
 * then reported with the ID to delete by hand.
 */
const api = require('./api');
const { Interrupted } = require('./client');
const { ok } = require('./scratch');

const ATTEMPTS = 3;

/** "Not found" naming this ID: the object is gone. A bare 404 could be a wrong path, which deletes nothing. */
function saysNotFound(exchange, id) {
	const text = JSON.stringify(exchange.body ?? '');
	return (
		(exchange.status === 404 || exchange.status === 400) &&
		/not\s*found/i.test(text) &&
		text.includes(id)
	);
}

async function deleteOne(ctx, request, id) {
	const tries = [];
	for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
		let exchange;
		try {
			exchange = await ctx.client.send(request, { cleanup: true });
		} catch (error) {
			if (error instanceof Interrupted)
				return { deleted: false, reason: 'interrupted before the delete was answered', tries };
			throw error;
		}
		tries.push(exchange);
		if (ok(exchange)) return { deleted: true, tries };
		if (saysNotFound(exchange, id)) return { deleted: true, alreadyGone: true, tries };
		if (attempt < ATTEMPTS) {
			try {
				await ctx.client.sleep(ctx.timing.cleanupRetryMs * attempt, { cleanup: true });
			} catch {
				return { deleted: false, reason: 'interrupted', tries };
			}
		}
	}
	const last = tries[tries.length - 1];
	return {
		deleted: false,
		reason: last.status === null ? last.error : `HTTP ${last.status}`,
		tries,
	};
}

/** Deletes the scratch campaign and list; returns `{ ok, items: [{ what, name, id, outcome, ... }] }`. */
async function cleanup(ctx) {
	const items = [];
	const { campaign, list } = ctx.scratch;
	const targets = [
		{
			what: 'SMS campaign',
			object: campaign,
			request: () => api.deleteSmsCampaign(ctx.app, campaign.id),
		},
		{ what: 'contact list', object: list, request: () => api.deleteContactList(ctx.app, list.id) },
	];
	for (const { what, object, request } of targets) {
		const item = { what, name: object.name, id: object.id };
		if (object.id) {
			const result = await deleteOne(ctx, request(), object.id);
			object.state = result.deleted ? 'deleted' : object.state;
			Object.assign(item, {
				outcome: result.deleted ? (result.alreadyGone ? 'already gone' : 'deleted') : 'FAILED',
				reason: result.reason,
				evidence: result.tries,
			});
		} else if (object.state === 'unknown') {
			item.outcome = 'UNKNOWN';
			item.reason = `the create request got no answer, so the ${what} may exist without the probe knowing its ID: look for "${object.name}" in Kore.ai and delete it`;
		} else {
			item.outcome = 'not created';
		}
		items.push(item);
	}
	return {
		ok: items.every((item) => item.outcome !== 'FAILED' && item.outcome !== 'UNKNOWN'),
		items,
	};
}

module.exports = { cleanup };
