'use strict';

/**
 * Kore.ai Contact Center campaign API v2 sandbox (not shipped): a simulator over real HTTP on
 * 127.0.0.1 for tests, the demo and the benchmarks. See sandbox/README.md.
 *
 *   const { startSandbox } = require('./sandbox');
 *   const sb = await startSandbox({ rateLimit: false });
 *
 * Options (all optional):
 *   port            number, default 0 (ephemeral). Always binds 127.0.0.1.
 *   credentials     overrides for the primary app's fields (accountId, appId, clientId, clientSecret,
 *                   algorithm 'HS256'|'HS512').
 *   accounts        full list of apps [{ accountId, appId, clientId, clientSecret, algorithm |
 *                   algorithms, enforceJti }] replacing the two defaults (first one = primary).
 *   enforceJti      boolean, default false: "Enforce JTI" for every app (jti required, exp - iat
 *                   <= 3600 s, a jti seen before is a replay).
 *   rateLimit       { perMinute = 60, retryAfter = true, windowMs = 60000 } | false. Per account
 *                   (accountId header), rolling window; over it: 429 + the documented body.
 *   latencyMs       fixed delay before every answer (ms), default 0.
 *   latencyJitterMs extra random delay in [0, latencyJitterMs) from the seeded PRNG, default 0.
 *   notFoundStyle   '404' (default): 404 {status:"failure",message:"Campaign <id> not found"};
 *                   '400-errors': 400 {errors:[{msg:"Campaign <id> not found",code:400}]}.
 *   faults          see sandbox/faults.js: { seed, reset, hang, status429, status5xx, html,
 *                   lostResponse, truncatedJson, malformedJson, byCampaign, latencyMs, latencyJitterMs }.
 *   now             () => epoch ms; the clock for JWT expiry, the rate-limit window and timestamps.
 *   contract        'enforce' (default): every authenticated request is checked against Kore.ai's
 *                   pages (contract/endpoints.js); a violation is recorded (`violations`, and the
 *                   process-wide registry that fails any test leaving one behind) and refused with
 *                   400 {errors:[{msg, code: 400}]}. 'record': recorded, then served. 'off'.
 *   readings        where the pages leave Kore.ai's behaviour open (contract/unknowns.js): a preset
 *                   'lenient' | 'harsh', and/or { updateMerges, smsStopPath, voiceTriggerPrefix,
 *                   contactsPaging, smsResults, rateLimit, notFound } overrides, e.g.
 *                   { preset: 'harsh', contactsPaging: 'honoured' }. Default: each unknown's sandboxDefault.
 *   completeAfterMs a campaign started through the API becomes Completed this many ms later
 *                   (sandbox/progress.js); default 0: it stays Active.
 *   record          boolean, default true: keep `requests` and `tokensSeen` (turn off for huge runs).
 *   onRequest       (entry) => void, called when each request is answered (the CLI logs with it).
 *   preparingMs     ms a created campaign stays Preparing before it is Ready, default 1500.
 *   resultsSeed     seed of the per-contact outcomes of started campaigns, default 1.
 *   generatedContacts  contacts per campaign when the store has no contact lists, default 25.
 *
 * Returns a promise of:
 *   url             'http://127.0.0.1:<port>' (the credential's Environment URL)
 *   port
 *   credentials     { host, accountId, appId, clientId, clientSecret, algorithm } of the primary app
 *   secondaryCredentials  the same for the second app (another account), or undefined
 *   apps            all apps (with algorithms, enforceJti)
 *   tokensSeen      string[]: every `auth` header value received, in order
 *   requests        entries { seq, method, url, path, route, streamId, campaignId, campaignType,
 *                   accountId, iid, body (parsed JSON, when authenticated and sent), status, fault,
 *                   reason, delayMs, startedAt, endedAt }, in arrival order (never the token)
 *   store           { has(id), get(id), typeOf(id), streamOf(id), ids(type), size, deletions,
 *                   setStatus(id, status), reset(), addCampaigns(n, type) }
 *   stats           (getter) { requests, answered, byStatus, faults: {type: n}, rateLimited,
 *                   authFailures, deletes, connections (TCP connections accepted), open sockets }
 *   setFaults(f)    replace the fault configuration (counts restart, PRNG reseeded)
 *   setRateLimit(r) replace the rate-limit configuration (windows cleared)
 *   setNotFoundStyle(s)
 *   setCampaignOptions({ preparingMs, resultsSeed, generatedContacts })  change them at run time
 *   setCompleteAfter(ms) change completeAfterMs (for later starts)
 *   tickCampaigns() complete the started campaigns whose time has come now (requests do it too); -> ids
 *   addCampaigns(n, type = 'sms', { status, namePrefix, appId }) -> ids
 *   reset()         restore the seeded campaigns, clear logs, windows, JTIs and stats
 *   close()         stop listening and destroy every socket, including hanging ones
 */

