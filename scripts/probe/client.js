'use strict';

/**
 * One signed request to Kore.ai, recorded as an exchange for the report. Every request gets a fresh
 * token from the package's own signer and the three documented headers (`auth`, `iid`,
 * `accountId`); a body goes as JSON with `Content-Type: application/json`.
 *
 * Two signals: `stop` (the first Ctrl-C, or the caller's AbortSignal) lets the request in flight
 * finish, so the probe always knows what it created, and refuses new ones except the cleanup's;
 * `abort` (a second Ctrl-C) ends everything at once. A 429 is waited out (Retry-After, else a
 * doubling backoff) unless the caller asks to see it (the rate-limit step).
 */

class Interrupted extends Error {
	constructor() {
		super('interrupted');
		this.name = 'Interrupted';
	}
}

const RELEVANT_HEADER = /^(content-type|retry-after)$|rate-?limit/i;
const MAX_TEXT = 4000;

function never() {
	return new AbortController().signal;
}

/** Retry-After in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(value, now = Date.now()) {
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
	const at = Date.parse(text);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function createClient({
	app,
	sign,
	stop = never(),
	abort = never(),
	timing,
	secrets = new Set(),
	log = () => {},
}) {
	const exchanges = [];
	const rateLimited = [];

	function sleep(ms, { cleanup = false } = {}) {
		const signals = cleanup ? [abort] : [stop, abort];
		if (signals.some((signal) => signal.aborted)) return Promise.reject(new Interrupted());
		return new Promise((resolve, reject) => {
			const done = () => {
				clearTimeout(timer);
				for (const signal of signals) signal.removeEventListener('abort', onAbort);
			};
			const onAbort = () => {
				done();
				reject(new Interrupted());
			};
			const timer = setTimeout(() => {
				done();
				resolve();
			}, ms);
			for (const signal of signals) signal.addEventListener('abort', onAbort, { once: true });
		});
	}

	async function once(request) {
		const query = new URLSearchParams(request.query || {}).toString();
		const target = `${request.path}${query ? `?${query}` : ''}`;
		const token = sign();
		secrets.add(token);
		const headers = { auth: token, iid: app.appId, accountId: app.accountId };
		if (request.body !== undefined) headers['Content-Type'] = 'application/json';
		const exchange = {
			method: request.method,
			path: target,
			status: null,
			headers: {},
			body: undefined,
		};
		const started = Date.now();
		try {
			const response = await fetch(`${app.origin}${target}`, {
				method: request.method,
				headers,
				body: request.body === undefined ? undefined : JSON.stringify(request.body),
				signal: AbortSignal.any([abort, AbortSignal.timeout(timing.requestTimeoutMs)]),
			});
			exchange.status = response.status;
			for (const [name, value] of response.headers)
				if (RELEVANT_HEADER.test(name)) exchange.headers[name] = value;
			const text = await response.text();
			try {
				exchange.body = text === '' ? '' : JSON.parse(text);
			} catch {
				exchange.body =
					text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length} characters)` : text;
			}
		} catch (error) {
			if (abort.aborted) throw new Interrupted();
			exchange.error =
				error.name === 'TimeoutError'
					? `no answer within ${timing.requestTimeoutMs} ms`
					: `${error.message}${error.cause ? ` (${error.cause.code || error.cause.message})` : ''}`;
		}
		exchange.ms = Date.now() - started;
		exchanges.push(exchange);
		// Progress lines name the app the way the report does (redact.js), so either can be pasted.
		log(
			`${exchange.method} ${exchange.path.split('?')[0].split(app.appId).join('{streamId}')} -> ${exchange.status ?? exchange.error}`,
		);
		return exchange;
	}

	/** Throws Interrupted when no new request may go out (before one whose answer must not be lost). */
	function check({ cleanup = false } = {}) {
		if ((!cleanup && stop.aborted) || abort.aborted) throw new Interrupted();
	}

	/** Sends `request` (api.js); `cleanup` requests go out after a stop too, `retry429: false` returns a 429 as is. */
	async function send(request, { cleanup = false, retry429 = true } = {}) {
		for (let attempt = 0; ; attempt += 1) {
			check({ cleanup });
			const exchange = await once(request);
			if (exchange.status !== 429) return exchange;
			rateLimited.push(exchange);
			if (!retry429 || attempt >= timing.max429Retries) return exchange;
			const asked = retryAfterMs(exchange.headers['retry-after']);
			const wait = Math.min(asked ?? timing.backoffMs * 2 ** attempt, timing.maxWaitMs);
			log(
				`rate limited: waiting ${Math.round(wait)} ms (${asked === undefined ? 'backoff, no Retry-After' : 'Retry-After'})`,
			);
			await sleep(wait, { cleanup });
		}
	}

	return { send, check, sleep, exchanges, rateLimited, secrets };
}

module.exports = { createClient, Interrupted, retryAfterMs };
