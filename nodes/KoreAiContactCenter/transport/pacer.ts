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
 * add up to twice the limit.
 *
 * Other n8n processes using the same account (queue-mode workers, a second n8n instance, another
 * tool) are not seen: shipped code may not share state through Redis or a file. So each pacer learns
 * its share of the account's limit from Kore.ai's answers, the way TCP shares a link (AIMD,
 * additive increase / multiplicative decrease):
 * - It sends at a fraction of Requests per Minute, starting at the full rate.
 * - A rate-limit answer (HTTP 429) halves the fraction and holds every request of this account in
 *   this process: for the Retry-After Kore.ai sent, or, without one (Kore.ai documents none),
 *   for DEFAULT_HOLD_MS. 429s that arrive during a hold answer requests sent before it: they are
 *   the same signal and do not lower the pace again (a longer Retry-After still extends the hold).
 *   Nor does a 429 before any other answer came since the last lowering: the account's window is
 *   still full from before (a rolling minute can stay full for most of a minute), so the pacer
 *   only holds again instead of sinking to its floor.
 * - An answer without a rate limit raises the fraction by RAISE_STEP of Requests per Minute for
 *   every whole RAISE_EVERY_MS since the last change (or the end of the last hold), never above 1:
 *   additive increase in time, the same for every process whatever its pace.
 * K processes doing this against one account converge near a fair share (limit / K) each: a 429
 * costs a fast process more than a slow one (halving), while all climb back at the same speed, so
 * their rates move toward each other. When the others stop, the 429s stop and one process climbs
 * back to the full Requests per Minute. The fraction never drops below MIN_FRACTION, so a pacer
 * keeps probing and notices when capacity frees up.
 *
 * With pacing off (Requests per Minute 0) the fraction is unused and only a Retry-After holds.
 *
 * Waiters queue in arrival order. Spacing is measured between the actual starts, so a start that
 * was late (a busy event loop) does not let the next one come early. A request that may start at
 * once (nobody queued, no hold, its interval passed) starts without a promise (`tryStart`): with
 * pacing off that is every request, and n8n's HTTP helper already costs dozens of promises each.
 */

export const PACING_HEADROOM = 0.02;

/** Hold after a 429 without Retry-After: long enough to let a rolling window drain a little. */
export const DEFAULT_HOLD_MS = 10_000;

/** A 429 multiplies the pace by this. */
export const DECREASE_FACTOR = 0.5;

/** The pace grows by this share of Requests per Minute ... */
export const RAISE_STEP = 0.05;

/** ... once per this many milliseconds of answers without a 429. */
export const RAISE_EVERY_MS = 6_000;

/** The pace never drops below this share of Requests per Minute. */
export const MIN_FRACTION = 1 / 60;

/** Milliseconds between request starts for a limit of `perMinute`; 0 = no pacing. */
export function intervalForRate(perMinute: number): number {
	if (!(perMinute > 0)) return 0;
	return (60_000 / perMinute) * (1 + PACING_HEADROOM);
}

/** The rule's constants; tests may change them. */
export interface PacerTuning {
	defaultHoldMs: number;
	decreaseFactor: number;
	raiseStep: number;
	raiseEveryMs: number;
	minFraction: number;
}

const DEFAULT_TUNING: PacerTuning = {
	defaultHoldMs: DEFAULT_HOLD_MS,
	decreaseFactor: DECREASE_FACTOR,
	raiseStep: RAISE_STEP,
	raiseEveryMs: RAISE_EVERY_MS,
	minFraction: MIN_FRACTION,
};

export class Pacer {
	private tail: Promise<void> = Promise.resolve();

	/** Requests waiting in `acquire` (queued or sleeping until their start). */
	private waiting = 0;

	private lastStart = Number.NEGATIVE_INFINITY;

	/** Until when Kore.ai asked (Retry-After) that nothing is sent. */
	private heldUntil = 0;

	/** Until when this pacer holds after a 429 without Retry-After (paced requests only). */
	private pausedUntil = 0;

	/** Share of Requests per Minute this process sends at. */
	private share = 1;

	/** When the share last changed (or the hold after a 429 ended): the next raise counts from here. */
	private changedAt = Number.NEGATIVE_INFINITY;

	/** Whether Kore.ai answered without a rate limit since the share was last lowered. */
	private answeredSinceDecrease = true;

