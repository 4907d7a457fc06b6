import { canceled, systemClock, type Clock } from './wait';

/**
 * Pacing: Kore.ai allows 60 Contact Center requests per minute per account, counted over sixty
 * seconds. Whether that window is rolling or fixed, or has a shorter sub-window, is not documented,
 * so requests are spread evenly instead of sent in bursts: at N per minute, one starts at least
 * 60/N seconds (plus 2 % headroom for network timing) after the previous one. Evenly spaced
 * requests stay within N in every window of any length, rolling or fixed.
 *
 * One pacer per Kore.ai account and Environment URL, kept at module level: every execution in this
 * n8n process that talks to the same account shares it, so two workflows running at once do not
 * add up to twice the limit. (Separate n8n processes or other tools using the account are not
 * seen; their 429s are retried.)
 *
 * Waiters queue in arrival order. Spacing is measured between the actual starts, so a start that
 * was late (a busy event loop) does not let the next one come early. A 429 holds the whole account
 * for the wait Kore.ai asked for (see `hold`).
 */

export const PACING_HEADROOM = 0.02;

/** Milliseconds between request starts for a limit of `perMinute`; 0 = no pacing. */
export function intervalForRate(perMinute: number): number {
	if (!(perMinute > 0)) return 0;
	return (60_000 / perMinute) * (1 + PACING_HEADROOM);
}

export class Pacer {
	private tail: Promise<void> = Promise.resolve();

	private lastStart = Number.NEGATIVE_INFINITY;

	private heldUntil = 0;

	constructor(private readonly clock: Clock = systemClock) {}

	/** No request starts before `untilMs` (a Retry-After from Kore.ai's rate limiter). */
	hold(untilMs: number): void {
		if (untilMs > this.heldUntil) this.heldUntil = untilMs;
	}

	/** Whether nothing started since `sinceMs` and no hold reaches past it. */
	idleSince(sinceMs: number): boolean {
		return this.lastStart < sinceMs && this.heldUntil < sinceMs;
	}

	/**
	 * Resolves when a request may start, `intervalMs` after the previous start at the earliest;
	 * rejects with ExecutionCancelledError when `signal` aborts while waiting. A cancelled waiter
	 * leaves the queue without holding up the ones behind it.
	 */
	async acquire(intervalMs: number, signal?: AbortSignal): Promise<void> {
		if (intervalMs <= 0) {
			// Pacing off: only a hold from a 429 applies.
			const wait = this.heldUntil - this.clock.now();
			if (wait > 0) await this.clock.sleep(wait, signal);
			this.lastStart = this.clock.now();
			return;
		}

		const previous = this.tail;
		let release: () => void = () => {};
		this.tail = new Promise<void>((resolve) => {
			release = resolve;
		});
		const cancelled = await this.clock.race(previous, signal).then(
			() => false,
			() => true,
		);
		if (cancelled) {
			// Keep the queue's order: whoever waits behind us goes when the one before us has gone.
			void previous.then(release);
			throw canceled();
		}
		try {
			for (;;) {
				const now = this.clock.now();
				const due = Math.max(this.lastStart + intervalMs, this.heldUntil);
				if (now >= due) {
					this.lastStart = now;
					return;
				}
				await this.clock.sleep(due - now, signal);
			}
		} finally {
			release();
		}
	}
}

const pacers = new Map<string, Pacer>();
const MAX_IDLE_PACERS = 1000;
const IDLE_MS = 5 * 60_000;

/** The process-wide pacer of one Kore.ai account at one Environment URL. */
export function pacerFor(origin: string, accountId: string): Pacer {
	const key = `${origin} ${accountId}`;
	let pacer = pacers.get(key);
	if (pacer === undefined) {
		if (pacers.size >= MAX_IDLE_PACERS) pruneIdle();
		pacer = new Pacer();
		pacers.set(key, pacer);
	}
	return pacer;
}

function pruneIdle(): void {
	const before = Date.now() - IDLE_MS;
	for (const [key, pacer] of pacers) {
		if (pacer.idleSince(before)) pacers.delete(key);
	}
}
