import type { ProcessReport } from './drive/process-watch.js';
import type { Tally } from './drive/tally.js';
import type { CallPlan } from './plan/call-plan.js';
import type { SoakConfig } from './soak.js';

export interface Violation {
  readonly plan: CallPlan;
  readonly problems: readonly string[];
}

export interface SoakReport {
  readonly config: SoakConfig;
  readonly durationMs: number;
  readonly calls: number;
  readonly settled: number;
  readonly lost: number;
  readonly stillRunning: number;
  readonly successes: number;
  readonly retries: number;
  readonly tallies: { ops: Tally; faults: Tally; failures: Tally };
  readonly violations: readonly Violation[];
  readonly violationCount: number;
  readonly uploadProblems: readonly string[];
  readonly keyLeakCount: number;
  readonly consoleKeyLines: number;
  readonly listenersLeft: number;
  /** Whether any `__proto__` / `constructor` key from a response reached a prototype. */
  readonly polluted: boolean;
  readonly leftoverResources: readonly string[];
  readonly heap: ReadonlyArray<{ at: string; bytes: number; collected: boolean }>;
  readonly process: ProcessReport;
}

/** Heap growth from the 25 % sample to the highest later one, when samples were taken after a GC. */
export function heapGrowth(report: SoakReport): number | undefined {
  const [first, ...later] = report.heap;
  if (!first?.collected || later.length === 0) return undefined;
  return Math.max(...later.map((sample) => sample.bytes)) - first.bytes;
}

/** Everything that makes the soak fail; empty when it passed. */
export function failures(report: SoakReport, heapLimitBytes: number | undefined): string[] {
  const out: string[] = [];
  const { process: p } = report;
  if (report.violationCount > 0) out.push(`${report.violationCount} call(s) ended wrongly`);
  if (report.lost > 0) out.push(`${report.lost} call(s) lost (never settled)`);
  if (p.unhandledRejections.length > 0) out.push(`${p.unhandledRejections.length} unhandled rejection(s)`);
  if (p.uncaughtExceptions.length > 0) out.push(`${p.uncaughtExceptions.length} uncaught exception(s)`);
  if (p.warnings.length > 0) out.push(`process warnings: ${p.warnings.slice(0, 3).join(' | ')}`);
  if (report.keyLeakCount > 0) out.push(`the API key leaked into ${report.keyLeakCount} error(s)`);
  if (report.consoleKeyLines > 0)
    out.push(`the API key appeared in ${report.consoleKeyLines} console line(s)`);
  if (report.polluted) out.push('a response polluted a prototype');
  if (report.listenersLeft > 0)
    out.push(`${report.listenersLeft} abort listener(s) left on the shared signal`);
  if (report.leftoverResources.length > 0)
    out.push(`resources left open: ${report.leftoverResources.join(', ')}`);
  out.push(...report.uploadProblems);
  const growth = heapGrowth(report);
  if (heapLimitBytes !== undefined && growth !== undefined && growth > heapLimitBytes) {
    out.push(`heap grew ${mb(growth)} over the run (limit ${mb(heapLimitBytes)})`);
  }
  return out;
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const list = (tally: Tally) =>
  tally
    .entries()
    .map(([name, count]) => `${name} ${count}`)
    .join(', ') || 'none';

/** The report as printed by `npm run test:soak`. */
export function formatReport(report: SoakReport): string {
  const { config: c, process: p } = report;
  const seconds = report.durationMs / 1000;
  const growth = heapGrowth(report);
  const failed = report.calls - report.successes;
  return [
    `calls           ${report.calls} across ${c.vendors === 'child-process' ? 'five mock vendors in a child process' : 'five in-process mock vendors'}, concurrency ${c.concurrency}, maxRetries ${c.maxRetries}, timeout ${c.timing.timeout} ms, idleTimeout ${c.timing.idleTimeout} ms`,
    `settled         ${report.settled} in ${seconds.toFixed(1)} s (${(report.settled / seconds).toFixed(0)} calls/s); lost ${report.lost}; still running ${report.stillRunning}`,
    `successes       ${report.successes}, each byte-identical to its expected answer (retries made: ${report.retries})`,
    `typed failures  ${failed}: ${list(report.tallies.failures)}`,
    `faults injected ${report.calls - report.tallies.faults.get('none')} of ${report.calls} calls: ${list(report.tallies.faults)}`,
    `calls by vendor ${list(report.tallies.ops)}`,
    `wrong endings   ${report.violationCount}`,
    `security        key in errors ${report.keyLeakCount}, console lines ${p.consoleLines.length} (with the key: ${report.consoleKeyLines}), prototypes ${report.polluted ? 'POLLUTED' : 'clean'}`,
    `process         unhandled rejections ${p.unhandledRejections.length}, uncaught exceptions ${p.uncaughtExceptions.length}, warnings ${p.warnings.length}`,
    `left open       abort listeners ${report.listenersLeft}; sockets/timers/servers ${report.leftoverResources.length === 0 ? 'none' : report.leftoverResources.join(', ')}`,
    `heap            ${report.heap.map((s) => `${s.at} ${mb(s.bytes)}`).join(', ')}${growth === undefined ? ' (no --expose-gc: not judged)' : `; growth ${mb(growth)}`}`,
    `uploads         ${report.uploadProblems.length === 0 ? 'every stored file matches its SHA-256, none duplicated' : report.uploadProblems.slice(0, 5).join('; ')}`,
  ].join('\n');
}

/** The calls that ended wrongly, each with the command that replays it alone. */
export function formatViolations(report: SoakReport): string {
  return report.violations
    .map(({ plan, problems }) => {
      const what = `#${plan.index} ${plan.dialect} ${plan.op}${plan.upload ? ` (${plan.upload.kind})` : ''}, fault ${plan.fault.name} ×${plan.times} (param ${plan.param})`;
      const replay = `SOAK_SEED=${report.config.seed} SOAK_ONLY=${plan.index} npm run test:soak`;
      return `${what}\n    ${problems.join('\n    ')}\n    replay: ${replay}`;
    })
    .join('\n');
}
