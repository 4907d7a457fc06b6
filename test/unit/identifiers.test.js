const { checkIdentifier, MAX_ID_LENGTH } = require('../../dist/nodes/KoreAiContactCenter/validation/identifiers');

const check = (value, itemIndex = 3) => checkIdentifier(value, 'Campaign ID', itemIndex, 'cd-123');

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
		['cd 1', /contains whitespace/],
		['cd-1\u0000', /control character/],
		['cd-\u0007x', /control character/],
		['..', /contains "\.\."/],
		['-cd', /characters other than letters/],
		['cd-é', /characters other than letters/],
		['', /is empty/],
		['   ', /is blank/],
		[null, /is empty/],
		[undefined, /is empty/],
		[12345, /must be text .* the number 12345/],
		[{ id: 'cd-1' }, /must be text .* an object/],
		[['cd-1'], /must be text .* a list/],
		[true, /must be text .* a boolean/],
		['c'.repeat(MAX_ID_LENGTH + 1), /characters long/],
	])('refuses %p', (value, problem) => {
		const result = check(value);
		expect(result.problem).toMatch(problem);
		expect(result.problem).toMatch(/^Campaign ID of item 3/);
	});

	test('a refused huge or control-laden value is shown shortened and printable', () => {
		const result = check(`cd-${'a'.repeat(100)}/\u0001`);
		expect(result.problem.length).toBeLessThan(300);
		expect(result.problem).not.toMatch(/\p{Cc}/u);
	});
});
