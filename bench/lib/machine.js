'use strict';
// What the figures were measured on. The machine is shared, so the load average is part of it.

const os = require('node:os');

const loadAverage = () => os.loadavg().map((value) => Number(value.toFixed(2)));

function machine() {
	const cpus = os.cpus();
	return {
		nproc: os.availableParallelism ? os.availableParallelism() : cpus.length,
		cpuModel: cpus[0]?.model ?? 'unknown',
		node: process.version,
		platform: `${os.platform()} ${os.release()} ${os.arch()}`,
		totalMemMb: Math.round(os.totalmem() / 1024 / 1024),
	};
}

module.exports = { machine, loadAverage };
