'use strict';

/**
 * Takes secrets and the tenant's identifiers out of the report, so it can be pasted into an issue
 * or the repository: the client secret and every token the probe signed (and anything shaped like
 * a JWT) become "[secret removed]"; the app ID, account ID, client ID and caller ID become
 * `{streamId}`, `{accountId}`, `{clientId}`, `{callerId}` (the names endpoints.js uses).
 */
const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g;
const REMOVED = '[secret removed]';

function createRedactor({ secrets, identifiers }) {
	// Longest first, so a value inside another one cannot break the longer one's replacement.
	const pairs = [
		...[...secrets].filter(Boolean).map((value) => [String(value), REMOVED]),
		...Object.entries(identifiers)
			.filter(([value]) => value)
			.map(([value, name]) => [value, name]),
	].sort((a, b) => b[0].length - a[0].length);

	function text(value) {
		let out = value.replace(JWT, REMOVED);
		for (const [from, to] of pairs) out = out.split(from).join(to);
		return out;
	}

	function deep(value) {
		if (typeof value === 'string') return text(value);
		if (Array.isArray(value)) return value.map(deep);
		if (value && typeof value === 'object')
			return Object.fromEntries(
				Object.entries(value).map(([key, inner]) => [text(key), deep(inner)]),
			);
		return value;
	}

	return deep;
}

/** The identifiers of an app and a caller ID as `{ value: placeholder }`; the caller ID also without its "+". */
function identifiersOf(app, callerId) {
	const ids = {
		[app.appId]: '{streamId}',
		[app.accountId]: '{accountId}',
		[app.clientId]: '{clientId}',
	};
	if (callerId) {
		ids[callerId] = '{callerId}';
		ids[callerId.replace(/^\+/, '')] = '{callerId}';
	}
	return ids;
}

module.exports = { createRedactor, identifiersOf, REMOVED };
