'use strict';
// A private redis-server for the queue-mode run (n8n's Bull queue): Debian's redis-server started
// in the foreground on a free loopback port, no persistence of its own, its folder under the e2e
// cache; stopped by its pid at the end. `snapshot()` makes Redis write everything it holds to an
// uncompressed RDB file (SAVE, rdbcompression off) so the secret scan can read every key's bytes.
// `restart()` stops it the way a restart with persistence does (SHUTDOWN SAVE) and starts it again
// on the same port and folder, so it loads what it held; `query()` reads Bull's keys.
const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const { spawn } = require('node:child_process');
const { freePort } = require('./n8n');
const { log } = require('./proc');

const REDIS_SERVER = process.env.E2E_REDIS_SERVER || '/usr/bin/redis-server';

/**
 * Parses one RESP reply from the start of `text`: returns { value, rest } or undefined while
 * incomplete. Simple strings come back with their "+", errors throw, nil is null.
 */
function parseReply(text) {
	const eol = text.indexOf('\r\n');
	if (eol < 0) return undefined;
	const kind = text[0];
	const head = text.slice(1, eol);
	const after = text.slice(eol + 2);
	if (kind === '+') return { value: `+${head}`, rest: after };
	if (kind === '-') throw new Error(`redis: ${head}`);
	if (kind === ':') return { value: Number(head), rest: after };
	if (kind === '$') {
		const len = Number(head);
		if (len < 0) return { value: null, rest: after };
		// Bulk lengths are bytes; Bull's keys and the values read here are ASCII.
		if (after.length < len + 2) return undefined;
		return { value: after.slice(0, len), rest: after.slice(len + 2) };
	}
	if (kind === '*') {
		const count = Number(head);
		if (count < 0) return { value: null, rest: after };
		const values = [];
		let rest = after;
		for (let i = 0; i < count; i++) {
			const item = parseReply(rest);
			if (!item) return undefined;
			values.push(item.value);
			rest = item.rest;
		}
		return { value: values, rest };
	}
	throw new Error(`redis: unexpected reply ${JSON.stringify(text.slice(0, 40))}`);
}

/** One command over RESP; resolves with the parsed reply (see parseReply; "+OK", "+PONG" for status replies). */
function command(port, args, timeoutMs = 10000) {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		let reply = '';
		const timer = setTimeout(() => {
			socket.destroy();
			reject(new Error(`redis ${args[0]}: no answer in ${timeoutMs} ms`));
		}, timeoutMs);
		const done = (fn, value) => {
			clearTimeout(timer);
			socket.end();
			fn(value);
		};
		socket.on('connect', () => {
			socket.write(
				`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`,
			);
		});
		socket.on('data', (d) => {
			reply += d;
			let parsed;
			try {
				parsed = parseReply(reply);
			} catch (err) {
				return done(reject, err);
			}
			if (parsed) done(resolve, parsed.value);
			return undefined;
		});
		// SHUTDOWN answers nothing: the server closes the connection.
		socket.on('close', () => done(resolve, undefined));
		socket.on('error', (err) => {
			clearTimeout(timer);
			reject(err);
		});
	});
}

async function startRedis(dir) {
	if (!fs.existsSync(REDIS_SERVER))
		throw new Error(
			`${REDIS_SERVER} is missing: run node e2e/install.js queue (apt-get install redis-server)`,
		);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const logFile = path.join(dir, 'redis.log');
	let server = await spawnServer(port, dir, logFile);
	let snapshots = 0;
	return {
		port,
		dir,
		logFile,
		get pid() {
			return server.child.pid;
		},
		query: (args, timeoutMs) => command(port, args, timeoutMs),
		/** Writes everything Redis holds now to <dir>/snapshot-N.rdb (uncompressed); returns its path. */
		async snapshot() {
			const reply = await command(port, ['SAVE'], 30000);
			if (reply !== '+OK') throw new Error(`redis SAVE answered ${reply}`);
			snapshots += 1;
			const file = path.join(dir, `snapshot-${snapshots}.rdb`);
			fs.renameSync(path.join(dir, 'dump.rdb'), file);
			return file;
		},
		/**
		 * Stops the server as a restart with persistence does (SHUTDOWN SAVE: everything written to
		 * dump.rdb, then exit) and starts it again on the same port and folder; it loads dump.rdb.
		 * Resolves with the time the port was without a server (ms).
		 */
		async restart() {
			const stoppedAt = Date.now();
			await command(port, ['SHUTDOWN', 'SAVE'], 30000);
			await server.exited;
			server = await spawnServer(port, dir, logFile);
			return Date.now() - stoppedAt;
		},
		async stop() {
			if (server.exit) return;
			server.child.kill('SIGTERM');
			const timer = setTimeout(() => server.child.kill('SIGKILL'), 10000);
			await server.exited;
			clearTimeout(timer);
		},
	};
}

/** Starts redis-server in the foreground and waits for PING; { child, exited, exit }. */
async function spawnServer(port, dir, logFile) {
	const out = fs.openSync(logFile, 'a');
	const args = [
		'--bind',
		'127.0.0.1',
		'--port',
		String(port),
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		dir,
	];
	args.push(
		'--dbfilename',
		'dump.rdb',
		'--rdbcompression',
		'no',
		'--daemonize',
		'no',
		'--protected-mode',
		'yes',
	);
	const child = spawn(REDIS_SERVER, args, { stdio: ['ignore', out, out] });
	fs.closeSync(out);
	const server = { child, exit: undefined };
	server.exited = new Promise((resolve) =>
		child.on('exit', (code, signal) => resolve((server.exit = { code, signal }))),
	);
	const deadline = Date.now() + 15000;
	for (;;) {
		if (server.exit)
			throw new Error(
				`redis-server exited (${JSON.stringify(server.exit)}):\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`,
			);
		try {
			if ((await command(port, ['PING'], 1000)) === '+PONG') break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error('redis-server did not answer PING within 15 s');
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	log(`redis-server ${child.pid} listening on 127.0.0.1:${port}`);
	return server;
}

module.exports = { startRedis, REDIS_SERVER };
