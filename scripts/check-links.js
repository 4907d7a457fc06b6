#!/usr/bin/env node
// Fails when a relative link or anchor in the project's Markdown does not resolve, the way GitHub
// resolves it: the file (or folder) must exist, and `#anchor` must be a heading of the target file.
// External links (http:, https:, mailto:) are not fetched: CI reaches only the npm registry.
//
// Usage: node scripts/check-links.js [--root DIR] [file.md ...]
// Without files: README.md, CHANGELOG.md, docs/*.md, e2e/README.md and sandbox/README.md of the root.
const fs = require('node:fs');
const path = require('node:path');

const DEFAULT_FILES = [
	'README.md',
	'CHANGELOG.md',
	'docs/*.md',
	'e2e/README.md',
	'sandbox/README.md',
];

/** Expands `dir/*.md` patterns (the only kind used) and keeps plain paths as they are. */
function expand(root, patterns) {
	return patterns.flatMap((pattern) => {
		const match = /^(.*)\/\*\.md$/.exec(pattern);
		if (!match) return [pattern];
		const dir = path.join(root, match[1]);
		if (!fs.existsSync(dir)) return [];
		return fs
			.readdirSync(dir)
			.filter((name) => name.endsWith('.md'))
			.sort()
			.map((name) => `${match[1]}/${name}`);
	});
}

/**
 * GitHub's heading anchor (github-slugger): lower case; every character that is not a letter, a
 * digit, a connector (`_`), a hyphen or a space is dropped ("Kore.ai's" -> "koreais"); each space
 * becomes a hyphen (so "a / b" -> "a--b"). Markdown markup is removed first: code spans keep their
 * text, links keep their text, emphasis markers go.
 */
function slug(headingText) {
	const text = headingText
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/`([^`]*)`/g, '$1')
		.replace(/[*~]/g, '');
	return text
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

/** Lines outside fenced code blocks (``` or ~~~), with their 1-based numbers. */
function proseLines(markdown) {
	const lines = [];
	let fence = null;
	markdown.split('\n').forEach((line, index) => {
		const opening = /^\s*(`{3,}|~{3,})/.exec(line);
		if (fence) {
			if (opening && opening[1][0] === fence[0] && opening[1].length >= fence.length) fence = null;
			return;
		}
		if (opening) {
			fence = opening[1];
			return;
		}
		lines.push({ line, number: index + 1 });
	});
	return lines;
}

/** The anchors a Markdown file offers: its headings (repeats get -1, -2 ...) and HTML id/name. */
function anchorsOf(markdown) {
	const anchors = new Set();
	const seen = new Map();
	for (const { line } of proseLines(markdown)) {
		const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (heading) {
			const base = slug(heading[1]);
			const count = seen.get(base) ?? 0;
			seen.set(base, count + 1);
			anchors.add(count === 0 ? base : `${base}-${count}`);
		}
		for (const html of line.matchAll(/<[a-z][^>]*\s(?:id|name)="([^"]+)"/gi)) anchors.add(html[1]);
	}
	return anchors;
}

/** Every link target of a file outside code: [text](target), [label]: target, src="target". */
function linksOf(markdown) {
	const links = [];
	for (const { line, number } of proseLines(markdown)) {
		const prose = line.replace(/(`+)[\s\S]*?\1/g, (code) => ' '.repeat(code.length));
		const found = [
			...[...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
			...[...prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g)].map((m) => m[1]),
			...[...prose.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]),
		];
		for (const target of found) links.push({ target, line: number });
	}
	return links;
}

const isExternal = (target) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** Broken links of the given files (paths relative to root): [{ file, line, target, problem }]. */
function checkFiles(root, files) {
	const anchorCache = new Map();
	const anchorsFor = (file) => {
		if (!anchorCache.has(file)) anchorCache.set(file, anchorsOf(fs.readFileSync(file, 'utf8')));
		return anchorCache.get(file);
	};
	const problems = [];
	for (const file of files) {
		const absolute = path.join(root, file);
		if (!fs.existsSync(absolute)) {
			problems.push({ file, line: 0, target: file, problem: 'the file to check does not exist' });
			continue;
		}
		for (const { target, line } of linksOf(fs.readFileSync(absolute, 'utf8'))) {
			if (isExternal(target)) continue;
			const hash = target.indexOf('#');
			const linkPath = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
			const anchor = hash === -1 ? null : decodeURIComponent(target.slice(hash + 1));
			const resolved = linkPath ? path.resolve(path.dirname(absolute), linkPath) : absolute;
			if (!fs.existsSync(resolved)) {
				problems.push({
					file,
					line,
					target,
					problem: `${path.relative(root, resolved)} does not exist`,
				});
				continue;
			}
			// Anchors are checked in Markdown files; in other files GitHub uses them for line numbers.
			if (anchor === null || !resolved.endsWith('.md') || fs.statSync(resolved).isDirectory())
				continue;
			if (!anchorsFor(resolved).has(anchor)) {
				problems.push({
					file,
					line,
					target,
					problem: `no heading in ${path.relative(root, resolved)} has the anchor #${anchor}`,
				});
			}
		}
	}
	return problems;
}

function main() {
	const args = process.argv.slice(2);
	const rootAt = args.indexOf('--root');
	const root = path.resolve(rootAt === -1 ? path.join(__dirname, '..') : args[rootAt + 1]);
	const named = args.filter((arg, i) => rootAt === -1 || (i !== rootAt && i !== rootAt + 1));
	const files = expand(root, named.length > 0 ? named : DEFAULT_FILES);
	const problems = checkFiles(root, files);
	for (const { file, line, target, problem } of problems)
		console.error(`${file}:${line}: ${target}: ${problem}`);
	if (problems.length > 0) {
		console.error(`${problems.length} broken link(s) in ${files.length} file(s)`);
		process.exit(1);
	}
	console.log(`links: ${files.length} files, every relative link and anchor resolves`);
}

if (require.main === module) main();

module.exports = { checkFiles, anchorsOf, linksOf, slug, DEFAULT_FILES };
