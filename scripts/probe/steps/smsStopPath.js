'use strict';

const api = require('../api');
const { served, pairReading } = require('./served');

/**
 * stop-sms-campaign-v2.mdx writes `campaign//trigger/{id}`; the voice pages `campaign/trigger/{id}`,
 * which the node sends. Both stops go to the scratch campaign, which was never started, so neither
 * can stop anything that runs.
 */
module.exports = {
	id: 'smsStopPath',
	needs: ['campaign'],
	outcomes: {
		single: "only `campaign/trigger` (the node's path) is served; the page's `//` is not",
		neither: 'neither path is served',
	},
	async run(ctx) {
		const campaign = ctx.scratch.campaign;
		const page = await ctx.client.send(
			api.stopCampaign(ctx.app, campaign.id, {
				prefix: api.V2,
				doubleSlash: true,
				campaignType: 'sms',
			}),
		);
		const node = await ctx.client.send(
			api.stopCampaign(ctx.app, campaign.id, {
				prefix: api.V2,
				doubleSlash: false,
				campaignType: 'sms',
			}),
		);
		const a = served(page, campaign);
		const b = served(node, campaign);
		return {
			reading: pairReading(a, b, { nodeOnly: 'single' }),
			evidence: [
				{ note: `the page's campaign//trigger: ${a.verdict} (${a.basis})`, ...page },
				{ note: `the node's campaign/trigger: ${b.verdict} (${b.basis})`, ...node },
			],
		};
	},
};
