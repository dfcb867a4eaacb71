import type { RecordedRequest } from './recorded-request.js';
import type { Reply } from './reply.js';

/** What a dialect's default handler gets besides the request. */
export interface MockDialectContext {
  /** Model to report when the request names none. */
  readonly model: string;
  /** 1, 2, 3… per server (restarts on `reset()`), for deterministic ids such as `chatcmpl-mock-1`. */
  nextId(): number;
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
 */
export interface MockDialect {
  readonly name: string;
  /** Appended to the server URL to give `baseURL`, e.g. `/v1`. */
  readonly basePath: string;
  /** The vendor's error body for a status (used by `{ error }` replies without `body`). */
  errorBody(input: MockErrorInput): unknown;
  /** Whether the request's credentials match `apiKey` (only asked when the server has one). */
  isAuthorized(request: RecordedRequest, apiKey: string): boolean;
  /** The default reply, or `undefined` for a path the vendor does not serve (the mock sends 404). */
  handle(request: RecordedRequest, context: MockDialectContext): Reply | Promise<Reply> | undefined;
}
