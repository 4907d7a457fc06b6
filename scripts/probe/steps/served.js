'use strict';

/**
 * Is a path served at all? Told from one answer to a stop of the scratch campaign (never started):
 * any answer about the campaign ("not running", "Campaign <id> not found", even a success) comes
 * from a route that exists; a bare 404 or 405 that names neither the campaign's ID nor its name
 * ("Not Found", an HTML page) comes from the router before any campaign was looked at. Auth
 * refusals, rate limits, server errors and lost answers say nothing either way.
 */
function served(exchange, campaign) {
	if (exchange.status === null)
		return { verdict: 'unclear', basis: `no answer (${exchange.error})` };
	const status = exchange.status;
	if (status >= 200 && status < 300)
		return { verdict: 'served', basis: `HTTP ${status}: the campaign answered` };
	if (status === 401 || status === 403 || status === 429 || status >= 500)
		return { verdict: 'unclear', basis: `HTTP ${status} says nothing about the path` };
	const text =
		typeof exchange.body === 'string' ? exchange.body : JSON.stringify(exchange.body ?? '');
	const namesCampaign =
		text.includes(campaign.id) || text.toLowerCase().includes(campaign.name.toLowerCase());
	if ((status === 404 || status === 405) && !namesCampaign)
		return {
			verdict: 'absent',
			basis: `HTTP ${status} naming no campaign: the route does not exist`,
		};
	return {
		verdict: 'served',
		basis: `HTTP ${status}${namesCampaign ? ' about the campaign' : ''}: the route looked at the request`,
	};
}

/**
 * The reading of a pair: the page's path and the node's. `names` maps the two outcomes unknowns.js
 * does not list (only the node's path, neither) to their ids.
 */
function pairReading(page, node, names) {
	if (page.verdict === 'unclear' || node.verdict === 'unclear') return 'unclear';
	if (page.verdict === 'served') return node.verdict === 'served' ? 'both' : 'page';
	return node.verdict === 'served' ? names.nodeOnly : 'neither';
}

module.exports = { served, pairReading };
