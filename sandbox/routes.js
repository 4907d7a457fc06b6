'use strict';

const crypto = require('node:crypto');
const { bodies, campaignNotFound } = require('./responses');
const { CAMPAIGN_TYPES, STATUSES } = require('./store');
const { handleCreate, handleUpdate, settlePreparing } = require('./campaignCreation');
const { handleContacts } = require('./results');
const { handleSchedule } = require('./schedule');

/**
 * The v2 campaign endpoints, relative to `/campaign/api/v2/public/{streamId}`
 * (Kore.ai's Contact Center API pages: Delete/Get SMS+Voice Campaign v2, Get All Campaigns v2,
 * Start/Stop SMS+Voice Campaign v2, Get Campaign Status v2).
 *
 *   DELETE /campaign/{id}?accountId&campaignType=sms|voice      delete (Delete SMS/Voice Campaign v2)
 *   GET    /campaign/{id}?accountId[&campaignType]              get by ID
 *   POST   /campaign/{id}?campaignType=sms&trigger=play         start (SMS page; accountId optional)
 *   POST   /campaign/trigger/{id}?accountId&campaignType&trigger=play|stop   (voice pages)
 *   POST   /campaign//trigger/{id}?accountId&campaignType&trigger=stop|play  (SMS stop page, "//" verbatim)
 *   POST   /campaign/{id}/status?accountId&view=status          status
 *   POST   /campaign/{id}/status?view=contacts                  per-contact results (results.js)
 *   POST   /campaign/getAllCampaignDetails?accountId            list
 *   POST   /campaign?accountId&campaignType, PUT /campaign/{id}?accountId&campaignType
 *                                                               create/update (campaignCreation.js)
 *   POST   /campaign/schedule?enableSchedule&campaignName       schedule on/off (schedule.js)
 */
function matchRoute(rest) {
	if (rest === '/campaign/getAllCampaignDetails') return { name: 'list', methods: ['POST'] };
	if (rest === '/campaign' || rest === '/campaign/') return { name: 'create', methods: ['POST'] };
	if (rest === '/campaign/schedule') return { name: 'schedule', methods: ['POST'] };
	let m = /^\/campaign\/(\/?)trigger\/([^/]+)$/.exec(rest);
	if (m) return { name: 'trigger', methods: ['POST'], rawId: m[2], doubleSlash: m[1] === '/' };
	m = /^\/campaign\/([^/]+)\/status$/.exec(rest);
	if (m) return { name: 'status', methods: ['POST'], rawId: m[1] };
	m = /^\/campaign\/([^/]+)$/.exec(rest);
	if (m) return { name: 'campaign', methods: ['GET', 'DELETE', 'POST', 'PUT'], rawId: m[1] };
	return null;
}

const ok = (body) => ({ status: 200, body });
const bad = (msg) => ({ status: 400, body: bodies.badRequest(msg) });

function campaignTypeOf(query, { required }) {
	const value = query.get('campaignType');
	if (value === null || value === '') {
		return required
			? { error: bad('campaignType query parameter is required: use "sms" or "voice"') }
			: { type: undefined };
	}
	if (!CAMPAIGN_TYPES.includes(value)) {
		return { error: bad(`Invalid campaignType "${value}": use "sms" or "voice"`) };
	}
	return { type: value };
}

function listItem(record) {
	const d = record.doc;
	const pick = (keys) =>
		Object.fromEntries(keys.filter((k) => d[k] !== undefined).map((k) => [k, d[k]]));
	if (record.type === 'voice') {
		// Voice list items carry `_id` (Get All Campaigns v2, voice sample).
		return {
			...pick([
				'_id',
				'name',
				'description',
				'dncLists',
				'priority',
				'dialingMode',
				'status',
				'isFiltersEnabled',
				'createdAt',
				'updatedAt',
			]),
			campaignInstanceUpdatedAt: record.list.campaignInstanceUpdatedAt,
			...pick(['schedule', 'campaignInstanceId', 'experienceFlow']),
			connection: record.list.connection,
			...pick(['contactLists']),
		};
	}
	// SMS list items carry `id`, not `_id` (Get All Campaigns v2, SMS sample).
	return {
		...pick([
			'name',
			'description',
			'status',
			'dncLists',
			'priority',
			'message',
			'experienceFlow',
			'createdAt',
			'updatedAt',
			'schedule',
			'campaignInstanceId',
		]),
		id: record.id,
		totalMessagesSent: record.list.totalMessagesSent,
		campaignInstanceUpdatedAt: record.list.campaignInstanceUpdatedAt,
		campaignExecutionType: record.list.campaignExecutionType,
		...pick(['contactLists', 'format']),
	};
}

/** Numbers may come as numbers or as empty strings ("Can be a number or an empty string"). */
function optionalInt(body, key) {
	const v = body[key];
	if (v === undefined || v === null || v === '') return { value: undefined };
	const n = typeof v === 'string' ? Number(v) : v;
	if (!Number.isInteger(n) || n < 0) return { error: bad(`${key} must be a non-negative integer`) };
	return { value: n };
}

