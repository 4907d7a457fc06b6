// Where the tools that are installed on demand live: real n8n installations for the e2e runs and
// n8n-nodes-base for the benchmark. Outside the repository on purpose: `n8n-node lint` walks every
// file under the repository (dot-folders included), and thousands of n8n files would make it slow
// and brittle. Later runs on the same machine, CI's included, reuse what is there.
// KORE_CACHE_DIR moves it; E2E_CACHE_DIR still moves the e2e part alone.
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(
	process.env.KORE_CACHE_DIR ||
		path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-kore-ai'),
);

/** The cache folder for one tool, e.g. cacheDir('e2e'). */
function cacheDir(name) {
	return path.join(ROOT, name);
}

module.exports = { cacheDir };
