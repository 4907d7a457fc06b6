import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { parseHost } from './koreAiHost';
import { isKoreAiJwtAlgorithm, type KoreAiJwtAlgorithm } from './koreAiJwt';

/**
 * The Kore.ai API credential's values, checked in one place so that every request and the
 * credential test fail the same way: with a sentence naming the credential field to fix. The secret
 * is never echoed; identifiers are, because users need to see which one is wrong.
 */

export interface KoreAiCredentialValues {
	/** The Environment URL reduced to scheme, host and port. */
	origin: string;
	accountId: string;
	appId: string;
	clientId: string;
	clientSecret: string;
	algorithm: KoreAiJwtAlgorithm;
}

export type CredentialCheck = { values: KoreAiCredentialValues } | { problem: string };

/** Kore.ai identifiers are letters, digits and dashes (`st-...`, `cs-...`, 24 hex chars). */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

const FIELDS = {
	accountId: { label: 'Account ID', example: '67777ce93e25326494xxxxx' },
	appId: { label: 'App ID', example: 'st-0603182c-7ffb-53c3-b307-47ca14bxxxxx' },
	clientId: { label: 'Client ID', example: 'cs-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx' },
} as const;

export function checkCredentialValues(credentials: ICredentialDataDecryptedObject): CredentialCheck {
	const host = parseHost(credentials.host);
	if ('problem' in host) return host;

	const ids: Partial<Record<keyof typeof FIELDS, string>> = {};
	for (const key of Object.keys(FIELDS) as Array<keyof typeof FIELDS>) {
		const { label, example } = FIELDS[key];
		const raw = credentials[key];
		const value = typeof raw === 'string' ? raw.trim() : raw;
		if (value === undefined || value === null || value === '') {
			return { problem: `${label} is empty. Enter it in the Kore.ai API credential (it looks like ${example}).` };
		}
		if (typeof value !== 'string' || !IDENTIFIER.test(value)) {
			return {
				problem: `${label} in the Kore.ai API credential is not a valid Kore.ai identifier (it looks like ${example}: letters, digits and dashes only).`,
			};
		}
		ids[key] = value;
	}

	const clientSecret = credentials.clientSecret;
	if (typeof clientSecret !== 'string' || clientSecret.length === 0) {
		return {
			problem:
				'Client Secret is empty. Copy it from your JWT app in Kore.ai (App Settings > Dev Tools) into the Kore.ai API credential.',
		};
	}

	const algorithm = credentials.algorithm ?? 'HS256';
	if (!isKoreAiJwtAlgorithm(algorithm)) {
		return {
			problem:
				'Signing Algorithm must be HS256 or HS512, matching your JWT app in Kore.ai. Fix it in the Kore.ai API credential.',
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