function handleList(ctx) {
	const body = ctx.body || {};
	if (typeof body !== 'object' || Array.isArray(body))
		return bad('Request body must be a JSON object');
	if (!CAMPAIGN_TYPES.includes(body.type))
		return bad('type is required in the body: use "sms" or "voice"');
	const limitIn = optionalInt(body, 'limit');
	const skipIn = optionalInt(body, 'skip');
	const pageIn = optionalInt(body, 'page');
	for (const r of [limitIn, skipIn, pageIn]) if (r.error) return r.error;
	// GUESS: default page size 10 and no maximum (neither is documented).
	const limit = limitIn.value || 10;
	let skip = 0;
	if (skipIn.value > 0) skip = skipIn.value;
	else if (pageIn.value > 1) skip = (pageIn.value - 1) * limit;

	const filters = body.filters || {};
	const statuses = filters.status;
	if (
		statuses !== undefined &&
		(!Array.isArray(statuses) || statuses.some((s) => !STATUSES.includes(s)))
	) {
		return bad(`filters.status must be a list of: ${STATUSES.join(', ')}`);
	}
	const priorities = filters.priority;
	if (
		priorities !== undefined &&
		(!Array.isArray(priorities) || priorities.some((p) => ![1, 2, 3, 4, 5].includes(Number(p))))
	) {
		return bad('filters.priority must be a list of numbers 1 to 5');
	}
	const modes = filters.dialingMode;
	if (modes !== undefined && !Array.isArray(modes))
		return bad('filters.dialingMode must be a list');
	const start = body.startDate ? Date.parse(body.startDate) : undefined;
	const end = body.endDate ? Date.parse(body.endDate) : undefined;
	if (Number.isNaN(start) || Number.isNaN(end))
		return bad('startDate and endDate must be ISO 8601 timestamps');

	let sortKey = 'createdAt';
	let sortDir = 'desc';
	if (body.sortBy !== undefined && body.sortBy !== '') {
		const entries =
			typeof body.sortBy === 'object' && body.sortBy ? Object.entries(body.sortBy) : [];
		const [key, dir] = entries[0] || [];
		if (!['name', 'createdAt', 'updatedAt'].includes(key) || !['asc', 'desc'].includes(dir)) {
			return bad('sortBy must be one of {"name"|"createdAt"|"updatedAt": "asc"|"desc"}');
		}
		sortKey = key;
		sortDir = dir;
	}

	const matches = [];
	for (const record of ctx.store.records.values()) {
		if (record.streamId !== ctx.streamId || record.type !== body.type) continue;
		const d = record.doc;
		if (statuses && !statuses.includes(d.status)) continue;
		if (priorities && !priorities.map(Number).includes(Number(d.priority))) continue;
		if (modes && body.type === 'voice' && !modes.includes(d.dialingMode)) continue;
		const created = Date.parse(d.createdAt);
		if (start !== undefined && created < start) continue;
		if (end !== undefined && created > end) continue;
		matches.push(record);
	}
	const sign = sortDir === 'asc' ? 1 : -1;
	matches.sort((a, b) => {
		const x = a.doc[sortKey];
		const y = b.doc[sortKey];
		const c =
			sortKey === 'name' ? String(x).localeCompare(String(y)) : Date.parse(x) - Date.parse(y);
		return c !== 0 ? sign * c : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
	});
	const page = matches.slice(skip, skip + limit);
	return ok({
		status: 'success',
		message: 'Campaign  retrieved successfully', // two spaces, as in the documented sample
		data: {
			results: page.map(listItem),
			skip,
			limit,
			hasMore: skip + page.length < matches.length,
			totalPages: Math.ceil(matches.length / limit),
			totalResults: matches.length,
		},
	});
}

function requireAccountQuery(ctx) {
	if (ctx.query.get('accountId') === null || ctx.query.get('accountId') === '') {
		return bad('accountId query parameter is required');
	}
	return null;
}

function handleDelete(ctx) {
	const missing = requireAccountQuery(ctx);
	if (missing) return missing;
	const t = campaignTypeOf(ctx.query, { required: true });
	if (t.error) return t.error;
	const record = ctx.store.find(ctx.streamId, ctx.campaignId, t.type);
	if (!record) return campaignNotFound(ctx.notFoundStyle, ctx.campaignId);
	ctx.store.remove(record.id, ctx.nowIso());
	return ok({
		status: 'success',
		message: `Campaign ${record.doc.name} deleted successfully`,
		data: record.doc,
	});
}

