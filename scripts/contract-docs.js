'use strict';
// Renders Kore.ai's contract (sandbox/contract/) as docs/kore-ai-api.md, for people.
//   node scripts/contract-docs.js           writes the file
//   node scripts/contract-docs.js --check   exits 1 when the file is not what the contract renders
const fs = require('node:fs');
const path = require('node:path');
const { endpoints } = require('../sandbox/contract/endpoints');
const { operations } = require('../sandbox/contract/operations');
const { unknowns } = require('../sandbox/contract/unknowns');

const FILE = path.join(__dirname, '..', 'docs', 'kore-ai-api.md');
const PAGES = 'https://github.com/Koredotcom/docs-v2/blob/main/ai-for-service/apis/contact-center/';

const cell = (text) =>
	String(text ?? '')
		.replace(/\|/g, '\\|')
		.replace(/\n/g, ' ');
const page = (file) => `[${file}](${PAGES}${file})`;

function rule(schema) {
	const parts = [];
	if (schema.type === 'oneOf') return schema.options.map(rule).join(', or ');
	parts.push(schema.type === 'integer' ? 'integer' : schema.type);
	if (schema.nonEmpty) parts.push('not empty');
	if (schema.max !== undefined && schema.type === 'string')
		parts.push(`at most ${schema.max} characters`);
	if (schema.min !== undefined && schema.type !== 'string') parts.push(`>= ${schema.min}`);
	if (schema.max !== undefined && schema.type !== 'string') parts.push(`<= ${schema.max}`);
	if (schema.minItems !== undefined) parts.push(`at least ${schema.minItems}`);
	if (schema.enum)
		parts.push(`one of ${schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(', ')}`);
	if (schema.form) parts.push(`like ${schema.form}`);
	if (schema.type === 'array' && schema.items.type !== 'object')
		parts.push(`of ${rule(schema.items)}`);
	return parts.join(', ');
}

function required(schema) {
	if (typeof schema.required === 'function')
		return `when ${schema.requiredWhy ?? 'another field says so'}`;
	return schema.required === true ? 'yes' : 'no';
}

/** Rows of a body schema, depth first: [path, rule, required, note]. */
function rows(schema, at, out = []) {
	if (schema.type === 'object') {
		for (const [key, field] of Object.entries(schema.fields)) {
			const here = at ? `${at}.${key}` : key;
			out.push([
				here,
				field.type === 'object' ? 'object' : rule(field),
				required(field),
				field.deviation ? `**Not on the page.** ${field.deviation}` : (field.note ?? ''),
			]);
			if (field.type === 'object') rows(field, here, out);
			if (field.type === 'array' && field.items.type === 'object')
				rows(field.items, `${here}[]`, out);
		}
	}
	return out;
}

function deviations(endpoint, bodies) {
	const out = [];
	for (const p of endpoint.paths) if (p.deviation) out.push([`path \`${p.path}\``, p.deviation]);
	for (const [name, q] of Object.entries(endpoint.query))
		if (q.deviation) out.push([`query \`${name}\``, q.deviation]);
	for (const body of bodies) {
		if (body.deviation) out.push(['the body', body.deviation]);
		const walk = (schema, at) => {
			if (schema.type !== 'object') return;
			for (const [key, field] of Object.entries(schema.fields)) {
				const here = at ? `${at}.${key}` : key;
				if (field.deviation && !out.some(([what]) => what === `body \`${here}\``))
					out.push([`body \`${here}\``, field.deviation]);
				walk(field, here);
			}
		};
		walk(body, '');
	}
	return out;
}

function bodiesOf(endpoint) {
	if (!endpoint.body) return [];
	if (typeof endpoint.body !== 'function') return [{ label: '', schema: endpoint.body }];
	const variants = {
		createCampaign: [
			['SMS (`campaignType=sms`)', { campaignType: 'sms' }, {}],
			['voice (`campaignType=voice`)', { campaignType: 'voice' }, {}],
		],
		updateCampaign: [
			['SMS', {}, { campaignType: 'sms' }],
			['voice', {}, { campaignType: 'voice' }],
		],
		scheduleCampaign: [
			['enable (`enableSchedule=true`)', { enableSchedule: 'true' }, {}],
			['disable (`enableSchedule=false`)', { enableSchedule: 'false' }, {}],
		],
	}[endpoint.id];
	return variants.map(([label, query, body]) => ({ label, schema: endpoint.body(query, body) }));
}

