import { echoChat } from '../echo-chat.js';
import { errorBody } from '../error-body.js';
import type { MockDialect } from '../mock-dialect.js';

/** OpenAI's `type`/`code` for the statuses tests use most. */
const errorKinds: Record<number, { type: string; code: string | null }> = {
  400: { type: 'invalid_request_error', code: null },
  401: { type: 'invalid_request_error', code: 'invalid_api_key' },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory' },
  404: { type: 'invalid_request_error', code: 'unknown_url' },
  429: { type: 'requests', code: 'rate_limit_exceeded' },
};

/**
 * OpenAI: `POST /v1/chat/completions` answered by {@link echoChat}, `Authorization: Bearer`,
 * errors as `{ error: { message, type, param, code } }`.
 */
export const openaiMockDialect: MockDialect = {
  name: 'openai',
  basePath: '/v1',
  // msw intercepts here by default: the client's own default base URL, so nothing reaches OpenAI.
  defaultBaseURL: 'https://api.openai.com/v1',
  errorBody: ({ status, message, type, code }) => {
    const kind = errorKinds[status] ?? {
      type: status >= 500 ? 'server_error' : 'invalid_request_error',
      code: null,
    };
    return errorBody({ message, type: type ?? kind.type, code: code ?? kind.code });
  },
  isAuthorized: (request, apiKey) => request.headers.authorization === `Bearer ${apiKey}`,
  handle: (request, context) => {
    const { pathname } = new URL(request.path, 'http://mock.invalid');
    if (request.method === 'POST' && pathname === '/v1/chat/completions') return echoChat(request, context);
    return undefined;
  },
};
