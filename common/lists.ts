/**
 * Lists as users give them: the editor sends a multi-choice field as a list, while an expression,
 * a sheet cell or an AI agent often gives one value, or text like "Active, Paused". Read once, here,
 * for every field that takes several values (names, statuses, priorities, days).
 */

/** The values of a list, or of text separated by commas: trimmed, without empties or repeats. */
export function readNameList(raw: unknown): string[] {
	if (raw === undefined || raw === null || raw === '') return [];
	const values = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [raw];
	return [...new Set(values.map((value) => String(value).trim()).filter((value) => value !== ''))];
}

/** The allowed values the texts name, without regard to case, each once in the order given; or the first text that names none. */
export function matchChoices<T extends string | number>(
	texts: string[],
	allowed: readonly T[],
): { chosen: T[] } | { unknown: string } {
	const chosen: T[] = [];
	for (const text of texts) {
		const match = allowed.find(
			(candidate) => String(candidate).toLowerCase() === text.toLowerCase(),
		);
		if (match === undefined) return { unknown: text };
		if (!chosen.includes(match)) chosen.push(match);
	}
	return { chosen };
}
