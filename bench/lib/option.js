'use strict';
// A benchmark tool's `--name=value` argument (bench/profile.js, bench/overhead-rounds.js), or `fallback`.

function option(name, fallback) {
	const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
	return arg ? arg.slice(name.length + 3) : fallback;
}

module.exports = { option };