const http = require('node:http');
const { resolveApps, credentialsFor } = require('./accounts');
const { createStore, SEED_CAMPAIGN_ID } = require('./store');
const { createAuthenticator } = require('./auth');
const { createRateLimiter } = require('./rate-limit');
const { createFaultInjector, createPrng, APPLIED_FAULTS } = require('./faults');
const { matchRoute, dispatch } = require('./routes');
const {
	attachContactLists,
	matchContactListRoute,
	dispatchContactList,
	ADD_CONTACTS_PREFIX,
} = require('./contactLists');
const { bodies, gatewayHtml, gatewayJson } = require('./responses');
const { createProgress } = require('./progress');
const { matchEndpoint, checkRequest } = require('./contract/check');
const violationRegistry = require('./contract/violations');
const { resolveReadings } = require('./contract/unknowns');

const PREFIXES = [
	'/campaign/api/v2/public/',
	// The Start/Stop Voice Campaign v2 pages document the path without the leading "/campaign".
	'/api/v2/public/',
	// Add Contacts to Contact List: only this endpoint lives here (sandbox/contactLists.js).
	ADD_CONTACTS_PREFIX,
];
const MAX_BODY = 1024 * 1024;
const NOT_FOUND_STYLES = ['404', '400-errors'];

/** What the sandbox counts, from zero (at start and on reset). */
function freshCounters() {
	return {
		requests: 0,
		answered: 0,
		byStatus: {},
		rateLimited: 0,
		authFailures: 0,
		deletes: 0,
		connections: 0,
	};
}

function splitPath(pathname) {
	for (const prefix of PREFIXES) {
		if (!pathname.startsWith(prefix)) continue;
		const tail = pathname.slice(prefix.length);
		const slash = tail.indexOf('/');
		if (slash <= 0) return null;
		return { prefix, rawStreamId: tail.slice(0, slash), rest: tail.slice(slash) };
	}
	return null;
}

function safeDecode(segment) {
	try {
		return decodeURIComponent(segment);
	} catch {
		return undefined;
	}
}

