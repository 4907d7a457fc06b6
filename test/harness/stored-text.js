'use strict';
/**
 * Turning an execution into the text n8n would keep of it, for searching secrets.
 *
 * toStoredJson(value): JSON with the semantics n8n's execution store uses (flatted/JSON:
 *   enumerable properties, `toJSON` honoured - n8n errors' toJSON bounds what is persisted),
 *   circular references written as "[Circular]" instead of throwing.
 *
 * allStoredText(result, { deep = true }): JSON text of
 *   { execution: <the IRun as stored>, workflowData, logs: <n8n-core's log records of the run>,
 *     errors: [<every Error, deeply>] }.
 *   `errors` (deep mode) walks every Error reachable from the execution - own non-enumerable
 *   fields (message, stack), `cause` chains, raw HTTP client errors with their request config,
 *   headers and the raw request text - because such objects reach n8n's logs and error
 *   reporting even where the store's toJSON leaves them out. Buffers are decoded as UTF-8.
 *   Bounded: depth 12 and 200,000 visited values in all.
 */

function toStoredJson(value) {
	const ancestors = [];
	return JSON.stringify(value, function replacer(_key, val) {
		if (val !== null && typeof val === 'object') {
			while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) ancestors.pop();
			if (ancestors.includes(val)) return '[Circular]';
			ancestors.push(val);
		}
		if (typeof val === 'bigint') return val.toString();
		return val;
	});
}

const MAX_DEPTH = 12;
const MAX_VISITS = 200_000;

function isErrorLike(value) {
	return (
		value instanceof Error ||
		(value !== null &&
			typeof value === 'object' &&
			typeof value.message === 'string' &&
			typeof value.stack === 'string')
	);
}

function ownKeys(value) {
	// Errors keep message/stack/cause non-enumerable: take every own name.
	return isErrorLike(value) ? Object.getOwnPropertyNames(value) : Object.keys(value);
}

/** An object's own fields, and an error's cause, each read safely: a getter that throws is skipped. */
function* readableEntries(value) {
	const keys = ownKeys(value);
	if (isErrorLike(value) && !keys.includes('cause') && value.cause !== undefined)
		keys.push('cause');
	for (const key of keys) {
		let child;
		try {
			child = value[key];
		} catch {
			continue;
		}
		yield [key, child];
	}
}

/** Collects every Error-like object reachable from root (including causes). */
function collectErrors(root, budget) {
	const found = [];
	const seen = new Set();
	const walk = (value, depth) => {
		if (value === null || typeof value !== 'object' || seen.has(value)) return;
		if (depth > MAX_DEPTH || budget.visits++ > MAX_VISITS) return;
		seen.add(value);
		if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return;
		if (isErrorLike(value)) found.push(value);
		for (const [, child] of readableEntries(value)) walk(child, depth + 1);
	};
	walk(root, 0);
	return found;
}

/** A plain, JSON-able deep copy of an error graph: every own field, buffers decoded. */
function deepPlain(root, budget) {
	const seen = new Set();
	const copy = (value, depth) => {
		if (value === null || value === undefined) return value;
		if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
			return value;
		}
		if (typeof value === 'bigint' || typeof value === 'symbol') return value.toString();
		if (typeof value === 'function') return undefined;
		if (Buffer.isBuffer(value)) return value.subarray(0, 65536).toString('utf8');
		if (ArrayBuffer.isView(value)) {
			return Buffer.from(
				value.buffer,
				value.byteOffset,
				Math.min(value.byteLength, 65536),
			).toString('utf8');
		}
		if (seen.has(value)) return '[Seen]';
		if (depth > MAX_DEPTH || budget.visits++ > MAX_VISITS) return '[Truncated]';
		seen.add(value);
		if (value instanceof Map) return copy(Object.fromEntries(value), depth);
		if (value instanceof Set) return copy([...value], depth);
		if (Array.isArray(value)) return value.map((entry) => copy(entry, depth + 1));
		const out = {};
		for (const [key, child] of readableEntries(value)) {
			const copied = copy(child, depth + 1);
			if (copied !== undefined) out[key] = copied;
		}
		return out;
	};
	return copy(root, 0);
}

function allStoredText(result, { deep = true } = {}) {
	const execution = result.execution ?? result;
	const stored = {
		execution,
		workflowData: result.workflowData,
		logs: result.logs,
	};
	if (deep) {
		const budget = { visits: 0 };
		const errors = collectErrors(execution, budget);
		stored.errors = errors.map((error) => deepPlain(error, budget));
	}
	return toStoredJson(stored);
}

module.exports = { allStoredText, toStoredJson };
