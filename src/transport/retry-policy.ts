// The retry policy peers converged on (openai-node, the AI SDK), written as pure functions.

const RETRYABLE_STATUS = new Set([408, 409, 429]);
const MAX_SERVER_DELAY_MS = 60_000;
const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/**
 * Whether a response status (with its headers) is worth another attempt. `x-should-retry` wins.
 * A 429 with no retry header from a vendor that documents its window (`rateLimitWindowMs`, see
 * `Dialect.rateLimitWindowMs`) is not: a retry inside the window only fails again.
 */
export function isRetryableStatus(status: number, headers?: Headers, rateLimitWindowMs?: number): boolean {
  const override = headers?.get('x-should-retry');
  if (override === 'true') return true;
  if (override === 'false') return false;
  if (status === 429 && rateLimitWindowMs !== undefined && requestedDelay(headers) === undefined)
    return false;
  return RETRYABLE_STATUS.has(status) || status >= 500;
}

/**
 * The server's requested delay in ms from `retry-after-ms`, then `Retry-After` (seconds or an HTTP
 * date), or undefined when absent or not usable (negative, non-finite, or over 60 s).
 */
export function serverRetryDelay(
  headers: Headers | undefined,
  now = Date.now(),
  limit = MAX_SERVER_DELAY_MS,
): number | undefined {
  if (!headers) return undefined;
  // A numeric `retry-after-ms` decides alone, as in openai-node: one over the limit means backoff,
  // not a shorter `Retry-After` sent beside it. Only one that is not a number defers to it.
  const ms = Number(headers.get('retry-after-ms')?.trim() || Number.NaN);
  if (!Number.isNaN(ms)) return usable(ms, limit);
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return usable(seconds * 1000, limit);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : usable(date - now, limit);
}

/**
 * What the server asked for, however long (a monthly budget may say hours): `RateLimitError`
 * reports it; only the retry policy caps what it waits at 60 s.
 */
export const requestedDelay = (headers: Headers | undefined): number | undefined =>
  serverRetryDelay(headers, Date.now(), Number.POSITIVE_INFINITY);

/** min(0.5 s · 2ⁿ, 8 s), minus up to 25 % jitter so that clients that failed together do not retry together. */
export function backoffDelay(retriesSoFar: number, random = Math.random): number {
  const base = Math.min(BASE_DELAY_MS * 2 ** retriesSoFar, MAX_BACKOFF_MS);
  return base * (1 - random() * 0.25);
}

export function retryDelay(retriesSoFar: number, headers?: Headers): number {
  return serverRetryDelay(headers) ?? backoffDelay(retriesSoFar);
}

function usable(ms: number, limit: number): number | undefined {
  return Number.isFinite(ms) && ms >= 0 && ms <= limit ? ms : undefined;
}
