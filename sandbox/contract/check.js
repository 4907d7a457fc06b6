'use strict';

const { check } = require('./schema');
const { endpoints } = require('./endpoints');

/**
 * Matching a request to its Kore.ai page (endpoints.js) and checking it against what the page says:
 * path, query (unknown parameters too), headers, body presence, JSON type, required fields, types,
 * limits and enums. A problem is a sentence; an empty list means the request follows the contract.
 */

function compile(template) {
	const names = [];
	const source = template
		.split(/(\{[A-Za-z]+\})/)
		.map((part) => {
			const m = /^\{([A-Za-z]+)\}$/.exec(part);
			if (!m) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
			names.push(m[1]);
			return '([^/]+)';
		})
		.join('');
	return { regex: new RegExp(`^${source}$`), names };
}

// A literal segment wins over a parameter (`/campaign/schedule` is not a campaign ID): fewest parameters first.
const compiled = endpoints
	.flatMap((endpoint) =>
		endpoint.paths.map((entry) => ({ endpoint, entry, ...compile(entry.path) })),
	)
	.sort((a, b) => a.names.length - b.names.length);

/** The endpoint a request is for, or undefined when no page documents its method and path. */
function matchEndpoint(method, pathname, query) {
	const candidates = [];
	for (const c of compiled) {
		if (c.endpoint.method !== method) continue;
		const m = c.regex.exec(pathname);
		if (!m) continue;
		const params = Object.fromEntries(c.names.map((name, i) => [name, m[i + 1]]));
		candidates.push({ endpoint: c.endpoint, path: c.entry, params });
	}
	return candidates.find((c) => !c.endpoint.when || c.endpoint.when(query)) ?? candidates[0];
}

function headerValue(headers, name) {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers))
		if (key.toLowerCase() === wanted) return value;
	return undefined;
}

/**
 * The problems of one request. `query` is a plain object (first value of each parameter), `body`
 * the parsed JSON body or undefined when none was sent (`bodyText` non-empty but not JSON is a
 * problem of its own).
 */
function checkRequest(endpoint, { query, headers, body, bodyText }) {
	const problems = [];
	for (const header of ['auth', 'iid', 'accountId']) {
		const value = headerValue(headers, header);
		if (value === undefined || String(value).trim() === '')
			problems.push(`header ${header} is missing; every page requires it`);
	}

	for (const [key, value] of Object.entries(query)) {
		const rule = endpoint.query[key];
		if (!rule) {
			problems.push(
				`query parameter ${key} is not on the page (and the contract lists no reading for it)`,
			);
			continue;
		}
		problems.push(...check(rule, value, `query parameter ${key}`));
	}
	for (const [key, rule] of Object.entries(endpoint.query)) {
		if (query[key] === undefined && rule.required === true)
			problems.push(`query parameter ${key} is missing; the page requires it`);
	}

	const sent = bodyText !== undefined && bodyText.trim() !== '';
	const schema = typeof endpoint.body === 'function' ? endpoint.body(query, body) : endpoint.body;
	if (!schema) {
		if (sent) problems.push('a body is sent; the page sends none');
		return problems;
	}
	if (!sent) {
		if (schema.required === true)
			problems.push(
				`no body is sent; the page sends ${schema.fields && Object.keys(schema.fields).length === 0 ? '`{}`' : 'a JSON object'} with Content-Type: application/json`,
			);
		return problems;
	}
	const contentType = String(headerValue(headers, 'content-type') ?? '');
	if (!/^application\/json\b/i.test(contentType))
		problems.push(`Content-Type is "${contentType}"; the page sends application/json`);
	if (body === undefined) {
		problems.push('the body is not JSON');
		return problems;
	}
	problems.push(...check(schema, body, 'body'));
	return problems;
}

module.exports = { matchEndpoint, checkRequest, endpoints };
