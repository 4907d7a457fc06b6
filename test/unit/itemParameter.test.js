// common/itemParameter.ts: a parameter without any expression in it is read once per node run
// (its value is the same for every item); one with an expression anywhere in it is read per item.
const { itemParameter } = require('../../dist/common/itemParameter');

/** A stand-in for n8n's execute context: counts evaluations; "={{ item }}" is the item index. */
function context(parameters) {
	const ctx = {
		evaluations: [],
		calls: 0,
		getNodeParameter(name, itemIndex, fallback, options = {}) {
			ctx.calls += 1;
			const raw = name
				.split('.')
				.reduce((value, key) => (value === undefined ? undefined : value[key]), parameters);
			if (raw === undefined) {
				if (fallback === undefined) throw new Error(`Could not get parameter "${name}"`);
				return fallback;
			}
			if (options.rawExpressions) return raw;
			ctx.evaluations.push([name, itemIndex]);
			const evaluate = (value) => {
				if (value === '=boom') throw new Error(`bad expression in ${name} for item ${itemIndex}`);
				if (value === '={{ item }}') return itemIndex;
				if (Array.isArray(value)) return value.map(evaluate);
				if (value !== null && typeof value === 'object')
					return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v)]));
				return value;
			};
			return evaluate(raw);
		},
	};
	return ctx;
}

test('a value without an expression is read for the first item only and serves every item', () => {
	const ctx = context({ resource: 'smsCampaign', options: { concurrency: 4, streamId: 'st-1' } });
	for (let i = 0; i < 3; i++) {
		expect(itemParameter.call(ctx, 'resource', i)).toBe('smsCampaign');
		expect(itemParameter.call(ctx, 'options', i, {})).toEqual({ concurrency: 4, streamId: 'st-1' });
		expect(itemParameter.call(ctx, 'options.streamId', i, '')).toBe('st-1');
	}
	expect(ctx.evaluations).toEqual([
		['resource', 0],
		['options', 0],
		['options.streamId', 0],
	]);
});

test('an expression anywhere in the value (a collection field, a list entry) is evaluated for each item', () => {
	const ctx = context({
		options: { concurrency: 4, streamId: '={{ item }}' },
		list: ['a', ['={{ item }}']],
	});
	expect([0, 1, 2].map((i) => itemParameter.call(ctx, 'options', i, {}).streamId)).toEqual([
		0, 1, 2,
	]);
	expect([0, 1].map((i) => itemParameter.call(ctx, 'list', i))).toEqual([
		['a', [0]],
		['a', [1]],
	]);
	expect(ctx.evaluations).toHaveLength(5);
});

test('a parameter that is not set gives each call its own fallback, read once', () => {
	const ctx = context({});
	expect(itemParameter.call(ctx, 'options.streamId', 0, '')).toBe('');
	expect(itemParameter.call(ctx, 'options.streamId', 1, 'st-x')).toBe('st-x');
	expect(itemParameter.call(ctx, 'options.streamId', 2, '')).toBe('');
	expect(ctx.calls).toBe(2); // the first item's read and its look at the stored value
	// Without a fallback it stays n8n's error, for every item.
	expect(() => itemParameter.call(ctx, 'options.streamId', 3)).toThrow(
		'Could not get parameter "options.streamId"',
	);
	expect(() => itemParameter.call(ctx, 'resource', 0)).toThrow(
		'Could not get parameter "resource"',
	);
	expect(() => itemParameter.call(ctx, 'resource', 1)).toThrow(
		'Could not get parameter "resource"',
	);
});

test('an error is not kept: every item that reads the parameter gets its own', () => {
	const ctx = context({ options: { streamId: '=boom' } });
	expect(() => itemParameter.call(ctx, 'options', 0, {})).toThrow('for item 0');
	expect(() => itemParameter.call(ctx, 'options', 1, {})).toThrow('for item 1');
});

test('each node run (execute context) reads afresh', () => {
	const parameters = { simplify: true };
	const first = context(parameters);
	const second = context(parameters);
	itemParameter.call(first, 'simplify', 0, true);
	itemParameter.call(second, 'simplify', 0, true);
	expect(first.evaluations).toHaveLength(1);
	expect(second.evaluations).toHaveLength(1);
});
