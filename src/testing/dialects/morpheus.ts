import { readChat } from '../chat-echo.js';
import { completion } from '../completion.js';
import type { MockDialect } from '../mock-dialect.js';
import type { RecordedRequest } from '../recorded-request.js';
import type { Reply } from '../reply.js';
import { bearerToken, routeTarget } from '../route-match.js';
import { morpheusErrorBody, rateLimitHeaders, validationError } from './morpheus-errors.js';
import { MorpheusRateLimit, type MorpheusRateLimitOptions } from './morpheus-rate-limit.js';
import { type MorpheusStreamErrorType, morpheusStream } from './morpheus-stream.js';

/** Knobs of {@link morpheusMockDialect}. */
export interface MorpheusMockOptions {
  /** End streams with `data: [DONE]`. @defaultValue false (the stream ends after the finish chunk) */
  done?: boolean;
  /** Where the `usage_from_provider` frame goes. @defaultValue `'before-finish'` */
  usageFrame?: 'before-finish' | 'after-finish' | 'none';
  /** Break streams after `after` content chunks with an in-band `{"error":{message,type}}` frame. */
  streamError?: { after: number; type?: MorpheusStreamErrorType; message?: string };
  /** Per-minute limits for the `X-RateLimit-*` headers, optionally enforced with 429. */
  rateLimit?: MorpheusRateLimitOptions;
  /** Answer every chat with 402 `insufficient_balance`. @defaultValue false */
  insufficientBalance?: boolean;
}

/** Why a key is refused: the gateway wants `sk-…`, with or without `Bearer `. */
const keyProblem = (request: RecordedRequest): string | undefined => {
  const key = bearerToken(request);
  if (key === undefined || key === '') return 'API key missing';
  return key.startsWith('sk-') ? undefined : 'Invalid API key format. Must start with sk-';
};

/**
 * A fresh mock Morpheus gateway (baseURL = server URL + `/api/v1`): OpenAI JSON passed through,
 * SSE without `[DONE]` by default, `usage_from_provider` and in-band error frames, FastAPI
 * `{ detail }` errors, 402 and rate-limit headers.
 *
 * @example
 * const server = await createMockServer({ dialect: morpheusMockDialect({ rateLimit: { requests: 1, enforce: true } }) });
 * // the second chat within a minute gets 429 with Retry-After and X-RateLimit-* headers
 */
export const morpheusMockDialect = (options: MorpheusMockOptions = {}): MockDialect => {
  const limits = new MorpheusRateLimit(options.rateLimit);
  const stream = {
    done: options.done ?? false,
    usageFrame: options.usageFrame ?? 'before-finish',
    streamError: options.streamError,
  } as const;

  return {
    name: 'morpheus',
    basePath: '/api/v1',
    defaultBaseURL: 'https://api.mor.org/api/v1',
    errorBody: morpheusErrorBody,
    errorHeaders: ({ status, type }) => {
      if (status === 429) return { 'retry-after': '1', ...rateLimitHeaders(limits.state) };
      return status === 400 ? { 'x-morpheus-error': type ?? 'invalid_request' } : undefined;
    },
    isAuthorized: (request, apiKey) => bearerToken(request) === apiKey,
    unauthorized: (request) => ({ error: 401, message: keyProblem(request) ?? 'Invalid API key' }),
    handle: (request, context): Reply | undefined => {
      const { method, pathname } = routeTarget(request);
      if (method !== 'POST' || pathname !== '/api/v1/chat/completions') return undefined;
      const problem = keyProblem(request);
      if (problem) return { error: 401, message: problem };
      const echo = readChat(request, context);
      if ('error' in echo) return validationError('messages', 'Field required', 'missing');
      if (options.insufficientBalance)
        return { error: 402, message: 'Insufficient balance to cover this request' };
      const refused = limits.take(echo.usage.prompt_tokens + echo.usage.completion_tokens);
      if (refused) return refused;
      const headers = { 'x-request-id': `req_mock_${echo.n}`, ...rateLimitHeaders(limits.state) };
      if (echo.body.stream === true) return { ...morpheusStream(echo, stream), headers };
      const { id, model, created, content, usage } = echo;
      return { json: completion({ id, model, created, content, usage }), headers };
    },
    reset: () => limits.reset(),
  };
};
