'use strict';

const api = require('../api');
const { ok, resultsOf } = require('../scratch');

const digits = (value) => String(value ?? '').replace(/\D/g, '');

/**
 * get-all-contacts-of-a-contactlist-v2.mdx documents no request paging, though its answer pages.
 * The order of the contacts is taken from the unpaged answer the import poll ended with (no extra
 * request); then `skip=1&limit=1`: only the second contact means honoured, the first page means
 * ignored, anything else (one of the two honoured) is reported as it is.
 */
module.exports = {
	id: 'contactsPaging',
	needs: ['contacts'],
	outcomes: {
		partly: 'one of skip and limit is honoured, the other not (see the evidence)',
	},
	async run(ctx) {
		const unpaged = ctx.scratch.contacts;
		const order = resultsOf(unpaged).map((contact) => digits(contact.phoneNumber));
		const paged = await ctx.client.send(
			api.getContacts(ctx.app, ctx.scratch.list.id, { skip: 1, limit: 1 }),
		);
		const got = resultsOf(paged).map((contact) => digits(contact.phoneNumber));
		const evidence = [
			{
				note: `the unpaged answer (the import poll's last): ${order.length} contacts, in this order`,
				...unpaged,
			},
			{ note: `skip=1&limit=1: ${got.length} contact(s)`, ...paged },
		];
		if (!ok(paged) || got.length === 0) return { reading: 'unclear', evidence };
		const skipHonoured = got[0] === order[1];
		const limitHonoured = got.length === 1;
		if (skipHonoured && limitHonoured) return { reading: 'honoured', evidence };
		if (!skipHonoured && !limitHonoured && got[0] === order[0])
			return { reading: 'ignored', evidence };
		return { reading: got[0] === order[0] || skipHonoured ? 'partly' : 'unclear', evidence };
	},
};
