import type { MockDialect } from '../mock-dialect.js';
import type { Reply } from '../reply.js';
import { matchPath, routeTarget } from '../route-match.js';
import { BifrostAsyncJobs } from './bifrost-async.js';
import { hasCredential, virtualKey } from './bifrost-auth.js';
import { bifrostChat } from './bifrost-chat.js';
import { bifrostErrorBody, bifrostErrorReply } from './bifrost-errors.js';
import { type BifrostMockOptions, bifrostSettings } from './bifrost-settings.js';

/**
 * A fresh mock Bifrost (baseURL = server URL) speaking both chat routes, `/openai/v1` (bare models
 * mean `openai/…`) and native `/v1` (`provider/model` required), with `fallbacks`, `extra_fields`
 * on every body and chunk, `usage.cost`, `x-bifrost-*` headers, BifrostError bodies and async jobs
 * under `/v1/async/chat/completions`. Every `x-bf-*` request header stays on the recorded request.
 *
 * @example
 * const server = await createMockServer({ dialect: bifrostMockDialect({ failPrimary: true }) });
 * // a request with fallbacks: ['anthropic/claude-3-5-sonnet'] is answered by the fallback,
 * // with extra_fields.routing_info.is_fallback = true and x-bifrost-fallback-index: 1
 */
export const bifrostMockDialect = (options: BifrostMockOptions = {}): MockDialect => {
  const settings = bifrostSettings(options);
  const { generation } = settings;
  const jobs = new BifrostAsyncJobs(settings);

  return {
    name: 'bifrost',
    basePath: '',
    defaultBaseURL: 'http://localhost:8080',
    errorBody: bifrostErrorBody(generation),
    isAuthorized: hasCredential,
    // Bifrost tells a missing virtual key (401) from one it does not know (403).
    unauthorized: (request) =>
      virtualKey(request) === undefined
        ? bifrostErrorReply(generation, { status: 401, message: 'virtual key is required' })
        : bifrostErrorReply(generation, {
            status: 403,
            message: 'virtual key not found',
            type: 'virtual_key_not_found',
          }),
    handle: (request, context): Reply | undefined => {
      const { method, pathname } = routeTarget(request);
      if (settings.requireVirtualKey && virtualKey(request) === undefined) {
        return bifrostErrorReply(generation, { status: 401, message: 'virtual key is required' });
      }
      if (
        method === 'POST' &&
        (pathname === '/openai/v1/chat/completions' || pathname === '/openai/chat/completions')
      ) {
        return bifrostChat(request, context, false, settings);
      }
      if (method === 'POST' && pathname === '/v1/chat/completions')
        return bifrostChat(request, context, true, settings);
      if (method === 'POST' && pathname === '/v1/async/chat/completions')
        return jobs.submit(request, context);
      const job = matchPath('/v1/async/chat/completions/{id}', pathname)?.id;
      if (method === 'GET' && job !== undefined) return jobs.poll(job, request);
      return undefined;
    },
    reset: () => jobs.reset(),
  };
};
