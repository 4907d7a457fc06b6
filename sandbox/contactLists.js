'use strict';

const crypto = require('node:crypto');
const { bodies, platformError } = require('./responses');

/**
 * Contact lists in the sandbox: the endpoints of Kore.ai's contact-list pages (reference section 7)
 * and their state. Lists belong to one app (stream); each holds its contacts.
 *
 *   POST   /campaign/api/v2/public/{streamId}/campaign/contactList/getAllListDetails?accountId&type=call
 *   POST   /campaign/api/v2/public/{streamId}/campaign/contactList/createContactList?accountId
 *   GET    /campaign/api/v2/public/{streamId}/campaign/contactList/{id}?accountId
 *   PUT    /campaign/api/v2/public/{streamId}/campaign/contactList/{id}?accountId
 *   DELETE /campaign/api/v2/public/{streamId}/campaign/contactList/{id}?accountId
 *   GET    /campaign/api/v2/public/{streamId}/campaign/contactList/{id}/getAllContacts?accountId&skip&limit
 *   POST   /api/1.1/public/{iid}/campaign/contactList/addContacts     body {contact_list_name, data: [{phoneNumber, ...}]}
 *
 * Shapes follow the pages' samples: Get All answers `data: [...]` (every list, no paging), Get
 * Contacts answers `data: {results, skip, limit, hasMore, totalPages, totalResults}`, Update
 * answers `data: {contactListId, body}`, Add Contacts answers only
 * `{message: "Adding contacts to public list is in progress"}`.
 *
 * Add Contacts is asynchronous in Kore.ai ("in progress"); the sandbox applies the contacts before
 * it answers, so a Get Contacts right after sees them (tests stay deterministic). Without
 * `allowDuplicates`, a phone number already in the list (or earlier in the same request) is
 * skipped (GUESS: Kore.ai does not document what it does with duplicates).
 *
 * GUESSES (no source): list names are unique per app without regard to case; errors use the
 * platform shape `{errors: [{msg, code}]}` with HTTP 400; a missing list answers like a missing
 * campaign (notFoundStyle '404': 404 `{status: "failure", message}`, '400-errors': 400
 * `{errors: [...]}`); Add Contacts to an unknown list name answers 404/400 the same way; the
 * sandbox accepts any non-empty phoneNumber text (Kore.ai: "valid ... depending on platform rules").
 */

const ADD_CONTACTS_PREFIX = '/api/1.1/public/';
const LIMITS = { name: 48, description: 256 };
const MAPPING = Object.freeze({
	firstName: 'firstName',
	lastName: 'lastName',
	phoneNumber: 'phoneNumber',
	timeZone: 'timeZone',
	uniqueId: 'uniqueId',
	contactPriority: 'contactPriority',
});

/** The seeded list of the primary app (its ID is the node's example contact list ID). */
const SEED_LIST_ID = 'cl-4f6a2b1c-8d3e-5a7b-9c0d-1e2f3a4bxxxxx';
const SEED_AT = '2025-06-26T12:41:15.716Z';

