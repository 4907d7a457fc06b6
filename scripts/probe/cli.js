#!/usr/bin/env node
'use strict';

/**
 * `npm run probe -- --host ... --account-id ... --app-id ... --client-id ... --caller-id ... [--rate-limit] [--json]`
 * (KORE_AI_CLIENT_SECRET in the environment). Progress goes to stderr, the report to stdout.
 * Ctrl-C or SIGTERM: the request in flight finishes, then the scratch objects are deleted and the
 * report printed; a second one cuts the cleanup short (the report names what to delete by hand);
 * a third quits at once.
 */
const { readOptions, UsageError, USAGE } = require('./options');
const { ensureBuilt } = require('./dist');

const say = (line) => process.stderr.write(`probe: ${line}\n`);

async function main() {
	let options;
	try {
		options = readOptions(process.argv.slice(2), process.env);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		say(error.message);
		return 2;
	}
	if (options.help) {
		process.stdout.write(`${USAGE}\n`);
		return 0;
	}
	ensureBuilt(say);
	const { runProbe, ProbeInputError } = require('./index');
	const { renderText } = require('./report');

	const stop = new AbortController();
	const abort = new AbortController();
	let signals = 0;
	let scratch;
	const onSignal = (name) => {
		signals += 1;
		if (signals === 1) {
			say(
				`${name}: finishing the request in flight, then deleting the scratch objects (again to cut the cleanup short)`,
			);
			stop.abort();
		} else if (signals === 2) {
			say(`${name}: cutting the cleanup short; the report names what is left`);
			abort.abort();
		} else {
			const left = scratch
				? [scratch.campaign, scratch.list]
						.filter((o) => o.id && o.state !== 'deleted')
						.map((o) => o.id)
				: [];
			say(
				`${name}: quitting now.${left.length ? ` Delete by hand in Kore.ai: ${left.join(', ')}` : ''}`,
			);
			process.exit(130);
		}
	};
	process.on('SIGINT', () => onSignal('SIGINT'));
	process.on('SIGTERM', () => onSignal('SIGTERM'));

	let report;
	try {
		report = await runProbe({
			...options,
			signal: stop.signal,
			abortSignal: abort.signal,
			log: say,
			onScratch: (s) => (scratch = s),
		});
	} catch (error) {
		if (!(error instanceof ProbeInputError)) throw error;
		say(`${error.message} Nothing was sent.`);
		return 2;
	}
	process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderText(report));
	if (!report.cleanup.ok) {
		say(`CLEANUP FAILED. Delete by hand in Kore.ai: ${report.cleanup.deleteByHand.join(', ')}`);
		return 1;
	}
	if (report.failure) return 1;
	return report.interrupted ? 130 : 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error) => {
		say(`failed: ${error.stack || error.message}`);
		process.exitCode = 1;
	},
);
