'use strict';

const { randomUUID } = require('node:crypto');
const api = require('../api');

/**
 * The error bodies of a missing campaign and a missing contact list (get-sms-campaign-by-id-v2.mdx,
 * get-contact-list-details-v2.mdx show only successes). The IDs are made up so that they cannot
 * exist: Kore.ai's IDs are name-based (version 5) UUIDs, a `5` opening their third group in every
 * sample; randomUUID() makes version 4 ones, a `4` there.
 */
function shapeOf(exchange) {
	const body = exchange.body && typeof exchange.body === 'object' ? exchange.body : {};
	if (exchange.status === 404 && typeof body.message === 'string') return '404';
	if (exchange.status === 400 && Array.isArray(body.errors)) return '400-errors';
	return 'other';
}

module.exports = {
	id: 'notFound',
	needs: [],
	outcomes: {
		mixed:
			'a missing campaign and a missing contact list answer in different shapes (see the evidence)',
		other: 'neither documented shape: see the evidence',
	},
	async run(ctx) {
		const campaignId = `cd-${randomUUID()}`;
		const listId = `cl-${randomUUID()}`;
		const campaign = await ctx.client.send(api.getCampaign(ctx.app, campaignId));
		const list = await ctx.client.send(api.getContactList(ctx.app, listId));
		const a = shapeOf(campaign);
		const b = shapeOf(list);
		const evidence = [
			{ note: `a made-up campaign ID: shape ${a}`, ...campaign },
			{ note: `a made-up contact list ID: shape ${b}`, ...list },
		];
		if (
			[campaign, list].some(
				(exchange) =>
					exchange.status === null ||
					[401, 403, 429].includes(exchange.status) ||
					exchange.status >= 500,
			)
		) {
			return { reading: 'unclear', evidence };
		}
		return { reading: a === b ? a : 'mixed', evidence };
	},
};
