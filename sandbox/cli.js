#!/usr/bin/env node
'use strict';

/**
 * npm run sandbox -- [--port 4010] [--enforce-jti] [--rate-limit 60|off] [--no-retry-after]
 *                    [--latency 50] [--jitter 20] [--not-found-style 404|400-errors]
 *                    [--faults '{"seed":7,"status5xx":0.1}'] [--complete-after MS] [--quiet]
 * Starts the Kore.ai sandbox on 127.0.0.1 and prints the values for n8n's "Kore.ai API" credential.
 */
const { startSandbox } = require('./index');

const USAGE = `Usage: node sandbox/cli.js [options]
  --port N                 port on 127.0.0.1 (default 4010; 0 = any free port)
  --enforce-jti            apps enforce JTI (jti required, exp <= 1 h, replays refused)
  --rate-limit N|off       requests per minute per account (default 60)
  --no-retry-after         answer 429 without a Retry-After header
  --latency MS             fixed delay per request
  --jitter MS              extra random delay in [0, MS)
  --not-found-style S      404 (default) or 400-errors
  --faults JSON            fault configuration, e.g. '{"seed":7,"status5xx":0.1,"reset":0.02}'
  --complete-after MS      a started campaign becomes Completed MS milliseconds later (for the trigger)
  --quiet                  do not log each request
  --help`;

function parseArgs(argv) {
	const opts = { port: 4010, rateLimit: { perMinute: 60, retryAfter: true }, quiet: false };
	const take = (i, name) => {
		if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
		return argv[i + 1];
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		switch (arg) {
			case '--port':
				opts.port = Number(take(i++, arg));
				if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535)
					throw new Error('--port must be 0..65535');
				break;
			case '--enforce-jti':
				opts.enforceJti = true;
				break;
			case '--rate-limit': {
				const v = take(i++, arg);
				if (v === 'off' || v === 'false' || v === '0') opts.rateLimit = false;
				else {
					const n = Number(v);
					if (!Number.isInteger(n) || n < 1)
						throw new Error('--rate-limit must be a positive integer or "off"');
					if (opts.rateLimit) opts.rateLimit.perMinute = n;
					else opts.rateLimit = { perMinute: n, retryAfter: true };
				}
				break;
			}
			case '--no-retry-after':
				opts.noRetryAfter = true;
				break;
			case '--latency':
				opts.latencyMs = Number(take(i++, arg));
				break;
			case '--jitter':
				opts.latencyJitterMs = Number(take(i++, arg));
				break;
			case '--not-found-style':
				opts.notFoundStyle = take(i++, arg);
				break;
			case '--faults':
				opts.faults = JSON.parse(take(i++, arg));
				break;
			case '--complete-after':
				opts.completeAfterMs = Number(take(i++, arg));
				if (!Number.isFinite(opts.completeAfterMs) || opts.completeAfterMs < 0)
					throw new Error('--complete-after must be milliseconds >= 0');
				break;
			case '--quiet':
				opts.quiet = true;
				break;
			case '--help':
			case '-h':
				opts.help = true;
				break;
			default:
				throw new Error(`unknown option ${arg}`);
		}
	}
	if (opts.noRetryAfter && opts.rateLimit) opts.rateLimit.retryAfter = false;
	return opts;
}

async function main() {
	let opts;
	try {
		opts = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`sandbox: ${error.message}\n\n${USAGE}`);
		process.exit(2);
	}
	if (opts.help) {
		console.log(USAGE);
		return;
	}
	const sandbox = await startSandbox({
		port: opts.port,
		enforceJti: opts.enforceJti,
		rateLimit: opts.rateLimit,
		latencyMs: opts.latencyMs,
		latencyJitterMs: opts.latencyJitterMs,
		notFoundStyle: opts.notFoundStyle,
		faults: opts.faults,
		completeAfterMs: opts.completeAfterMs,
		// A long-running sandbox must not keep every token and request in memory.
		record: false,
		onRequest: opts.quiet
			? undefined
			: (e) => {
					const extra = [e.fault && `fault=${e.fault}`, e.reason && `(${e.reason})`]
						.filter(Boolean)
						.join(' ');
					console.log(
						`${new Date().toISOString()} ${e.method} ${e.path} -> ${e.status}${extra ? ` ${extra}` : ''}`,
					);
				},
	});
	const c = sandbox.credentials;
	const rl = opts.rateLimit
		? `${opts.rateLimit.perMinute}/min per account${opts.rateLimit.retryAfter ? '' : ', no Retry-After'}`
		: 'off';
	console.log(`Kore.ai sandbox listening on ${sandbox.url}
(simulated Kore.ai Contact Center campaign API v2; sandbox-only credentials)

Paste into n8n's "Kore.ai API" credential:
  Environment URL : ${sandbox.url}
  Account ID      : ${c.accountId}
  App ID          : ${c.appId}
  Client ID       : ${c.clientId}
  Client Secret   : ${c.clientSecret}
  Algorithm       : ${c.algorithm}

Sample campaign: ${sandbox.seedCampaignId}  "Billing Alert Template Campaign-21212" (SMS; from Kore.ai's Delete SMS Campaign page)
SMS campaigns  : ${sandbox.store.ids('sms').filter((id) => sandbox.store.streamOf(id) === c.appId).length}, voice campaigns: ${sandbox.store.ids('voice').length}
Rate limit     : ${rl}; enforce JTI: ${opts.enforceJti ? 'on' : 'off'}; latency: ${opts.latencyMs || 0} ms
Started campaigns complete: ${opts.completeAfterMs ? `after ${opts.completeAfterMs} ms` : 'never (--complete-after MS)'}
Stop with Ctrl-C.`);

	let stopping = false;
	const stop = async (signal) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping the sandbox`);
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
	main().catch((error) => {
		console.error(`sandbox: ${error.message}`);
		process.exit(1);
	});
}

module.exports = { parseArgs };
