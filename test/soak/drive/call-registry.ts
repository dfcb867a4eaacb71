import type { RequestOptions } from '../../../src/index.js';
import type { CallPlan } from '../plan/call-plan.js';
import { ATTEMPT_HEADER, CALL_HEADER, encodeFault, FAULT_HEADER } from '../vendor/fault-header.js';

/** One call in flight: its request options, and what its requests did. */
export interface CallHandle {
  /** The call's signal and headers, plus its own timeouts for answers slow on purpose. */
  readonly options: RequestOptions;
  readonly signal: AbortSignal;
  /** Polls of this run (found by the id in their path) belong to this call. */
  claimRun(id: string): void;
  /** Attempts of the call's first request (its POSTs), refused ones included. */
  postAttempts(): number;
  end(): void;
}

interface CallState {
  readonly plan: CallPlan;
  readonly counts: Map<string, number>;
  readonly runs: string[];
}

/**
 * The fetch every soak client shares. It finds the call a request belongs to (its header, or the
 * run id in a poll's path), numbers its attempts for the vendor, adds the call's fault to polls
 * (which carry no per-call headers), and sends attempts a "refused" fault hits to a closed port.
 * The real runtime fetch does the rest.
 */
export class CallRegistry {
  readonly #calls = new Map<number, CallState>();
  readonly #runs = new Map<string, CallState>();
  readonly #closedPort: number;
  readonly #shared: AbortSignal;
  readonly #hosts: Readonly<Record<string, string>>;

  /** `baseURLs` tell runs apart: two vendors may issue the same id. */
  constructor(closedPort: number, shared: AbortSignal, baseURLs: Readonly<Record<string, string>>) {
    this.#closedPort = closedPort;
    this.#shared = shared;
    this.#hosts = Object.fromEntries(
      Object.entries(baseURLs).map(([name, url]) => [name, new URL(url).host]),
    );
  }

  begin(plan: CallPlan, timing: RequestOptions): CallHandle {
    const state: CallState = { plan, counts: new Map(), runs: [] };
    this.#calls.set(plan.index, state);
    const own = plan.abortAfterMs === undefined ? undefined : new AbortController();
    const timer =
      own && setTimeout(() => own.abort(new Error('soak: the caller gave up')), plan.abortAfterMs);
    const signal = own?.signal ?? this.#shared;
    return {
      options: { ...timing, signal, headers: { [CALL_HEADER]: String(plan.index) } },
      signal,
      claimRun: (id) => {
        const key = `${this.#hosts[plan.dialect]} ${id}`;
        state.runs.push(key);
        this.#runs.set(key, state);
      },
      postAttempts: () => {
        let total = 0;
        for (const [key, count] of state.counts) if (key.startsWith('POST ')) total += count;
        return total;
      },
      end: () => {
        clearTimeout(timer);
        this.#calls.delete(plan.index);
        for (const id of state.runs) this.#runs.delete(id);
      },
    };
  }

  readonly fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const headers = new Headers(init?.headers);
    const method = init?.method ?? 'GET';
    const state = this.#stateOf(headers, url);
    if (state) {
      const { plan } = state;
      const key = `${method} ${url.pathname}`;
      const attempt = (state.counts.get(key) ?? 0) + 1;
      state.counts.set(key, attempt);
      headers.set(CALL_HEADER, String(plan.index));
      headers.set(ATTEMPT_HEADER, String(attempt));
      headers.set(FAULT_HEADER, encodeFault({ kind: plan.fault, times: plan.times, param: plan.param }));
      if (plan.fault.refuse && method === 'POST' && attempt <= plan.times)
        url.host = `127.0.0.1:${this.#closedPort}`;
    }
    return fetch(url, { ...init, headers });
  };

  #stateOf(headers: Headers, url: URL): CallState | undefined {
    const index = headers.get(CALL_HEADER);
    if (index !== null) return this.#calls.get(Number(index));
    return this.#runs.get(`${url.host} ${url.pathname.split('/').at(-1)}`);
  }
}
