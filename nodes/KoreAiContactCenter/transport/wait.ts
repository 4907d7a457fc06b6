import { sleep } from 'n8n-workflow';

/**
 * Waiting that stops the moment the execution is canceled. n8n-workflow's `sleep(ms, signal)`
 * honours the signal in current n8n; older n8n versions ignore the second argument, so the abort is
 * also listened to here: either way a canceled execution stops waiting at once.
 */

/** Thrown when the execution's cancel signal fires while the node waits or a request is in flight. */
export class ExecutionCanceledError extends Error {
	constructor() {
		super('The execution was canceled');
		this.name = 'ExecutionCanceledError';
	}
}

/**
 * The cancellation signal between the transport's own parts (pacer, waits). It never leaves the
 * transport: sendWithRetries.ts turns it into a NodeOperationError for the item.
 */
export function canceled(): ExecutionCanceledError {
	return new ExecutionCanceledError();
}

export interface Clock {
	now(): number;
	/** Resolves after `ms`, or rejects with ExecutionCanceledError when `signal` aborts first. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
	/** Resolves with `promise`, or rejects with ExecutionCanceledError when `signal` aborts first. */
	race<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T>;
}

async function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
	if (!signal) return await promise;
	if (signal.aborted) throw canceled();
	let onAbort: (() => void) | undefined;
	const aborted = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(canceled());
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		return await Promise.race([promise, aborted]);
	} finally {
		if (onAbort) signal.removeEventListener('abort', onAbort);
	}
}

export const systemClock: Clock = {
	now: () => Date.now(),
	async sleep(ms: number, signal?: AbortSignal): Promise<void> {
		if (signal?.aborted) throw canceled();
		if (ms <= 0) return;
		const slept = sleep(ms, signal).catch(() => {
			// Aborted: the race below reports it as ExecutionCanceledError.
		});
		await raceAbort(slept, signal);
		if (signal?.aborted) throw canceled();
	},
	race: raceAbort,
};
