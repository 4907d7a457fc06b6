import type { INodeProperties } from 'n8n-workflow';

/**
 * Numbers as a field allows them, read from the field's own description: its range (typeOptions
 * `minValue`, `maxValue`) and whether it takes whole numbers only (`numberPrecision: 0`). Every
 * number the nodes read is checked against its field, so each range is written once, where the
 * editor shows it.
 */

export interface NumberRule {
	min: number;
	max: number;
	whole: boolean;
}

export function numberRule(field: INodeProperties): NumberRule {
	const { minValue, maxValue, numberPrecision } = field.typeOptions ?? {};
	return {
		min: typeof minValue === 'number' ? minValue : Number.NEGATIVE_INFINITY,
		max: typeof maxValue === 'number' ? maxValue : Number.POSITIVE_INFINITY,
		whole: numberPrecision === 0,
	};
}

/**
 * The number a value stands for, when the rule allows it: a number, or text holding one (a sheet
 * or an expression often gives "10"). Undefined otherwise.
 */
export function allowedNumber(raw: unknown, rule: NumberRule): number | undefined {
	const value =
		typeof raw === 'number'
			? raw
			: typeof raw === 'string' && raw.trim() !== ''
				? Number(raw.trim())
				: Number.NaN;
	if (
		!Number.isFinite(value) ||
		value < rule.min ||
		value > rule.max ||
		(rule.whole && !Number.isInteger(value))
	)
		return undefined;
	return value;
}

/** What the rule asks for, for a sentence: "a whole number from 1 to 5", "a whole number of at least 1". */
export function numberExpected(rule: NumberRule): string {
	const kind = rule.whole ? 'a whole number' : 'a number';
	return rule.max === Number.POSITIVE_INFINITY
		? `${kind} of at least ${rule.min}`
		: `${kind} from ${rule.min} to ${rule.max}`;
}

/** The sentence for a value the rule does not allow: "Priority of item 0 must be a whole number from 1 to 5, not 6." */
export function numberProblem(where: string, rule: NumberRule, raw: unknown): string {
	return `${where} must be ${numberExpected(rule)}, not ${JSON.stringify(raw)}.`;
}
