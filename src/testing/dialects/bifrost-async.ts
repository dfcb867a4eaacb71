import { isoTime, mockUuid } from '../ids.js';
import type { MockDialectContext } from '../mock-dialect.js';
import type { RecordedRequest } from '../recorded-request.js';
import type { Reply } from '../reply.js';
import { StepJob } from '../step-job.js';
import { virtualKey } from './bifrost-auth.js';
import { bifrostCompletion, readBifrostTurn } from './bifrost-chat.js';
import { bifrostErrorReply } from './bifrost-errors.js';
import type { BifrostJobStatus, BifrostSettings } from './bifrost-settings.js';

interface Job {
  readonly id: string;
  readonly createdAt: string;
  readonly ttlSeconds: number;
  readonly virtualKey: string | undefined;
  readonly progress: StepJob<BifrostJobStatus>;
  /** What the job ends with: the chat body, or the error it failed with. */
  readonly outcome: { status: number; body: unknown };
  completedAt?: number;
}

const DEFAULT_TTL_SECONDS = 3600;

/** `x-bf-async-job-result-ttl` in seconds; invalid or negative means the default. */
const readTtl = (header: string | undefined): number =>
  header !== undefined && /^\d+$/.test(header.trim()) ? Number(header.trim()) : DEFAULT_TTL_SECONDS;

/**
 * Bifrost's async chat jobs: submit answers 202 `{ id, status: 'pending', created_at }`; each
 * poll advances one status, 202 while pending or processing, 200 once completed (`result`) or
 * failed (`status_code`, `error`). Unknown, expired and other-virtual-key jobs are 404.
 */
export class BifrostAsyncJobs {
  readonly #jobs = new Map<string, Job>();
  readonly #settings: BifrostSettings;

  constructor(settings: BifrostSettings) {
    this.#settings = settings;
  }

  submit(request: RecordedRequest, context: MockDialectContext): Reply {
    const { generation } = this.#settings;
    const body = request.json as { stream?: unknown } | undefined;
    if (body?.stream === true) {
      return bifrostErrorReply(generation, {
        status: 400,
        message: 'stream is not supported for async chat completions',
      });
    }
    const turn = readBifrostTurn(request, context, true, this.#settings);
    if ('error' in turn) return turn;
    // An upstream failure (or `failAsync`) shows only when the job ends.
    const failure =
      turn.served.failure ??
      (this.#settings.failAsync
        ? bifrostErrorReply(generation, {
            status: 500,
            message: 'mock async job failed',
            isBifrostError: false,
          })
        : undefined);
    const steps = this.#settings.asyncSteps;
    const job: Job = {
      id: mockUuid(context.nextId()),
      createdAt: isoTime(),
      ttlSeconds: readTtl(request.headers['x-bf-async-job-result-ttl']),
      virtualKey: virtualKey(request),
      progress: new StepJob(failure ? [...steps.slice(0, -1), 'failed' as const] : steps),
      outcome: failure
        ? { status: failure.error, body: failure.body }
        : { status: 200, body: bifrostCompletion(turn, this.#settings) },
    };
    this.#jobs.set(job.id, job);
    return { status: 202, json: { id: job.id, status: job.progress.status, created_at: job.createdAt } };
  }

  poll(id: string, request: RecordedRequest): Reply {
    const { generation } = this.#settings;
    const job = this.#jobs.get(id);
    const missing = (message: string) => bifrostErrorReply(generation, { status: 404, message });
    if (!job) return missing(`async job ${id} not found`);
    if (job.virtualKey !== undefined && job.virtualKey !== virtualKey(request)) {
      return missing(`async job ${id} not found for this virtual key`);
    }
    if (job.completedAt !== undefined && Date.now() >= job.completedAt + job.ttlSeconds * 1000) {
      this.#jobs.delete(id);
      return missing(`async job ${id} has expired`);
    }
    const status = job.progress.poll();
    const head = { id: job.id, status, created_at: job.createdAt };
    if (status !== 'completed' && status !== 'failed') return { status: 202, json: head };
    job.completedAt ??= Date.now();
    const times = {
      completed_at: isoTime(job.completedAt),
      expires_at: isoTime(job.completedAt + job.ttlSeconds * 1000),
    };
    const { outcome } = job;
    const tail =
      status === 'completed'
        ? { status_code: 200, result: outcome.body }
        : { status_code: outcome.status, error: outcome.body };
    return { json: { ...head, ...times, ...tail } };
  }

  reset(): void {
    this.#jobs.clear();
  }
}
