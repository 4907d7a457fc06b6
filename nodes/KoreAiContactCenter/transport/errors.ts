import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { shorten } from '../../../common/text';
import { REFUSED_TOKEN_ADVICE } from '../../../credentials/koreAiCredentialValues';
import { adviceFor, namedInMessage } from './advice';

/**
 * Turns what Kore.ai answers on failure into one sentence a user can act on, and that sentence
 * into the node's error (one builder, `koreAiApiError`, for every failure the transport reports).
 *
 * Kore.ai's platform answers errors as `{"errors":[{"msg":"...","code":4002}]}`; the campaign
 * endpoints also use `{"status":"failure","message":"..."}`; proxies in front of it answer HTML
 * pages (502/503/504). All three are read here; anything else falls back to the HTTP status text.
 */

/** What a request was about, for the sentence. */
export interface RequestSubject {
	/** What was attempted: "delete SMS campaign cd-1". */
	action: string;
	campaignId?: string;
	/** What the request names, when Kore.ai answers "not found" (a campaign ID gives one by default). */
	ifMissing?: IfMissing;
	streamId: string;
}

/** "Contact list cl-1" was not found in app st-1 (...). + what to do. */
export interface IfMissing {
	what: string;
	advice: string;
}

function ifMissingOf(subject: RequestSubject): IfMissing | undefined {
	if (subject.ifMissing) return subject.ifMissing;
	if (subject.campaignId === undefined) return undefined;
	return {
		what: `Campaign ${subject.campaignId}`,
		advice:
			'It may already be deleted, be of the other campaign type, or belong to another app; check the Campaign ID.',
	};
}

interface DescribedError {
	/** What failed, in one sentence (n8n shows it as the error's title). */
	message: string;
	/** What to do, when it is not in the message: n8n shows it below the title (the error's description). */
	advice?: string;
	/** The server's own words, shortened, for the error's details. */
	apiMessage?: string;
	httpCode: number;
	notFound: boolean;
}

const STATUS_TEXT: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	409: 'Conflict',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

const NOT_FOUND_WORDS =
	/not\s*found|does\s*not\s*exist|doesn't\s*exist|no\s+such|no\s+campaign|invalid\s+campaign\s*id/i;

export function extractApiMessage(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		if (text === '') return undefined;
		if (/^<(!doctype|html)/i.test(text) || /<\/(html|body|h1|title)>/i.test(text)) {
			const title =
				text.match(/<title[^>]*>([^<]*)<\/title>/i)?.[1] ??
				text.match(/<h1[^>]*>([^<]*)<\/h1>/i)?.[1];
			return title
				? `an HTML page titled "${shorten(title.trim())}"`
				: 'an HTML page instead of JSON';
		}
		return shorten(text);
	}
	if (body === null || typeof body !== 'object') return undefined;
	const record = body as Record<string, unknown>;
	if (Array.isArray(record.errors)) {
		const messages = record.errors
			.map((entry) =>
				entry && typeof entry === 'object' ? (entry as Record<string, unknown>).msg : entry,
			)
			.filter((msg): msg is string => typeof msg === 'string' && msg.trim() !== '');
		if (messages.length > 0) return shorten(messages.join('; '));
	}
	for (const key of ['message', 'error', 'msg']) {
		const value = record[key];
		if (typeof value === 'string' && value.trim() !== '') return shorten(value);
	}
	return undefined;
}

