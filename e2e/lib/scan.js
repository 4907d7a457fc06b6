'use strict';
// Searches every file n8n wrote (user folder: database, WAL, event logs, config; plus the captured
// stdout/stderr) for secrets: the client secrets and every JWT the sandbox received, whole and as
// their signature segment alone. Returns the hits; any hit fails the run.
const fs = require('node:fs');
const path = require('node:path');

function listFiles(root) {
	const out = [];
	const walk = (dir) => {
		let entries;
		try {
			entries = fs.readdirSync(dir, { withFileTypes: true });
		} catch {
			return;
		}
		for (const e of entries) {
			const p = path.join(dir, e.name);
			if (e.isDirectory()) walk(p);
			else if (e.isFile()) out.push(p);
		}
	};
	if (fs.existsSync(root) && fs.statSync(root).isFile()) out.push(root);
	else walk(root);
	return out;
}

/**
 * needles: [{ label, value }]. Values shorter than 12 characters are refused (they would match noise).
 * roots: files or folders. skip(file) may exclude files we wrote ourselves (e.g. the installed package).
 */
function scanForSecrets(roots, needles, { skip = () => false } = {}) {
	for (const n of needles) {
		if (typeof n.value !== 'string' || n.value.length < 12)
			throw new Error(`secret needle ${n.label} is too short to search for`);
	}
	const buffers = needles.map((n) => ({ ...n, buf: Buffer.from(n.value, 'utf8') }));
	const hits = [];
	let files = 0;
	let bytes = 0;
	for (const root of roots) {
		for (const file of listFiles(root)) {
			if (skip(file)) continue;
			const content = fs.readFileSync(file);
			files += 1;
			bytes += content.length;
			for (const n of buffers) {
				const at = content.indexOf(n.buf);
				if (at !== -1) hits.push({ file, label: n.label, offset: at });
			}
		}
	}
	return { hits, files, bytes };
}

/** Needles for a list of JWTs: each whole token and its signature segment. */
function tokenNeedles(tokens) {
	const seen = new Set();
	const out = [];
	tokens.forEach((token, i) => {
		if (typeof token !== 'string' || seen.has(token)) return;
		seen.add(token);
		out.push({ label: `JWT #${i + 1}`, value: token });
		const sig = token.split('.')[2];
		if (sig && sig.length >= 12) out.push({ label: `JWT #${i + 1} signature`, value: sig });
	});
	return out;
}

module.exports = { scanForSecrets, tokenNeedles, listFiles };
