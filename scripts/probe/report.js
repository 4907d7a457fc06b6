'use strict';

/**
 * The probe's report: per unknown of sandbox/contract/unknowns.js, the reading that held and the
 * answers that show it (method, path without the host, status, relevant headers, body), what to
 * change in the contract, the scratch objects and their cleanup. `buildReport` returns it as plain
 * data with secrets and identifiers removed (redact.js); `renderText` prints it for people, `--json`
 * prints the data.
 */
const { unknowns } = require('../../sandbox/contract/unknowns');
const { createRedactor, identifiersOf } = require('./redact');
const { version } = require('../../package.json');

const GENERIC = {
	unclear:
		'the answers decide nothing (an error, a refusal of another kind, a lost answer): see the evidence and run the probe again',
	notProbed: 'not asked',
};
const MAX_BODY_TEXT = 1500;

function evidenceOf(items = []) {
	return items.map(({ note, method, path, status, headers, body, error, ms }) => ({
		note,
		method,
		path,
		status,
		headers,
		body,
		error,
		ms,
	}));
}

function unknownReport(unknown, step, result, rateLimitAsked) {
	const settled = result.reading in unknown.values;
	return {
		id: unknown.id,
		question: unknown.question,
		pages: unknown.pages,
		reading: result.reading,
		settled,
		meaning:
			unknown.values[result.reading] ?? step.outcomes[result.reading] ?? GENERIC[result.reading],
		why: result.why,
		contract: {
			sandboxDefault: unknown.sandboxDefault,
			values: Object.keys(unknown.values),
			node: unknown.node,
		},
		evidence: evidenceOf(result.evidence),
		...(unknown.id === 'rateLimit' ? { asked: rateLimitAsked } : {}),
	};
}

/** What to change in the repository, one line per unknown. */
function contractUpdates(items) {
	return items.map((item) => {
		if (item.settled && item.reading === item.contract.sandboxDefault) {
			return `${item.id}: Kore.ai plays the sandbox's default '${item.reading}'. Nothing changes but the words: say in sandbox/contract/unknowns.js and in the endpoint's reading (sandbox/contract/endpoints.js) that Kore.ai answered so on this report's date.`;
		}
		if (item.settled) {
			return `${item.id}: Kore.ai plays '${item.reading}', the sandbox's default is '${item.contract.sandboxDefault}'. Set sandboxDefault: '${item.reading}' in sandbox/contract/unknowns.js, reword the reading in sandbox/contract/endpoints.js, check the node (${item.contract.node}), regenerate docs/kore-ai-api.md.`;
		}
		if (item.reading === 'unclear' || item.reading === 'notProbed')
			return `${item.id}: still open (${item.reading}${item.why ? `: ${item.why}` : ''}).`;
		return `${item.id}: Kore.ai's answer is none of unknowns.js's values (${item.contract.values.join(', ')}) but '${item.reading}': ${item.meaning}. Add it as a value the sandbox can play (or change the node), then as above.`;
	});
}

function buildReport({
	app,
	callerId,
	startedAt,
	finishedAt,
	requests,
	interrupted,
	failure,
	scratch,
	setup,
	cleanup,
	results,
	steps,
	rateLimitAsked,
	secrets,
}) {
	const stepById = Object.fromEntries(steps.map((step) => [step.id, step]));
	const items = unknowns.map((unknown) =>
		unknownReport(unknown, stepById[unknown.id], results[unknown.id], rateLimitAsked),
	);
	const deleteByHand = cleanup.items
		.filter((item) => item.outcome === 'FAILED' || item.outcome === 'UNKNOWN')
		.map((item) => `${item.what} "${item.name}"${item.id ? ` (ID ${item.id})` : ''}`);
	const report = {
		probe: `n8n-nodes-kore-ai ${version}: npm run probe`,
		host: app.origin,
		identifiers:
			'App ID, Account ID, Client ID and Caller ID are written {streamId}, {accountId}, {clientId}, {callerId}; no token and no client secret appear',
		startedAt,
		finishedAt,
		requests,
		interrupted,
		failure,
		scratch: {
			name: scratch.name,
			contactListId: scratch.list.id,
			campaignId: scratch.campaign.id,
		},
		setup: setup.map((problem) => ({ ...problem, evidence: evidenceOf(problem.evidence) })),
		cleanup: {
			ok: cleanup.ok,
			deleteByHand,
			items: cleanup.items.map((item) => ({ ...item, evidence: evidenceOf(item.evidence) })),
		},
		unknowns: items,
		contractUpdates: contractUpdates(items),
	};
	return createRedactor({ secrets, identifiers: identifiersOf(app, callerId) })(report);
}

function bodyText(body) {
	if (body === undefined) return '';
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	return text.length > MAX_BODY_TEXT
		? `${text.slice(0, MAX_BODY_TEXT)}… (${text.length} characters; --json prints it all)`
		: text;
}

function exchangeLines(exchange, indent) {
	const lines = [];
	if (exchange.note) lines.push(`${indent}- ${exchange.note}`);
	const answer = exchange.status === null ? `no answer: ${exchange.error}` : `${exchange.status}`;
	lines.push(
		`${indent}  ${exchange.method} ${exchange.path} -> ${answer}${exchange.ms !== undefined ? ` (${exchange.ms} ms)` : ''}`,
	);
	for (const [name, value] of Object.entries(exchange.headers || {}))
		lines.push(`${indent}  ${name}: ${value}`);
	const body = bodyText(exchange.body);
	if (body !== '') lines.push(`${indent}  ${body}`);
	return lines;
}

function renderText(report) {
	const lines = [];
	lines.push(
		`Kore.ai probe of ${report.host}: ${report.startedAt} to ${report.finishedAt}, ${report.requests} requests${report.interrupted ? ', INTERRUPTED' : ''}`,
	);
	lines.push(report.identifiers);
	if (report.failure) lines.push(`FAILED: ${report.failure}`);
	lines.push(
		`Scratch "${report.scratch.name}": contact list ${report.scratch.contactListId ?? '(none)'}, SMS campaign ${report.scratch.campaignId ?? '(none)'}`,
	);
	for (const problem of report.setup) {
		lines.push(`Setup of the ${problem.what} failed: ${problem.problem}`);
		for (const exchange of problem.evidence) lines.push(...exchangeLines(exchange, '  '));
	}
	lines.push(
		`Cleanup: ${report.cleanup.items.map((item) => `${item.what} ${item.outcome}${item.reason ? ` (${item.reason})` : ''}`).join('; ')}`,
	);
	if (!report.cleanup.ok)
		lines.push(
			`CLEANUP FAILED. Delete by hand in Kore.ai: ${report.cleanup.deleteByHand.join(', ')}`,
		);
	for (const item of report.unknowns) {
		lines.push('');
		const open = item.reading === 'unclear' || item.reading === 'notProbed';
		const label = item.settled ? '' : open ? ' (still open)' : " (none of the contract's values)";
		lines.push(
			`${item.id}: ${item.reading}${label}   [sandbox default: ${item.contract.sandboxDefault}]`,
		);
		lines.push(`  ${item.question}`);
		lines.push(`  Kore.ai: ${item.meaning}${item.why ? `: ${item.why}` : ''}`);
		for (const exchange of item.evidence) lines.push(...exchangeLines(exchange, '  '));
	}
	lines.push('');
	lines.push('Updating the contract (docs/development.md, "Probing a real Kore.ai app"):');
	for (const update of report.contractUpdates) lines.push(`  - ${update}`);
	return `${lines.join('\n')}\n`;
}

module.exports = { buildReport, renderText };
