import type { Timing } from '../faults/kinds.js';
import type { CallPlan } from '../plan/call-plan.js';
import { RUN_WAIT_MS } from './run-call.js';

// Generous on purpose: the watchdog is there to catch a call that never ends, not a slow one.
const SLACK_MS = 15_000;

/**
 * The longest a call may take before it counts as hung: every attempt waiting its full `timeout`
 * for headers and `idleTimeout` for an event, every backoff at its longest, plus a run's wait.
 */
export function callBudget(plan: CallPlan, timing: Timing, maxRetries: number): number {
  let backoff = 0;
  for (let n = 0; n < maxRetries; n++) backoff += Math.min(500 * 2 ** n, 8_000);
  const { timeout, idleTimeout } = { ...timing, ...plan.fault.callerTiming };
  const attempts = (maxRetries + 1) * (timeout + idleTimeout);
  return attempts + backoff + (plan.op === 'run' ? RUN_WAIT_MS + attempts + backoff : 0) + SLACK_MS;
}
