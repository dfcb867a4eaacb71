import type { RecordedRequest } from './recorded-request.js';

interface Waiter {
  readonly count: number;
  readonly resolve: (requests: readonly RecordedRequest[]) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** The requests a mock server received, and promises waiting for more of them. */
export class RequestLog {
  #records: RecordedRequest[] = [];
  /** Each record's arrival ticket, in step with `#records`. */
  #tickets: number[] = [];
  #nextTicket = 0;
  #waiters = new Set<Waiter>();

  get all(): readonly RecordedRequest[] {
    return this.#records;
  }

  get last(): RecordedRequest | undefined {
    return this.#records.at(-1);
  }

  /** A place in the log for a request whose headers just arrived (its body may take a while). */
  reserve(): number {
    return this.#nextTicket++;
  }

  /** Records a request in arrival order: before any that arrived after it but finished first. */
  add(record: RecordedRequest, ticket = this.reserve()): void {
    let at = this.#tickets.length;
    while (at > 0 && (this.#tickets[at - 1] as number) > ticket) at--;
    this.#records.splice(at, 0, record);
    this.#tickets.splice(at, 0, ticket);
    for (const waiter of this.#waiters) {
      if (this.#records.length >= waiter.count) this.#settle(waiter).resolve(this.#records);
    }
  }

  /** Resolves once `count` requests are recorded; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs = 2_000): Promise<readonly RecordedRequest[]> {
    if (this.#records.length >= count) return Promise.resolve(this.#records);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#settle(waiter).reject(
          new Error(
            `Mock server got ${this.#records.length} of ${count} expected requests within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      // A forgotten wait must not keep the test process alive.
      timer.unref?.();
      const waiter: Waiter = { count, resolve, reject, timer };
      this.#waiters.add(waiter);
    });
  }

  /** Forgets every record (pending waits keep waiting, counting from zero). */
  clear(): void {
    this.#records = [];
    this.#tickets = [];
  }

  /** Rejects every pending wait, e.g. when the server closes. */
  rejectAll(error: Error): void {
    for (const waiter of this.#waiters) this.#settle(waiter).reject(error);
  }

  #settle(waiter: Waiter): Waiter {
    clearTimeout(waiter.timer);
    this.#waiters.delete(waiter);
    return waiter;
  }
}
