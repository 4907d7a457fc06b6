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
		// Missing altogether: n8n fills in the field's default, this one.
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
		['https://exa mple.com', /"https:\/\/exa mple\.com" contains a space/],
		['', /is empty\. Enter your region's platform URL/],
		['  \t', /is empty/],
		[null, /is empty/],
		[
			'https://platform.kore.ai\u200b',
			/"https:\/\/platform\.kore\.ai<U\+200B>" contains an invisible formatting character \(U\+200B/,
		],
		[
			'https://platform.kore.ai\u202e',
			/<U\+202E>" contains an invisible bidirectional control character \(U\+202E\)/,
		],
		[
			'https://\u0440latform.kore.ai',
			/contains "\u0440" \(U\+0440\), a Cyrillic letter that looks like a Latin one/,
		],
		[42, /must be text/],
	])('%p is refused', (input, problem) => {
		const result = parseHost(input);
		expect(result.problem).toMatch(problem);
		expect(result.problem).toMatch(/Environment URL/);
	});
});
