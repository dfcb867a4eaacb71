import { createFetch } from 'ofetch';
import { ChatwireError } from '../errors/chatwire-error.js';
import { APIConnectionError, APIUserAbortError } from '../errors/connection-errors.js';
import type { ErrorInfo } from '../errors/read-error-body.js';
import { type Redactor, redactError } from '../errors/redact.js';
import { sleep } from '../internal/sleep.js';
import { connectionError } from './connection-error.js';
import { errorFromResponse, readRequestId } from './error-from-response.js';
import { RequestLease } from './request-lease.js';
import { isRetryableStatus, retryDelay } from './retry-policy.js';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  /** A body, or a function that makes a fresh one for each attempt (a replayable stream). */
  body?: BodyInit | (() => BodyInit) | undefined;
  /** False for one-shot bodies (a stream): such a request is never retried. */
  replayable: boolean;
  /**
   * Uploads set `'error'`: under `'follow'` or `'manual'`, Node's fetch tees the request body to
   * replay it on a redirect, keeping every byte sent in memory (measured on Node 20, issue 6).
   */
  redirect?: RequestRedirect;
}

export interface SendPolicy {
  fetch: typeof fetch | undefined;
  timeout: number;
  maxRetries: number;
  maxResponseBytes: number;
  signal: AbortSignal | undefined;
}

/** What the transport needs to turn an error response into a typed error; it knows no dialect. */
export interface ErrorContext {
  dialect: string;
  /** See `Dialect.rateLimitWindowMs`. */
  rateLimitWindowMs?: number | undefined;
  readError: (body: unknown) => ErrorInfo;
  requestIdHeaders: readonly string[];
  redactor: Redactor;
}

export interface Received<T> {
  data: T;
  response: Response;
  requestId: string | undefined;
  /** How many attempts were made (1 when the first one succeeded). */
  attempts: number;
}

/**
 * Turns a 2xx response into a result while the attempt's lease is still live (its timer still
 * armed). A streaming consumer takes the lease over and releases it itself; any other consumer's
 * lease is released by `send` once it settles. A connection failure while consuming is retried.
 */
export type Consume<T> = (response: Response, lease: RequestLease) => Promise<T>;

// ofetch gives us the request plumbing; its own retries, timeout and error throwing are turned off
// because the policy here (Retry-After, x-should-retry, abortable sleeps) is ours.
const $fetch = createFetch({
  fetch: (input, init) => {
    // Resolved per call, and called as a plain function so `this` is unbound (Workers need that).
    const runtimeFetch = (init as { runtimeFetch: typeof fetch }).runtimeFetch;
    return runtimeFetch(input, init);
  },
});

/** Sends one request under the retry policy. Resolves with the consumed 2xx response; rejects with a typed error. */
export async function send<T>(
  request: HttpRequest,
  policy: SendPolicy,
  context: ErrorContext,
  consume: Consume<T>,
  options: { keepLease?: boolean } = {},
): Promise<Received<T>> {
  for (let attempt = 0; ; attempt++) {
    const lease = new RequestLease(policy.signal);
    if (lease.cause === 'user') throw lease.errorFor('user');
    lease.arm(policy.timeout);
    const canRetry = request.replayable && attempt < policy.maxRetries;
    let response: Response;
    try {
      response = await $fetch.raw(request.url, {
        method: request.method,
        headers: request.headers,
        body: (typeof request.body === 'function' ? request.body() : request.body) as never,
        ...(request.redirect === undefined ? {} : { redirect: request.redirect }),
        signal: lease.signal,
        retry: false,
        ignoreResponseError: true,
        responseType: 'stream',
        runtimeFetch: policy.fetch ?? globalThis.fetch,
      } as never);
    } catch (thrown) {
      lease.release();
      const error = connectionError(thrown, lease, context.redactor);
      if (error instanceof APIUserAbortError || !canRetry) throw error;
      await pause(retryDelay(attempt), policy.signal, lease);
      continue;
    }
    const requestId = readRequestId(response.headers, context.requestIdHeaders, context.redactor);
    if (response.ok) {
      try {
        const data = await consume(response, lease);
        if (!options.keepLease) lease.release();
        return { data, response, requestId, attempts: attempt + 1 };
      } catch (thrown) {
        lease.release();
        // A consumer that failed before reading the whole body (its code could not load, say) must
        // not leave the connection open; on a body already read or taken this does nothing.
        response.body?.cancel().catch(() => {});
        const error = lease.cause
          ? lease.errorFor(lease.cause)
          : asTypedError(thrown, lease, context.redactor);
        if (!canRetry || !(error instanceof APIConnectionError)) throw error;
        await pause(retryDelay(attempt), policy.signal, lease);
        continue;
      }
    }
    if (canRetry && isRetryableStatus(response.status, response.headers, context.rateLimitWindowMs)) {
      lease.release();
      // Not awaited: a cancel can wait on the other branch of a teed body; we only need the socket freed.
      response.body?.cancel().catch(() => {});
      await pause(retryDelay(attempt, response.headers), policy.signal, lease);
      continue;
    }
    try {
      throw await errorFromResponse(response, requestId, policy.maxResponseBytes, context);
    } catch (error) {
      throw lease.cause ? lease.errorFor(lease.cause) : error;
    } finally {
      lease.release();
    }
  }
}

/**
 * A body read that failed because the connection dropped becomes a connection error. Other errors
 * pass, with the key masked: the consumer built them from the vendor's answer, which may echo it.
 */
function asTypedError(thrown: unknown, lease: RequestLease, redactor: Redactor): unknown {
  if (ChatwireError.is(thrown)) return redactError(thrown, redactor);
  const dropped = thrown instanceof Error && (thrown.name === 'TypeError' || thrown.name === 'AbortError');
  return dropped ? connectionError(thrown, lease, redactor) : redactError(thrown, redactor);
}

/** The backoff between attempts. It waits on a lease of its own, so it links to the caller's signal like a request does. */
async function pause(ms: number, signal: AbortSignal | undefined, lease: RequestLease): Promise<void> {
  const wait = new RequestLease(signal);
  try {
    await sleep(ms, wait.signal);
  } catch {
    throw lease.errorFor('user');
  } finally {
    wait.release();
  }
}
