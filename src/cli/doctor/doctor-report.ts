import { VERSION } from '../../index.js';
import type { Style } from '../style.js';
import type { CheckResult, CheckStatus } from './check-result.js';
import type { DoctorOptions } from './doctor-options.js';

/** Counts per status, and the verdict. */
export const verdict = (rows: readonly CheckResult[], strict: boolean) => {
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const row of rows) counts[row.status] += 1;
  const failing = rows.filter((row) => row.status === 'fail' || (strict && row.status === 'warn'));
  return { counts, compatible: failing.length === 0, failing: failing.map((row) => row.id) };
};

/** The closing line: compatible or not, and which checks decided it. */
export const summaryLine = (rows: readonly CheckResult[], strict: boolean, style: Style): string => {
  const { counts, compatible, failing } = verdict(rows, strict);
  const tally = [
    `${counts.pass} passed`,
    counts.warn ? `${counts.warn} warning${counts.warn === 1 ? '' : 's'}` : '',
    counts.fail ? `${counts.fail} failed` : '',
    counts.skip ? `${counts.skip} skipped` : '',
  ].filter(Boolean);
  if (compatible) return `${style.green(style.bold('Compatible'))}: ${tally.join(', ')}.\n`;
  return `${style.red(style.bold('Not compatible'))}: ${tally.join(', ')}.\nFailed: ${failing.join(', ')}\n`;
};

/** The `--json` report. */
export const jsonReport = (rows: readonly CheckResult[], options: DoctorOptions) => {
  const { counts, compatible, failing } = verdict(rows, options.strict);
  return {
    chatwire: VERSION,
    dialect: options.endpoint.name,
    baseURL: options.endpoint.baseURL,
    model: options.endpoint.model,
    compatible,
    failing,
    counts,
    checks: rows,
  };
};
