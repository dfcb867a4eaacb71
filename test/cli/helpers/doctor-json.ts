import type { CheckResult } from '../../../src/cli/doctor/check-result.js';
import { type CliRun, runCliInProcess } from './run-cli.js';

/** The `--json` report of a doctor run. */
export interface DoctorReport {
  readonly compatible: boolean;
  readonly failing: readonly string[];
  readonly counts: Record<string, number>;
  readonly checks: readonly CheckResult[];
}

export const readReport = (run: CliRun): DoctorReport => JSON.parse(run.stdout) as DoctorReport;

/** The row with this id (throws with the whole report when missing, for a readable failure). */
export const row = (report: DoctorReport, id: string): CheckResult => {
  const found = report.checks.find((item) => item.id === id);
  if (!found) throw new Error(`no row ${id} in ${JSON.stringify(report.checks, null, 2)}`);
  return found;
};

/** `chatwire doctor --json` in process against an OpenAI-dialect endpoint, with the mock's key. */
export const doctorReport = async (
  baseURL: string,
  ...extra: string[]
): Promise<{ code: number | null; report: DoctorReport }> => {
  const args = ['doctor', '--base-url', baseURL, '--json', '--timeout', '5000', ...extra];
  const run = await runCliInProcess(args, { OPENAI_API_KEY: 'sk-test' });
  return { code: run.code, report: readReport(run) };
};
