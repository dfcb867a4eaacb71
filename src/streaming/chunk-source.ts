import type { ErrorInfo } from '../errors/read-error-body.js';
import type { Redactor } from '../errors/redact.js';
import type { ChatCompletionChunk, Usage } from '../schema/chat-completion.js';
import type { ValidateMode } from '../schema/normalise-completion.js';

/**
 * Where a stream's chunks come from: an HTTP body, a body handed to `fromReadableStream`, or one
 * side of a `tee()`. Pull-based, so nothing is read ahead of the caller.
 */
export interface ChunkSource {
  /** The next chunk already decoded, without waiting; `undefined` when none is buffered. */
  take(): ChatCompletionChunk | undefined;
  /** Reads until a chunk is buffered (true) or the stream has ended (false); throws if it failed. */
  fill(): Promise<boolean>;
  /** Stops reading and cancels the request; buffered chunks are dropped. Safe to call twice. */
  cancel(): void;
  /** Usage seen in frames that are not chunks (Morpheus' `usage_from_provider`). */
  readonly sideUsage: Usage | undefined;
  readonly response: Response | undefined;
  readonly requestId: string | undefined;
  /** Masks the call's secrets in errors made from what it read; undefined before it has sent. */
  readonly redactor?: Redactor | undefined;
}

/**
 * The abort handle of one HTTP attempt, as the transport's `RequestLease` provides it. Its signal
 * aborts when the caller aborts (the reason is then the typed error to surface) or when `abort`
 * is called; `release` unhooks it from the caller's signal.
 */
export interface StreamLease {
  readonly signal: AbortSignal;
  abort(cause: 'idle' | 'done'): void;
  release(): void;
}

/** How each event of a body becomes a chunk. */
export interface ReadOptions {
  /** The dialect's envelope unwrapping; `undefined` means "not a chunk". */
  readonly unwrapChunk: (data: unknown) => unknown;
  /** The dialect's error-body reader, for error frames. */
  readonly readError: (body: unknown) => ErrorInfo;
  readonly validate: ValidateMode;
  /** Milliseconds a read may wait with no data event; ≤ 0 or Infinity turns it off. */
  readonly idleTimeout: number;
  /** The largest single event accepted (characters); an endless one fails the stream. Unbounded when absent. */
  readonly maxEventSize?: number | undefined;
}

/** One opened HTTP stream. */
export interface StreamConnection {
  readonly body: ReadableStream<Uint8Array>;
  readonly lease: StreamLease;
  readonly response?: Response | undefined;
  readonly requestId?: string | undefined;
  /** Masks the API key in anything taken from the body (error frames echo keys back). */
  readonly redactor?: Redactor | undefined;
}

/** Opens (and re-opens) the HTTP stream behind a `ChatCompletionStream`. */
export interface Connector {
  /** Sends the request; resolves at response headers, rejects with the typed HTTP or connection error. */
  open(): Promise<StreamConnection>;
  /**
   * The stream failed with `error` before any chunk reached the caller: waits the backoff and
   * resolves true when the retry budget allows another attempt.
   */
  retry(error: unknown): Promise<boolean>;
}
