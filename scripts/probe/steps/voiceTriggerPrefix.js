'use strict';

const api = require('../api');
const { served, pairReading } = require('./served');

/**
 * start-voice-campaign-v2.mdx and stop-voice-campaign-v2.mdx write the prefix `/api/v2/public/`;
 * every other campaign page, and the node, `/campaign/api/v2/public/`. The probe has no voice
 * campaign (a real one could call people), so it asks a voice stop of the scratch SMS campaign under
 * each prefix: a served route answers about that campaign (not a voice campaign, not running), a
 * missing one with a bare 404.
 */
module.exports = {
	id: 'voiceTriggerPrefix',
	needs: ['campaign'],
	outcomes: {
		campaignPrefix:
			"only `/campaign/api/v2/public/` (the node's prefix) is served; the voice pages' `/api/v2/public/` is not",
		neither: 'neither prefix is served',
	},
	async run(ctx) {
		const campaign = ctx.scratch.campaign;
		const page = await ctx.client.send(
			api.stopCampaign(ctx.app, campaign.id, {
				prefix: api.VOICE_PAGE_PREFIX,
				doubleSlash: false,
				campaignType: 'voice',
			}),
		);
		const node = await ctx.client.send(
			api.stopCampaign(ctx.app, campaign.id, {
				prefix: api.V2,
				doubleSlash: false,
				campaignType: 'voice',
			}),
		);
		const a = served(page, campaign);
		const b = served(node, campaign);
		return {
			reading: pairReading(a, b, { nodeOnly: 'campaignPrefix' }),
			evidence: [
				{ note: `the voice pages' /api/v2/public/: ${a.verdict} (${a.basis})`, ...page },
				{ note: `the node's /campaign/api/v2/public/: ${b.verdict} (${b.basis})`, ...node },
			],
		};
	},
};
