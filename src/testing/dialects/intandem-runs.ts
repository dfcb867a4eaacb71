import type { ChatEcho } from '../chat-echo.js';
import { isoTime, mockUuid } from '../ids.js';
import type { MockDialectContext } from '../mock-dialect.js';
import { readPage, slicePage } from '../paging.js';
import type { Reply } from '../reply.js';
import { StepJob } from '../step-job.js';
import { type IntandemIdFields, intandemCompletion } from './intandem-chat.js';
import { intandemErrors, runNotFound } from './intandem-errors.js';

/** The statuses of a `ChatCompletionRun`. */
export type IntandemRunStatus = 'QUEUED' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

/** How mock runs progress and end. */
export interface IntandemRunOptions {
  readonly steps: readonly IntandemRunStatus[];
  /** The `error_message` to fail with, or `undefined` to complete. */
  readonly failure: string | undefined;
  readonly idFields: IntandemIdFields;
}

interface Run {
  readonly uid: string;
  readonly createdAt: string;
  readonly echo: ChatEcho;
  readonly progress: StepJob<IntandemRunStatus>;
}

/** Async chat runs: 202 on submit, one status step per `GET /v3/ai/chat_completion_runs/{uid}`. */
export class IntandemRuns {
  readonly #runs = new Map<string, Run>();
  readonly #options: IntandemRunOptions;

  constructor(options: IntandemRunOptions) {
    this.#options = options;
  }

  submit(echo: ChatEcho, context: MockDialectContext): Reply {
    const { steps, failure } = this.#options;
    const walk = failure === undefined ? steps : [...steps.slice(0, -1), 'FAILED' as const];
    const run: Run = {
      uid: mockUuid(context.nextId()),
      createdAt: isoTime(),
      echo,
      progress: new StepJob(walk),
    };
    this.#runs.set(run.uid, run);
    return {
      status: 202,
      json: { success: true, data: { uid: run.uid, status: run.progress.status, created_at: run.createdAt } },
    };
  }

  retrieve(uid: string): Reply {
    const run = this.#runs.get(uid);
    if (!run) return runNotFound;
    run.progress.poll();
    return { json: { success: true, data: this.#view(run) } };
  }

  /** `?page=&per_page=` (at most 100) `&sort=created_at:asc|desc` (newest first by default). */
  list(query: URLSearchParams): Reply {
    const page = readPage(query, { limitKey: 'per_page', defaultLimit: 20, maxLimit: 100 });
    if (typeof page === 'string')
      return intandemErrors(400, { field: 'per_page', code: 'invalid', message: page });
    const runs = [...this.#runs.values()];
    const ordered = query.get('sort') === 'created_at:asc' ? runs : runs.reverse();
    const { data } = slicePage(ordered, page);
    return { json: { success: true, data: { chat_completion_runs: data.map((run) => this.#view(run)) } } };
  }

  reset(): void {
    this.#runs.clear();
  }

  #view(run: Run): Record<string, unknown> {
    const { status } = run.progress;
    return {
      uid: run.uid,
      status,
      created_at: run.createdAt,
      updated_at: run.progress.updatedAt,
      ...(status === 'COMPLETED' ? { result: intandemCompletion(run.echo, this.#options.idFields) } : {}),
      ...(status === 'FAILED' ? { error_message: this.#options.failure } : {}),
    };
  }
}
