'use strict';
// Small number helpers the scenarios share.

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value, digits = 3) => Number(value.toFixed(digits));
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes) => bytes / 1024 / 1024;

module.exports = { median, round, seconds, mb };