function render() {
	const out = [];
	const line = (text = '') => out.push(text);
	line("# Kore.ai's API as the node uses it");
	line();
	line(
		'<!-- Rendered from sandbox/contract/ by `node scripts/contract-docs.js`; edit the contract, not this file. -->',
	);
	line();
	line(
		`No Kore.ai tenant is reachable from where this package is built, so Kore.ai's public API pages are the contract: the files of [Koredotcom/docs-v2](https://github.com/Koredotcom/docs-v2), folder \`ai-for-service/apis/contact-center/\`. This page lists the **${endpoints.length} endpoints** the node calls, each from its page: what the node sends, and every place it differs from the page, with the reason. The sandbox (\`sandbox/contract/\`) checks every request of every test and e2e run against the same contract and refuses what the pages do not allow; a test that leaves a violation behind fails.`,
	);
	line();
	line(
		'Every request carries the headers `auth` (a JWT signed by the credential), `iid` (the App ID) and `accountId`, and, with a body, `Content-Type: application/json`. Paths are below the host of the credential.',
	);
	line();
	line('## Requests per operation');
	line();
	line('| operation | requests, in order | note |');
	line('|---|---|---|');
	for (const o of operations)
		line(
			`| ${cell(o.operation)} | ${o.requests.map((id) => `[${id}](#${id.toLowerCase()})`).join(', ')} | ${cell(o.note)} |`,
		);
	line();
	line('## What the pages leave open');
	line();
	line(
		"Where Kore.ai's behaviour is unknown, the node takes a reading that works either way when one exists, and the sandbox plays one of two readings (`startSandbox({ readings })`), the harsher one by default where it matters. `npm run probe` settles each one against a real Kore.ai app ([docs/development.md](development.md#probing-a-real-koreai-app)).",
	);
	line();
	line('| question | pages | readings (sandbox default first) | what the node does |');
	line('|---|---|---|---|');
	for (const u of unknowns) {
		const values = Object.entries(u.values).sort(([a], [b]) =>
			a === u.sandboxDefault ? -1 : b === u.sandboxDefault ? 1 : 0,
		);
		line(
			`| ${cell(u.question)} | ${u.pages.map(page).join(', ')} | ${values.map(([id, text]) => `\`${id}\`: ${cell(text)}`).join('; ')} | ${cell(u.node)} |`,
		);
	}
	line();
	line('## Endpoints');
	for (const e of endpoints) {
		line();
		line(`### ${e.id}`);
		line();
		line(`**${e.title}.** Pages: ${e.pages.map(page).join(', ')}.`);
		const users = operations.filter((o) => o.requests.includes(e.id)).map((o) => o.operation);
		if (users.length > 0) line(`Sent by: ${users.join('; ')}.`);
		line();
		line(
			`\`${e.method} ${e.paths[0].path}\`${e.paths.length > 1 ? ` (the node sends \`${e.paths.find((p) => p.deviation).path}\`, see below)` : ''}`,
		);
		line();
		const query = Object.entries(e.query);
		if (query.length > 0) {
			line('| query | rule | required | note |');
			line('|---|---|---|---|');
			for (const [name, q] of query)
				line(
					`| \`${name}\` | ${cell(rule(q))} | ${required(q)} | ${cell(q.deviation ? `**Not on the page.** ${q.deviation}` : q.note)} |`,
				);
		} else {
			line('No query parameters.');
		}
		line();
		const bodies = bodiesOf(e);
		if (bodies.length === 0) line('No body.');
		for (const { label, schema } of bodies) {
			const fields = rows(schema, '');
			if (fields.length === 0) {
				line(`Body${label ? `, ${label}` : ''}: \`{}\`${schema.note ? ` (${schema.note})` : ''}.`);
			} else {
				line(`Body${label ? `, ${label}` : ''}:`);
				line();
				line('| field | rule | required | note |');
				line('|---|---|---|---|');
				for (const [field, r, req, note] of fields)
					line(`| \`${field}\` | ${cell(r)} | ${req} | ${cell(note)} |`);
			}
			line();
		}
		line(`Answer: ${e.answer}.`);
		const differs = deviations(
			e,
			bodies.map((b) => b.schema),
		);
		if (differs.length > 0) {
			line();
			line('Where the node differs from the page:');
			line();
			for (const [what, why] of differs) line(`- ${what}: ${why}`);
		}
		if (e.readings && e.readings.length > 0) {
			line();
			line('Readings:');
			line();
			for (const r of e.readings) line(`- ${r.topic}: ${r.reading}`);
		}
	}
	return `${out.join('\n')}\n`;
}

if (require.main === module) {
	const text = render();
	if (process.argv.includes('--check')) {
		const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '';
		if (current !== text) {
			console.error(
				'docs/kore-ai-api.md is not what sandbox/contract/ renders: run `node scripts/contract-docs.js` and commit it.',
			);
			process.exit(1);
		}
	} else {
		fs.writeFileSync(FILE, text);
		console.log(`wrote ${path.relative(process.cwd(), FILE)} (${endpoints.length} endpoints)`);
	}
}

module.exports = { render, FILE };
