'use strict';

/**
 * Fault injection for the sandbox, deterministic for a given seed and request order.
 *
 * Random faults: each key below takes a probability (0..1), `true` (always), or an object
 * { rate, count, methods, ... }: `count` caps how many times it fires, `methods` limits it to some
 * HTTP methods (e.g. ['DELETE']). One PRNG draw per configured fault type per request, in the
 * fixed order of FAULT_TYPES, so the same seed and the same request sequence give the same faults.
 *
 * Targeted faults: `byCampaign: { '<campaignId>': ['lostResponse', 'status5xx', ...] }` applies the
 * listed faults to that campaign's 1st, 2nd, ... request (any endpoint that names the campaign),
 * then nothing. 'none' (or null) is a pass. Entries may be objects: { type: 'status5xx', status: 503,
 * body: 'html' }. While a campaign has targeted entries left, random faults do not apply to it.
 *
 * Whether the request took effect:
 *   not applied: reset, hang, status5xx, html, status429 (the request never reached the service)
 *   applied:     lostResponse, truncatedJson, malformedJson (the service did the work; the answer
 *                is lost or damaged on the way back)
 */
const FAULT_TYPES = [
	'reset',
	'hang',
	'status429',
	'status5xx',
	'html',
	'lostResponse',
	'truncatedJson',
	'malformedJson',
];
const APPLIED_FAULTS = new Set(['lostResponse', 'truncatedJson', 'malformedJson']);

/** mulberry32: small, fast, good enough for reproducible test noise. */
function createPrng(seed) {
	let a = Number(seed) >>> 0 || 0x9e3779b9;
	return function next() {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function normalizeSpec(type, value) {
	if (value === undefined || value === null || value === false || value === 0) return null;
	const spec =
		typeof value === 'number' ? { rate: value } : value === true ? { rate: 1 } : { ...value };
	if (spec.rate === undefined) spec.rate = 1;
	if (typeof spec.rate !== 'number' || spec.rate < 0 || spec.rate > 1) {
		throw new Error(`sandbox: faults.${type}.rate must be a number between 0 and 1`);
	}
	spec.remaining = spec.count === undefined ? Infinity : Number(spec.count);
	if (spec.methods) spec.methods = spec.methods.map((m) => String(m).toUpperCase());
	return spec;
}

function normalizeTargeted(entry) {
	if (entry === null || entry === undefined || entry === 'none') return null;
	const fault = typeof entry === 'string' ? { type: entry } : { ...entry };
	if (!FAULT_TYPES.includes(fault.type)) {
		throw new Error(
			`sandbox: unknown fault "${fault.type}" (known: ${FAULT_TYPES.join(', ')}, none)`,
		);
	}
	return fault;
}

function createFaultInjector(config = {}) {
	const cfg = config || {};
	for (const key of Object.keys(cfg)) {
		if (
			!FAULT_TYPES.includes(key) &&
			!['seed', 'byCampaign', 'latencyMs', 'latencyJitterMs'].includes(key)
		) {
			throw new Error(`sandbox: unknown faults option "${key}"`);
		}
	}
	const seed = cfg.seed === undefined ? 1 : cfg.seed;
	const rng = createPrng(seed);
	const specs = FAULT_TYPES.map((type) => [type, normalizeSpec(type, cfg[type])]).filter(
		([, s]) => s,
	);
	const targeted = new Map();
	for (const [id, list] of Object.entries(cfg.byCampaign || {})) {
		targeted.set(id, (Array.isArray(list) ? list : [list]).map(normalizeTargeted));
	}
	const counts = Object.fromEntries(FAULT_TYPES.map((t) => [t, 0]));

	/** Picks the fault for one request, or null. */
	function pick({ method, campaignId }) {
		let fault = null;
		const queue = campaignId !== undefined ? targeted.get(campaignId) : undefined;
		if (queue && queue.length > 0) {
			fault = queue.shift();
		} else {
			for (const [type, spec] of specs) {
				const draw = rng();
				if (fault || spec.remaining <= 0) continue;
				if (spec.methods && !spec.methods.includes(method)) continue;
				if (draw < spec.rate) {
					spec.remaining -= 1;
					fault = { ...spec, type };
				}
			}
		}
		if (fault) counts[fault.type] += 1;
		return fault;
	}

	return {
		pick,
		rng,
		seed,
		counts,
		/** Targeted faults not yet used, per campaign. */
		pending: () =>
			Object.fromEntries(
				[...targeted].filter(([, q]) => q.length > 0).map(([id, q]) => [id, q.length]),
			),
	};
}

module.exports = { createFaultInjector, createPrng, FAULT_TYPES, APPLIED_FAULTS };
