'use strict';

const crypto = require('node:crypto');
const { bodies, campaignNotFound } = require('./responses');

/**
 * Create and update campaigns (reference section 7; doc pages "Create SMS Campaign (v2)" with and
 * without template, "Create Voice Campaign - Agentless (v2)", "Update SMS/Voice Campaign (v2)").
 *
 *   POST /campaign?accountId&campaignType=sms|voice        create: the campaign is Preparing, then
 *                                                          Ready after `preparingMs` (lazily, on the
 *                                                          next request of any kind)
 *   PUT  /campaign/{id}?accountId&campaignType=sms|voice   update: changes the fields sent
 *
 * The create answer is the voice page's sample shape: `{status, message: "Campaign <name> creation
 * in progress", data: {..., id, status: "Preparing"}}` (the campaign's ID as `id`; Get keeps `_id`).
 * The update answer (GUESS, not documented): `{status, message: "Campaign <name> updated
 * successfully", data}`. Validation follows the create pages' parameter tables; the 400 bodies are
 * GUESSES in the platform's error shape.
 */

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const TIME = /^(1[0-2]|[1-9]):[0-5]\d (AM|PM)$/;
const BASE64 = /^[A-Za-z0-9+/]+(={0,2}|(%3D){0,2})$/;

/** Campaigns created here and when they become Ready, per store: id -> readyAt (ms). */
const pendingByStore = new WeakMap();

function pendingOf(store) {
	let pending = pendingByStore.get(store);
	if (!pending) {
		pending = new Map();
		pendingByStore.set(store, pending);
	}
	return pending;
}

/** Turns created campaigns whose preparation time is over from Preparing to Ready. Called on every request. */
function settlePreparing(ctx) {
	const pending = pendingByStore.get(ctx.store);
	if (!pending || pending.size === 0) return;
	const now = ctx.now();
	for (const [id, readyAt] of pending) {
		const record = ctx.store.records.get(id);
		if (!record) pending.delete(id);
		else if (readyAt <= now) {
			if (record.doc.status === 'Preparing') record.doc.status = 'Ready';
			pending.delete(id);
		}
	}
}

const bad = (msg) => ({ status: 400, body: bodies.badRequest(msg) });
const isText = (v) => typeof v === 'string' && v.trim() !== '';

/** The first problem of a create (`partial` false) or update (`partial` true) body, or null. */
function problemOf(body, type, partial) {
	if (!body || typeof body !== 'object' || Array.isArray(body))
		return 'Request body must be a JSON object';
	const need = (key) => !partial && body[key] === undefined;
	if (need('name') || (body.name !== undefined && !isText(body.name))) return 'name is required';
	if (body.name !== undefined && body.name.length > 48)
		return 'name must be a maximum of 48 characters';
	if (
		need('description') ||
		(body.description !== undefined && typeof body.description !== 'string')
	)
		return 'description is required';
	if (body.description !== undefined && body.description.length > 256)
		return 'description must be a maximum of 256 characters';
	if (
		need('contactLists') ||
		(body.contactLists !== undefined &&
			(!Array.isArray(body.contactLists) ||
				body.contactLists.length === 0 ||
				!body.contactLists.every(isText)))
	) {
		return 'contactLists must be a non-empty list of contact list names';
	}
	if (
		(type === 'voice' && need('dncLists')) ||
		(body.dncLists !== undefined && !isText(body.dncLists && body.dncLists.name))
	)
		return 'dncLists.name is required';
	if (
		need('priority') ||
		(body.priority !== undefined && !['1', '2', '3', '4', '5'].includes(String(body.priority)))
	)
		return 'priority must be one of 1, 2, 3, 4 or 5';
	const strategy = body.dialingStrategy;
	if (
		need('dialingStrategy') ||
		(strategy !== undefined && (typeof strategy !== 'object' || strategy === null))
	)
		return 'dialingStrategy is required';
	if (strategy) {
		const callerId = strategy.callerId;
		if (
			(!partial && callerId === undefined) ||
			(callerId !== undefined && !/^\+?\d{6,15}$/.test(String(callerId && callerId.phoneNumber)))
		) {
			return 'dialingStrategy.callerId.phoneNumber must be a phone number';
		}
		const hours = strategy.callingHours;
		if (!partial && hours === undefined) return 'dialingStrategy.callingHours is required';
		if (hours !== undefined) {
			if (!['WEEKLY', 'DAILY', 'CUSTOM'].includes(hours.frequency))
				return 'dialingStrategy.callingHours.frequency must be WEEKLY, DAILY or CUSTOM';
			if (!isText(hours.timezone)) return 'dialingStrategy.callingHours.timezone is required';
			if (!Array.isArray(hours.days) || hours.days.length === 0)
				return 'dialingStrategy.callingHours.days must be a non-empty list';
			for (const d of hours.days) {
				if (!d || !DAYS.includes(d.day) || !TIME.test(d.start) || !TIME.test(d.end)) {
					return 'each of dialingStrategy.callingHours.days needs day (MO..SU), start and end (like 9:00 AM)';
				}
			}
		}
		if (type === 'voice') {
			const ranges = {
				maxAttemptsPerRecord: [1, 100],
				defaultRetryPeriod: [1, 1440],
				maxRingTime: [5, 120],
			};
			for (const [key, [min, max]] of Object.entries(ranges)) {
				const v = strategy[key];
				if (
					(!partial && v === undefined) ||
					(v !== undefined && (!Number.isInteger(v) || v < min || v > max))
				) {
					return `dialingStrategy.${key} must be between ${min} and ${max}`;
				}
			}
			if (
				(!partial && strategy.dialingOrder === undefined) ||
				(strategy.dialingOrder !== undefined && !['FIFO', 'LIFO'].includes(strategy.dialingOrder))
			) {
				return 'dialingStrategy.dialingOrder must be FIFO or LIFO';
			}
		}
	}
	if (type === 'voice') {
		if (
			need('dialingMode') ||
			(body.dialingMode !== undefined &&
				!['Agentless', 'Progressive', 'Preview'].includes(body.dialingMode))
		) {
			return 'dialingMode must be Agentless, Progressive or Preview';
		}
		if (
			need('experienceFlowName') ||
			(body.experienceFlowName !== undefined && !isText(body.experienceFlowName))
		)
			return 'experienceFlowName is required';
		if (
			need('enableMachineDetect') ||
			(body.enableMachineDetect !== undefined &&
				!['no', 'detect', 'disconnect'].includes(body.enableMachineDetect))
		) {
			return 'enableMachineDetect must be no, detect or disconnect';
		}
	} else {
		if (body.format !== undefined && !['simple', 'advanced'].includes(body.format))
			return 'format must be simple or advanced';
		if (body.format === 'advanced' && !partial && !isText(body.experienceFlowName))
			return 'experienceFlowName is required for an advanced campaign';
		const message = body.message;
		if (
			need('message') ||
			(message !== undefined && (typeof message !== 'object' || message === null))
		)
			return 'message is required';
		if (message) {
			if (!isText(message.message) && !isText(message.template_name))
				return 'message needs message (base64 text) or template_name';
			if (message.message !== undefined && !BASE64.test(String(message.message)))
				return 'message.message must be the SMS text in base64';
		}
	}
	return null;
}

