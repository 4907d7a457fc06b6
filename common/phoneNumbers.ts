import { nationalToE164, type PhoneCountry } from './phoneCountries';
import { describeChar, visible } from './text';

/**
 * Phone numbers (Add Contacts, a campaign's Caller ID), checked before anything is sent. Kore.ai's Add Contacts page asks for "a valid
 * number in international or local format depending on platform rules" and shows one without "+";
 * the node requires E.164, "+", the country code and the number, 8 to 15 digits in all
 * (e.g. +14155550100), the one form that names the same phone in every region and that every
 * Kore.ai dialer accepts.
 *
 * With "Remove Phone Formatting" (on by default) the characters people and sheets put in numbers,
 * spaces (also non-breaking), dashes, dots and parentheses, are removed first:
 * "+1 (415) 555-0100" becomes "+14155550100". Anything else (letters, "ext", a second "+") is
 * refused, never guessed at.
 *
 * With a default country (Add Contacts' "Default Country"), a number written the national way, only
 * digits and no "+" (4155550102, 07700 900123), gets that country's calling code first, its trunk
 * prefix dropped (phoneCountries.ts), and is then checked like any other. Without one, such numbers
 * are refused with a sentence that says how to write them.
 */

const E164 = /^\+[1-9]\d{7,14}$/;

const FORMATTING = /[\s\u00A0\u2007\u202F().\-\u2010-\u2015]/g;

type PhoneCheck = { phoneNumber: string } | { problem: string };

/** The number in E.164, or why not, in a sentence that starts with `where` ("Phone Number of item 3"). */
export function checkPhoneNumber(
	raw: unknown,
	where: string,
	removeFormatting: boolean,
	country?: PhoneCountry,
): PhoneCheck {
	const example = '+14155550100';
	if (raw === undefined || raw === null || raw === '') {
		return {
			problem: `${where} is empty. Map the field that holds the phone number, e.g. {{ $json.phone }}.`,
		};
	}
	if (typeof raw !== 'string' && typeof raw !== 'number') {
		return {
			problem: `${where} must be text like ${example}, not ${Array.isArray(raw) ? 'a list' : typeof raw}. Map the field that holds the number itself.`,
		};
	}
	const original = String(raw).trim();
	const text = removeFormatting ? original.replace(FORMATTING, '') : original;
	const shown = `"${visible(original, 40)}"`;
	if (text === '')
		return {
			problem: `${where} ${shown} has no digits. Map the field that holds the phone number.`,
		};
	if (E164.test(text)) return { phoneNumber: text };

	if (country !== undefined && !text.startsWith('+') && !text.startsWith('00')) {
		const other = text.match(/\D/u);
		if (other) {
			const hint = removeFormatting
				? ''
				: ' (turn on Remove Phone Formatting to drop spaces, dashes, dots and parentheses)';
			return {
				problem: `${where} ${shown} contains ${describeChar(other[0])}; a phone number has only digits, and "+" before a country code${hint}.`,
			};
		}
		const converted = nationalToE164(text, country);
		if ('e164' in converted && E164.test(converted.e164)) return { phoneNumber: converted.e164 };
		const expected =
			'digitsExpected' in converted
				? converted.digitsExpected
				: 'a length that gives 8 to 15 digits with its country code';
		return {
			problem: `${where} ${shown} has ${text.length} digits; a national number of ${country.name} (Default Country) has ${expected}. If it already holds a country code, write "+" before it, like ${example}.`,
		};
	}

	if (!text.startsWith('+')) {
		const advice = text.startsWith('00')
			? 'replace the leading 00 with "+"'
			: 'write it with "+" and the country code';
		return {
			problem: `${where} ${shown} does not start with "+": ${advice}, like ${example}${typeof raw === 'number' ? ' (the value is a number: store phone numbers as text, or build the text in an expression)' : ''}.`,
		};
	}
	const body = text.slice(1);
	for (const char of body) {
		if (/\d/.test(char)) continue;
		const hint = removeFormatting
			? ''
			: ' (turn on Remove Phone Formatting to drop spaces, dashes, dots and parentheses)';
		return {
			problem: `${where} ${shown} contains ${describeChar(char)}, which a phone number in E.164 form never does${hint}. Use only "+" and digits, like ${example}.`,
		};
	}
	if (body.startsWith('0')) {
		return {
			problem: `${where} ${shown} has 0 right after "+"; country codes never start with 0. Put the country code after "+", like ${example}.`,
		};
	}
	return {
		problem: `${where} ${shown} has ${body.length} digits; an E.164 number has 8 to 15 after "+" (country code included), like ${example}.`,
	};
}
