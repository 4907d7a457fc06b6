import type { IDataObject } from 'n8n-workflow';

/**
 * Small text helpers shared by the credential and the nodes: how an input is shown back to the user
 * in an error sentence, and how long Kore.ai's own words may get there.
 */

export function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `source[key]` when it is an object, else an empty one: Kore.ai's answers nest most fields. */
export function objectAt(source: IDataObject, key: string): IDataObject {
	const value = source[key];
	return isObject(value) ? value : {};
}

/**
 * Characters a user cannot see in an error sentence but that change what was sent: control
 * characters, zero-width and other formatting characters (Unicode category Cf: U+200B..U+200F,
 * U+FEFF, ...), and the bidirectional controls among them (U+202A..U+202E, U+2066..U+2069), which can
 * even reorder the text around them on screen.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** `U+0441`: a code point as Unicode writes it. */
function codePoint(char: string): string {
	return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * An input as the user should read it in an error sentence: invisible characters escaped as
 * `<U+200B>`, so what they read is what was sent, and long values cut to `max` characters.
 */
export function visible(value: string, max = 60): string {
	const shown = value.replace(INVISIBLE, (char) => `<${codePoint(char)}>`);
	return shown.length > max ? `${shown.slice(0, max - 3)}...` : shown;
}

/**
 * How long a text is, in characters as a person counts them (code points: an emoji is one), for
 * Kore.ai's length limits (names 48, descriptions 256). Kore.ai documents no unit; counting
 * characters never refuses a name a person would call short enough.
 */
export function charCount(text: string): number {
	return [...text].length;
}

/** A duration as a sentence gives it: "1.5 s" under ten seconds, whole seconds from there ("42 s"). */
export function secondsText(ms: number): string {
	const s = ms / 1000;
	return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
}

/** A server's message on one line, at most 300 characters. */
export function shorten(text: string, max = 300): string {
	const single = text.replace(/\s+/g, ' ').trim();
	return single.length > max ? `${single.slice(0, max - 3)}...` : single;
}

/**
 * What a character is, for "contains X, which ... never do": names the kinds that users meet when
 * an ID was typed or pasted instead of copied (a Cyrillic "с" that looks like a Latin "c", a
 * zero-width space from a web page, a non-breaking space from a spreadsheet).
 */
export function describeChar(char: string): string {
	const at = codePoint(char);
	if (/\p{Cc}/u.test(char)) return `a control character (${at})`;
	if (/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u.test(char))
		return `an invisible bidirectional control character (${at})`;
	if (/\p{Cf}/u.test(char))
		return `an invisible formatting character (${at}, e.g. a zero-width space)`;
	if (/\s/u.test(char)) return char === ' ' ? 'a space' : `a space character (${at})`;
	// A plain letter needs no explanation (phone numbers may hold none; IDs never get here with one).
	if (/^[A-Za-z]$/.test(char)) return `"${char}"`;
	for (const [script, name] of SCRIPTS) {
		if (script.test(char)) return `"${char}" (${at}), a ${name} letter that looks like a Latin one`;
	}
	if (/\p{L}/u.test(char)) return `"${char}" (${at}), a letter outside A-Z`;
	if (/\p{N}/u.test(char)) return `"${char}" (${at}), a digit outside 0-9`;
	return `"${char}" (${at})`;
}

const SCRIPTS: Array<[RegExp, string]> = [
	[/\p{Script=Cyrillic}/u, 'Cyrillic'],
	[/\p{Script=Greek}/u, 'Greek'],
	[/\p{Script=Armenian}/u, 'Armenian'],
];

/** How a non-text value looks in a sentence: "a list", "the number 5". */
export function describeType(value: unknown): string {
	if (value === null) return 'nothing (null)';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'number') return `the number ${value}`;
	return `a ${typeof value}`;
}
