import { callBudget } from './drive/call-budget.js';
import { CallRegistry } from './drive/call-registry.js';
import { type DriveEnv, soakClients } from './drive/clients.js';
import { judge } from './drive/judge.js';
import { keyLeaks } from './drive/key-scan.js';
import { runPool } from './drive/pool.js';
import { watchProcess } from './drive/process-watch.js';
import { abortListenerCount, activeResources, heapUsed, settleResources } from './drive/resources.js';
import { runCall } from './drive/run-call.js';
import { Tally } from './drive/tally.js';
import { checkUploads, type UploadCheck, uploadCheck } from './drive/upload-check.js';
import type { Timing } from './faults/kinds.js';
import { prototypesPolluted } from './faults/prototype-keys.js';
import { type CallPlan, planCall } from './plan/call-plan.js';
import type { SoakReport, Violation } from './report.js';
import { startFleet } from './vendor/fleet.js';
import { startFleetProcess } from './vendor/fleet-child.js';

export interface SoakConfig {
  readonly seed: number;
  readonly calls: number;
  readonly concurrency: number;
  readonly maxRetries: number;
  readonly timing: Timing;
  /** The vendors in this process (tests) or in a child process (the full soak: a clean heap). */
  readonly vendors: 'in-process' | 'child-process';
  /** Only these call indices (to replay a failure); all by default. */
  readonly only?: readonly number[];
  /** A recognisable key that must never be printed. */
  readonly apiKey: string;
}

const MAX_KEPT_VIOLATIONS = 40;

/** Drives the calls, checks each one and the process around them, and reports. */
export async function runSoak(config: SoakConfig): Promise<SoakReport> {
  const started = performance.now();
  const resourcesBefore = activeResources();
  const watch = watchProcess();
  const options = { apiKey: config.apiKey, timing: config.timing };
  const fleet =
    config.vendors === 'child-process' ? await startFleetProcess(options) : await startFleet(options);
  const shared = new AbortController();
  const env: DriveEnv = {
    fleet,
    apiKey: config.apiKey,
    timing: config.timing,
    maxRetries: config.maxRetries,
  };
  const registry = new CallRegistry(fleet.closedPort, shared.signal, fleet.baseURLs);
  const clients = soakClients(env, registry);

  const indices = config.only ?? Array.from({ length: config.calls }, (_, i) => i);
  const total = indices.length;
  const tallies = { ops: new Tally(), faults: new Tally(), failures: new Tally() };
  const violations: Violation[] = [];
  let violationCount = 0;
  const flag = (plan: CallPlan, problems: string[]) => {
    violationCount += 1;
    if (violations.length < MAX_KEPT_VIOLATIONS) violations.push({ plan, problems });
  };
  const uploads: UploadCheck[] = [];
  const heap: Array<{ at: string; bytes: number; collected: boolean }> = [];
  let settled = 0;
  let successes = 0;
  let retries = 0;
  let keyLeakCount = 0;
  const marks = [0.25, 0.5, 0.75].map((share) => Math.ceil(total * share));

  const task = async (plan: CallPlan) => {
    const call = registry.begin(plan, plan.fault.callerTiming ?? {});
    const seen = await runCall(plan, clients[plan.dialect], call);
    call.end();
    const attempts = call.postAttempts();
    retries += Math.max(0, attempts - 1);
    tallies.ops.add(`${plan.dialect} ${plan.op}`);
    tallies.faults.add(plan.fault.name);
    const problems = judge(plan, seen, attempts);
    if (seen.ok) successes += 1;
    else {
      tallies.failures.add((seen.error as Error | undefined)?.name ?? 'non-error');
      const leaks = keyLeaks(seen.error, config.apiKey);
      if (leaks.length > 0) {
        keyLeakCount += 1;
        problems.push(`the API key appears in the error's ${leaks.join(', ')}`);
      }
    }
    if (seen.ok && plan.upload && seen.upload) uploads.push(uploadCheck(seen.upload.id, plan.upload));
    if (problems.length > 0) flag(plan, problems);
    settled += 1;
    if (marks.includes(settled)) heap.push({ at: `${Math.round((settled / total) * 100)}%`, ...heapUsed() });
  };
  const budget = (plan: CallPlan) => callBudget(plan, config.timing, config.maxRetries);
  const hung = (plan: CallPlan) => flag(plan, [`still running after its ${budget(plan)} ms budget (a hang)`]);
  const prepare = (index: number) => planCall(config.seed, index, config.maxRetries);
  const pool = await runPool(indices, config.concurrency, { prepare, budget, task, onHung: hung });

  const uploadProblems = checkUploads(uploads, await fleet.uploads());
  const listenersLeft = abortListenerCount(shared.signal);
  const polluted = prototypesPolluted();
  heap.push({ at: '100%', ...heapUsed() });
  const stillRunning = pool.running();
  await fleet.close();
  const leftoverResources = await settleResources(resourcesBefore, 5_000);
  const processReport = watch.stop();
  const consoleKeyLines = processReport.consoleLines.filter((line) => line.includes(config.apiKey)).length;

  return {
    config,
    durationMs: performance.now() - started,
    calls: total,
    settled,
    lost: total - settled,
    stillRunning,
    successes,
    retries,
    tallies,
    violations,
    violationCount,
    uploadProblems,
    keyLeakCount,
    consoleKeyLines,
    listenersLeft,
    polluted,
    leftoverResources,
    heap,
    process: processReport,
  };
}
