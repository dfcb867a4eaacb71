import { APIConnectionTimeoutError, APIUserAbortError } from '../errors/connection-errors.js';
import { linkAbort } from './abort-link.js';

export type AbortCause = 'user' | 'timeout' | 'idle' | 'done';

/**
 * The abort machinery of one HTTP attempt: its own controller, an optional timer, and a link to the
 * caller's signal. The link (see {@link linkAbort}) is always undone by `release()`, so a long-lived
 * caller signal shared by thousands of requests never accumulates listeners; the timer is a plain
 * `setTimeout` (not `AbortSignal.timeout`) so that it can be cleared the moment it is not needed.
 */
export class RequestLease {
  readonly #controller = new AbortController();
  readonly #callerSignal: AbortSignal | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #cause: AbortCause | undefined;
  #unlink: (() => void) | undefined;

  constructor(callerSignal?: AbortSignal) {
    this.#callerSignal = callerSignal;
    if (callerSignal?.aborted) this.abort('user');
    else if (callerSignal) this.#unlink = linkAbort(callerSignal, () => this.abort('user'));
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Why the attempt was aborted, if it was. */
  get cause(): AbortCause | undefined {
    return this.#cause;
  }

  /** (Re)arms the timer; when it fires the attempt aborts with `cause`. */
  arm(ms: number, cause: 'timeout' | 'idle' = 'timeout'): void {
    this.disarm();
    if (!Number.isFinite(ms) || ms <= 0) return;
    // After the event loop stalled (a long GC, a busy machine), expired timers run before sockets
    // are read: an answer that arrived meanwhile is still unread. One more turn lets it in before
    // the attempt is aborted and sent again (found by the soak; timeout-after-stall test).
    this.#timer = setTimeout(() => {
      this.#timer = setTimeout(() => this.abort(cause), 0);
    }, ms);
  }

  disarm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  abort(cause: AbortCause): void {
    if (this.#controller.signal.aborted) return;
    this.#cause = cause;
    this.disarm();
    this.#controller.abort(this.errorFor(cause));
  }

  /** Ends the lease: clears the timer and unhooks the caller's signal. Safe to call twice. */
  release(): void {
    this.disarm();
    this.#unlink?.();
    this.#unlink = undefined;
  }

  /** The typed error an abort of this cause surfaces as. */
  errorFor(cause: AbortCause | undefined): Error {
    if (cause === 'timeout') return new APIConnectionTimeoutError('Request timed out.');
    if (cause === 'idle')
      return new APIConnectionTimeoutError('Stream idle timeout: no event arrived in time.');
    return new APIUserAbortError('Request was aborted.', { cause: this.#callerSignal?.reason });
  }
}
