'use strict';

const api = require('../api');
const { ok } = require('../scratch');

const digits = (value) => String(value ?? '').replace(/\D/g, '');

/**
 * update-sms-campaign-v2.mdx shows a complete body and does not say whether a PUT merges or
 * replaces. The probe sends the scratch campaign's own create body with one nested field left out,
 * `dialingStrategy.callerId`, then reads the campaign: the caller ID kept means merge, gone (or
 * replaced by some default) means replace, and a refusal means Kore.ai wants the complete body.
 */
module.exports = {
	id: 'updateMerges',
	needs: ['campaign'],
	outcomes: {
		refused: 'Kore.ai refuses a PUT without the complete body (its answer is the evidence)',
	},
	async run(ctx) {
		const campaign = ctx.scratch.campaign;
		const { callerId, ...strategyWithoutCallerId } = campaign.body.dialingStrategy;
		const body = { ...campaign.body, dialingStrategy: strategyWithoutCallerId };
		const put = await ctx.client.send(api.updateSmsCampaign(ctx.app, campaign.id, body));
		const evidence = [
			{ note: 'PUT: the create body with dialingStrategy.callerId left out', ...put },
		];
		if (put.status === null || put.status === 429 || put.status >= 500)
			return { reading: 'unclear', evidence };
		if (!ok(put)) return { reading: 'refused', evidence };

		const get = await ctx.client.send(api.getCampaign(ctx.app, campaign.id));
		const kept = get.body?.data?.dialingStrategy?.callerId?.phoneNumber;
		const read =
			kept === undefined || kept === null || kept === ''
				? 'gone'
				: digits(kept) === digits(callerId.phoneNumber)
					? 'kept'
					: 'replaced by another value';
		evidence.push({
			note: `GET after the PUT: dialingStrategy.callerId ${ok(get) ? read : 'not read'}`,
			...get,
		});
		if (!ok(get)) return { reading: 'unclear', evidence };
		return { reading: read === 'kept' ? 'merge' : 'replace', evidence };
	},
};
