// A stand-in for Kore.ai's campaign list endpoint, for paging answers the sandbox never gives (a page
// that repeats, an empty page that says more follow): every request is answered with the page
// `pageFor(body)` returns, in the list page's shape (list-campaigns-v2.mdx: status, data.results,
// skip, limit, hasMore, totalResults). Only for tests whose node makes list requests alone.
const http = require('node:http');

/**
 * Runs `run(host, requests)` against the stand-in, `host` its address for the credential and
 * `requests` the JSON bodies received so far; closes it afterwards.
 */
async function withListPages(pageFor, run) {
	const requests = [];
	const server = http.createServer((req, res) => {
		let text = '';
		req.on('data', (chunk) => (text += chunk));
		req.on('end', () => {
			const body = JSON.parse(text);
			requests.push(body);
			const data = { skip: body.skip, limit: body.limit, ...pageFor(body) };
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ status: 'success', data }));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		return await run(`http://127.0.0.1:${server.address().port}`, requests);
	} finally {
		await new Promise((resolve) => server.close(resolve));
	}
}

module.exports = { withListPages };
