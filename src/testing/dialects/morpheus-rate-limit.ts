import type { ErrorReply } from '../reply.js';
import { type RateLimitState, rateLimited } from './morpheus-errors.js';

/** Per-minute request and token limits as the mock Morpheus counts them. */
export interface MorpheusRateLimitOptions {
  /** @defaultValue 60 (the gateway's default RPM) */
  requests?: number;
  /** @defaultValue 100000 (the gateway's default TPM) */
  tokens?: number;
  /** Answer 429 once a limit is used up (otherwise the headers only report). @defaultValue false */
  enforce?: boolean;
}

const WINDOW_MS = 60_000;

/** A 60 s window of requests and tokens, reported on every answer and enforced on demand. */
export class MorpheusRateLimit {
  readonly #limitRequests: number;
  readonly #limitTokens: number;
  readonly #enforce: boolean;
  #windowStart = Date.now();
  #requests = 0;
  #tokens = 0;

  constructor(options: MorpheusRateLimitOptions = {}) {
    this.#limitRequests = options.requests ?? 60;
    this.#limitTokens = options.tokens ?? 100_000;
    this.#enforce = options.enforce ?? false;
  }

  get state(): RateLimitState {
    return {
      limitRequests: this.#limitRequests,
      remainingRequests: Math.max(0, this.#limitRequests - this.#requests),
      limitTokens: this.#limitTokens,
      remainingTokens: Math.max(0, this.#limitTokens - this.#tokens),
      resetAt: this.#windowStart + WINDOW_MS,
    };
  }

  /** Counts one request of `tokens`, or returns the 429 when a limit is used up and enforced. */
  take(tokens: number): ErrorReply | undefined {
    const now = Date.now();
    if (now >= this.#windowStart + WINDOW_MS) this.reset(now);
    const exhausted = this.#requests >= this.#limitRequests || this.#tokens >= this.#limitTokens;
    if (exhausted && this.#enforce) {
      return rateLimited(this.state, Math.max(1, Math.ceil((this.#windowStart + WINDOW_MS - now) / 1000)));
    }
    this.#requests += 1;
    this.#tokens += tokens;
    return undefined;
  }

  reset(now = Date.now()): void {
    this.#windowStart = now;
    this.#requests = 0;
    this.#tokens = 0;
  }
}
