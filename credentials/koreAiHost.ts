/**
 * The "Environment URL" of a Kore.ai credential, reduced to the one thing requests need: an origin.
 *
 * Users paste all sorts of things here: `platform.kore.ai`, `https://platform.kore.ai/`, or a URL
 * copied from the browser such as `https://platform.kore.ai/botbuilder/apps/st-123/settings`.
 * Every Kore.ai API path is absolute from the host, so only scheme, host and port are kept.
 *
 * Plain `http` would send the signed token in clear text; it is refused except for loopback
 * hosts, where the local Kore.ai sandbox runs.
 */

export const DEFAULT_HOST = 'https://platform.kore.ai';

/** An Environment URL reduced to its origin, or the sentence telling the user what to fix. */
export type HostResult = { origin: string } | { problem: string };

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHostname(hostname: string): boolean {
	return LOOPBACK_HOSTNAMES.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function parseHost(input: unknown): HostResult {
	if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) {
		return { origin: DEFAULT_HOST };
	}
	if (typeof input !== 'string') {
		return {
			problem: 'Environment URL must be text such as https://platform.kore.ai. Fix it in the Kore.ai API credential.',
		};
	}
	const trimmed = input.trim();
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
	if (!URL.canParse(withScheme)) {
		return {
			problem: `Environment URL "${shorten(trimmed)}" is not a URL. Use your region's platform URL, e.g. https://platform.kore.ai, in the Kore.ai API credential.`,
		};
	}
	const url = new URL(withScheme);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return {
			problem: `Environment URL must start with https:// (got ${url.protocol}//). Fix it in the Kore.ai API credential.`,
		};
	}
	if (url.username || url.password) {
		return {
			problem:
				'Environment URL must not contain a user name or password. Enter just the host, e.g. https://platform.kore.ai.',
		};
	}
	if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) {
		return {
			problem: `Environment URL "${url.origin}" uses plain http, which would send your signed token unencrypted. Use https:// (plain http is only allowed for localhost, where the Kore.ai sandbox runs).`,
		};
	}
	return { origin: url.origin };
}

function shorten(value: string): string {
	const printable = value.replace(/\p{Cc}/gu, '?');
	return printable.length > 80 ? `${printable.slice(0, 77)}...` : printable;
}
