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

import { describeChar, visible } from '../common/text';

export const DEFAULT_HOST = 'https://platform.kore.ai';

/** An Environment URL reduced to its origin, or the sentence telling the user what to fix. */
type HostResult = { origin: string } | { problem: string };

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function isLoopbackHostname(hostname: string): boolean {
	return LOOPBACK_HOSTNAMES.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function parseHost(input: unknown): HostResult {
	// Missing altogether: n8n would have filled in the field's default, which is this.
	if (input === undefined) return { origin: DEFAULT_HOST };
	// Emptied by the user: never guess a host, a signed token would go where nobody chose.
	if (input === null || (typeof input === 'string' && input.trim() === '')) {
		return {
			problem:
				"Environment URL in the Kore.ai API credential is empty. Enter your region's platform URL, e.g. https://platform.kore.ai.",
		};
	}
	if (typeof input !== 'string') {
		return {
			problem:
				'Environment URL must be text such as https://platform.kore.ai. Fix it in the Kore.ai API credential.',
		};
	}
	const trimmed = input.trim();
	const hidden = trimmed.match(/[^\x21-\x7e]/u);
	if (hidden) {
		return {
			problem: `Environment URL "${visible(trimmed, 80)}" contains ${describeChar(hidden[0])}. Type the URL again, e.g. https://platform.kore.ai, in the Kore.ai API credential.`,
		};
	}
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
	if (!URL.canParse(withScheme)) {
		return {
			problem: `Environment URL "${visible(trimmed, 80)}" is not a URL. Use your region's platform URL, e.g. https://platform.kore.ai, in the Kore.ai API credential.`,
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
