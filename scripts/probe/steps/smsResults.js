'use strict';

const api = require('../api');
const { ok } = require('../scratch');

/**
 * get-all-contact-details-voice-campaigns-v2.mdx is a voice page; whether SMS campaigns answer it is
 * unknown. One request for the scratch SMS campaign: an answer means available, a refusal absent.
 */
module.exports = {
	id: 'smsResults',
	needs: ['campaign'],
	outcomes: {},
	async run(ctx) {
		const answer = await ctx.client.send(api.campaignResults(ctx.app, ctx.scratch.campaign.id));
		const evidence = [
			{ note: 'per-contact results of the scratch SMS campaign (never started)', ...answer },
		];
		if (ok(answer)) return { reading: 'available', evidence };
		if (
			answer.status !== null &&
			answer.status >= 400 &&
			answer.status < 500 &&
			![401, 403, 429].includes(answer.status)
		)
			return { reading: 'absent', evidence };
		return { reading: 'unclear', evidence };
	},
};
