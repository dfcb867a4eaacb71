/** `warn`: works with chatwire but deviates from the dialect's documented behaviour. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** One row of the doctor's report. */
export interface CheckResult {
  /** Stable id, e.g. `stream.done`. */
  readonly id: string;
  readonly status: CheckStatus;
  /** What the dialect documents. */
  readonly expected: string;
  /** What came back (or why the check was skipped). */
  readonly got: string;
}

export const check = (id: string, status: CheckStatus, expected: string, got: string): CheckResult => ({
  id,
  status,
  expected,
  got,
});

/** The worst of several statuses (fail > warn > pass); `skip` only when all skipped. */
export const worst = (statuses: readonly CheckStatus[]): CheckStatus => {
  for (const status of ['fail', 'warn', 'pass'] as const) if (statuses.includes(status)) return status;
  return 'skip';
};
