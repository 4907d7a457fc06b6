import { Pacer } from './pacer';

/**
 * Which pacer a request waits in: one per Kore.ai account at one Environment URL, shared by every
 * execution of this n8n process (the account's limit is the account's, whatever the workflow). Pacers
 * left idle are dropped once there are many.
 */

/** Environment URL -> account ID -> pacer (two levels: no key string is built per request). */
const pacers = new Map<string, Map<string, Pacer>>();
let pacerCount = 0;
const MAX_IDLE_PACERS = 1000;
const IDLE_MS = 5 * 60_000;

/** The process-wide pacer of one Kore.ai account at one Environment URL. */
export function pacerFor(origin: string, accountId: string): Pacer {
	let accounts = pacers.get(origin);
	let pacer = accounts?.get(accountId);
	if (pacer === undefined) {
		if (pacerCount >= MAX_IDLE_PACERS) pruneIdle();
		accounts = pacers.get(origin);
		if (accounts === undefined) pacers.set(origin, (accounts = new Map()));
		pacer = new Pacer();
		accounts.set(accountId, pacer);
		pacerCount++;
	}
	return pacer;
}

function pruneIdle(): void {
	const before = Date.now() - IDLE_MS;
	for (const [origin, accounts] of pacers) {
		for (const [accountId, pacer] of accounts) {
			if (!pacer.idleSince(before)) continue;
			accounts.delete(accountId);
			pacerCount--;
		}
		if (accounts.size === 0) pacers.delete(origin);
	}
}