const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** Adds contact lists to the campaign store: `store.contactLists`, `store.contactsOfLists`; `store.reset()` resets them too. */
function attachContactLists(store, { apps }) {
	const lists = new Map();

	function newDoc({ id, name, description, allowDuplicates, at }) {
		return {
			_id: id,
			isActive: true,
			name,
			description: description ?? '',
			totalRecordCount: 0,
			status: 'Ready',
			createdBy: 'u-sandbox-0000-5000-8000-000000000001',
			updatedBy: 'u-sandbox-0000-5000-8000-000000000001',
			mapping: { ...MAPPING },
			isListInUse: false,
			listType: 'call',
			isGlobalDNC: false,
			isDefault: false,
			campaignInUse: [],
			source: 'passiveApi',
			// GUESS: only "allowDuplicates" is documented as a dataSyncMode.
			apiConfigurations: { dataSyncMode: allowDuplicates ? 'allowDuplicates' : 'skipDuplicates' },
			columns: [],
			files: [],
			createdAt: at,
			updatedAt: at,
			allowDuplicates,
		};
	}

	function addContactsTo(record, entries, at) {
		const seen = new Set(record.contacts.map((contact) => contact.phoneNumber));
		let added = 0;
		for (const entry of entries) {
			if (!record.doc.allowDuplicates && seen.has(entry.phoneNumber)) continue;
			seen.add(entry.phoneNumber);
			record.contacts.push({
				_id: `cc-${crypto.randomUUID()}`,
				createdAt: at,
				updatedAt: at,
				...clone(entry),
			});
			added += 1;
		}
		record.doc.totalRecordCount = record.contacts.length;
		if (added > 0) record.doc.updatedAt = at;
		return added;
	}

	function reset() {
		lists.clear();
		const doc = newDoc({
			id: SEED_LIST_ID,
			name: 'Renewal Due - July 2025',
			description: 'Customers whose services expire in July 2025.',
			allowDuplicates: false,
			at: SEED_AT,
		});
		const record = { id: SEED_LIST_ID, streamId: apps[0].appId, doc, contacts: [] };
		lists.set(SEED_LIST_ID, record);
		addContactsTo(
			record,
			[
				{ phoneNumber: '+14155550101', firstName: 'Ada', lastName: 'Lovelace' },
				{ phoneNumber: '+14155550102', firstName: 'Alan', lastName: 'Turing' },
			],
			SEED_AT,
		);
		// The lists the seeded campaigns name ("These must already exist", every campaign page), empty.
		for (const campaign of store.records.values()) {
			const names = [
				...(campaign.doc.contactLists || []),
				...(campaign.doc.dncLists ? [campaign.doc.dncLists.name] : []),
			];
			for (const name of names) {
				if (findByName(campaign.streamId, name)) continue;
				const hash = crypto
					.createHash('sha256')
					.update(`${campaign.streamId}:${name}`)
					.digest('hex');
				const id = `cl-${hash.slice(0, 8)}-${hash.slice(8, 12)}-5${hash.slice(13, 16)}-8${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
				lists.set(id, {
					id,
					streamId: campaign.streamId,
					doc: newDoc({ id, name, description: name, allowDuplicates: false, at: SEED_AT }),
					contacts: [],
				});
			}
		}
	}

	function find(streamId, id) {
		const record = lists.get(id);
		return record && record.streamId === streamId ? record : undefined;
	}

	function findByName(streamId, name) {
		const wanted = String(name).trim().toLowerCase();
		for (const record of lists.values()) {
			if (record.streamId === streamId && record.doc.name.toLowerCase() === wanted) return record;
		}
		return undefined;
	}

	function create(streamId, { name, description, allowDuplicates }, at) {
		const id = `cl-${crypto.randomUUID()}`;
		const record = {
			id,
			streamId,
			doc: newDoc({ id, name, description, allowDuplicates, at }),
			contacts: [],
		};
		lists.set(id, record);
		return record;
	}

	const contactLists = {
		SEED_LIST_ID,
		reset,
		find,
		findByName,
		create,
		addContactsTo,
		remove: (id) => lists.delete(id),
		all: (streamId) => [...lists.values()].filter((record) => record.streamId === streamId),
		// Inspection for tests (copies).
		get: (id) => clone(lists.get(id)?.doc),
		contactsOf: (id) => clone(lists.get(id)?.contacts ?? []),
		has: (id) => lists.has(id),
		get size() {
			return lists.size;
		},
		/** Test set-up: a list with `n` generated contacts (+1 555 01xx xxx). Returns its ID. */
		addList(name, { n = 0, appId = apps[0].appId, allowDuplicates = false } = {}) {
			const at = new Date().toISOString();
			const record = create(appId, { name, description: '', allowDuplicates }, at);
			const entries = Array.from({ length: n }, (_, i) => ({
				phoneNumber: `+1555${String(100000 + i).padStart(7, '0')}`,
			}));
			addContactsTo(record, entries, at);
			return record.id;
		},
	};

	/**
	 * For the campaign side: the contacts of the app's lists with these names (names matched as the
	 * API matches them), in list order then contact order, as `{phoneNumber, ...columns}` copies
	 * without Kore.ai's bookkeeping (`_id`, `createdAt`, `updatedAt`). Unknown names give nothing.
	 */
	function contactsOfLists(streamId, names) {
		const out = [];
		for (const name of names || []) {
			const record = findByName(streamId, name);
			if (!record) continue;
			for (const contact of record.contacts) {
				const { _id, createdAt, updatedAt, ...rest } = contact;
				out.push(clone(rest));
			}
		}
		return out;
	}

	reset();
	const resetCampaigns = store.reset;
	store.reset = () => {
		resetCampaigns();
		reset();
	};
	store.contactLists = contactLists;
	store.contactsOfLists = contactsOfLists;
	return contactLists;
}

/**
 * The contact-list route of a request, or null. `rawId` is the list ID (index.js logs it as the
 * request's `campaignId`, so faults targeted `byCampaign` can also target a list).
 */
function matchContactListRoute(prefix, rest) {
	if (prefix === ADD_CONTACTS_PREFIX) {
		return rest === '/campaign/contactList/addContacts'
			? { name: 'contactList.addContacts', methods: ['POST'], contactLists: true }
			: null;
	}
	if (rest === '/campaign/contactList/getAllListDetails')
		return { name: 'contactList.list', methods: ['POST'], contactLists: true };
	if (rest === '/campaign/contactList/createContactList')
		return { name: 'contactList.create', methods: ['POST'], contactLists: true };
	let m = /^\/campaign\/contactList\/([^/]+)\/getAllContacts$/.exec(rest);
	if (m) return { name: 'contactList.contacts', methods: ['GET'], rawId: m[1], contactLists: true };
	m = /^\/campaign\/contactList\/([^/]+)$/.exec(rest);
	if (m)
		return {
			name: 'contactList.one',
			methods: ['GET', 'PUT', 'DELETE'],
			rawId: m[1],
			contactLists: true,
		};
	return null;
}

const ok = (body) => ({ status: 200, body });
const bad = (msg) => ({ status: 400, body: bodies.badRequest(msg) });

function listNotFound(style, what) {
	const message = `Contact list ${what} not found`;
	if (style === '400-errors') return { status: 400, body: platformError(message, 400) };
	return { status: 404, body: bodies.campaignFailure(message) };
}

/** Checks name/description/allowDuplicates of a create (all) or an update (those given). */
function checkFields(body, { creating }) {
	if (creating || body.name !== undefined) {
		if (typeof body.name !== 'string' || body.name.trim() === '')
			return bad('name is required and must be a non-empty string');
		if ([...body.name].length > LIMITS.name)
			return bad(`name must be at most ${LIMITS.name} characters`);
	}
	if (body.description !== undefined && body.description !== null) {
		if (typeof body.description !== 'string') return bad('description must be a string');
		if ([...body.description].length > LIMITS.description)
			return bad(`description must be at most ${LIMITS.description} characters`);
	}
	if (creating && body.source !== 'passiveApi') return bad('source is required: use "passiveApi"');
	if (
		(creating || body.allowDuplicates !== undefined) &&
		typeof body.allowDuplicates !== 'boolean'
	) {
		return bad('allowDuplicates is required and must be true or false');
	}
	return null;
}

function requireAccountQuery(ctx) {
	const accountId = ctx.query.get('accountId');
	return accountId === null || accountId === ''
		? bad('accountId query parameter is required')
		: null;
}

function objectBody(ctx) {
	const body = ctx.body === undefined ? {} : ctx.body;
	return body && typeof body === 'object' && !Array.isArray(body) ? body : undefined;
}

function handleList(ctx, lists) {
	const type = ctx.query.get('type');
	if (type !== null && type !== 'call') return bad(`Invalid type "${type}": use "call"`);
	return ok({
		status: 'success',
		message: '',
		data: lists.all(ctx.streamId).map((record) => clone(record.doc)),
	});
}

function handleCreate(ctx, lists) {
	const missing = requireAccountQuery(ctx);
	if (missing) return missing;
	const body = objectBody(ctx);
	if (!body) return bad('Request body must be a JSON object');
	const problem = checkFields(body, { creating: true });
	if (problem) return problem;
	const name = body.name.trim();
	if (lists.findByName(ctx.streamId, name))
		return bad(`Contact list with name "${name}" already exists`);
	const record = lists.create(
		ctx.streamId,
		{ name, description: body.description, allowDuplicates: body.allowDuplicates },
		ctx.nowIso(),
	);
	return ok({
		status: 'success',
		message: `Contact list ${name} created successfully`,
		data: clone(record.doc),
	});
}

function handleOne(ctx, lists, method) {
	const missing = requireAccountQuery(ctx);
	if (missing) return missing;
	const record = lists.find(ctx.streamId, ctx.campaignId);
	if (!record) return listNotFound(ctx.notFoundStyle, ctx.campaignId);
	if (method === 'GET') return ok({ status: 'success', message: '', data: clone(record.doc) });
	if (method === 'DELETE') {
		lists.remove(record.id);
		return ok({
			status: 'success',
			message: `Contact list ${record.doc.name} deleted successfully`,
			data: clone(record.doc),
		});
	}
	const body = objectBody(ctx);
	if (!body) return bad('Request body must be a JSON object');
	const problem = checkFields(body, { creating: false });
	if (problem) return problem;
	const doc = record.doc;
	if (body.name !== undefined) {
		const name = body.name.trim();
		const other = lists.findByName(ctx.streamId, name);
		if (other && other.id !== record.id)
			return bad(`Contact list with name "${name}" already exists`);
		doc.name = name;
	}
	if (body.description !== undefined && body.description !== null)
		doc.description = body.description;
	if (body.allowDuplicates !== undefined) {
		doc.allowDuplicates = body.allowDuplicates;
		doc.apiConfigurations = {
			dataSyncMode: body.allowDuplicates ? 'allowDuplicates' : 'skipDuplicates',
		};
	}
	doc.updatedAt = ctx.nowIso();
	return ok({
		status: 'success',
		message: `Contact list ${doc.name} updated successfully`,
		data: {
			contactListId: record.id,
			body: {
				name: doc.name,
				orgId: 'o-sandbox-0000-5000-8000-000000000001',
				iId: ctx.streamId,
				listType: doc.listType,
				accountId: ctx.query.get('accountId'),
				updatedBy: doc.updatedBy,
			},
		},
	});
}

function handleContacts(ctx, lists) {
	const missing = requireAccountQuery(ctx);
	if (missing) return missing;
	const record = lists.find(ctx.streamId, ctx.campaignId);
	if (!record) return listNotFound(ctx.notFoundStyle, ctx.campaignId);
	const read = (key, fallback) => {
		const raw = ctx.query.get(key);
		if (raw === null || raw === '') return fallback;
		const n = Number(raw);
		return Number.isInteger(n) && n >= 0 ? n : NaN;
	};
	// The page documents no request paging (an unknown, contract/unknowns.js `contactsPaging`): honoured,
	// or ignored, every request then answering the first 50 as if none were sent.
	const honoured = ctx.readings.contactsPaging === 'honoured';
	const skip = honoured ? read('skip', 0) : 0;
	// The sample answers limit 50 (GUESS: the default; no maximum is documented).
	const limit = honoured ? read('limit', 50) : 50;
	if (Number.isNaN(skip) || Number.isNaN(limit) || limit === 0)
		return bad('skip and limit must be non-negative integers (limit at least 1)');
	const results = record.contacts.slice(skip, skip + limit);
	return ok({
		status: 'success',
		message: 'Contacts retrieved successfully',
		data: {
			results: clone(results),
			skip,
			limit,
			hasMore: skip + results.length < record.contacts.length,
			totalPages: Math.ceil(record.contacts.length / limit),
			totalResults: record.contacts.length,
		},
	});
}

function handleAddContacts(ctx, lists) {
	const body = objectBody(ctx);
	if (!body || ctx.body === undefined)
		return bad('Request body must be a JSON object with contact_list_name and data');
	if (typeof body.contact_list_name !== 'string' || body.contact_list_name.trim() === '')
		return bad('contact_list_name is required');
	if (!Array.isArray(body.data) || body.data.length === 0)
		return bad('data must be a non-empty array of contacts');
	for (const [index, entry] of body.data.entries()) {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry))
			return bad(`data[${index}] must be an object`);
		if (typeof entry.phoneNumber !== 'string' || entry.phoneNumber.trim() === '')
			return bad(`data[${index}].phoneNumber is required`);
	}
	const record = lists.findByName(ctx.streamId, body.contact_list_name);
	if (!record) return listNotFound(ctx.notFoundStyle, body.contact_list_name.trim());
	lists.addContactsTo(record, body.data, ctx.nowIso());
	return ok({ message: 'Adding contacts to public list is in progress' });
}

/** Runs a matched, authenticated contact-list route (ctx as for the campaign routes; ctx.campaignId = the list ID). */
function dispatchContactList(route, method, ctx) {
	const lists = ctx.store.contactLists;
	switch (route.name) {
		case 'contactList.list':
			return handleList(ctx, lists);
		case 'contactList.create':
			return handleCreate(ctx, lists);
		case 'contactList.one':
			return handleOne(ctx, lists, method);
		case 'contactList.contacts':
			return handleContacts(ctx, lists);
		case 'contactList.addContacts':
			return handleAddContacts(ctx, lists);
		default:
			return { status: 404, body: bodies.notFoundPath() };
	}
}

module.exports = {
	attachContactLists,
	matchContactListRoute,
	dispatchContactList,
	ADD_CONTACTS_PREFIX,
	SEED_LIST_ID,
	LIMITS,
};
