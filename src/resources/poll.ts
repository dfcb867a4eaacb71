import { APIUserAbortError } from '../errors/connection-errors.js';
import { RunTimeoutError } from '../errors/run-errors.js';
import { sleep } from '../internal/sleep.js';
import { RequestLease } from '../transport/request-lease.js';
import { serverRetryDelay } from '../transport/retry-policy.js';

export interface PollOptions {
  /** First pause between polls. */
  intervalMs?: number;
  /** The pause grows by half each poll up to this. */
  maxIntervalMs?: number;
  /** Give up after this long (`RunTimeoutError` with the last state seen). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * The request options inside a wait's options (`timeout`, `headers`, `maxRetries`, dialect extras…),
 * for each poll: everything but the polling knobs and `onProgress`; the poll's own signal replaces `signal`.
 */
export function requestPart<O extends PollOptions & { onProgress?: unknown }>(
  options: O,
): Omit<O, 'intervalMs' | 'maxIntervalMs' | 'timeoutMs' | 'onProgress' | 'signal'> {
  const {
    intervalMs: _i,
    maxIntervalMs: _m,
    timeoutMs: _t,
    onProgress: _p,
    signal: _s,
    ...request
  } = options;
  return request;
}

export interface PollPlan<T> {
  /**
   * Fetches the current state with its response (`apiPromise.withResponse()`); it must honour
   * `signal`. The response's `Retry-After` (a 202 "not yet" may carry one) stretches the next pause.
   */
  fetch: (signal: AbortSignal) => Promise<{ data: T; response?: Response }>;
  /** A state already known (e.g. the creation answer): yielded first, and not fetched again if terminal. */
  initial?: T;
  /** What counts as a change worth yielding (the status, usually). */
  key: (state: T) => string;
  isDone: (state: T) => boolean;
  defaults: { intervalMs: number; maxIntervalMs: number; timeoutMs: number };
  /** Names what is being waited for in the timeout message. */
  label: string;
}

/**
 * Yields each new state of a long-running job until a terminal one (which is yielded last). Polls
 * back off from `intervalMs` to `maxIntervalMs`; one deadline timer and one link to the caller's
 * signal cover every poll and pause, and both are gone when the generator ends, however it ends.
 */
export async function* pollStates<T>(
  plan: PollPlan<T>,
  options: PollOptions = {},
): AsyncGenerator<T, void, undefined> {
  const timeoutMs = options.timeoutMs ?? plan.defaults.timeoutMs;
  const maxInterval = options.maxIntervalMs ?? plan.defaults.maxIntervalMs;
  let interval = Math.min(options.intervalMs ?? plan.defaults.intervalMs, maxInterval);
  const deadline = new RequestLease(options.signal);
  deadline.arm(timeoutMs, 'timeout');
  let last: T | undefined = plan.initial;
  let lastKey: string | undefined;
  try {
    if (deadline.cause === 'user')
      throw new APIUserAbortError('Polling was aborted.', { cause: options.signal?.reason });
    let state = plan.initial;
    let serverDelay: number | undefined;
    for (;;) {
      if (state === undefined) {
        const polled = await guarded(
          () => plan.fetch(deadline.signal),
          deadline,
          () => last,
          plan.label,
          timeoutMs,
        );
        state = polled.data;
        serverDelay = serverRetryDelay(polled.response?.headers);
      }
      last = state;
      const key = plan.key(state);
      if (key !== lastKey) {
        lastKey = key;
        yield state;
      }
      if (plan.isDone(state)) return;
      await guarded(
        () => sleep(Math.max(interval, serverDelay ?? 0), deadline.signal),
        deadline,
        () => last,
        plan.label,
        timeoutMs,
      );
      interval = Math.min(interval * 1.5, maxInterval);
      state = undefined;
    }
  } finally {
    deadline.release();
  }
}

async function guarded<R, T>(
  work: () => Promise<R>,
  deadline: RequestLease,
  last: () => T | undefined,
  label: string,
  timeoutMs: number,
): Promise<R> {
  try {
    return await work();
  } catch (error) {
    if (deadline.cause === 'timeout') {
      throw new RunTimeoutError(`Gave up waiting for ${label} after ${timeoutMs} ms.`, { run: last() });
    }
    if (deadline.cause === 'user') throw new APIUserAbortError('Polling was aborted.', { cause: error });
    throw error;
  }
}
