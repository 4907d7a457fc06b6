'use strict';

/**
 * A small schema language for the bodies and query parameters of Kore.ai's pages, and its checker.
 * Not JSON Schema: each rule is one a page states ("string, required", "Max 48 characters", "Must
 * be between 1 and 100", "Allowed values: ..."), written so that docs/kore-ai-api.md can show it.
 *
 *   str({ max: 48, enum: [...], required: true })      a string (`nonEmpty` refuses "" and spaces)
 *   int({ min: 1, max: 100 })  num()  bool()
 *   obj({ field: schema, ... }, { open: true })        an object; fields not listed are violations
 *                                                      unless `open` (the page lists none)
 *   arr(itemSchema, { minItems: 1 })
 *   oneOf(schemaA, schemaB)                            either (the page allows "a number or an empty string")
 *
 * Every schema may carry `required` (true, or a function of the whole body), `note` (what the page
 * says, shown in the docs) and `deviation` (why the node sends it although no page documents it;
 * such a field is accepted, and the docs list it among the node's deviations).
 */

const str = (opts = {}) => ({ type: 'string', ...opts });
const int = (opts = {}) => ({ type: 'integer', ...opts });
const num = (opts = {}) => ({ type: 'number', ...opts });
const bool = (opts = {}) => ({ type: 'boolean', ...opts });
const obj = (fields, opts = {}) => ({ type: 'object', fields, ...opts });
const arr = (items, opts = {}) => ({ type: 'array', items, ...opts });
const oneOf = (...options) => ({
	type: 'oneOf',
	options,
	required: options.some((o) => o.required === true),
});

function typeName(value) {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (Number.isInteger(value)) return 'an integer';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isRequired(schema, root) {
	return typeof schema.required === 'function'
		? schema.required(root) === true
		: schema.required === true;
}

/**
 * The problems of `value` against `schema`, as sentences naming the path ("body.dialingStrategy.
 * callingHours.days[0].day is "Mo"; the page allows MO, TU, ..."). `root` is the whole body, for
 * rules that depend on another field. An empty list means the value follows the page.
 */
function check(schema, value, path, root = value) {
	const problems = [];
	const say = (text) => problems.push(`${path} ${text}`);
	switch (schema.type) {
		case 'oneOf': {
			const results = schema.options.map((option) => check(option, value, path, root));
			if (!results.some((r) => r.length === 0)) problems.push(...results[0]);
			return problems;
		}
		case 'string':
			if (typeof value !== 'string') return [`${path} is ${typeName(value)}; the page says string`];
			if (schema.nonEmpty && value.trim() === '') say('is empty');
			if (schema.max !== undefined && [...value].length > schema.max)
				say(`is ${[...value].length} characters long; the page allows at most ${schema.max}`);
			if (schema.enum && !schema.enum.includes(value))
				say(
					`is ${JSON.stringify(value)}; the page allows ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`,
				);
			if (schema.pattern && !schema.pattern.test(value))
				say(`is ${JSON.stringify(value)}; the page's form is ${schema.form ?? schema.pattern}`);
			return problems;
		case 'integer':
		case 'number':
			if (
				typeof value !== 'number' ||
				!Number.isFinite(value) ||
				(schema.type === 'integer' && !Number.isInteger(value))
			) {
				return [
					`${path} is ${typeName(value)}${typeof value === 'number' ? ` (${value})` : ''}; the page says ${schema.type === 'integer' ? 'an integer' : 'a number'}`,
				];
			}
			if (schema.min !== undefined && value < schema.min)
				say(`is ${value}; the page's minimum is ${schema.min}`);
			if (schema.max !== undefined && value > schema.max)
				say(`is ${value}; the page's maximum is ${schema.max}`);
			if (schema.enum && !schema.enum.includes(value))
				say(`is ${value}; the page allows ${schema.enum.join(', ')}`);
			return problems;
		case 'boolean':
			if (typeof value !== 'boolean') say(`is ${typeName(value)}; the page says boolean`);
			return problems;
		case 'array':
			if (!Array.isArray(value)) return [`${path} is ${typeName(value)}; the page says an array`];
			if (schema.minItems !== undefined && value.length < schema.minItems)
				say(`has ${value.length} entries; the page requires at least ${schema.minItems}`);
			value.forEach((entry, i) =>
				problems.push(...check(schema.items, entry, `${path}[${i}]`, root)),
			);
			return problems;
		case 'object': {
			if (value === null || typeof value !== 'object' || Array.isArray(value))
				return [`${path} is ${typeName(value)}; the page says an object`];
			for (const [key, field] of Object.entries(schema.fields)) {
				if (value[key] === undefined) {
					if (isRequired(field, root))
						problems.push(
							`${path}.${key} is missing; the page marks it required${field.requiredWhy ? ` (${field.requiredWhy})` : ''}`,
						);
					continue;
				}
				problems.push(...check(field, value[key], `${path}.${key}`, root));
			}
			if (!schema.open) {
				for (const key of Object.keys(value)) {
					if (!(key in schema.fields))
						problems.push(
							`${path}.${key} is not on the page (and the contract lists no reading for it)`,
						);
				}
			}
			return problems;
		}
		default:
			throw new Error(`contract: unknown schema type ${schema.type}`);
	}
}

module.exports = { str, int, num, bool, obj, arr, oneOf, check, isRequired };
