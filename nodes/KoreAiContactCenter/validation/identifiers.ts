/**
 * Checks on the identifiers a user maps into the node (campaign IDs from a sheet, a CRM or an AI
 * agent). They go into URL paths, so anything that could change the path is refused before a
 * request is sent: Kore.ai IDs are letters, digits and dashes (`cd-213cc43a-...`, `st-...`).
 */

/** The checked ID, or the sentence that tells the user what is wrong and what to do. */
export type IdentifierCheck = { id: string } | { problem: string };

export const MAX_ID_LENGTH = 128;

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

/**
 * Returns the ID with surrounding whitespace removed (cells copied from spreadsheets often carry a
 * trailing space), or a problem that names the field and the item.
 */
export function checkIdentifier(value: unknown, field: string, itemIndex: number, example: string): IdentifierCheck {
	const where = `${field} of item ${itemIndex}`;
	if (value === undefined || value === null || value === '') {
		return { problem:
			`${where} is empty. Enter an ID like ${example}, or map one from the previous node, e.g. {{ $json.campaignId }}.`,
		};
	}
	if (typeof value !== 'string') {
		return { problem:
			`${where} must be text like ${example}, but the expression gave ${describeType(value)}. Map the field that holds the ID itself.`,
		};
	}
	const id = value.trim();
	if (id === '') {
		return { problem: `${where} is blank. Enter an ID like ${example}.` };
	}
	if (id.length > MAX_ID_LENGTH) {
		return { problem:
			`${where} is ${id.length} characters long; Kore.ai IDs are much shorter (like ${example}). Check the mapped value.`,
		};
	}
	const problem = findProblem(id);
	if (problem !== undefined) {
		return { problem:
			`${where} "${printable(id)}" contains ${problem}, which Kore.ai IDs never do. Use the ID exactly as Kore.ai shows it, like ${example}.`,
		};
	}
	return { id };
}

function findProblem(id: string): string | undefined {
	if (/\p{Cc}/u.test(id)) return 'a control character';
	if (/\s/.test(id)) return 'whitespace';
	if (id.includes('..')) return '".."';
	const bad = id.match(/[/?#%\\&=+]/);
	if (bad) return `"${bad[0]}"`;
	if (!SAFE_ID.test(id)) return 'characters other than letters, digits and dashes';
	return undefined;
}

function describeType(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'number') return `the number ${value}`;
	return `a ${typeof value}`;
}

function printable(value: string): string {
	const shown = value.replace(/\p{Cc}/gu, '?');
	return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}
