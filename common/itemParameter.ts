import type { IExecuteFunctions, NodeParameterValueType } from 'n8n-workflow';

/**
 * A parameter of one item, read once per node run when it can be. n8n evaluates a parameter for
 * each item because an expression can give each item its own value; a parameter whose stored value
 * holds no expression has the same value for every item (n8n's own checks of it do not depend on
 * the item either), so the first item's answer serves them all. The node reads half a dozen such
 * parameters per item (resource, operation, Options, Simplify), and each read looks the field up
 * among the node's field descriptions (over a hundred); bench/profile.js showed them as a fifth of
 * what the node costs per delete beyond n8n's own HTTP helper.
 *
 * Values are shared between items: callers only read them. Anything that throws is not kept (the
 * next item reads it again and gets its own error). A parameter that is not set at all (an option
 * not added) gives every item the fallback of the call, so that is what is kept: "not set".
 */

/** Stands for "not set": each call then gets its own fallback. */
const MISSING = Symbol('missing');

const readOnce = new WeakMap<
	object,
	Map<string, NodeParameterValueType | object | typeof MISSING>
>();

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object')
		return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * The parameter's expression as the user wrote it (`={{ ... }}`), or undefined when it holds none:
 * known without a read for a parameter itemParameter already found to hold none.
 */
export function parameterExpression(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
): string | undefined {
	if (readOnce.get(this)?.has(name)) return undefined;
	const raw: unknown = this.getNodeParameter(name, itemIndex, undefined, { rawExpressions: true });
	return typeof raw === 'string' && raw.startsWith('=') ? raw : undefined;
}

/** `this.getNodeParameter(name, itemIndex, fallback)`, read once per node run when no expression is in it. */
export function itemParameter(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback?: NodeParameterValueType | object,
): NodeParameterValueType | object {
	let known = readOnce.get(this);
	if (known?.has(name)) {
		const value = known.get(name);
		if (value !== MISSING) return value as NodeParameterValueType | object;
		if (fallback !== undefined && !holdsExpression(fallback)) return fallback;
	}
	const value = this.getNodeParameter(name, itemIndex, fallback);
	const raw: unknown = this.getNodeParameter(name, itemIndex, MISSING, { rawExpressions: true });
	if (!holdsExpression(raw)) {
		if (known === undefined) readOnce.set(this, (known = new Map()));
		known.set(name, raw === MISSING ? MISSING : value);
	}
	return value;
}
