import { APIPromise } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import { readErrorBody } from '../errors/read-error-body.js';
import { RunFailedError } from '../errors/run-errors.js';
import type { RequestOptions } from '../options.js';
import type {
  BrainstormSession,
  ResearchCreateParams,
  ResearchEvent,
  ResearchObject,
} from '../schema/research.js';
import { paginate, readCaesarPage } from './paginate.js';
import { pathId } from './path-id.js';
import { type PollOptions, pollStates, requestPart } from './poll.js';
import { requestJson } from './request-json.js';
import { requireCapability } from './require-capability.js';
import { createResearchChat, type ResearchChat } from './research-chat.js';
import { checkResearchParams } from './research-rules.js';

/** Polling knobs plus the request options every poll is sent with. */
export interface ResearchWaitOptions extends PollOptions, RequestOptions {
  onProgress?: (job: ResearchObject) => void;
}

/** `client.research`: Caesar's native research jobs, in Caesar's own snake_case shapes. */
export interface Research {
  /** Starts a job; resolves with `{ id, status: 'queued' }`. */
  create(params: ResearchCreateParams, options?: RequestOptions): APIPromise<ResearchObject>;
  retrieve(id: string, options?: RequestOptions): APIPromise<ResearchObject>;
  /** The job's progress and reasoning steps so far. */
  events(id: string, options?: RequestOptions): APIPromise<ResearchEvent[]>;
  /** Every research job, page after page. */
  list(options?: RequestOptions & { pageSize?: number }): AsyncIterable<ResearchObject>;
  /** Polls until the job completes and resolves with it (content and cited results). */
  wait(id: string, options?: ResearchWaitOptions): Promise<ResearchObject>;
  /** Yields the job at each status change, the finished one last. */
  watch(id: string, options?: PollOptions & RequestOptions): AsyncIterable<ResearchObject>;
  /** Clarifying questions for a vague query; pass the answers to `create`. */
  brainstorm(query: string, options?: RequestOptions): APIPromise<BrainstormSession>;
  /** Follow-up questions on a finished job. */
  readonly chat: ResearchChat;
}

// A research loop takes about a minute: poll every few seconds, for up to an hour.
const RESEARCH_DEFAULTS = { intervalMs: 3_000, maxIntervalMs: 15_000, timeoutMs: 60 * 60_000 };
const TERMINAL = new Set(['completed', 'failed']);

export function createResearch(context: ClientContext): Research {
  const call = <T>(run: () => Promise<{ data: T; response: Response; requestId: string | undefined }>) =>
    new APIPromise<T>(
      (async () => {
        requireCapability(context, 'research', 'native research API (use the caesar dialect)');
        return run();
      })(),
    );
  const get = <T>(path: string, options?: RequestOptions) =>
    call(() => requestJson(context, { method: 'GET', path }, options, (body) => body as T));
  // A failed job becomes `RunFailedError.run`: mask the key in the vendor's fields first.
  const retrieve = (id: string, options?: RequestOptions) =>
    call(() =>
      requestJson(
        context,
        { method: 'GET', path: `/research/${pathId(id, 'research id')}` },
        options,
        (body, _r, redactor) =>
          (body as ResearchObject | null)?.status === 'failed'
            ? redactor.value(body as ResearchObject)
            : (body as ResearchObject),
      ),
    );

  const watch = (id: string, options: PollOptions & RequestOptions = {}) =>
    pollStates(
      {
        fetch: (signal) => retrieve(id, { ...requestPart(options), signal }).withResponse(),
        key: (job) => String(job.status),
        isDone: (job) => TERMINAL.has(String(job.status)),
        defaults: RESEARCH_DEFAULTS,
        label: `research job ${id}`,
      },
      options,
    );

  return {
    create: (params, options) =>
      call(() => {
        checkResearchParams(
          params as unknown as Record<string, unknown>,
          context.dialect.headers['api-version'],
        );
        return requestJson(
          context,
          { method: 'POST', path: '/research', json: params },
          options,
          (b) => b as ResearchObject,
        );
      }),
    retrieve,
    events: (id, options) => get<ResearchEvent[]>(`/research/${pathId(id, 'research id')}/events`, options),
    list: (options = {}) =>
      paginate((page) =>
        call(() =>
          requestJson(
            context,
            { method: 'GET', path: `/research?page=${page}&limit=${options.pageSize ?? 50}` },
            options,
            (body) => readCaesarPage(body, (item) => item as ResearchObject),
          ),
        ),
      ),
    watch,
    wait: async (id, options = {}) => {
      let last: ResearchObject | undefined;
      for await (const job of watch(id, options)) {
        last = job;
        options.onProgress?.(job);
      }
      if (last?.status === 'completed') return last;
      throw new RunFailedError(`Research job ${id} failed: ${failureReason(last) ?? 'no reason given'}`, {
        run: last,
      });
    },
    brainstorm: (query, options) =>
      call(() =>
        requestJson(
          context,
          { method: 'POST', path: '/research/brainstorm', json: { query } },
          options,
          (body) => {
            return body as BrainstormSession;
          },
        ),
      ),
    chat: createResearchChat(context, call),
  };
}

/**
 * Why a job failed. Caesar documents no field for it (shared vendors/caesar.md §4.2): the shared
 * error reader covers `error` (string or object), `message` and `detail`; the spellings its other
 * objects and peers use for a failed job come first.
 */
function failureReason(job: ResearchObject | undefined): string | undefined {
  const fields = (job ?? {}) as Record<string, unknown>;
  for (const value of [fields.error_message, fields.failure_reason]) {
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return readErrorBody(fields).message;
}