function typeOf(query) {
	const value = query.get('campaignType');
	return value === 'sms' || value === 'voice' ? value : undefined;
}

const hashId = (prefix, text) => {
	const h = crypto.createHash('sha256').update(text).digest('hex');
	return `${prefix}-${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

function nameTaken(ctx, name, exceptId) {
	const lname = name.toLowerCase();
	for (const record of ctx.store.records.values()) {
		if (
			record.streamId === ctx.streamId &&
			record.id !== exceptId &&
			String(record.doc.name).toLowerCase() === lname
		)
			return true;
	}
	return false;
}

function strategyOf(input, type) {
	const strategy = {
		callerId: { phoneNumber: input.callerId.phoneNumber },
		callingHours: JSON.parse(JSON.stringify(input.callingHours)),
	};
	if (type === 'voice') {
		Object.assign(strategy, {
			dialingOrder: input.dialingOrder,
			maxAttemptsPerRecord: input.maxAttemptsPerRecord,
			defaultRetryPeriod: input.defaultRetryPeriod,
			maxRingTime: input.maxRingTime,
			useSystemMappings: false,
		});
	}
	return strategy;
}

function handleCreate(ctx) {
	const type = typeOf(ctx.query);
	if (!type) return bad('campaignType query parameter is required: use "sms" or "voice"');
	const body = ctx.body;
	const problem = problemOf(body, type, false);
	if (problem) return bad(problem);
	const missing = missingList(ctx, body);
	if (missing) return missing;
	const name = body.name.trim();
	if (nameTaken(ctx, name))
		return {
			status: 400,
			body: bodies.campaignFailure(`Campaign with name ${name} already exists`),
		};

	const at = ctx.nowIso();
	const id = `cd-${crypto.randomUUID()}`;
	const doc = { _id: id, name, lname: name.toLowerCase(), description: body.description };
	if (body.dncLists)
		doc.dncLists =
			type === 'voice'
				? { id: hashId('cl', `dnc:${body.dncLists.name}`), name: body.dncLists.name }
				: { name: body.dncLists.name };
	doc.priority = String(body.priority);
	if (type === 'voice') doc.dialingMode = body.dialingMode;
	else doc.format = body.format || 'simple';
	doc.dialingStrategy = strategyOf(body.dialingStrategy, type);
	if (type === 'sms') {
		doc.message = { ...body.message };
		if (doc.message.template_name && !doc.message.templateId)
			doc.message.templateId = hashId('cmt', `tpl:${doc.message.template_name}`);
	}
	if (isText(body.experienceFlowName))
		doc.experienceFlow = hashId('cf', `flow:${body.experienceFlowName}`);
	Object.assign(doc, {
		status: 'Preparing',
		isImported: type === 'sms' ? false : undefined,
		isFiltersEnabled: false,
		createdAt: at,
		updatedAt: at,
		schedule: { isSchedulingEnabled: false, isRecurrenceEnabled: false },
		contactLists: body.contactLists.map((n) => n.trim()),
	});
	if (doc.isImported === undefined) delete doc.isImported;
	if (type === 'voice') doc.enableMachineDetect = body.enableMachineDetect !== 'no';

	const list =
		type === 'sms'
			? { totalMessagesSent: 0, campaignExecutionType: 'NORMAL', campaignInstanceUpdatedAt: at }
			: { campaignInstanceUpdatedAt: at, connection: 'Default Queue' };
	ctx.store.records.set(id, { id, type, streamId: ctx.streamId, doc, list });
	pendingOf(ctx.store).set(id, ctx.now() + Number(ctx.options.preparingMs));

	// The answer names the ID `id` (the documented create sample), where Get says `_id`.
	const { _id, ...rest } = doc;
	const { contactLists, enableMachineDetect, ...head } = rest;
	const data = { ...head, id: _id, contactLists };
	if (enableMachineDetect !== undefined) data.enableMachineDetect = enableMachineDetect;
	return {
		status: 200,
		body: { status: 'success', message: `Campaign ${name} creation in progress`, data },
	};
}

/**
 * "These must already exist" (the create and update pages, of `contactLists`; a DNC list is a contact
 * list too): a name no list of the app has is refused, as the independent check saw Kore.ai do.
 */
function missingList(ctx, body) {
	const names = [
		...(Array.isArray(body.contactLists) ? body.contactLists : []),
		...(body.dncLists && body.dncLists.name ? [body.dncLists.name] : []),
	];
	const lists = ctx.store.contactLists;
	const missing = names.find(
		(name) => typeof name === 'string' && !lists.findByName(ctx.streamId, name.trim()),
	);
	return missing === undefined
		? null
		: { status: 400, body: bodies.badRequest(`Contact list ${missing} not found`) };
}

/** A PUT's body applied to a campaign: replacing each object it receives (the harsh reading) or merging it. */
function applyUpdate(doc, body, merge) {
	const strip = ['campaignType', 'experienceFlowName', 'queue_name'];
	for (const [key, value] of Object.entries(body)) {
		if (strip.includes(key)) continue;
		const copy = JSON.parse(JSON.stringify(value));
		doc[key] = merge ? deepMerge(doc[key], copy) : copy;
	}
}

function deepMerge(into, from) {
	if (
		!into ||
		typeof into !== 'object' ||
		Array.isArray(into) ||
		!from ||
		typeof from !== 'object' ||
		Array.isArray(from)
	)
		return from;
	const out = { ...into };
	for (const [key, value] of Object.entries(from)) out[key] = deepMerge(into[key], value);
	return out;
}

function handleUpdate(ctx) {
	const type = typeOf(ctx.query);
	if (!type) return bad('campaignType query parameter is required: use "sms" or "voice"');
	const record = ctx.store.find(ctx.streamId, ctx.campaignId);
	// The Update Voice page's endpoint and sample send campaignType=sms for a voice campaign, its
	// table says voice: both are accepted for voice campaigns. An SMS campaign is not a voice one.
	if (!record || (type === 'voice' && record.type !== 'voice'))
		return campaignNotFound(ctx.notFoundStyle, ctx.campaignId);
	const body = ctx.body;
	const problem = problemOf(body, record.type, true);
	if (problem) return bad(problem);
	const missing = missingList(ctx, body);
	if (missing) return missing;
	const doc = record.doc;
	if (body.name !== undefined) {
		const name = body.name.trim();
		if (nameTaken(ctx, name, record.id))
			return {
				status: 400,
				body: bodies.campaignFailure(`Campaign with name ${name} already exists`),
			};
		body.name = name;
		doc.lname = name.toLowerCase();
	}
	if (body.contactLists !== undefined) body.contactLists = body.contactLists.map((n) => n.trim());
	if (body.priority !== undefined) body.priority = String(body.priority);
	applyUpdate(doc, body, ctx.readings.updateMerges === 'merge');
	if (body.dncLists !== undefined && record.type === 'voice')
		doc.dncLists = { id: hashId('cl', `dnc:${body.dncLists.name}`), name: body.dncLists.name };
	if (body.experienceFlowName !== undefined)
		doc.experienceFlow = hashId('cf', `flow:${body.experienceFlowName}`);
	if (body.queue_name !== undefined) doc.queue_name = body.queue_name;
	if (body.enableMachineDetect !== undefined)
		doc.enableMachineDetect = body.enableMachineDetect !== 'no';
	doc.updatedAt = ctx.nowIso();
	return {
		status: 200,
		body: {
			status: 'success',
			message: `Campaign ${doc.name} details updated successfully`,
			data: doc,
		},
	};
}

module.exports = { handleCreate, handleUpdate, settlePreparing, problemOf };
