import type { RequestSubject } from './errors';

/**
 * Failures before any answer arrived, in words: Node's and axios' error codes (a closed port, an
 * unknown host, a reset, a timeout, https to a plain-http host, an untrusted certificate) become a
 * sentence naming what to check. Answers Kore.ai did give are worded in errors.ts.
 */

/** A failure's sentence in parts: what happened, and what to do (left out where it would be wrong to say). */
export interface Sentence {
	what: string;
	advice?: string;
}

/** An error thrown before any answer arrived (Node's / axios' error codes), as one sentence. */
export function describeNetworkError(
	error: unknown,
	origin: string,
	subject: RequestSubject,
): string {
	const { what, advice } = networkSentence(error, origin, subject);
	return advice === undefined ? what : `${what} ${advice}`;
}

/** The same in parts: a request that was not safe to repeat is not told to "try again" (failure.ts). */
export function networkSentence(error: unknown, origin: string, subject: RequestSubject): Sentence {
	const code = readCode(error);
	const could = (what: string, advice?: string): Sentence => ({
		what: `Could not ${subject.action}: ${what}`,
		advice,
	});
	const checkUrl = 'Check the Environment URL in the Kore.ai API credential.';
	switch (code) {
		case 'ECONNREFUSED':
			return could(`nothing answers at ${origin} (connection refused).`, checkUrl);
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return could(`the host of ${origin} could not be found.`, checkUrl);
		case 'ECONNRESET':
		case 'EPIPE':
		case 'ERR_STREAM_PREMATURE_CLOSE':
			return could(`the connection to ${origin} was closed before Kore.ai answered.`, 'Try again.');
		case 'ETIMEDOUT':
		case 'ECONNABORTED':
		case 'ESOCKETTIMEDOUT':
			return could(
				`Kore.ai at ${origin} did not answer in time.`,
				"Try again, or raise Timeout (Seconds) in the node's Options.",
			);
		case 'ERR_CANCELED':
		case 'ABORT_ERR':
			return could('the execution was canceled.');
		case 'EPROTO':
		case 'ERR_SSL_WRONG_VERSION_NUMBER':
			// https to a host that speaks plain http (e.g. a URL typed without http://).
			return could(
				`${origin} does not answer https (${code}).`,
				"Check the Environment URL in the Kore.ai API credential: Kore.ai's platforms use https://, and a local plain-http host needs http:// written out.",
			);
		case 'CERT_HAS_EXPIRED':
		case 'DEPTH_ZERO_SELF_SIGNED_CERT':
		case 'SELF_SIGNED_CERT_IN_CHAIN':
		case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
			return could(
				`the TLS certificate of ${origin} is not trusted (${code}).`,
				'Check the Environment URL.',
			);
		default:
			return could(
				`the request to ${origin} failed${code ? ` (${code})` : ''}.`,
				'Check the Environment URL and your network, then try again.',
			);
	}
}

export function readCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const record = current as Record<string, unknown>;
		if (typeof record.code === 'string' && record.code !== '') return record.code;
		if (record.name === 'AbortError') return 'ABORT_ERR';
		current = record.cause;
	}
	return undefined;
}
