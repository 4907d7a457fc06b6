'use strict';

/**
 * `runProbe(options)`: settles the unknowns of sandbox/contract/unknowns.js against a real Kore.ai
 * app. It creates a scratch contact list and SMS campaign (`n8n-probe-<time>`), asks each question
 * with the fewest requests, deletes what it created in all cases, and returns the report
 * (report.js). It never starts a campaign, and every request names the scratch list or campaign,
 * or an ID made up so that it cannot exist.
 *
 * options: host, accountId, appId, clientId, clientSecret, algorithm ('HS256'), callerId (E.164),
 *   rateLimit (false), rateLimitMax (200), signal (AbortSignal: stop after the request in flight and
 *   clean up), abortSignal (AbortSignal: give up at once, cleanup included), log ((line) => void),
 *   onScratch ((scratch) => void: what was created, as it is learnt), timing (overrides of TIMING).
 * Throws ProbeInputError, before sending anything, when a value is missing or malformed.
 */
const { load } = require('./dist');
const { createClient, Interrupted } = require('./client');
const { createList, createCampaign, newScratch, scratchName, SetupError } = require('./scratch');
const { cleanup } = require('./cleanup');
const { buildReport } = require('./report');

const STEPS = [
	'notFound',
	'contactsPaging',
	'updateMerges',
	'smsResults',
	'smsStopPath',
	'voiceTriggerPrefix',
	'rateLimit',
].map((id) => require(`./steps/${id}`));
const stepById = Object.fromEntries(STEPS.map((step) => [step.id, step]));

/** In order: each scratch object right before the first question that needs it. */
const PLAN = [
	{ step: 'notFound' },
	{ setup: 'contact list', run: createList },
	{ step: 'contactsPaging' },
	{ setup: 'SMS campaign', run: createCampaign },
	{ step: 'updateMerges' },
	{ step: 'smsResults' },
	{ step: 'smsStopPath' },
	{ step: 'voiceTriggerPrefix' },
	{ step: 'rateLimit' },
];

const TIMING = {
	requestTimeoutMs: 30_000,
	pollIntervalMs: 2_000,
	pollTimeoutMs: 120_000,
	backoffMs: 2_000,
	maxWaitMs: 60_000,
	max429Retries: 6,
	cleanupRetryMs: 2_000,
};

class ProbeInputError extends Error {}

const NEEDS = {
	list: (scratch) => scratch.list.ready || 'the scratch contact list was not created (see Setup)',
	contacts: (scratch) =>
		Boolean(scratch.contacts) || "the scratch list's contacts never all showed (see Setup)",
	campaign: (scratch) =>
		scratch.campaign.ready || 'the scratch campaign was not created or not Ready (see Setup)',
};

function checkInputs(options, { checkCredentialValues, checkPhoneNumber }) {
	const checked = checkCredentialValues({
		host: options.host,
		accountId: options.accountId,
		appId: options.appId,
		clientId: options.clientId,
		clientSecret: options.clientSecret,
		algorithm: options.algorithm ?? 'HS256',
	});
	if ('problem' in checked)
		throw new ProbeInputError(checked.problem.replace(' in the Kore.ai API credential', ''));
	if (options.callerId === undefined || String(options.callerId).trim() === '') {
		throw new ProbeInputError(
			'Caller ID is missing: the scratch SMS campaign needs a caller ID (sender number) of the app, like +14155550100.',
		);
	}
	const phone = checkPhoneNumber(options.callerId, 'Caller ID', true);
	if ('problem' in phone) throw new ProbeInputError(phone.problem);
	return { app: checked.values, callerId: phone.phoneNumber };
}

async function runProbe(options) {
	const signer = load();
	const { app, callerId } = checkInputs(options, signer);
	const log = options.log ?? (() => {});
	const timing = { ...TIMING, ...options.timing };
	const client = createClient({
		app,
		sign: () => signer.signKoreAiJwt(app),
		stop: options.signal,
		abort: options.abortSignal,
		timing,
		secrets: new Set([app.clientSecret]),
		log,
	});
	const ctx = {
		app,
		client,
		callerId,
		timing,
		log,
		options: { rateLimit: Boolean(options.rateLimit), rateLimitMax: options.rateLimitMax ?? 200 },
		scratch: newScratch(scratchName()),
	};
	options.onScratch?.(ctx.scratch);
	const startedAt = new Date().toISOString();
	const results = {};
	const setup = [];
	let interrupted = false;
	let failure;

	try {
		for (const item of PLAN) {
			if (item.setup) {
				log(`creating the scratch ${item.setup} ${ctx.scratch.name}`);
				try {
					await item.run(ctx);
				} catch (error) {
					if (!(error instanceof SetupError)) throw error;
					setup.push({
						what: item.setup,
						problem: error.message,
						evidence: error.exchange ? [error.exchange] : [],
					});
				}
				continue;
			}
			const step = stepById[item.step];
			const unmet = step.needs
				.map((need) => NEEDS[need](ctx.scratch))
				.find((answer) => answer !== true);
			if (unmet) {
				results[step.id] = { reading: 'notProbed', why: unmet };
				continue;
			}
			log(`asking ${step.id}`);
			try {
				results[step.id] = await step.run(ctx);
			} catch (error) {
				if (error instanceof Interrupted) throw error;
				results[step.id] = { reading: 'unclear', why: `the step failed: ${error.message}` };
			}
		}
	} catch (error) {
		// Whatever happened, the cleanup runs and the report says what was learnt until then.
		if (error instanceof Interrupted) interrupted = true;
		else failure = `the probe stopped on an unexpected error: ${error.stack || error.message}`;
		log(interrupted ? 'interrupted: cleaning up' : failure);
	}
	log('deleting the scratch campaign and contact list');
	const cleaned = await cleanup(ctx);
	for (const step of STEPS)
		results[step.id] ??= { reading: 'notProbed', why: 'interrupted before this step' };

	return buildReport({
		app,
		callerId,
		startedAt,
		finishedAt: new Date().toISOString(),
		requests: client.exchanges.length,
		interrupted,
		failure,
		scratch: ctx.scratch,
		setup,
		cleanup: cleaned,
		results,
		steps: STEPS,
		rateLimitAsked: ctx.options.rateLimit,
		secrets: client.secrets,
	});
}

module.exports = { runProbe, ProbeInputError, TIMING };