async function startSandbox(options = {}) {
	const now = typeof options.now === 'function' ? options.now : () => Date.now();
	const apps = resolveApps(options);
	const store = createStore({ apps });
	attachContactLists(store, { apps });
	const auth = createAuthenticator({ apps, now });
	const { preset, ...readingOverrides } = options.readings || {};
	const initialReadings = resolveReadings(preset, readingOverrides);
	const readings = { ...initialReadings };
	const contractMode = options.contract ?? 'enforce';
	if (!['enforce', 'record', 'off'].includes(contractMode))
		throw new Error("sandbox: contract must be 'enforce', 'record' or 'off'");
	let rateLimitOption = options.rateLimit;
	if (
		readings.rateLimit === 'noRetryAfter' &&
		rateLimitOption !== false &&
		rateLimitOption !== 'off' &&
		rateLimitOption?.retryAfter === undefined
	) {
		rateLimitOption = {
			...(typeof rateLimitOption === 'object' ? rateLimitOption : {}),
			retryAfter: false,
		};
	}
	const limiter = createRateLimiter(rateLimitOption, now);
	const record = options.record !== false;
	let notFoundStyle = options.notFoundStyle || readings.notFound;
	if (!NOT_FOUND_STYLES.includes(notFoundStyle))
		throw new Error(`sandbox: notFoundStyle must be one of ${NOT_FOUND_STYLES.join(', ')}`);

	let faults = createFaultInjector(options.faults);
	let latencyRng = createPrng((options.faults && options.faults.seed) ?? 1);
	let latencyMs = Number(options.faults?.latencyMs ?? options.latencyMs ?? 0);
	let latencyJitterMs = Number(options.faults?.latencyJitterMs ?? options.latencyJitterMs ?? 0);

	const tokensSeen = [];
	const requests = [];
	const violations = [];
	const sockets = new Set();
	const hanging = new Set();
	const timers = new Set();
	let seq = 0;
	let closed = false;
	const counters = freshCounters();

	const nowIso = () => new Date(now()).toISOString();
	// Created campaigns and their results (campaignCreation.js, results.js).
	const campaignOptions = { preparingMs: 1500, resultsSeed: 1, generatedContacts: 25 };
	for (const key of Object.keys(campaignOptions))
		if (options[key] !== undefined) campaignOptions[key] = Number(options[key]);
	const progress = createProgress({ store, now, nowIso, completeAfterMs: options.completeAfterMs });

	function delay(ms) {
		if (ms <= 0) return Promise.resolve();
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});
	}

	/** A request that does not follow Kore.ai's page: kept here and in the process-wide registry. */
	function violation(entry, problems) {
		const found = {
			seq: entry.seq,
			method: entry.method,
			url: entry.url,
			endpoint: entry.endpoint,
			problems,
		};
		entry.violations = problems;
		violations.push(found);
		violationRegistry.record(found);
	}

	function finish(entry, status) {
		entry.status = status;
		entry.endedAt = now();
		counters.answered += 1;
		const key = String(status);
		counters.byStatus[key] = (counters.byStatus[key] || 0) + 1;
		if (typeof options.onRequest === 'function') {
			try {
				options.onRequest(entry);
			} catch {
				// a logging callback must not break the server
			}
		}
	}

	function send(res, entry, status, body, extraHeaders = {}) {
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		res.writeHead(status, {
			'content-type':
				typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
			'content-length': Buffer.byteLength(text),
			'x-sandbox-request-id': String(entry.seq),
			...extraHeaders,
		});
		res.end(text);
		finish(entry, status);
	}

	function destroy(req, res, entry, label) {
		entry.reason = entry.reason || label;
		req.socket.destroy();
		finish(entry, label === 'hang' ? 'hang' : 'reset');
	}

	/** Sends a handler result, possibly damaged by an "applied" fault. */
	function sendResult(req, res, entry, result, fault) {
		if (fault && fault.type === 'lostResponse') return destroy(req, res, entry, 'lostResponse');
		const headers = result.headers || {};
		if (fault && fault.type === 'truncatedJson') {
			const full = JSON.stringify(result.body);
			const cut = full.slice(0, Math.max(1, Math.floor(full.length / 2)));
			res.writeHead(result.status, {
				'content-type': 'application/json; charset=utf-8',
				'content-length': Buffer.byteLength(cut),
				'x-sandbox-request-id': String(entry.seq),
			});
			res.end(cut);
			return finish(entry, result.status);
		}
		if (fault && fault.type === 'malformedJson') {
			const broken = `{"status":"success",,"data":{"_id":undefined}${'}'}`;
			res.writeHead(result.status, {
				'content-type': 'application/json; charset=utf-8',
				'content-length': Buffer.byteLength(broken),
				'x-sandbox-request-id': String(entry.seq),
			});
			res.end(broken);
			return finish(entry, result.status);
		}
		return send(res, entry, result.status, result.body, headers);
	}

	async function handle(req, res) {
		seq += 1;
		counters.requests += 1;
		const url = new URL(req.url, 'http://127.0.0.1');
		const method = req.method.toUpperCase();
		const entry = {
			seq,
			method,
			url: req.url,
			path: url.pathname,
			route: undefined,
			streamId: undefined,
			campaignId: undefined,
			campaignType: url.searchParams.get('campaignType') ?? undefined,
			accountId: req.headers.accountid,
			iid: req.headers.iid,
			status: undefined,
			fault: undefined,
			reason: undefined,
			delayMs: 0,
			startedAt: now(),
			endedAt: undefined,
		};
		if (record) {
			requests.push(entry);
			if (req.headers.auth !== undefined) tokensSeen.push(String(req.headers.auth));
		}

		// Body (needed by the list endpoint; read for every request so sockets stay clean).
		const chunks = [];
		let size = 0;
		let tooLarge = false;
		for await (const chunk of req) {
			size += chunk.length;
			if (size > MAX_BODY) tooLarge = true;
			else chunks.push(chunk);
		}
		if (closed) return req.socket.destroy();

		const query = Object.fromEntries(url.searchParams);
		const match = matchEndpoint(method, url.pathname, query);
		if (match) entry.endpoint = match.endpoint.id;
		const undocumented = () => {
			if (contractMode !== 'off' && !match && req.headers.auth !== undefined)
				violation(entry, [`no Kore.ai page documents ${method} ${url.pathname}`]);
		};

		const parts = splitPath(url.pathname);
		const route = parts
			? matchContactListRoute(parts.prefix, parts.rest) ||
				(parts.prefix === ADD_CONTACTS_PREFIX ? null : matchRoute(parts.rest))
			: null;
		if (parts) entry.streamId = safeDecode(parts.rawStreamId);
		if (route) {
			entry.route = route.name;
			if (route.rawId !== undefined) entry.campaignId = safeDecode(route.rawId);
		}

		const delayMs =
			latencyMs + (latencyJitterMs > 0 ? Math.floor(latencyRng() * latencyJitterMs) : 0);
		const fault = faults.pick({ method, campaignId: entry.campaignId });
		if (fault) entry.fault = fault.type;
		entry.delayMs = delayMs;
		await delay(delayMs);
		if (closed) return req.socket.destroy();

		// Faults that mean the request never reached the service.
		if (fault) {
			switch (fault.type) {
				case 'reset':
					return destroy(req, res, entry, 'reset');
				case 'hang':
					hanging.add(req.socket);
					req.socket.once('close', () => hanging.delete(req.socket));
					entry.status = 'hang';
					return undefined;
				case 'status5xx': {
					const statuses = fault.statuses || [502, 503, 504];
					const status = fault.status || statuses[Math.floor(faults.rng() * statuses.length)];
					const style = fault.body || (faults.rng() < 0.5 ? 'html' : 'json');
					return send(
						res,
						entry,
						status,
						style === 'html' ? gatewayHtml(status) : gatewayJson(status),
					);
				}
				case 'html':
					return send(res, entry, fault.status || 502, gatewayHtml(fault.status || 502));
				case 'status429': {
					const retryAfter =
						fault.retryAfter ?? (limiter.config ? limiter.config.retryAfter : true);
					const headers =
						retryAfter === false
							? {}
							: { 'retry-after': String(retryAfter === true ? 1 : retryAfter) };
					counters.rateLimited += 1;
					return send(res, entry, 429, bodies.rateLimited(), headers);
				}
				default:
					break; // applied faults are handled after the service did its work
			}
		}

		const limit = limiter.hit(req.headers.accountid || '(no account)');
		if (!limit.allowed) {
			counters.rateLimited += 1;
			entry.reason = 'rate limited';
			const headers = limit.sendRetryAfter ? { 'retry-after': String(limit.retryAfterSec) } : {};
			return sendResult(
				req,
				res,
				entry,
				{ status: 429, body: bodies.rateLimited(), headers },
				fault,
			);
		}

		if (!parts || !route) {
			undocumented();
			return sendResult(req, res, entry, { status: 404, body: bodies.notFoundPath() }, fault);
		}
		if (!route.methods.includes(method)) {
			undocumented();
			return sendResult(req, res, entry, { status: 405, body: bodies.methodNotAllowed() }, fault);
		}
		if (tooLarge)
			return sendResult(req, res, entry, { status: 413, body: bodies.payloadTooLarge() }, fault);
		if (
			entry.streamId === undefined ||
			(route.rawId !== undefined && entry.campaignId === undefined)
		) {
			return sendResult(
				req,
				res,
				entry,
				{ status: 400, body: bodies.badRequest('Malformed percent-encoding in the path') },
				fault,
			);
		}

		const queryAccountId = url.searchParams.get('accountId') ?? undefined;
		const verdict = auth.authenticate({
			headers: req.headers,
			streamId: entry.streamId,
			queryAccountId,
		});
		if (!verdict.ok) {
			counters.authFailures += 1;
			entry.reason = verdict.reason;
			return sendResult(
				req,
				res,
				entry,
				{
					status: verdict.status,
					body: verdict.body,
					headers: { 'x-sandbox-reason': verdict.reason },
				},
				fault,
			);
		}

		let body;
		let bodyText;
		let malformed = false;
		if (chunks.length > 0) {
			bodyText = Buffer.concat(chunks).toString('utf8');
			if (bodyText.trim() !== '') {
				try {
					body = JSON.parse(bodyText);
				} catch {
					malformed = true;
				}
			}
		}

		if (contractMode !== 'off') {
			const problems = match
				? checkRequest(match.endpoint, { query, headers: req.headers, body, bodyText })
				: [`no Kore.ai page documents ${method} ${url.pathname}`];
			if (problems.length > 0) {
				violation(entry, problems);
				if (contractMode === 'enforce') {
					const refusal = {
						status: 400,
						body: bodies.badRequest(problems[0]),
						headers: { 'x-sandbox-reason': 'contract' },
					};
					return sendResult(req, res, entry, refusal, fault);
				}
			}
		}
		if (malformed)
			return sendResult(
				req,
				res,
				entry,
				{ status: 400, body: bodies.badRequest('Request body is not valid JSON') },
				fault,
			);

		// The list endpoint's paging and filters travel in the body: kept for tests (it holds no secret).
		if (record && body !== undefined) entry.body = body;
		progress.tick();
		const ctx = {
			store,
			streamId: entry.streamId,
			campaignId: entry.campaignId,
			query: url.searchParams,
			body,
			notFoundStyle,
			nowIso,
			now,
			options: campaignOptions,
			progress,
			readings,
			prefix: parts.prefix,
		};
		const before = store.deletions.length;
		const result = route.contactLists
			? dispatchContactList(route, method, ctx)
			: dispatch(route, method, ctx);
		counters.deletes += store.deletions.length - before;
		if (result.status >= 400)
			entry.reason = entry.reason || result.body.message || result.body.errors?.[0]?.msg;
		return sendResult(
			req,
			res,
			entry,
			result,
			fault && APPLIED_FAULTS.has(fault.type) ? fault : null,
		);
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error) => {
			// A sandbox bug: answer 500 so the test sees it instead of a hang.
			if (!res.headersSent && !res.destroyed) {
				res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
				res.end(
					JSON.stringify({ errors: [{ msg: `sandbox error: ${error.message}`, code: 500 }] }),
				);
			}
		});
	});
	server.on('connection', (socket) => {
		counters.connections += 1;
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
	server.keepAliveTimeout = 5000;

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port || 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = server.address().port;
	const url = `http://127.0.0.1:${port}`;

	const sandbox = {
		url,
		port,
		credentials: credentialsFor(apps[0], url),
		secondaryCredentials: apps[1] ? credentialsFor(apps[1], url) : undefined,
		apps,
		seedCampaignId: SEED_CAMPAIGN_ID,
		tokensSeen,
		requests,
		violations,
		readings,
		/** Removes this sandbox's violations (those `belongs` accepts) from the registry and returns them. */
		takeViolations(belongs = () => true) {
			const mine = new Set(violations);
			const taken = violationRegistry.take((v) => mine.has(v) && belongs(v));
			for (const v of taken) violations.splice(violations.indexOf(v), 1);
			return taken;
		},
		/** Changes how the sandbox plays what the pages leave open (contract/unknowns.js), for later requests. */
		setReadings(overrides) {
			const { preset: nextPreset, ...rest } = overrides || {};
			Object.assign(
				readings,
				resolveReadings(nextPreset, { ...(nextPreset ? {} : readings), ...rest }),
			);
			if (rest.notFound !== undefined || nextPreset) notFoundStyle = readings.notFound;
		},
		store,
		get stats() {
			return {
				...counters,
				byStatus: { ...counters.byStatus },
				faults: { ...faults.counts },
				pendingTargetedFaults: faults.pending(),
				openSockets: sockets.size,
				hanging: hanging.size,
			};
		},
		setFaults(config) {
			faults = createFaultInjector(config);
			latencyRng = createPrng((config && config.seed) ?? 1);
			if (config && config.latencyMs !== undefined) latencyMs = Number(config.latencyMs);
			if (config && config.latencyJitterMs !== undefined)
				latencyJitterMs = Number(config.latencyJitterMs);
		},
		setLatency(ms, jitterMs = 0) {
			latencyMs = Number(ms) || 0;
			latencyJitterMs = Number(jitterMs) || 0;
		},
		setRateLimit(config) {
			limiter.set(config);
		},
		setNotFoundStyle(style) {
			if (!NOT_FOUND_STYLES.includes(style))
				throw new Error(`sandbox: notFoundStyle must be one of ${NOT_FOUND_STYLES.join(', ')}`);
			notFoundStyle = style;
		},
		addCampaigns: (n, type, opts) => store.addCampaigns(n, type, opts),
		setCampaignOptions(changes) {
			for (const key of Object.keys(campaignOptions))
				if (changes && changes[key] !== undefined) campaignOptions[key] = Number(changes[key]);
		},
		setCompleteAfter: (ms) => progress.setCompleteAfter(ms),
		tickCampaigns: () => progress.tick(),
		reset() {
			store.reset();
			progress.reset();
			tokensSeen.length = 0;
			requests.length = 0;
			violations.length = 0;
			Object.assign(readings, initialReadings);
			notFoundStyle = options.notFoundStyle || readings.notFound;
			limiter.reset();
			auth.seenJti.clear();
			Object.assign(counters, freshCounters());
		},
		close() {
			if (closed) return Promise.resolve();
			closed = true;
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			const socketsClosed = [...sockets].map(
				(socket) =>
					new Promise((resolve) =>
						socket.destroyed && !sockets.has(socket) ? resolve() : socket.once('close', resolve),
					),
			);
			const serverClosed = new Promise((resolve) => server.close(() => resolve()));
			for (const socket of sockets) socket.destroy();
			server.closeAllConnections?.();
			return Promise.all([serverClosed, ...socketsClosed]).then(() => undefined);
		},
	};
	return sandbox;
}

module.exports = { startSandbox, SEED_CAMPAIGN_ID };
