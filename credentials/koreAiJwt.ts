import { createHmac, randomUUID } from 'crypto';

/**
 * Signs the JWT that Kore.ai expects in the `auth` header, with node:crypto only (verified community
 * nodes may not ship runtime dependencies; the tests and the sandbox verify these tokens with the
 * independent `jsonwebtoken` implementation).
 *
 * Kore.ai's rules (see the project's API reference):
 * - the claim that identifies the JWT app is `appId`, holding the app's Client ID (`cs-...`);
 * - the key is the app's Client Secret, used as a plain UTF-8 string;
 * - API-scope apps accept HS256 (the default); newer apps may be set to HS512;
 * - apps that "enforce JTI" need a `jti` never used before and an `exp` at most one hour after issue.
 *   A fresh token per request with a new `jti` and a short `exp` works whether or not that is on.
 */

export type KoreAiJwtAlgorithm = 'HS256' | 'HS512';

/** Seconds a token stays valid. Short on purpose: each request signs its own token. */
export const TOKEN_LIFETIME_SECONDS = 300;

const HASH_OF: Record<KoreAiJwtAlgorithm, string> = { HS256: 'sha256', HS512: 'sha512' };

interface KoreAiJwtInput {
	clientId: string;
	clientSecret: string;
	algorithm?: KoreAiJwtAlgorithm;
	/** Seconds since the epoch; tests pass a fixed value. */
	now?: number;
}

export function isKoreAiJwtAlgorithm(value: unknown): value is KoreAiJwtAlgorithm {
	return value === 'HS256' || value === 'HS512';
}

export function signKoreAiJwt({
	clientId,
	clientSecret,
	algorithm = 'HS256',
	now,
}: KoreAiJwtInput): string {
	const iat = now ?? Math.floor(Date.now() / 1000);
	const header = { alg: algorithm, typ: 'JWT' };
	const payload = {
		appId: clientId,
		// Kore.ai's documented sample token carries a `sub`; its value is not checked.
		sub: 'n8n-nodes-kore-ai',
		iat,
		exp: iat + TOKEN_LIFETIME_SECONDS,
		jti: randomUUID(),
	};
	const signingInput = `${encodeSegment(header)}.${encodeSegment(payload)}`;
	const signature = createHmac(HASH_OF[algorithm], clientSecret)
		.update(signingInput)
		.digest('base64url');
	return `${signingInput}.${signature}`;
}

function encodeSegment(value: object): string {
	return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}
