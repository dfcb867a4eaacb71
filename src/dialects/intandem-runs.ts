import { normaliseCompletion } from '../schema/normalise-completion.js';
import { mapStatus, type Run } from '../schema/run.js';
import type { RunSpec } from './run-spec.js';

type Json = Record<string, any>;

const STATUSES = {
  queued: 'queued',
  in_progress: 'in_progress',
  completed: 'completed',
  failed: 'failed',
} as const;

const unwrap = (body: unknown): Json => {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Json;
  return typeof record.success === 'boolean' && record.data !== undefined ? record.data : record;
};

/** inTandem's `ChatCompletionRun`: `{uid, status: QUEUED|IN_PROGRESS|COMPLETED|FAILED, created_at, result?, error_message?}`. */
export function readInTandemRun(body: unknown): Run {
  const data = unwrap(body);
  const run: Run = {
    id: String(data.uid ?? data.id ?? ''),
    status: mapStatus(data.status, STATUSES),
    vendorStatus: String(data.status ?? ''),
    createdAt: String(data.created_at ?? ''),
  };
  if (data.updated_at) run.updatedAt = String(data.updated_at);
  if (data.result) {
    const result = data.result as Json;
    result.id ??= result.uid;
    result.created ??= result.created_at;
    run.result = normaliseCompletion(result, 'loose');
  }
  if (run.status === 'failed') run.error = { message: String(data.error_message ?? 'The run failed.') };
  return run;
}

export const inTandemRuns: RunSpec = {
  retrievePath: (id) => `/v3/ai/chat_completion_runs/${encodeURIComponent(id)}`,
  listPath: (page, perPage) =>
    `/v3/ai/chat_completion_runs?page=${page}&per_page=${perPage}&sort=created_at:desc`,
  readRun: readInTandemRun,
  readRunList: (body) => {
    const runs = unwrap(body).chat_completion_runs;
    return Array.isArray(runs) ? runs.map(readInTandemRun) : [];
  },
  notFoundHint: 'inTandem has no run with this id (unknown, or created with another token).',
};
