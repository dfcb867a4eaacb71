import { readErrorBody } from '../errors/read-error-body.js';
import { explainNotFound } from '../resources/explain-not-found.js';
import { normaliseCompletion } from '../schema/normalise-completion.js';
import { mapStatus, type Run } from '../schema/run.js';
import type { RunSpec } from './run-spec.js';

type Json = Record<string, any>;

const STATUSES = {
  pending: 'queued',
  processing: 'in_progress',
  completed: 'completed',
  failed: 'failed',
} as const;

/** Bifrost's `AsyncJobResponse`: `{id, status: pending|processing|completed|failed, created_at, result?, error?, status_code?}`. */
export function readBifrostJob(body: unknown): Run {
  const job = (typeof body === 'object' && body !== null ? body : {}) as Json;
  const run: Run = {
    id: String(job.id ?? ''),
    status: mapStatus(job.status, STATUSES),
    vendorStatus: String(job.status ?? ''),
    createdAt: String(job.created_at ?? ''),
  };
  if (job.completed_at) run.updatedAt = String(job.completed_at);
  if (job.expires_at) run.expiresAt = String(job.expires_at);
  if (job.result) run.result = normaliseCompletion(job.result, 'loose');
  if (run.status === 'failed') {
    const info = readErrorBody(job.error ?? {});
    run.error = { message: info.message ?? 'The job failed.' };
    if (info.code) run.error.code = info.code;
    if (info.type && !info.code) run.error.code = info.type;
    if (typeof job.status_code === 'number') run.error.status = job.status_code;
  }
  return run;
}

export const bifrostRuns: RunSpec = {
  retrievePath: (id) => `/v1/async/chat/completions/${encodeURIComponent(id)}`,
  readRun: readBifrostJob,
  explainSubmitNotFound: (error) =>
    explainNotFound(
      error,
      'async submit',
      'Bifrost registers its /v1/async routes only when the gateway has a logs store configured; without one every async request answers 404.',
    ),
  notFoundHint:
    'Bifrost has no such job: the id is unknown, its result expired (kept x-bf-async-job-result-ttl seconds, 3600 by default), or it belongs to another virtual key (pass the one it was made with: { bifrost: { virtualKey } }).',
};
