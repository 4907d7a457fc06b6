const {
	checkIdentifier,
	MAX_ID_LENGTH,
	EXAMPLE_IDS,
	ID_PATTERN,
} = require('../../dist/common/identifiers');
const { visible, describeChar } = require('../../dist/common/text');

const check = (value) => checkIdentifier(value, 'Campaign ID of item 3', 'cd-123');

describe('checkIdentifier', () => {
	test.each([
		['cd-213cc43a-a340-5b89-a256-ff8da28xxxxx', 'cd-213cc43a-a340-5b89-a256-ff8da28xxxxx'],
		['  cd-1  ', 'cd-1'],
		['cd-1\n', 'cd-1'],
		['CD_1.2:3', 'CD_1.2:3'],
	])('accepts %p', (value, id) => {
		expect(check(value)).toEqual({ id });
	});

	test.each([
		['cd-1/../st-2', /contains "\.\."/],
		['cd-1/2', /contains "\/"/],
		['cd-1?x=1', /contains "\?"/],
		['cd-1#x', /contains "#"/],
		['cd-%2F', /contains "%"/],
		['cd 1', /contains a space,/],
		['cd\u00a01', /"cd<U\+00A0>1"|contains a space character \(U\+00A0\)/],
		['cd-1\u0000', /"cd-1<U\+0000>" contains a control character \(U\+0000\)/],
		['cd-\u0007x', /control character \(U\+0007\)/],
		['cd-\u200bx', /"cd-<U\+200B>x" contains an invisible formatting character \(U\+200B/],
		[
			'cd-\u2066x\u2069',
			/"cd-<U\+2066>x<U\+2069>" contains an invisible bidirectional control character \(U\+2066\)/,
		],
		['cd-\u0441x', /contains "\u0441" \(U\+0441\), a Cyrillic letter that looks like a Latin one/],
		['cd-\u03bfx', /contains "\u03bf" \(U\+03BF\), a Greek letter/],
		['..', /contains "\.\."/],
		['-cd', /contains "-" at the start/],
		['cd-é', /contains "é" \(U\+00E9\), a letter outside A-Z/],
		['', /is empty\. Enter an ID like cd-123, or map one from the previous node/],
		['   ', /is blank \(only spaces\)/],
		[null, /is empty/],
		[undefined, /is empty/],
		[12345, /must be text .* the number 12345\. Map the field that holds the ID itself\.$/],
		[{ id: 'cd-1' }, /must be text .* an object/],
		[['cd-1'], /must be text .* a list/],
		[true, /must be text .* a boolean/],
		['c'.repeat(MAX_ID_LENGTH + 1), /characters long/],
	])('refuses %p', (value, problem) => {
		const result = check(value);
		expect(result.problem).toMatch(problem);
		expect(result.problem).toMatch(/^Campaign ID of item 3/);
	});

	test('typed values (the credential) get advice for typing, not for mapping', () => {
		expect(checkIdentifier('', 'App ID in the credential', 'st-1', 'typed').problem).toBe(
			'App ID in the credential is empty. Enter an ID like st-1.',
		);
		expect(checkIdentifier(5, 'App ID in the credential', 'st-1', 'typed').problem).toMatch(
			/Enter the ID as text\.$/,
		);
	});

	test('a refused huge or control-laden value is shown shortened, with nothing invisible in the sentence', () => {
		const result = check(`cd-${'a'.repeat(100)}/\u0001\u200b`);
		expect(result.problem.length).toBeLessThan(300);
		expect(result.problem).not.toMatch(/[\p{Cc}\p{Cf}]/u);
	});

	test('every example ID passes the one ID pattern', () => {
		for (const example of Object.values(EXAMPLE_IDS)) {
			expect(example).toMatch(ID_PATTERN);
			expect(check(example)).toEqual({ id: example });
		}
	});
});

describe('visible and describeChar', () => {
	test('invisible characters are escaped so what the user reads is what was sent', () => {
		expect(visible('a\u200bb\u202ec\u0000d\ufeff')).toBe('a<U+200B>b<U+202E>c<U+0000>d<U+FEFF>');
		expect(visible('x'.repeat(100), 10)).toBe('xxxxxxx...');
	});

	test.each([
		['\u0441', '"\u0441" (U+0441), a Cyrillic letter that looks like a Latin one'],
		[' ', 'a space'],
		['\t', 'a control character (U+0009)'],
		['\u00a0', 'a space character (U+00A0)'],
		['\u200d', 'an invisible formatting character (U+200D, e.g. a zero-width space)'],
		['\u202d', 'an invisible bidirectional control character (U+202D)'],
		['\u0661', '"\u0661" (U+0661), a digit outside 0-9'],
		['!', '"!" (U+0021)'],
	])('%p', (char, words) => {
		expect(describeChar(char)).toBe(words);
	});
});
