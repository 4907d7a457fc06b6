'use strict';

/**
 * Sandbox-only Kore.ai apps. These values exist nowhere but here: they are fixed so that a demo,
 * a test and a person pasting them into n8n all agree, and they must never be used against a real
 * Kore.ai tenant.
 *
 * An "app" is what Kore.ai calls the JWT app of a bot: it belongs to one account, is addressed by
 * its app/stream ID (`iid` header and path segment), and signs tokens with its client ID/secret.
 */
const PRIMARY_APP = Object.freeze({
	accountId: '67777ce93e25326494a1b2c3',
	appId: 'st-0603182c-7ffb-53c3-b307-47ca14b5a4d1',
	clientId: 'cs-5f2e8c1a-93d4-5b7e-a0c6-2d8f4e1b7c90',
	clientSecret: 'sandbox-only-secret-7Qm2Xw9LpR4tZ8vB3nK6',
	algorithm: 'HS256',
});

/** A second account and app, for "wrong iid / wrong account" tests. It signs with HS512. */
const SECONDARY_APP = Object.freeze({
	accountId: '5f1c0a9e8d7b6a5c4e3f2a1b',
	appId: 'st-9a4c21e7-3b5d-5f60-8e1a-c2d4f6b8e0a3',
	clientId: 'cs-0d3b6e9f-2c5a-5d8e-b1f4-7a0c3e6b9d21',
	clientSecret: 'sandbox-only-secret-2nd-Hv5Jc8Tq1Ws6Yd0F',
	algorithm: 'HS512',
});

const SUPPORTED_ALGORITHMS = ['HS256', 'HS512'];

/**
 * Normalises the `accounts` / `credentials` options into a list of apps.
 * - `accounts`: full list of apps (replaces both defaults).
 * - `credentials`: field overrides for the primary app (the secondary stays).
 * Each app: { accountId, appId, clientId, clientSecret, algorithm ('HS256'|'HS512') or
 * algorithms (list), enforceJti (overrides the global option) }.
 */
function resolveApps(options = {}) {
	let apps;
	if (Array.isArray(options.accounts) && options.accounts.length > 0) {
		apps = options.accounts.map((a) => ({ ...a }));
	} else {
		apps = [{ ...PRIMARY_APP, ...(options.credentials || {}) }, { ...SECONDARY_APP }];
	}
	return apps.map((app, index) => {
		for (const key of ['accountId', 'appId', 'clientId', 'clientSecret']) {
			if (typeof app[key] !== 'string' || app[key] === '') {
				throw new Error(`sandbox: app #${index} needs a non-empty string "${key}"`);
			}
		}
		const algorithms = app.algorithms || [app.algorithm || 'HS256'];
		for (const alg of algorithms) {
			if (!SUPPORTED_ALGORITHMS.includes(alg)) {
				throw new Error(
					`sandbox: app #${index} algorithm ${alg} is not one of ${SUPPORTED_ALGORITHMS.join(', ')}`,
				);
			}
		}
		return {
			accountId: app.accountId,
			appId: app.appId,
			clientId: app.clientId,
			clientSecret: app.clientSecret,
			algorithm: algorithms[0],
			algorithms,
			enforceJti:
				app.enforceJti === undefined ? Boolean(options.enforceJti) : Boolean(app.enforceJti),
		};
	});
}

/** The shape the n8n credential "Kore.ai API" expects (see the team contract). */
function credentialsFor(app, host) {
	return {
		host,
		accountId: app.accountId,
		appId: app.appId,
		clientId: app.clientId,
		clientSecret: app.clientSecret,
		algorithm: app.algorithm,
	};
}

module.exports = { PRIMARY_APP, SECONDARY_APP, SUPPORTED_ALGORITHMS, resolveApps, credentialsFor };
