import { isoTime, mockUuid } from '../ids.js';
import type { MockDialectContext } from '../mock-dialect.js';
import { readPage, slicePage } from '../paging.js';
import type { RecordedRequest } from '../recorded-request.js';
import type { ErrorReply, Reply } from '../reply.js';
import { StepJob } from '../step-job.js';
import { type CaesarReference, researchContent } from './caesar-content.js';
import { notFound, paginationError } from './caesar-errors.js';

/** The seven documented research statuses. */
export type CaesarResearchStatus =
  | 'queued'
  | 'searching'
  | 'researching'
  | 'analyzing'
  | 'summarizing'
  | 'completed'
  | 'failed';

/** How mock research jobs progress and end. */
export interface CaesarResearchOptions {
  /** Statuses shown by the create call and each following poll. @defaultValue queued → … → completed */
  readonly steps: readonly CaesarResearchStatus[];
  /** End in `failed` instead of the last step. */
  readonly fail: boolean;
  /** Fields added to a failed job (Caesar documents none, e.g. `{ error: 'boom' }`). */
  readonly failedFields: Readonly<Record<string, unknown>>;
  /** Caesar's account limits (concurrent jobs, monthly loops): the 429 to answer, if one is hit. */
  readonly limited: () => ErrorReply | undefined;
  readonly references: readonly CaesarReference[];
  /** Whether a file id was issued by this server. */
  readonly fileExists: (id: string) => boolean;
  /** Uses up the brainstorm session a request names; a string is what is wrong with it. */
  readonly useBrainstorm: (sessionId: unknown, answers: unknown) => string | undefined;
}

interface Job {
  readonly id: string;
  readonly created_at: string;
  readonly body: Record<string, unknown>;
  readonly progress: StepJob<CaesarResearchStatus>;
}

const eventMessages: Record<CaesarResearchStatus, string> = {
  queued: 'Research queued',
  searching: 'Searching the web for sources',
  researching: 'Reading sources',
  analyzing: 'Analyzing findings',
  summarizing: 'Writing the summary',
  completed: 'Research completed',
  failed: 'Research failed',
};

/** Caesar's native research jobs: `POST /research`, polls that walk the statuses, events and a list. */
export class CaesarResearch {
  readonly #jobs = new Map<string, Job>();
  readonly #options: CaesarResearchOptions;

  constructor(options: CaesarResearchOptions) {
    this.#options = options;
  }

  create(request: RecordedRequest, context: MockDialectContext): Reply {
    const body = (request.json ?? {}) as Record<string, unknown>;
    if (typeof body.query !== 'string' || body.query === '') {
      return { error: 400, message: 'Body is missing required field "query"' };
    }
    if (body.brainstorm_session_id !== undefined) {
      const problem = this.#options.useBrainstorm(body.brainstorm_session_id, body.answers);
      if (problem !== undefined) return { error: 400, message: problem };
    }
    const files = Array.isArray(body.files) ? body.files : [];
    const unknown = files.find((id) => typeof id !== 'string' || !this.#options.fileExists(id));
    if (unknown !== undefined) return { error: 400, message: `File not found: ${String(unknown)}` };
    const limited = this.#options.limited();
    if (limited) return limited;
    const { steps, fail } = this.#options;
    const walk = fail ? [...steps.slice(0, -1), 'failed' as const] : steps;
    const job: Job = {
      id: mockUuid(context.nextId()),
      created_at: isoTime(),
      body,
      progress: new StepJob(walk),
    };
    this.#jobs.set(job.id, job);
    return { json: { id: job.id, status: job.progress.status } };
  }

  /** `GET /research/{id}`: one step further each time. */
  retrieve(id: string): Reply {
    const job = this.#jobs.get(id);
    if (!job) return notFound;
    job.progress.poll();
    return { json: this.#view(job) };
  }

  /** The job as it stands, without advancing it (for its chat). */
  peek(id: string): Record<string, unknown> | undefined {
    const job = this.#jobs.get(id);
    return job && this.#view(job);
  }

  events(id: string): Reply {
    const job = this.#jobs.get(id);
    if (!job) return notFound;
    return {
      json: job.progress.history.map(({ status, at }) => ({
        message: eventMessages[status],
        created_at: isoTime(at),
      })),
    };
  }

  /** `GET /research?page=&limit=`, newest first, without advancing any job. */
  list(query: URLSearchParams): Reply {
    const page = readPage(query, { limitKey: 'limit', defaultLimit: 10, maxLimit: 200 });
    if (typeof page === 'string') return paginationError(page);
    const { data, hasNext, total } = slicePage([...this.#jobs.values()].reverse(), page);
    return {
      json: { data: data.map((job) => this.#view(job)), pagination: { ...page, has_next: hasNext, total } },
    };
  }

  /** Jobs not yet completed or failed (queued ones too): what Caesar's concurrency limit counts. */
  running(): number {
    let count = 0;
    for (const job of this.#jobs.values()) if (!job.progress.finished) count++;
    return count;
  }

  /** Reasoning loops consumed by completed jobs: what Caesar's monthly budget counts. */
  loopsConsumed(): number {
    let loops = 0;
    for (const job of this.#jobs.values()) {
      if (job.progress.status === 'completed') loops += loopsOf(job.body);
    }
    return loops;
  }

  reset(): void {
    this.#jobs.clear();
  }

  #view(job: Job): Record<string, unknown> {
    const { status } = job.progress;
    const { body } = job;
    const done = status === 'completed';
    const content = done ? researchContent(body.query as string, this.#options.references) : null;
    const loops = loopsOf(body);
    return {
      id: job.id,
      created_at: job.created_at,
      status,
      query: body.query,
      reasoning_loops_consumed: done ? loops : 0,
      // One mock second per status walked, so the value is predictable.
      running_time: job.progress.history.length - 1,
      content,
      transformed_content: done && typeof body.system_prompt === 'string' ? `Transformed: ${content}` : null,
      results: done
        ? this.#options.references.map((reference, index) => ({
            id: mockUuid(0xc0000 + index + 1),
            title: reference.title,
            url: reference.url,
            citation_index: index + 1,
          }))
        : [],
      ...(status === 'failed' ? this.#options.failedFields : {}),
    };
  }
}

/** The loops a job asks for (1 when it does not say). */
export const loopsOf = (settings: Record<string, unknown> | undefined): number =>
  typeof settings?.reasoning_loops === 'number' ? settings.reasoning_loops : 1;
