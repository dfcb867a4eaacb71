import type { RecordedRequest } from './recorded-request.js';
import type { Reply } from './reply.js';
import type { MockUpload } from './upload.js';

/** What a dialect's default handler gets besides the request. */
export interface MockDialectContext {
  /** Model to report when the request names none. */
  readonly model: string;
  /** 1, 2, 3… per server (restarts on `reset()`), for deterministic ids such as `chatcmpl-mock-1`. */
  nextId(): number;
  /** Adds a received file to the server's `uploads`. */
  recordUpload(upload: MockUpload): void;
}

/** What a dialect's error body is built from. */
export interface MockErrorInput {
  readonly status: number;
  readonly message: string;
  readonly type?: string;
  readonly code?: string;
}

/**
 * One vendor's wire format as the mock speaks it: where it lives, how it authenticates, what
 * its errors look like and how it answers by default. Adding a vendor means one such object.
 *
 * A dialect with state (runs, files) keeps it inside the object, so each server should get its
 * own: the built-in names and the `*MockDialect()` factories make a fresh one every time.
 */
export interface MockDialect {
  readonly name: string;
  /** Appended to the server URL to give `baseURL`, e.g. `/v1`. */
  readonly basePath: string;
  /** The real vendor's base URL, the default for msw handlers. */
  readonly defaultBaseURL?: string;
  /** The vendor's error body for a status (used by `{ error }` replies without `body`). */
  errorBody(input: MockErrorInput): unknown;
  /** Headers the vendor sends with such an error (e.g. `Retry-After` on a 429); reply headers win. */
  errorHeaders?(input: MockErrorInput): Record<string, string> | undefined;
  /** Whether the request's credentials match `apiKey` (only asked when the server has one). */
  isAuthorized(request: RecordedRequest, apiKey: string): boolean;
  /** The reply to a request that failed `isAuthorized`. @defaultValue a 401 with `errorBody` */
  unauthorized?(request: RecordedRequest): Reply;
  /** The default reply, or `undefined` for a path the vendor does not serve (the mock sends 404). */
  handle(request: RecordedRequest, context: MockDialectContext): Reply | Promise<Reply> | undefined;
  /** Forgets runs, files and counters; called by the server's `reset()`. */
  reset?(): void;
}
