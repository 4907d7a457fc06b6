// Default Country's rules, country by country (common/phoneCountries.ts), through the one phone check.
const {
	PHONE_COUNTRIES,
	nationalToE164,
	phoneCountry,
} = require('../../dist/common/phoneCountries');
const { checkPhoneNumber } = require('../../dist/common/phoneNumbers');

const check = (raw, code) =>
	checkPhoneNumber(
		raw,
		'Phone Number of item 0',
		true,
		code === undefined ? undefined : phoneCountry(code),
	);

test.each([
	// [country, as written in the country, E.164]
	['US', '(415) 555-0102', '+14155550102'],
	['US', '1-415-555-0102', '+14155550102'], // the trunk prefix 1
	['GB', '020 7946 0958', '+442079460958'],
	['GB', '07700 900123', '+447700900123'],
	['DE', '030 1234567', '+49301234567'],
	['DE', '01512 3456789', '+4915123456789'],
	['FR', '01 23 45 67 89', '+33123456789'],
	['ES', '912 345 678', '+34912345678'],
	['IT', '06 1234 5678', '+390612345678'], // the 0 stays: not a trunk prefix in Italy
	['IT', '312 345 6789', '+393123456789'],
	['NL', '020 123 4567', '+31201234567'],
	['IN', '098765 43210', '+919876543210'],
	['IN', '98765 43210', '+919876543210'],
	['AU', '0491 570 156', '+61491570156'],
	['JP', '03-1234-5678', '+81312345678'],
	['JP', '090-1234-5678', '+819012345678'],
	['SG', '6123 4567', '+6561234567'],
	['MX', '55 1234 5678', '+525512345678'],
	['ZA', '082 123 4567', '+27821234567'],
	['AE', '050 123 4567', '+971501234567'],
	['AE', '04 234 5678', '+97142345678'],
])('%s: %s -> %s', (code, written, e164) => {
	expect(check(written, code)).toEqual({ phoneNumber: e164 });
});

test('every listed country has a calling code, and a trunk prefix only of one digit; the list is sorted by name', () => {
	for (const country of PHONE_COUNTRIES) {
		expect(country.callingCode).toMatch(/^[1-9]\d{0,2}$/);
		if (country.trunkPrefix !== undefined) expect(country.trunkPrefix).toMatch(/^\d$/);
	}
	const names = PHONE_COUNTRIES.map((country) => country.name);
	expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	// Countries whose national numbers have no simple certain rule (Brazil's carrier codes, ...) are not offered.
	expect(phoneCountry('BR')).toBeUndefined();
});

test('a trunk prefix is dropped only where the rest then fits: nothing becomes another number', () => {
	expect(nationalToE164('14155550102', phoneCountry('US'))).toEqual({ e164: '+14155550102' });
	// 10 digits starting with 1: not "415555010" with a trunk 1 (9 digits), and not a US number.
	expect(nationalToE164('1415555010', phoneCountry('US'))).toEqual({
		digitsExpected: '10 digits, the first one 2 to 9',
	});
	expect(nationalToE164('0612345678', phoneCountry('FR'))).toEqual({ e164: '+33612345678' });
	expect(nationalToE164('06123456789', phoneCountry('FR'))).toEqual({
		digitsExpected: '9 digits (after the trunk prefix 0, which may be left out)',
	});
});

test('without a Default Country the sentences are what they were: no "+", no number', () => {
	expect(check('4155550102')).toEqual({
		problem:
			'Phone Number of item 0 "4155550102" does not start with "+": write it with "+" and the country code, like +14155550100.',
	});
	// International numbers are never touched by a Default Country.
	expect(check('+44 20 7946 0958', 'US')).toEqual({ phoneNumber: '+442079460958' });
});
