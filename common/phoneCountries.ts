/**
 * The countries Add Contacts' "Default Country" offers, for phone numbers written the national way
 * (without "+" and country code, as a CRM of one country exports them): their calling code, the
 * trunk prefix dialled before national numbers inside the country (dropped in international form),
 * and how many digits the national number has after it, where the country has one rule for it.
 *
 * Only countries whose rules are simple and certain are listed: a wrong rule would turn a number
 * into another phone's. Italy keeps its leading 0 (it is part of the number there, not a trunk
 * prefix); Spain, Singapore and Mexico (since 2019) have no trunk prefix; the USA and Canada share
 * +1, where "1" is dialled before the 10-digit number. Germany's and Italy's numbers vary in length,
 * so for them only E.164's own limits apply.
 */

export interface PhoneCountry {
	/** ISO 3166 code: the option's value. */
	code: string;
	name: string;
	callingCode: string;
	/** Dialled before a national number inside the country; dropped when present. */
	trunkPrefix?: string;
	/** Digits of the national number without the trunk prefix, when the country has a fixed rule. */
	digits?: readonly [min: number, max: number];
}

export const PHONE_COUNTRIES: readonly PhoneCountry[] = [
	{ code: 'AU', name: 'Australia', callingCode: '61', trunkPrefix: '0', digits: [9, 9] },
	{ code: 'FR', name: 'France', callingCode: '33', trunkPrefix: '0', digits: [9, 9] },
	{ code: 'DE', name: 'Germany', callingCode: '49', trunkPrefix: '0' },
	{ code: 'IN', name: 'India', callingCode: '91', trunkPrefix: '0', digits: [10, 10] },
	{ code: 'IT', name: 'Italy', callingCode: '39' },
	{ code: 'JP', name: 'Japan', callingCode: '81', trunkPrefix: '0', digits: [9, 10] },
	{ code: 'MX', name: 'Mexico', callingCode: '52', digits: [10, 10] },
	{ code: 'NL', name: 'Netherlands', callingCode: '31', trunkPrefix: '0', digits: [9, 9] },
	{ code: 'SG', name: 'Singapore', callingCode: '65', digits: [8, 8] },
	{ code: 'ZA', name: 'South Africa', callingCode: '27', trunkPrefix: '0', digits: [9, 9] },
	{ code: 'ES', name: 'Spain', callingCode: '34', digits: [9, 9] },
	{
		code: 'AE',
		name: 'United Arab Emirates',
		callingCode: '971',
		trunkPrefix: '0',
		digits: [8, 9],
	},
	{ code: 'GB', name: 'United Kingdom', callingCode: '44', trunkPrefix: '0', digits: [9, 10] },
	{
		code: 'US',
		name: 'United States and Canada',
		callingCode: '1',
		trunkPrefix: '1',
		digits: [10, 10],
	},
];

export function phoneCountry(code: unknown): PhoneCountry | undefined {
	return PHONE_COUNTRIES.find((country) => country.code === code);
}

/** "10 digits", "9 or 10 digits", "8 to 11 digits". */
function digitsRule([min, max]: readonly [number, number]): string {
	if (min === max) return `${min} digits`;
	return `${min} ${max === min + 1 ? 'or' : 'to'} ${max} digits`;
}

/**
 * A national number (digits only) in international form, or why it cannot be one of this country.
 * A leading trunk prefix is dropped when the rest then has the country's length (for countries
 * without a length rule, always): "1 415 555 0100" is the USA's 4155550100, while a 10-digit number
 * starting with 1 is neither that nor a US number, and is refused.
 */
export function nationalToE164(
	digits: string,
	country: PhoneCountry,
): { e164: string } | { digitsExpected: string } {
	let national = digits;
	const trunk = country.trunkPrefix;
	if (trunk !== undefined && national.startsWith(trunk)) {
		const withoutTrunk = national.slice(trunk.length);
		if (country.digits === undefined || fits(withoutTrunk, country.digits)) national = withoutTrunk;
	}
	if (country.digits !== undefined && !fits(national, country.digits)) {
		const after =
			trunk !== undefined ? ` (after the trunk prefix ${trunk}, which may be left out)` : '';
		return { digitsExpected: `${digitsRule(country.digits)}${after}` };
	}
	// The USA's and Canada's area codes never start with 0 or 1.
	if (country.code === 'US' && /^[01]/.test(national))
		return { digitsExpected: `${digitsRule([10, 10])}, the first one 2 to 9` };
	return { e164: `+${country.callingCode}${national}` };
}

function fits(national: string, [min, max]: readonly [number, number]): boolean {
	return national.length >= min && national.length <= max;
}
