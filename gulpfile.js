// tsc compiles nodes/ and credentials/ into dist/; this copies what tsc does not: the icons and the
// nodes' codex files. gulp 5 reads files as UTF-8 unless told otherwise, which would corrupt binary
// icons (PNG), hence `encoding: false`.
//
// The codex's `alias` list is what n8n's nodes panel searches besides the node's name: it matches a
// typed phrase ("delete sms campaign") against one name or alias at a time, and never against action
// names. So every action name of a node ("Delete SMS Campaign", "Add Contacts to Contact List") is
// added to its aliases here, from the compiled node's description: a new operation is findable
// without anyone editing the codex file.
const fs = require('node:fs');
const path = require('node:path');
const { src, dest, parallel } = require('gulp');

function copyIcons() {
	return src('icons/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/icons'));
}

/** The action names of a compiled node: the `action` of every Operation option. */
function actionNames(nodeFile) {
	const exported = require(path.resolve(nodeFile));
	const NodeClass = Object.values(exported).find((value) => typeof value === 'function');
	const { properties } = new NodeClass().description;
	return properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => p.options.map((o) => o.action).filter(Boolean));
}

/**
 * The codex of every node package.json ships (n8n.nodes), from the `.node.json` beside its source
 * (nodes/KoreAiContactCenter/ holds both nodes, as n8n's own Outlook folder does).
 */
function writeCodex(done) {
	const { n8n } = JSON.parse(fs.readFileSync('package.json', 'utf8'));
	for (const compiled of n8n.nodes) {
		const codexFile = compiled.replace(/^dist\//, '').replace(/\.js$/, '.json');
		const codex = JSON.parse(fs.readFileSync(codexFile, 'utf8'));
		const aliases = [...(codex.alias ?? []), ...actionNames(compiled)];
		codex.alias = aliases.filter(
			(alias, i) => aliases.findIndex((a) => a.toLowerCase() === alias.toLowerCase()) === i,
		);
		fs.writeFileSync(compiled.replace(/\.js$/, '.json'), `${JSON.stringify(codex, null, '\t')}\n`);
	}
	done();
}

exports['build:icons'] = parallel(copyIcons, writeCodex);
