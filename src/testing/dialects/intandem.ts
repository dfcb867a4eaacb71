import { readChat } from '../chat-echo.js';
import type { MockDialect } from '../mock-dialect.js';
import type { Reply } from '../reply.js';
import { matchPath, routeTarget } from '../route-match.js';
import {
  checkIntandemChat,
  type IntandemIdFields,
  intandemCompletion,
  intandemStream,
} from './intandem-chat.js';
import { intandemErrorBody, intandemRateLimited } from './intandem-errors.js';
import { type IntandemRunStatus, IntandemRuns } from './intandem-runs.js';

/** Knobs of {@link intandemMockDialect}. */
export interface IntandemMockOptions {
  /** `'uid'`: `{ uid, created_at }` (published spec); `'id'`: `{ id, created }` (first draft). @defaultValue `'uid'` */
  idFields?: IntandemIdFields;
  /** Run statuses shown at submit and each poll. @defaultValue QUEUED, IN_PROGRESS, COMPLETED */
  runSteps?: readonly IntandemRunStatus[];
  /** End runs in `FAILED` with this `error_message` (`true`: a default one). @defaultValue false */
  failRuns?: boolean | string;
  /** Chat and list requests allowed per minute before 429 `rate_limit_exceeded` (the vendor's is 10). @defaultValue unlimited */
  rateLimitPerMinute?: number;
}

/**
 * A fresh mock inTandem (baseURL = server URL): `stream` defaults to true, JSON comes in the
 * `{ success, data }` envelope with `uid`/`created_at`, `async: true` queues a run polled through
 * `/v3/ai/chat_completion_runs/{uid}`, errors are `{ success: false, errors: [...] }`.
 *
 * @example
 * const server = await createMockServer({ dialect: intandemMockDialect({ failRuns: 'Provider timed out' }) });
 */
export const intandemMockDialect = (options: IntandemMockOptions = {}): MockDialect => {
  const idFields = options.idFields ?? 'uid';
  const failure =
    options.failRuns === true ? 'The AI provider failed to complete the request.' : options.failRuns;
  const runs = new IntandemRuns({
    steps: options.runSteps ?? ['QUEUED', 'IN_PROGRESS', 'COMPLETED'],
    failure: failure === false ? undefined : failure,
    idFields,
  });
  let window = { start: Date.now(), count: 0 };
  const limited = (): boolean => {
    const limit = options.rateLimitPerMinute;
    if (limit === undefined) return false;
    if (Date.now() - window.start >= 60_000) window = { start: Date.now(), count: 0 };
    window.count += 1;
    return window.count > limit;
  };

  return {
    name: 'intandem',
    basePath: '',
    defaultBaseURL: 'https://api.vcita.biz',
    errorBody: intandemErrorBody,
    isAuthorized: (request, apiKey) => request.headers.authorization === `Bearer ${apiKey}`,
    unauthorized: () => ({ error: 401, message: 'Unauthorized' }),
    handle: (request, context): Reply | undefined => {
      const { method, pathname, query } = routeTarget(request);
      const chat = method === 'POST' && pathname === '/v3/ai/chat_completions';
      const list = method === 'GET' && pathname === '/v3/ai/chat_completion_runs';
      const run = matchPath('/v3/ai/chat_completion_runs/{uid}', pathname)?.uid;
      if (!chat && !list && (run === undefined || method !== 'GET')) return undefined;
      if ((chat || list) && limited()) return intandemRateLimited(options.rateLimitPerMinute ?? 0);
      if (list) return runs.list(query);
      if (run !== undefined) return runs.retrieve(run);

      const refused = checkIntandemChat(request);
      if (refused) return refused;
      const echo = readChat(request, context);
      if ('error' in echo) return echo;
      // `async` wins over the streaming default: the run is what the caller asked for.
      if (echo.body.async === true) return runs.submit(echo, context);
      if (echo.body.stream !== false) return intandemStream(echo);
      return { json: { success: true, data: intandemCompletion(echo, idFields) } };
    },
    reset: () => {
      runs.reset();
      window = { start: Date.now(), count: 0 };
    },
  };
};