	private readonly tuning: PacerTuning;

	constructor(
		private readonly clock: Clock = systemClock,
		tuning: Partial<PacerTuning> = {},
	) {
		this.tuning = { ...DEFAULT_TUNING, ...tuning };
	}

	/** The share of Requests per Minute this process currently sends at (1 = all of it). */
	get fraction(): number {
		return this.share;
	}

	/** No request starts before `untilMs` (a wait Kore.ai asked for). */
	hold(untilMs: number): void {
		if (untilMs > this.heldUntil) this.heldUntil = untilMs;
	}

	/**
	 * Kore.ai answered a request of this account with a rate limit at `nowMs`, asking to wait
	 * `retryAfterMs` (undefined when it sent no Retry-After). Lowers the pace unless a hold from an
	 * earlier 429 is still running, and holds the account. Returns how long the hold lasts from now.
	 */
	onRateLimited(nowMs: number, retryAfterMs?: number): number {
		const holding = nowMs < Math.max(this.heldUntil, this.pausedUntil);
		if (!holding && this.answeredSinceDecrease) {
			this.share = Math.max(this.tuning.minFraction, this.share * this.tuning.decreaseFactor);
			this.answeredSinceDecrease = false;
		}
		if (retryAfterMs !== undefined) {
			this.hold(nowMs + retryAfterMs);
		} else if (!holding) {
			this.pausedUntil = Math.max(this.pausedUntil, nowMs + this.tuning.defaultHoldMs);
		}
		this.changedAt = Math.max(this.changedAt, this.heldUntil, this.pausedUntil);
		return Math.max(0, this.heldUntil - nowMs, this.pausedUntil - nowMs);
	}

	/** Kore.ai answered a request of this account at `nowMs` with anything but a rate limit. */
	onAnswer(nowMs: number): void {
		this.answeredSinceDecrease = true;
		if (this.share >= 1) return;
		const steps = Math.floor((nowMs - this.changedAt) / this.tuning.raiseEveryMs);
		if (steps < 1) return;
		this.share = Math.min(1, this.share + steps * this.tuning.raiseStep);
		this.changedAt += steps * this.tuning.raiseEveryMs;
	}

	/** Whether nothing started since `sinceMs` and no hold reaches past it. */
	idleSince(sinceMs: number): boolean {
		return this.lastStart < sinceMs && this.heldUntil < sinceMs && this.pausedUntil < sinceMs;
	}

	/**
	 * Starts a request now if it may start without waiting (what `acquire` would resolve at once
	 * with); false when it must wait, or the execution is canceled: then call `acquire`.
	 */
	tryStart(intervalMs: number, signal?: AbortSignal): boolean {
		const now = this.clock.now();
		if (intervalMs <= 0) {
			if (now < this.heldUntil) return false;
		} else if (
			this.waiting > 0 ||
			signal?.aborted === true ||
			now < Math.max(this.lastStart + intervalMs / this.share, this.heldUntil, this.pausedUntil)
		) {
			return false;
		}
		this.lastStart = now;
		return true;
	}

	/**
	 * Resolves when a request may start: `intervalMs` (the interval at the full Requests per Minute)
	 * divided by the current share after the previous start, at the earliest; rejects with
	 * ExecutionCanceledError when `signal` aborts while waiting. A canceled waiter leaves the
	 * queue without holding up the ones behind it.
	 */
	async acquire(intervalMs: number, signal?: AbortSignal): Promise<void> {
		if (intervalMs <= 0) {
			// Pacing off: only a wait Kore.ai asked for applies.
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
		this.waiting++;
		const gaveUp = await this.clock.race(previous, signal).then(
			() => false,
			() => true,
		);
		if (gaveUp) {
			this.waiting--;
			// Keep the queue's order: whoever waits behind us goes when the one before us has gone.
			void previous.then(release);
			throw canceled();
		}
		try {
			for (;;) {
				// Read afresh after every sleep: a 429 or a raise may have changed share and holds.
				const now = this.clock.now();
				const due = Math.max(
					this.lastStart + intervalMs / this.share,
					this.heldUntil,
					this.pausedUntil,
				);
				if (now >= due) {
					this.lastStart = now;
					return;
				}
				await this.clock.sleep(due - now, signal);
			}
		} finally {
			this.waiting--;
			release();
		}
	}
}
