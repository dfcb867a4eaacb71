import type { MockDialect, MockDialectContext } from './mock-dialect.js';
import { type MockDialectName, resolveMockDialect } from './mock-dialects.js';
import type { RecordedRequest } from './recorded-request.js';
import type { Reply, ReplySource } from './reply.js';
import { ReplyScript } from './reply-script.js';
import { RequestLog } from './request-log.js';
import type { MockUpload } from './upload.js';

/** What both the HTTP server and the msw handlers are configured with. */
export interface MockEngineOptions {
  /** The vendor to imitate: a built-in name or a {@link MockDialect}. @defaultValue `'openai'` */
  dialect?: MockDialectName | MockDialect;
  /** Model reported when a request names none. @defaultValue `'mock-model'` */
  model?: string;
  /** When set, requests without these credentials get the dialect's 401 (before any scripted reply). */
  apiKey?: string;
}

/** What is known of a request when its headers arrive. */
export type RequestHead = Pick<RecordedRequest, 'method' | 'path' | 'headers'>;

/** The reply a request was due on arrival: `source` undefined means the routes and dialect decide. */
export interface Claim {
  readonly authorized: boolean;
  readonly source: ReplySource | undefined;
  /** Taken off the queue (not a route's), and before which `reset()`: only such a claim is given back. */
  readonly queuedIn?: number;
}

/**
 * The transport-free heart of a mock vendor: the request log, the scripted replies, the uploads
 * and the choice of a reply (credentials, then queue, then routes, then the dialect).
 */
export class MockEngine {
  readonly dialect: MockDialect;
  readonly log = new RequestLog();
  readonly script = new ReplyScript();
  readonly #uploads: MockUpload[] = [];
  readonly #options: MockEngineOptions;
  #lastId = 0;
  #generation = 0;
  readonly context: MockDialectContext;

  constructor(options: MockEngineOptions = {}) {
    this.#options = options;
    this.dialect = resolveMockDialect(options.dialect ?? 'openai');
    this.context = {
      model: options.model ?? 'mock-model',
      nextId: () => ++this.#lastId,
      recordUpload: (upload) => void this.#uploads.push(upload),
    };
  }

  get uploads(): readonly MockUpload[] {
    return this.#uploads;
  }

  /**
   * Takes the scripted reply a request is due when its headers arrive, so that the queue is served
   * in arrival order even when an earlier request's body takes longer to come in. A request
   * without the credentials takes nothing (it gets the dialect's 401).
   */
  claim(head: RequestHead): Claim {
    const { apiKey } = this.#options;
    // Credentials are headers: the dialects' checks read nothing else.
    if (apiKey !== undefined && !this.dialect.isAuthorized(head as RecordedRequest, apiKey)) {
      return { authorized: false, source: undefined };
    }
    const { pathname } = new URL(head.path, 'http://mock.invalid');
    const { source, queued } = this.script.take(head.method, pathname);
    return { authorized: true, source, ...(queued ? { queuedIn: this.#generation } : {}) };
  }

  /**
   * Returns a queued reply to the front of the queue when its request went away unanswered. A
   * route's reply stays a route's, and a reply queued before a `reset()` stays forgotten.
   */
  release(claim: Claim): void {
    if (claim.source !== undefined && claim.queuedIn === this.#generation) this.script.giveBack(claim.source);
  }

  /** The reply for `request`, or `undefined` when nothing scripted it and the dialect has no such route. */
  async choose(request: RecordedRequest, claim: Claim = this.claim(request)): Promise<Reply | undefined> {
    if (!claim.authorized) {
      return this.dialect.unauthorized?.(request) ?? { error: 401, message: 'Incorrect API key provided.' };
    }
    const { source } = claim;
    if (source !== undefined) return typeof source === 'function' ? source(request) : source;
    return this.dialect.handle(request, this.context);
  }

  /** Forget records, queued replies, routes, uploads and the dialect's state; ids restart at 1. */
  reset(): void {
    this.#generation++;
    this.log.clear();
    this.script.clear();
    this.#uploads.length = 0;
    this.#lastId = 0;
    this.dialect.reset?.();
  }
}
