'use strict';

const api = require('../api');
const { ok } = require('../scratch');

/**
 * rate-limit-ccai.mdx gives the limit (60 a minute per account) and its sentence, not the HTTP
 * status or whether Retry-After comes. Only with --rate-limit: cheap Gets of the scratch list, as
 * fast as they go, until the first refusal or `rateLimitMax` requests. Without the flag, a 429 the
 * probe met anyway is read the same way.
 */
function readingOf(refusal) {
	if (refusal.status !== 429) return 'otherStatus';
	return refusal.headers['retry-after'] === undefined ? 'noRetryAfter' : 'retryAfter';
}

module.exports = {
	id: 'rateLimit',
	needs: [],
	outcomes: {
		otherStatus: 'the refusal came with another status than 429 (see the evidence)',
		notReached: 'no refusal within the bound (raise --rate-limit-max)',
	},
	async run(ctx) {
		if (!ctx.options.rateLimit) {
			const met = ctx.client.rateLimited[0];
			if (met)
				return {
					reading: readingOf(met),
					evidence: [{ note: 'a 429 met during the other steps (no --rate-limit)', ...met }],
				};
			return {
				reading: 'notProbed',
				why: "run with --rate-limit to probe it (about a minute's worth of requests)",
			};
		}
		if (!ctx.scratch.list.id)
			return { reading: 'notProbed', why: 'no scratch contact list to read' };
		const request = api.getContactList(ctx.app, ctx.scratch.list.id);
		const started = Date.now();
		let first;
		for (let n = 1; n <= ctx.options.rateLimitMax; n += 1) {
			const answer = await ctx.client.send(request, { retry429: false });
			first = first ?? answer;
			if (ok(answer)) continue;
			const note = `refusal after ${n} Gets of the scratch list in ${Date.now() - started} ms`;
			const evidence = [
				{ note: 'the first Get', ...first },
				{ note, ...answer },
			];
			if (answer.status === null || (answer.status >= 500 && answer.status !== 503))
				return { reading: 'unclear', evidence };
			return { reading: readingOf(answer), evidence };
		}
		return {
			reading: 'notReached',
			evidence: [
				{
					note: `${ctx.options.rateLimitMax} Gets in ${Date.now() - started} ms, none refused`,
					...first,
				},
			],
		};
	},
};
