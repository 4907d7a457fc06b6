'use strict';
// A private PostgreSQL cluster for the queue-mode run: Debian's postgresql binaries (initdb, pg_ctl)
// run as the `postgres` user when the harness runs as root (Postgres refuses to run as root), as the
// harness's own user otherwise. The cluster listens on a free loopback port with its socket in its
// own folder, fsync off (throwaway data); a role and a database for n8n with a random password.
// The folder is under the e2e cache; when that is not reachable for the postgres user (root's home
// is private on Debian) it is a fresh folder under the system temp folder instead, removed at stop.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { run, log } = require('./proc');
const { freePort } = require('./n8n');

function binDir() {
	if (process.env.E2E_PG_BIN) return process.env.E2E_PG_BIN;
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root)
		? fs
				.readdirSync(root)
				.filter((v) => /^\d+$/.test(v))
				.sort((a, b) => b - a)
		: [];
	for (const v of versions)
		if (fs.existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
	throw new Error(
		'no PostgreSQL server binaries under /usr/lib/postgresql: run node e2e/install.js queue (apt-get install postgresql)',
	);
}

const asRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** argv that runs `bin args` as the postgres user when we are root. */
function asPostgres(bin, args) {
	return asRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

async function reachableByPostgres(dir) {
	if (!asRoot()) return true;
	const res = await run('runuser', ['-u', 'postgres', '--', 'test', '-w', dir, '-a', '-x', dir], {
		allowFail: true,
		capture: true,
		heartbeat: 0,
	});
	return res.code === 0;
}

/** Starts a cluster in `wantedDir` (or a temp folder, see above). Resolves with its connection and stop(). */
async function startPostgres(wantedDir) {
	const bin = binDir();
	fs.rmSync(wantedDir, { recursive: true, force: true });
	fs.mkdirSync(wantedDir, { recursive: true });
	if (asRoot()) fs.chownSync(wantedDir, ...postgresIds());
	let dir = wantedDir;
	let temporary = false;
	if (!(await reachableByPostgres(wantedDir))) {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kore-e2e-pg-'));
		temporary = true;
		fs.chmodSync(dir, 0o700);
		fs.chownSync(dir, ...postgresIds());
		log(
			`postgres: ${wantedDir} is not reachable for the postgres user; cluster in ${dir} instead (removed at the end)`,
		);
	}
	const data = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	const port = await freePort();
	const password = crypto.randomBytes(18).toString('base64url');
	const pg = (name, args, opts = {}) => {
		const [cmd, argv] = asPostgres(path.join(bin, name), args);
		return run(cmd, argv, { capture: true, heartbeat: 0, label: name, ...opts });
	};
	await pg('initdb', [
		'-D',
		data,
		'-U',
		'postgres',
		'--auth-local=trust',
		'--auth-host=scram-sha-256',
		'-E',
		'UTF8',
		'--locale=C.UTF-8',
	]);
	const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
	await pg('pg_ctl', ['-D', data, '-w', '-t', '60', '-l', logFile, '-o', serverOptions, 'start']);
	const version = (await pg('postgres', ['--version'])).stdout.trim();
	log(`postgres (${version}) listening on 127.0.0.1:${port}, data in ${data}`);
	const psql = (sql) =>
		pg('psql', [
			'-h',
			dir,
			'-p',
			String(port),
			'-U',
			'postgres',
			'-d',
			'postgres',
			'-v',
			'ON_ERROR_STOP=1',
			'-c',
			sql,
		]);
	await psql(`CREATE ROLE n8n LOGIN PASSWORD '${password}'`);
	await psql('CREATE DATABASE n8n OWNER n8n');
	let stopped = false;
	return {
		host: '127.0.0.1',
		port,
		database: 'n8n',
		user: 'n8n',
		password,
		version,
		dir,
		logFile,
		/** pg_dump of n8n's database (plain SQL, every table's rows) into `file`. */
		async dump(file) {
			await run(
				path.join(bin, 'pg_dump'),
				['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'n8n', '--no-owner', '-f', file],
				{
					env: { ...process.env, PGPASSWORD: password },
					capture: true,
					heartbeat: 0,
					label: 'pg_dump',
				},
			);
			return file;
		},
		/** Copies the server's log next to the other logs (it lives in the cluster folder). */
		copyLog(to) {
			if (fs.existsSync(logFile)) fs.copyFileSync(logFile, to);
		},
		async stop() {
			if (stopped) return;
			stopped = true;
			await pg('pg_ctl', ['-D', data, '-w', '-t', '30', '-m', 'fast', 'stop'], { allowFail: true });
			if (temporary) fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

function postgresIds() {
	if (!asRoot()) return [process.getuid(), process.getgid()];
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith('postgres:'));
	if (!line)
		throw new Error('no postgres user: run node e2e/install.js queue (apt-get install postgresql)');
	const [, , uid, gid] = line.split(':');
	return [Number(uid), Number(gid)];
}

module.exports = { startPostgres, binDir };
