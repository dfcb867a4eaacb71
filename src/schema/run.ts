import type { ChatCompletion } from './chat-completion.js';

export type RunStatus = 'queued' | 'in_progress' | 'completed' | 'failed';

/** An async chat run (inTandem) or job (Bifrost), normalised. */
export interface Run {
  id: string;
  /** The vendor's status mapped; a value chatwire does not know counts as `in_progress`. */
  status: RunStatus;
  /** The status as the vendor sent it (`QUEUED`, `processing`, …). */
  vendorStatus: string;
  /** ISO 8601. */
  createdAt: string;
  updatedAt?: string;
  /** Bifrost: when the stored result expires. */
  expiresAt?: string;
  /** Present once `status` is `completed`. */
  result?: ChatCompletion;
  /** Present once `status` is `failed`. */
  error?: { message: string; code?: string; status?: number };
}

export const TERMINAL: ReadonlySet<RunStatus> = new Set(['completed', 'failed']);

/** Maps a vendor status through `table` (matched case-insensitively); unknown values count as in progress. */
export function mapStatus(value: unknown, table: Readonly<Record<string, RunStatus>>): RunStatus {
  return table[String(value).toLowerCase()] ?? 'in_progress';
}
