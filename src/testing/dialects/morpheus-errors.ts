import type { MockErrorInput } from '../mock-dialect.js';
import type { ErrorReply } from '../reply.js';

/** The `type`/`code` the gateway's OpenAI-shaped errors carry, by status. */
const openaiKinds: Record<number, { type: string; code: string | null }> = {
  400: { type: 'invalid_request', code: null },
  402: { type: 'insufficient_balance', code: 'insufficient_balance' },
  429: { type: 'requests', code: 'rate_limit_exceeded' },
  500: { type: 'gateway_error', code: null },
  502: { type: 'proxy_error', code: null },
  503: { type: 'gateway_error', code: null },
};

/** Statuses the gateway answers with FastAPI's `{ detail: "…" }`. */
const detailStatuses = new Set([401, 403, 404, 405]);

/**
 * The Morpheus gateway's three error shapes: FastAPI `{ detail }` (auth, not found), 422
 * `{ detail: [{ loc, msg, type }] }` (validation) and OpenAI `{ error: { message, type, param, code } }`
 * (billing, rate limits, proxy failures; 402 adds `available` and `estimated_cost`).
 */
export const morpheusErrorBody = ({ status, message, type, code }: MockErrorInput): unknown => {
  if (detailStatuses.has(status)) return { detail: message };
  if (status === 422) return { detail: [{ loc: ['body'], msg: message, type: type ?? 'value_error' }] };
  const kind = openaiKinds[status] ?? {
    type: status >= 500 ? 'gateway_error' : 'invalid_request',
    code: null,
  };
  const extra = status === 402 ? { available: 0, estimated_cost: 0.0001 } : {};
  return { error: { message, type: type ?? kind.type, param: null, code: code ?? kind.code, ...extra } };
};

/** Per-minute limits and what is left, for the `X-RateLimit-*` headers. */
export interface RateLimitState {
  readonly limitRequests: number;
  readonly remainingRequests: number;
  readonly limitTokens: number;
  readonly remainingTokens: number;
  /** When the window resets (ms since the epoch). */
  readonly resetAt: number;
}

/** `X-RateLimit-{Limit,Remaining}-{Requests,Tokens}` and `X-RateLimit-Reset-*` (ISO time). */
export const rateLimitHeaders = (state: RateLimitState): Record<string, string> => {
  const reset = new Date(state.resetAt).toISOString();
  return {
    'x-ratelimit-limit-requests': String(state.limitRequests),
    'x-ratelimit-remaining-requests': String(state.remainingRequests),
    'x-ratelimit-limit-tokens': String(state.limitTokens),
    'x-ratelimit-remaining-tokens': String(state.remainingTokens),
    'x-ratelimit-reset-requests': reset,
    'x-ratelimit-reset-tokens': reset,
  };
};

/** A 429 as the gateway sends it, with `Retry-After` in whole seconds. */
export const rateLimited = (state: RateLimitState, retryAfterSeconds: number): ErrorReply => ({
  error: 429,
  message: `Rate limit exceeded: ${state.limitRequests}/${state.limitRequests} requests per minute. Please retry later.`,
  headers: { 'retry-after': String(retryAfterSeconds), ...rateLimitHeaders(state) },
});

/** A 422 for a missing or malformed field, Pydantic style. */
export const validationError = (field: string, msg: string, type: string): ErrorReply => ({
  error: 422,
  body: { detail: [{ loc: ['body', field], msg, type }] },
});
