import type { ErrorInfo } from '../errors/read-error-body.js';
import type { ChatCompletionCreateParams } from '../schema/chat-params.js';
import type { RunSpec } from './run-spec.js';

/** What a dialect turns chat parameters into: the path under the base URL, the body, extra headers. */
export interface PreparedRequest {
  path: string;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface DialectCapabilities {
  streaming: boolean;
  tools: boolean;
  responseFormat: boolean;
  /** `async: true` chat runs. */
  async: boolean;
  /** File uploads and file content parts. */
  files: boolean;
  /** More than one choice (`n > 1`). */
  multipleChoices: boolean;
  /** Caesar's native research jobs (`client.research`). */
  research: boolean;
}

/**
 * A vendor's wire format, as data plus small pure functions. A dialect knows nothing of the
 * transport; the client hands it parameters and bodies and gets wire values back.
 * `TParams` is the request type the dialect accepts and `TOptions` the per-call extras it adds to
 * `RequestOptions` (Bifrost's `x-bf-*` controls); both are phantoms only the type system reads.
 */
export interface Dialect<TParams = ChatCompletionCreateParams, TOptions = {}> {
  readonly name: string;
  /** Default base URL; the client option and env `<NAME>_BASE_URL` override it. */
  readonly baseURL: string;
  readonly env: { readonly apiKey: string; readonly baseURL: string };
  /** Headers that carry the key; throws `InvalidRequestError` for a key the vendor would refuse. */
  readonly auth: (apiKey: string) => Record<string, string>;
  /** True when the vendor can be called without a key (a gateway without governance, say). */
  readonly keyOptional: boolean;
  /** Headers every request must carry (e.g. Caesar's `API-Version`). Sent in browsers too. */
  readonly headers: Readonly<Record<string, string>>;
  /** Response headers holding the request id, in order of preference (`x-request-id` is always read). */
  readonly requestIdHeaders: readonly string[];
  readonly defaults: { readonly timeout: number; readonly idleTimeout: number };
  /**
   * The vendor's documented rate-limit window, for vendors whose 429s carry no `Retry-After`
   * (inTandem: 10 requests a minute). Such a 429 is not retried — a retry inside the window fails
   * again and may count against the quota — and `RateLimitError.retryAfterMs` reports the window.
   */
  readonly rateLimitWindowMs?: number;
  readonly capabilities: DialectCapabilities;
  /** Validates what only this vendor cares about (throws `InvalidRequestError`) and shapes the wire request. */
  readonly prepareChat: (
    params: TParams & { stream?: boolean | null },
    extras: Partial<TOptions>,
  ) => PreparedRequest;
  /** Unwraps the vendor's envelope into an OpenAI-shaped body (validation happens after). */
  readonly unwrapCompletion: (body: unknown) => unknown;
  /** Unwraps one stream event's JSON; `undefined` means "not a chunk" (skip it). */
  readonly unwrapChunk: (data: unknown) => unknown;
  /** Reads the vendor's error body into message, code, type and param. */
  readonly readError: (body: unknown) => ErrorInfo;
  /**
   * Headers a call's options (its dialect extras, its `headers`) carry to requests other than chat
   * (`runs.retrieve`, polls): Bifrost's virtual key must travel with every poll of a job it made.
   */
  readonly requestHeaders?: (extras: Partial<TOptions> & { headers?: unknown }) => Record<string, string>;
  /**
   * Async runs, where the vendor has them (`capabilities.async`): the spec, or a function that
   * loads it (the built-in dialects load theirs with `import()` when a run is first used).
   */
  readonly runs?: RunSpec | (() => Promise<RunSpec>);
  /** Phantoms: carry `TParams` and `TOptions` for type inference. */
  readonly __params?: TParams;
  readonly __options?: TOptions;
}

/** Any dialect, whatever its parameter type. */
export type AnyDialect = Dialect<any, any>;
