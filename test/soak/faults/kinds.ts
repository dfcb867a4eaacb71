import type { RecordedRequest, Reply } from '../../../src/testing/index.js';

/** What a soak call does. */
export type Op = 'json' | 'stream' | 'run' | 'upload';

/** The class names a failed call may end with. */
export type ErrorName =
  | 'APIError'
  | 'BadRequestError'
  | 'AuthenticationError'
  | 'NotFoundError'
  | 'ConflictError'
  | 'UnprocessableEntityError'
  | 'RateLimitError'
  | 'InternalServerError'
  | 'APIConnectionError'
  | 'APIConnectionTimeoutError'
  | 'APIUserAbortError'
  | 'StreamError'
  | 'ResponseValidationError'
  | 'RunFailedError'
  | 'RunTimeoutError';

/**
 * How a fault behaves across attempts:
 * - `retryable`: hits the first `times` attempts, then clears (success if `times` ≤ maxRetries);
 * - `fatal`: an answer, not a failure to answer — one attempt, never retried;
 * - `sticky`: hits every attempt (a cut after data may or may not be retried, the end is the same);
 * - `benign`: an awkward but valid answer — the call must succeed on the first attempt.
 */
export type FaultMode = 'retryable' | 'fatal' | 'sticky' | 'benign';

/** The timing every fault is built against (the soak clients use the same). */
export interface Timing {
  readonly timeout: number;
  readonly idleTimeout: number;
}

/** What a fault's reply is made from, on the vendor side. */
export interface ServeInput {
  readonly request: RecordedRequest;
  /** The vendor's own answer to this request (computed on demand). */
  readonly base: () => Promise<Reply>;
  /** The vendor's own answer to the same request made without `stream: true`. */
  readonly baseJson: () => Promise<Reply>;
  /** A seeded number for where to cut, how long to wait… */
  readonly param: number;
  /** This request's attempt number (1 for the first). */
  readonly attempt: number;
  readonly apiKey: string;
  readonly timing: Timing;
}

export interface FaultKind {
  readonly name: string;
  readonly ops: readonly Op[];
  /** The requests it hits: the call's POST (chat, submit, upload) or a run's polls (GET). */
  readonly on: 'request' | 'poll';
  readonly mode: FaultMode;
  /** The class the call fails with when the fault does not clear. */
  readonly error?: ErrorName;
  /** For a fault that changes from attempt to attempt: the class after `attempts` attempts. */
  readonly errorAfter?: (attempts: number) => ErrorName;
  /** A sticky cut whose retry depends on whether a chunk reached the caller first. */
  readonly attemptsVary?: boolean;
  /** Injected by the client's fetch (connection refused), not by the vendor. */
  readonly refuse?: boolean;
  /**
   * The caller's `timeout` / `idleTimeout` for this call, for answers that are slow on purpose: a
   * busy shared machine must not turn a one-byte trickle into a timeout. Stalls keep the soak's own.
   */
  readonly callerTiming?: Partial<Timing>;
  /** The caller breaks out of the stream after its first chunk (the answer so far is a prefix). */
  readonly clientBreaks?: boolean;
  /** Only meaningful when the request can be sent again (not for a one-shot stream upload). */
  readonly needsReplay?: boolean;
  /** The run's vendor behaviour instead of a per-request reply. */
  readonly variant?: 'failing' | 'slow';
  /**
   * Dialects for which a `retryable` fault is an answer instead: inTandem does not retry a 429
   * without a retry header (its documented window is a minute), so the call ends at once.
   */
  readonly fatalFor?: readonly string[];
  /** Relative frequency among the faults of an op. */
  readonly weight: number;
  serve?(input: ServeInput): Reply | Promise<Reply>;
}
