const { parseHost, DEFAULT_HOST } = require('../../dist/credentials/koreAiHost');

describe('parseHost (Environment URL)', () => {
	test.each([
		['https://platform.kore.ai', 'https://platform.kore.ai'],
		['https://platform.kore.ai/', 'https://platform.kore.ai'],
		['https://platform.kore.ai///', 'https://platform.kore.ai'],
		['  https://de-platform.kore.ai  ', 'https://de-platform.kore.ai'],
		['platform.kore.ai', 'https://platform.kore.ai'],
		['jp-platform.kore.ai/', 'https://jp-platform.kore.ai'],
		['https://platform.kore.ai/botbuilder/apps/st-1/settings?tab=2#x', 'https://platform.kore.ai'],
		['HTTPS://Bots.Kore.ai', 'https://bots.kore.ai'],
		['https://kore.example.com:8443/', 'https://kore.example.com:8443'],
		['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
		['http://localhost:4010/', 'http://localhost:4010'],
		['http://[::1]:4010', 'http://[::1]:4010'],
		['', DEFAULT_HOST],
		[undefined, DEFAULT_HOST],
	])('%p -> %p', (input, origin) => {
		expect(parseHost(input)).toEqual({ origin });
	});

	test.each([
		['http://platform.kore.ai', /plain http/],
		['http://10.0.0.5', /plain http/],
		['ftp://platform.kore.ai', /must start with https/],
		['https://user:pw@platform.kore.ai', /user name or password/],
		['https://', /is not a URL/],
		['https://exa mple.com', /is not a URL/],
		[42, /must be text/],
	])('%p is refused', (input, problem) => {
		const result = parseHost(input);
		expect(result.problem).toMatch(problem);
		expect(result.problem).toMatch(/Environment URL/);
	});
});
