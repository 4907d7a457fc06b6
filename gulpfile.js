// tsc compiles nodes/ and credentials/ into dist/; this copies what tsc does not: the icons and the
// node's codex file. gulp 5 reads files as UTF-8 unless told otherwise, which would corrupt binary
// icons (PNG), hence `encoding: false`.
const { src, dest, parallel } = require('gulp');

function copyIcons() {
	return src('icons/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/icons'));
}

function copyCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports['build:icons'] = parallel(copyIcons, copyCodex);
