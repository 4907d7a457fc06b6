'use strict';

/**
 * The probe's inputs: command-line flags, each also readable from an environment variable (a flag
 * wins). The client secret is best given as KORE_AI_CLIENT_SECRET: a flag stays in the shell's
 * history and shows in `ps`. Nothing here ever prints a value it was given.
 */
const { parseArgs } = require('node:util');

const FIELDS = [
	{
		flag: 'host',
		env: 'KORE_AI_HOST',
		key: 'host',
		help: 'Environment URL, e.g. https://platform.kore.ai',
	},
	{ flag: 'account-id', env: 'KORE_AI_ACCOUNT_ID', key: 'accountId', help: 'Account ID' },
	{ flag: 'app-id', env: 'KORE_AI_APP_ID', key: 'appId', help: 'App ID (st-...)' },
	{
		flag: 'client-id',
		env: 'KORE_AI_CLIENT_ID',
		key: 'clientId',
		help: 'Client ID of the JWT app (cs-...)',
	},
	{
		flag: 'client-secret',
		env: 'KORE_AI_CLIENT_SECRET',
		key: 'clientSecret',
		help: 'Client Secret of the JWT app (prefer the variable)',
	},
	{
		flag: 'algorithm',
		env: 'KORE_AI_ALGORITHM',
		key: 'algorithm',
		help: 'HS256 (default) or HS512, as set on the JWT app',
	},
	{
		flag: 'caller-id',
		env: 'KORE_AI_CALLER_ID',
		key: 'callerId',
		help: 'a caller ID (SMS sender number) of the app, E.164',
	},
];

const MORE = [
	{ flag: 'rate-limit', help: 'also probe the rate limit: Gets of the scratch list until refused' },
	{ flag: 'rate-limit-max N', help: 'at most N requests for that (default 200)' },
	{ flag: 'poll-interval MS', help: 'between polls of the import and the campaign (default 2000)' },
	{ flag: 'json', help: 'print the report as JSON' },
	{ flag: 'help', help: 'this text' },
];

const USAGE = `npm run probe -- [flags]   (a maintainer tool: settles sandbox/contract/unknowns.js against a real Kore.ai app)

It creates a scratch contact list and SMS campaign named n8n-probe-<time>, never starts the
campaign, deletes both at the end (also on Ctrl-C), and prints what Kore.ai answered.

${[...FIELDS, ...MORE].map((f) => `  --${f.flag.padEnd(18)} ${(f.env ?? '').padEnd(22)} ${f.help}`).join('\n')}

Exit status: 0 done, 1 a cleanup failed or the probe could not run, 2 bad flags or values, 130 interrupted.
See docs/development.md, "Probing a real Kore.ai app".`;

class UsageError extends Error {}

function positiveInt(text, flag) {
	if (text === undefined) return undefined;
	if (!/^\d+$/.test(text) || Number(text) < 1)
		throw new UsageError(`--${flag} must be a whole number of at least 1.`);
	return Number(text);
}

/** The probe's options from argv and env; `{ help: true }` for --help. Throws UsageError naming the flag. */
function readOptions(argv, env) {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			options: {
				...Object.fromEntries(FIELDS.map((f) => [f.flag, { type: 'string' }])),
				'rate-limit': { type: 'boolean' },
				'rate-limit-max': { type: 'string' },
				'poll-interval': { type: 'string' },
				json: { type: 'boolean' },
				help: { type: 'boolean' },
			},
			strict: true,
			allowPositionals: false,
		});
	} catch (error) {
		// A stray argument is not echoed: it could be a secret whose flag was mistyped.
		if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
			throw new UsageError(
				'An argument without a flag was given (not shown, it could be a secret). See --help.',
			);
		throw new UsageError(`${error.message}. See --help.`);
	}
	const values = parsed.values;
	if (values.help) return { help: true };
	const options = { rateLimit: Boolean(values['rate-limit']), json: Boolean(values.json) };
	for (const field of FIELDS) {
		const value = values[field.flag] ?? env[field.env];
		if (value !== undefined && value !== '') options[field.key] = value;
		else if (field.key !== 'algorithm')
			throw new UsageError(`--${field.flag} (or ${field.env}) is missing: ${field.help}.`);
	}
	options.rateLimitMax = positiveInt(values['rate-limit-max'], 'rate-limit-max');
	const pollIntervalMs = positiveInt(values['poll-interval'], 'poll-interval');
	if (pollIntervalMs !== undefined) options.timing = { pollIntervalMs };
	return options;
}

module.exports = { readOptions, UsageError, USAGE };
