import { describeChar, describeType, visible } from './text';

/**
 * Kore.ai's identifiers, and the checks on every identifier a user maps into the node (campaign IDs
 * from a sheet, a CRM or an AI agent) or types into the credential. They go into URL paths and
 * headers, so anything that could change the path is refused before a request is sent: Kore.ai IDs
 * are letters, digits and dashes (`cd-213cc43a-...`, `st-...`, `cs-...`, 24 hex characters).
 */

/** One example of each identifier, as the docs show them (redacted with x), for placeholders and sentences. */
export const EXAMPLE_IDS = {
	campaign: 'cd-213cc43a-a340-5b89-a256-ff8da28xxxxx',
	stream: 'st-0603182c-7ffb-53c3-b307-47ca14bxxxxx',
	account: '67777ce93e25326494xxxxx',
	client: 'cs-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
	contactList: 'cl-4f6a2b1c-8d3e-5a7b-9c0d-1e2f3a4bxxxxx',
} as const;

export const MAX_ID_LENGTH = 128;

/** The one pattern of a Kore.ai identifier (also given to the editor's "By ID" validation). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
export const ID_PATTERN_SOURCE = ID_PATTERN.source;

export type IdentifierSource = 'mapped' | 'typed';

const HINTS: Record<IdentifierSource, { whereToEnter: string; notText: string }> = {
	mapped: {
		whereToEnter: ', or map one from the previous node with an expression',
		notText: 'Map the field that holds the ID itself.',
	},
	typed: { whereToEnter: '', notText: 'Enter the ID as text.' },
};

/** The checked ID, or the sentence that tells the user what is wrong and what to do. */
export type IdentifierCheck = { id: string } | { problem: string };

/**
 * Returns the ID with surrounding whitespace removed (cells copied from spreadsheets often carry a
 * trailing space), or a problem sentence that starts with `where` (e.g. "Campaign ID of item 3").
 * `source` says where the value came from, for the advice: a node field (often mapped from the
 * previous node) or a field typed into the credential.
 */
export function checkIdentifier(
	value: unknown,
	where: string,
	example: string,
	source: IdentifierSource = 'mapped',
): IdentifierCheck {
	const { whereToEnter, notText } = HINTS[source];
	if (value === undefined || value === null || value === '') {
		return { problem: `${where} is empty. Enter an ID like ${example}${whereToEnter}.` };
	}
	if (typeof value !== 'string') {
		return {
			problem: `${where} must be text like ${example}, but it is ${describeType(value)}. ${notText}`,
		};
	}
	const id = value.trim();
	if (id === '')
		return {
			problem: `${where} is blank (only spaces). Enter an ID like ${example}${whereToEnter}.`,
		};
	if (id.length > MAX_ID_LENGTH) {
		return {
			problem: `${where} is ${id.length} characters long; Kore.ai IDs are much shorter (like ${example}). Check the mapped value.`,
		};
	}
	const problem = findProblem(id);
	if (problem !== undefined) {
		return {
			problem: `${where} "${visible(id)}" contains ${problem}, which Kore.ai IDs never do. Use the ID exactly as Kore.ai shows it, like ${example}.`,
		};
	}
	return { id };
}

/** The first thing in an ID that Kore.ai IDs never have, in words; undefined if it is fine. */
function findProblem(id: string): string | undefined {
	// Every request checks its IDs: the common case, a well-formed ID, takes one test.
	if (ID_PATTERN.test(id) && !id.includes('..')) return undefined;
	if (id.includes('..')) return '".."';
	for (const char of id) {
		if (/[A-Za-z0-9_.:-]/.test(char)) continue;
		if (/[/?#%\\&=+]/.test(char)) return `"${char}"`;
		return describeChar(char);
	}
	if (!ID_PATTERN.test(id)) return `"${id[0]}" at the start`;
	return undefined;
}