function handleGet(ctx) {
	const t = campaignTypeOf(ctx.query, { required: false });
	if (t.error) return t.error;
	const record = ctx.store.find(ctx.streamId, ctx.campaignId, t.type);
	if (!record) return campaignNotFound(ctx.notFoundStyle, ctx.campaignId);
	return ok({
		status: 'success',
		message: `Campaign ${record.doc.name} retrieved successfully`,
		data: record.doc,
	});
}

// GUESS: which states may be started/stopped is not documented.
const STOPPABLE = new Set(['Active', 'Paused', 'Preparing', 'Scheduled', 'Rescheduled']);

/**
 * Whether this path is served, by the readings of contract/unknowns.js: with `smsStopPath: 'page'`
 * only the SMS page's `campaign//trigger` stops an SMS campaign; with `voiceTriggerPrefix: 'page'`
 * only the voice pages' `/api/v2/public/` prefix starts or stops a voice campaign.
 */
function servedPath(ctx, route, type) {
	if (route.name !== 'trigger') return true;
	if (type === 'sms' && ctx.readings.smsStopPath === 'page' && !route.doubleSlash) return false;
	if (
		type === 'voice' &&
		ctx.readings.voiceTriggerPrefix === 'page' &&
		ctx.prefix !== '/api/v2/public/'
	)
		return false;
	return true;
}

function handleTrigger(ctx, trigger, route) {
	const t = campaignTypeOf(ctx.query, { required: true });
	if (t.error) return t.error;
	if (route && !servedPath(ctx, route, t.type)) return { status: 404, body: bodies.notFoundPath() };
	if (trigger !== 'play' && trigger !== 'stop') {
		return bad(`Invalid trigger "${trigger || ''}": use "play" to start or "stop" to stop`);
	}
	const record = ctx.store.find(ctx.streamId, ctx.campaignId, t.type);
	if (!record) return campaignNotFound(ctx.notFoundStyle, ctx.campaignId);
	const doc = record.doc;
	const updatedAt = ctx.nowIso();
	if (trigger === 'play') {
		if (doc.status === 'Active')
			return {
				status: 400,
				body: bodies.campaignFailure(`Campaign ${doc.name} is already Active`),
			};
		// GUESS: a campaign still being created (Preparing) cannot be started yet.
		if (doc.status === 'Preparing')
			return {
				status: 400,
				body: bodies.campaignFailure(
					`Campaign ${doc.name} is still being prepared; start it when it is Ready`,
				),
			};
		doc.status = 'Active';
		doc.updatedAt = updatedAt;
		doc.campaignInstanceId = `cid-${crypto.randomUUID()}`;
		record.list.campaignInstanceUpdatedAt = updatedAt;
		ctx.progress?.started(record); // completes it later when asked (progress.js, completeAfterMs)
		if (record.type === 'voice') {
			return ok({
				status: 'Active',
				message: 'Campaign Started',
				totalCallsCompleted: 0,
				updatedAt,
				campaignInstanceId: doc.campaignInstanceId,
			});
		}
		return ok({ status: 'Active', message: 'Campaign Started', updatedAt });
	}
	if (!STOPPABLE.has(doc.status)) {
		return {
			status: 400,
			body: bodies.campaignFailure(`Campaign ${doc.name} is not running (status ${doc.status})`),
		};
	}
	doc.status = 'Stopped';
	doc.updatedAt = updatedAt;
	record.list.campaignInstanceUpdatedAt = updatedAt;
	if (record.type === 'voice') {
		return ok({
			status: 'Stopped',
			message: 'Campaign Stopped',
			updatedAt,
			campaignInstanceId: doc.campaignInstanceId,
		});
	}
	return ok({
		status: 'Stopped',
		message: 'Campaign Stopped',
		updatedAt,
		campaignExecutionType: record.list.campaignExecutionType || 'NORMAL',
	});
}

function handleStatus(ctx) {
	const record = ctx.store.find(ctx.streamId, ctx.campaignId);
	if (!record) return campaignNotFound(ctx.notFoundStyle, ctx.campaignId);
	if (ctx.query.get('view') === 'contacts') return handleContacts(ctx, record);
	return ok({
		status: 'success',
		data: { id: record.id, status: record.doc.status, name: record.doc.name },
	});
}

/** Runs a matched, authenticated route. */
function dispatch(route, method, ctx) {
	settlePreparing(ctx);
	switch (route.name) {
		case 'list':
			return handleList(ctx);
		case 'create':
			return handleCreate(ctx);
		case 'schedule':
			return handleSchedule(ctx);
		case 'status':
			return handleStatus(ctx);
		case 'trigger':
			return handleTrigger(ctx, ctx.query.get('trigger'), route);
		case 'campaign':
			if (method === 'DELETE') return handleDelete(ctx);
			if (method === 'GET') return handleGet(ctx);
			if (method === 'PUT') return handleUpdate(ctx);
			return handleTrigger(ctx, ctx.query.get('trigger'));
		default:
			return { status: 404, body: bodies.notFoundPath() };
	}
}

module.exports = { matchRoute, dispatch, listItem };
