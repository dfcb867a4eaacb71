import type { DialectInput } from './dialects/registry.js';
import type { ValidateMode } from './schema/normalise-completion.js';

export type ApiKeySource = string | (() => string | Promise<string>);

/** Options of `createClient`. Every one has a default; see the README's configuration table. */
export interface ClientOptions<D extends DialectInput = DialectInput> {
  /** A dialect name, a dialect factory's result, or your own dialect object. @defaultValue `'openai'` */
  dialect?: D;
  /** @defaultValue env `<DIALECT>_BASE_URL`, else the dialect's own base URL */
  baseURL?: string;
  /** A key, or a function called before each request (for short-lived tokens). @defaultValue the dialect's env var */
  apiKey?: ApiKeySource;
  /** Headers sent with every request; `null` in a request's headers removes one. */
  headers?: Record<string, string>;
  /** Milliseconds until response headers arrive (and until a non-streamed body is read), per attempt. */
  timeout?: number;
  /** Milliseconds allowed between two stream events; comment keep-alives do not count. */
  idleTimeout?: number;
  /** Retries after the first attempt. @defaultValue 2 */
  maxRetries?: number;
  /** A fetch implementation, resolved at call time. @defaultValue `globalThis.fetch` */
  fetch?: typeof fetch;
  /** Runtime checking of responses. @defaultValue `'loose'` */
  validate?: ValidateMode;
  /** Refuse non-streamed bodies larger than this many bytes. @defaultValue 64 MiB */
  maxResponseBytes?: number;
  /** A secret key in a browser page must be opted into: anyone who loads the page can read it. */
  dangerouslyAllowBrowser?: boolean;
}

/** Per-call options, the last argument of every method. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeout?: number;
  idleTimeout?: number;
  maxRetries?: number;
  /** Added to the client's headers; `null` removes one. */
  headers?: Record<string, string | null>;
  maxResponseBytes?: number;
}

export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
