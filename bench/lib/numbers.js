'use strict';
// Small number helpers the scenarios share.

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value, digits = 3) => Number(value.toFixed(digits));
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes) => bytes / 1024 / 1024;

/** The spread of a scenario's rounds: { min, median, max }, rounded to `digits`. */
const spread = (values, digits = 1) => ({
	min: round(Math.min(...values), digits),
	median: round(median(values), digits),
	max: round(Math.max(...values), digits),
});

/** "2.31 / 2.45 / 2.90 s" (min / median / max) for a table cell, from a spread in ms. */
const spreadSeconds = (s) =>
	`${(s.min / 1000).toFixed(2)} / ${(s.median / 1000).toFixed(2)} / ${(s.max / 1000).toFixed(2)} s`;

module.exports = { median, round, seconds, mb, spread, spreadSeconds };
