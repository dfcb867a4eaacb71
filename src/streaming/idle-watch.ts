// setTimeout overflows above 2³¹−1 ms and fires at once; longer waits are re-checked in steps.
const MAX_DELAY = 2_147_483_647;

/**
 * Fails a stream that waited `ms` for data with nothing but silence or comment keep-alives
 * (openai-node #1825: a stalled body hung for 37 minutes; undici's own body timer is reset by
 * keep-alives). Only time spent waiting for the server counts, not time the caller spends
 * between two reads.
 *
 * The hot path only writes `waiting = false` when data arrives: one timer re-checks a stored
 * start time when it fires, instead of being cleared and re-armed for every event.
 */
export class IdleWatch {
  /** True while a read is pending and no data event has arrived since it started. */
  waiting = false;
  readonly #ms: number;
  readonly #onIdle: () => void;
  #since = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(ms: number, onIdle: () => void) {
    this.#ms = ms;
    this.#onIdle = onIdle;
  }

  /** `ms` ≤ 0 or not finite turns the watch off. */
  static create(ms: number, onIdle: () => void): IdleWatch | undefined {
    return Number.isFinite(ms) && ms > 0 ? new IdleWatch(ms, onIdle) : undefined;
  }

  /** A read is about to wait for the server; starts the clock unless it is already running. */
  wait(): void {
    if (this.waiting) return;
    this.waiting = true;
    this.#since = performance.now();
    if (this.#timer === undefined) this.#schedule(this.#ms);
  }

  stop(): void {
    this.waiting = false;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(ms: number): void {
    this.#timer = setTimeout(this.#check, Math.min(Math.ceil(ms), MAX_DELAY));
  }

  readonly #check = (): void => {
    this.#timer = undefined;
    // Not waiting: the next `wait()` starts a fresh timer, so an idle caller keeps no timer alive.
    if (!this.waiting) return;
    const left = this.#ms - (performance.now() - this.#since);
    if (left > 0) this.#schedule(left);
    // After the event loop stalled (a long GC, a busy machine, an app busy in a callback), expired
    // timers run before sockets are read: events that did arrive are still unread. One more turn
    // lets them in before the stream is judged idle (found by the soak; idle-after-stall test).
    else this.#timer = setTimeout(this.#expire, 0);
  };

  readonly #expire = (): void => {
    this.#timer = undefined;
    if (!this.waiting) return;
    const left = this.#ms - (performance.now() - this.#since);
    if (left > 0) this.#schedule(left);
    else this.#onIdle();
  };
}