export function describeHttpError(
	status: number,
	body: unknown,
	subject: RequestSubject,
): DescribedError {
	const apiMessage = extractApiMessage(body);
	const statusLabel = `HTTP ${status}${STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : ''}`;
	const said = apiMessage ? `: ${apiMessage}` : '';
	const notFound =
		status === 404 || (status < 500 && !!apiMessage && NOT_FOUND_WORDS.test(apiMessage));

	const missing = ifMissingOf(subject);
	const named = notFound ? namedInMessage(apiMessage) : undefined;
	let message: string;
	let advice: string | undefined;
	if (status === 401) {
		message = `Kore.ai rejected the credentials (${statusLabel}${said}). ${REFUSED_TOKEN_ADVICE}`;
	} else if (status === 403) {
		message = `Kore.ai denied access to ${subject.action} (${statusLabel}${said}). Give the JWT app the Campaign Management API scope and publish the app.`;
	} else if (notFound && pathNotServed(status, apiMessage)) {
		message = `Kore.ai answered ${statusLabel}${said} for this request's address without naming anything missing.`;
		advice =
			"If other operations work with this credential, Kore.ai does not serve this request's path (https://github.com/n8n-nodes-kore-ai/n8n-nodes-kore-ai/blob/main/docs/kore-ai-api.md lists the paths its pages disagree on): please report it. Otherwise check the Environment URL (your region) and the App ID in the Kore.ai API credential.";
	} else if (notFound && named !== undefined && !sameThing(named, missing)) {
		message = `Kore.ai could not ${subject.action}: ${named.what} was not found (${statusLabel}${said}).`;
		advice = named.advice;
	} else if (notFound && missing !== undefined) {
		// A short title, the advice apart. Kore.ai's words for a 404 only repeat the ID the title
		// names (they stay in the error's details); another status taken as "not found" shows them.
		message = `${missing.what} was not found in app ${subject.streamId} (${status === 404 ? statusLabel : `${statusLabel}${said}`}).`;
		advice = missing.advice;
	} else if (notFound) {
		message = `Kore.ai found nothing at this address (${statusLabel}${said}). Check the Environment URL (your region) and the App ID in the Kore.ai API credential.`;
	} else if (status === 405) {
		message = `Kore.ai does not accept this request (${statusLabel}${said}). Check that the Environment URL points at the Kore.ai platform that hosts your app.`;
	} else if (status === 429) {
		message = `Kore.ai's rate limit was reached (${statusLabel}${said}). Kore.ai allows 60 campaign requests per minute per account; wait a minute, or lower Requests per Minute in the node's Options if other tools use the same account.`;
	} else if (status >= 500) {
		message = `Kore.ai could not ${subject.action} because of a server error (${statusLabel}${apiMessage ? `, it answered with ${apiMessage}` : ''}). This is usually temporary; try again later.`;
	} else {
		message = `Kore.ai refused to ${subject.action} (${statusLabel}${said}). ${adviceFor(apiMessage)}`;
	}
	return { message, advice, apiMessage, httpCode: status, notFound };
}

/**
 * A 404 that names nothing: Kore.ai's router found no such path ("Not Found", or a web server's page),
 * as opposed to a campaign or list the path names not being there ("Campaign cd-1 not found").
 */
function pathNotServed(status: number, apiMessage: string | undefined): boolean {
	if (status !== 404) return false;
	if (apiMessage === undefined || apiMessage.startsWith('an HTML page')) return true;
	return /^(not\s*found|cannot\s+[a-z]+\s+\S+)\.?$/i.test(apiMessage.trim());
}

/** Whether Kore.ai's message names what the request's path names (then the path's sentence is the better one). */
function sameThing(named: { what: string }, missing: IfMissing | undefined): boolean {
	if (missing === undefined) return false;
	const path = missing.what.toLowerCase();
	return (
		(named.what === 'a campaign' && path.includes('campaign')) ||
		(named.what === 'a contact list' && path.startsWith('contact list'))
	);
}

/** Everything the node's error carries besides its sentence. */
interface FailureFacts {
	message: string;
	/** What to do, when the message does not say it (DescribedError's advice). */
	advice?: string;
	/** Tries made, the failed one included. */
	attempts: number;
	/** The HTTP status of Kore.ai's last answer; absent when none came. */
	httpCode?: number;
	/** Kore.ai's own words, shortened. */
	apiMessage?: string;
	/** Node's network error code when no answer came (ECONNRESET, ...). */
	networkCode?: string;
}

/**
 * The one error the transport throws when Kore.ai refused a request or gave no usable answer.
 * `details` always has `attempts`, plus `httpCode` and `apiMessage` when Kore.ai answered, or
 * `code: NETWORK_ERROR` and `networkCode` when nothing came back. No request options, headers or
 * tokens are ever put into it: n8n stores errors with the execution.
 */
export function koreAiApiError(node: INode, facts: FailureFacts, itemIndex: number): NodeApiError {
	const details: JsonObject = { attempts: facts.attempts };
	if (facts.httpCode !== undefined) details.httpCode = facts.httpCode;
	if (facts.apiMessage !== undefined) details.apiMessage = facts.apiMessage;
	if (facts.httpCode === undefined) {
		// Not the Node error code itself: n8n would swap the message for its generic text for it.
		details.code = 'NETWORK_ERROR';
		if (facts.networkCode !== undefined) details.networkCode = facts.networkCode;
	}
	const error = new NodeApiError(node, details, {
		message: facts.message,
		...(facts.advice !== undefined ? { description: facts.advice } : {}),
		itemIndex,
		...(facts.httpCode !== undefined ? { httpCode: String(facts.httpCode) } : {}),
	});
	// n8n rewrites messages that mention common network error codes, or whose status it knows;
	// this one is already specific.
	error.message = facts.message;
	error.context.attempts = facts.attempts;
	return error;
}
