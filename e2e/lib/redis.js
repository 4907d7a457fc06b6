'use strict';
// A private redis-server for the queue-mode run (n8n's Bull queue): Debian's redis-server started
// in the foreground on a free loopback port, no persistence of its own, its folder under the e2e
// cache; stopped by its pid at the end. `snapshot()` makes Redis write everything it holds to an
// uncompressed RDB file (SAVE, rdbcompression off) so the secret scan can read every key's bytes.
const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const { spawn } = require('node:child_process');
const { freePort } = require('./n8n');
const { log } = require('./proc');

const REDIS_SERVER = process.env.E2E_REDIS_SERVER || '/usr/bin/redis-server';

/** One command over RESP; resolves with the first reply line (e.g. "+OK", "+PONG"). */
function command(port, args, timeoutMs = 10000) {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		let reply = '';
		const timer = setTimeout(() => {
			socket.destroy();
			reject(new Error(`redis ${args[0]}: no answer in ${timeoutMs} ms`));
		}, timeoutMs);
		socket.on('connect', () => {
			socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
		});
		socket.on('data', (d) => {
			reply += d;
			if (reply.includes('\r\n')) {
				clearTimeout(timer);
				socket.end();
				resolve(reply.split('\r\n')[0]);
			}
		});
		socket.on('error', (err) => {
			clearTimeout(timer);
			reject(err);
		});
	});
}

async function startRedis(dir) {
	if (!fs.existsSync(REDIS_SERVER)) throw new Error(`${REDIS_SERVER} is missing: run node e2e/install.js queue (apt-get install redis-server)`);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const logFile = path.join(dir, 'redis.log');
	const out = fs.openSync(logFile, 'a');
	const args = ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir];
	args.push('--dbfilename', 'dump.rdb', '--rdbcompression', 'no', '--daemonize', 'no', '--protected-mode', 'yes');
	const child = spawn(REDIS_SERVER, args, { stdio: ['ignore', out, out] });
	fs.closeSync(out);
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	const deadline = Date.now() + 15000;
	for (;;) {
		if (exited) throw new Error(`redis-server exited (${JSON.stringify(exited)}):\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
		try {
			if ((await command(port, ['PING'], 1000)) === '+PONG') break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error('redis-server did not answer PING within 15 s');
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	log(`redis-server ${child.pid} listening on 127.0.0.1:${port}`);
	let snapshots = 0;
	return {
		port,
		dir,
		logFile,
		pid: child.pid,
		/** Writes everything Redis holds now to <dir>/snapshot-N.rdb (uncompressed); returns its path. */
		async snapshot() {
			const reply = await command(port, ['SAVE'], 30000);
			if (reply !== '+OK') throw new Error(`redis SAVE answered ${reply}`);
			snapshots += 1;
			const file = path.join(dir, `snapshot-${snapshots}.rdb`);
			fs.renameSync(path.join(dir, 'dump.rdb'), file);
			return file;
		},
		async stop() {
			if (exited) return;
			const done = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
			await done;
			clearTimeout(timer);
		},
	};
}

module.exports = { startRedis, REDIS_SERVER };
