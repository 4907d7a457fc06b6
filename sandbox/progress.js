'use strict';

/**
 * Campaigns that move on by themselves, so a polling client (the Kore.ai Contact Center Trigger)
 * can be seen reacting to a change it did not make: with `completeAfterMs`, a campaign started
 * through the API (Start SMS/voice campaign) becomes `Completed` that many milliseconds later,
 * as a real campaign does once every contact was messaged or called.
 *
 * Kore.ai documents no timing for this (a real campaign runs as long as its contact lists and
 * calling hours take); the sandbox only makes the transition happen on request.
 *
 * The change is applied lazily, by the sandbox's own clock (`now`), before every request is
 * answered and on `tick()`: a fake clock in a test moves campaigns on exactly when it says so, and
 * no timer outlives the sandbox. A campaign stopped, deleted or started again before its time is
 * left alone (each start gets its own run, `campaignInstanceId`).
 */
function createProgress({ store, now, nowIso, completeAfterMs }) {
	let delayMs = checkDelay(completeAfterMs);
	/** campaign ID -> { dueAt, instanceId } */
	const due = new Map();

	return {
		/** routes.js calls this when a start was accepted (status just became Active). */
		started(record) {
			if (delayMs > 0)
				due.set(record.id, { dueAt: now() + delayMs, instanceId: record.doc.campaignInstanceId });
		},
		/** Completes every started campaign whose time has come; returns their IDs. */
		tick() {
			const completed = [];
			for (const [id, run] of due) {
				if (run.dueAt > now()) continue;
				due.delete(id);
				const record = store.records.get(id);
				if (
					!record ||
					record.doc.status !== 'Active' ||
					record.doc.campaignInstanceId !== run.instanceId
				)
					continue;
				const at = nowIso();
				record.doc.status = 'Completed';
				record.doc.updatedAt = at;
				record.list.campaignInstanceUpdatedAt = at;
				completed.push(id);
			}
			return completed;
		},
		/** 0 or undefined: started campaigns stay Active (the default). Applies to later starts. */
		setCompleteAfter(ms) {
			delayMs = checkDelay(ms);
		},
		get completeAfterMs() {
			return delayMs;
		},
		/** Campaigns waiting to complete. */
		get pending() {
			return due.size;
		},
		reset() {
			due.clear();
		},
	};
}

function checkDelay(ms) {
	if (ms === undefined || ms === null || ms === false) return 0;
	const n = Number(ms);
	if (!Number.isFinite(n) || n < 0)
		throw new Error(`sandbox: completeAfterMs must be a number of milliseconds >= 0, not ${ms}`);
	return n;
}

module.exports = { createProgress };
