import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { checkIdentifier, EXAMPLE_IDS } from '../common/identifiers';
import { parseHost } from './koreAiHost';
import { isKoreAiJwtAlgorithm, type KoreAiJwtAlgorithm } from './koreAiJwt';

/**
 * The Kore.ai API credential's values, checked in one place so that every request and the
 * credential test fail the same way, before anything is sent: with a sentence naming the credential
 * field to fix. A field that is present but empty, or only whitespace, is refused (n8n fills in a
 * field's default only when the field is missing altogether). The secret is never echoed;
 * identifiers are, with invisible characters shown, because users need to see which one is wrong.
 */

interface KoreAiCredentialValues {
	/** The Environment URL reduced to scheme, host and port. */
	origin: string;
	accountId: string;
	appId: string;
	clientId: string;
	clientSecret: string;
	algorithm: KoreAiJwtAlgorithm;
}

type CredentialCheck = { values: KoreAiCredentialValues } | { problem: string };

const IDENTIFIER_FIELDS = {
	accountId: { label: 'Account ID', example: EXAMPLE_IDS.account },
	appId: { label: 'App ID', example: EXAMPLE_IDS.stream },
	clientId: { label: 'Client ID', example: EXAMPLE_IDS.client },
} as const;

const IN_CREDENTIAL = ' in the Kore.ai API credential';

/**
 * What to check when Kore.ai refuses the signed token (HTTP 401), for the credential's Test and the
 * node's errors alike. Kore.ai answers 401 "Invalid SDK credentials" for a wrong value in any of
 * these fields: a token it cannot verify, but also an App ID (`iid`) that names no app of the JWT
 * app's, or an Account ID that is not the app's. A wrong App ID is not a 404. Kore.ai's pages list
 * no error answers; the sandbox answers so (sandbox/auth.js), and a public test suite of Kore.ai's
 * platform APIs (vishnura-Kore/test) expects 401 "Invalid SDK credentials" (4002) for an invalid
 * stream ID.
 */
export const REFUSED_TOKEN_ADVICE = `Check that Account ID, App ID, Client ID, Client Secret and Signing Algorithm${IN_CREDENTIAL} all belong to the same Kore.ai app and its JWT app (a wrong value in any of them gives this answer), and that the JWT app has the Campaign Management API scope, published.`;

export function checkCredentialValues(
	credentials: ICredentialDataDecryptedObject,
): CredentialCheck {
	const host = parseHost(credentials.host);
	if ('problem' in host) return host;

	const ids: Partial<Record<keyof typeof IDENTIFIER_FIELDS, string>> = {};
	for (const key of Object.keys(IDENTIFIER_FIELDS) as Array<keyof typeof IDENTIFIER_FIELDS>) {
		const { label, example } = IDENTIFIER_FIELDS[key];
		const checked = checkIdentifier(credentials[key], `${label}${IN_CREDENTIAL}`, example, 'typed');
		if ('problem' in checked) return checked;
		ids[key] = checked.id;
	}

	const clientSecret = credentials.clientSecret;
	if (typeof clientSecret !== 'string' || clientSecret.trim() === '') {
		const state =
			clientSecret === undefined || clientSecret === null || clientSecret === ''
				? 'empty'
				: typeof clientSecret === 'string'
					? 'only whitespace'
					: 'not text';
		return {
			problem: `Client Secret${IN_CREDENTIAL} is ${state}. Copy it from your JWT app in Kore.ai (App Settings > Dev Tools).`,
		};
	}

	const algorithm = credentials.algorithm ?? 'HS256';
	if (!isKoreAiJwtAlgorithm(algorithm)) {
		return {
			problem: `Signing Algorithm${IN_CREDENTIAL} must be HS256 or HS512, matching your JWT app in Kore.ai.`,
		};
	}

	return {
		values: {
			origin: host.origin,
			accountId: ids.accountId as string,
			appId: ids.appId as string,
			clientId: ids.clientId as string,
			clientSecret,
			algorithm,
		},
	};
}
