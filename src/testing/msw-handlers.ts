import { fetchHeaders, recordFetchRequest } from './fetch-record.js';
import type { MockDialect } from './mock-dialect.js';
import { MockEngine, type MockEngineOptions } from './mock-engine.js';
import { replyToResponse } from './reply-response.js';
import { type ScriptingMembers, withScripting } from './scripting-members.js';

/**
 * The one method of msw's `http` namespace the handlers use. Pass `http` from `'msw'`: taking it
 * as a parameter keeps msw an optional peer — importing `chatwire/testing` never loads it.
 */
export interface MswHttp<Handler> {
  all(path: string, resolver: (info: { request: Request }) => Promise<Response>): Handler;
}

/** Options of {@link createMswMock} and {@link createMswHandlers}. */
export interface MswMockOptions<Handler> extends MockEngineOptions {
  /** `http` from `'msw'`. */
  http: MswHttp<Handler>;
  /** The base URL the client under test uses. @defaultValue the vendor's real one, e.g. `https://api.caesar.xyz` */
  baseURL?: string;
  /** Body bytes each record keeps (see `createMockServer`). @defaultValue 4 MiB */
  maxRecordedBodyBytes?: number;
}

/** msw handlers for a mock vendor, with the same recording and scripting as the mock server. */
export interface MswMock<Handler> extends ScriptingMembers {
  /** Pass to `setupServer(...handlers)` or `server.use(...handlers)`. */
  readonly handlers: Handler[];
  readonly dialect: MockDialect;
  readonly baseURL: string;
}

/**
 * msw handlers answering everything under `baseURL` the way {@link createMockServer} would: the
 * same dialects, default answers, scripted replies, recorded requests and uploads, with no port.
 *
 * @example
 * import { http } from 'msw';
 * import { setupServer } from 'msw/node';
 * const mock = createMswMock({ http, dialect: 'bifrost' });
 * const server = setupServer(...mock.handlers);
 * server.listen();
 * // createClient({ dialect: 'bifrost', apiKey: 'sk-bf-test' }) now talks to the mock at http://localhost:8080
 */
export const createMswMock = <Handler>(options: MswMockOptions<Handler>): MswMock<Handler> => {
  const engine = new MockEngine(options);
  const { dialect, log } = engine;
  const base = new URL((options.baseURL ?? dialect.defaultBaseURL ?? 'http://localhost').replace(/\/+$/, ''));
  const prefix = base.pathname.replace(/\/+$/, '');

  const resolver = async ({ request }: { request: Request }): Promise<Response> => {
    const url = new URL(request.url);
    // The dialect routes on its own paths: swap the caller's base path for the vendor's.
    const path = `${dialect.basePath}${url.pathname.slice(prefix.length)}${url.search}`;
    // Place in the log and scripted reply are taken on arrival, as the loopback server does.
    const ticket = log.reserve();
    const headers = fetchHeaders(request);
    const claim = engine.claim({ method: request.method, path, headers });
    const recorded = await recordFetchRequest(request, path, options.maxRecordedBodyBytes, headers).catch(
      (error: unknown) => {
        engine.release(claim);
        throw error;
      },
    );
    const { record, settle } = recorded;
    log.add(record, ticket);
    const reply = (await engine.choose(record, claim)) ?? {
      error: 404,
      message: `Mock ${dialect.name} has no route ${record.method} ${url.pathname}.`,
    };
    return replyToResponse(reply, { dialect, signal: request.signal, settle });
  };

  const front = {
    handlers: [options.http.all(`${base.origin}${prefix}/*`, resolver)],
    dialect,
    baseURL: `${base.origin}${prefix}`,
  };
  return withScripting(front, engine);
};

/** Just the handlers of {@link createMswMock}: `setupServer(...createMswHandlers({ http, dialect: 'caesar' }))`. */
export const createMswHandlers = <Handler>(options: MswMockOptions<Handler>): Handler[] =>
  createMswMock(options).handlers;
