'use strict';
// Preloaded into every n8n process of the harness (NODE_OPTIONS=--require <this file>): records each
// attempt to resolve or connect to anything that is not loopback, as JSON lines in E2E_NETGUARD_LOG.
// It only records (n8n's behaviour stays unchanged); the harness fails a run whose log is not empty.
const fs = require('node:fs');
const dns = require('node:dns');
const net = require('node:net');

const LOG = process.env.E2E_NETGUARD_LOG;
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|0\.0\.0\.0|::)$/i;

function record(kind, host, port) {
	if (!LOG || host === undefined || host === null || host === '' || LOOPBACK.test(String(host)))
		return;
	try {
		const stack = new Error().stack
			.split('\n')
			.slice(3, 9)
			.map((s) => s.trim());
		fs.appendFileSync(
			LOG,
			JSON.stringify({
				kind,
				host: String(host),
				port,
				pid: process.pid,
				at: new Date().toISOString(),
				stack,
			}) + '\n',
		);
	} catch {
		// never break the process under test
	}
}

if (LOG) {
	const origLookup = dns.lookup;
	dns.lookup = function lookup(hostname, ...rest) {
		record('dns.lookup', hostname);
		return origLookup.call(this, hostname, ...rest);
	};
	const origPromisesLookup = dns.promises.lookup;
	dns.promises.lookup = function lookup(hostname, ...rest) {
		record('dns.promises.lookup', hostname);
		return origPromisesLookup.call(this, hostname, ...rest);
	};
	const origConnect = net.Socket.prototype.connect;
	net.Socket.prototype.connect = function connect(...args) {
		// net.connect() passes its normalized arguments as one array: [options, callback].
		const first = Array.isArray(args[0]) ? args[0][0] : args[0];
		if (first && typeof first === 'object') {
			if (!first.path) record('net.connect', first.host ?? 'localhost', first.port);
		} else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
			record('net.connect', typeof args[1] === 'string' ? args[1] : 'localhost', Number(first));
		}
		return origConnect.apply(this, args);
	};
}
