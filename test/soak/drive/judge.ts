import { ChatwireError } from '../../../src/index.js';
import { type CallPlan, expectedText } from '../plan/call-plan.js';
import type { Observation } from './run-call.js';

const short = (text: string | null | undefined) =>
  text === undefined || text === null
    ? String(text)
    : JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** What is wrong with how a call ended, given its plan (empty when it ended as it must). */
export function judge(plan: CallPlan, seen: Observation, attempts: number): string[] {
  const { expected } = plan;
  const problems: string[] = [];
  const [min, max] = expected.attempts;
  if (attempts < min || attempts > max) problems.push(`took ${attempts} attempt(s), expected ${min}–${max}`);
  if (expected.ok) {
    if (!seen.ok) {
      const error = seen.error as Error | undefined;
      problems.push(`failed with ${error?.name}: ${error?.message}, expected success`);
      return problems;
    }
    if (expected.prefix) {
      if (!seen.text || !expected.text?.startsWith(seen.text))
        problems.push(`stopped with ${short(seen.text)}, not a start of the answer`);
    } else if (expected.text !== undefined && seen.text !== expected.text) {
      problems.push(`answer ${short(seen.text)} is not the expected ${short(expected.text)}`);
    }
    if (seen.finalText !== undefined && seen.finalText !== expected.text) {
      problems.push(`finalCompletion() ${short(seen.finalText)} disagrees with the expected answer`);
    }
    if (
      plan.upload &&
      (seen.upload?.filename !== plan.upload.filename || seen.upload.size !== plan.upload.bytes.length)
    ) {
      problems.push(`upload came back as ${JSON.stringify(seen.upload)}`);
    }
    return problems;
  }
  if (seen.ok) {
    problems.push(
      `succeeded (${short(seen.text)}) where ${expected.error} was due: a failure that looks complete`,
    );
    return problems;
  }
  const error = seen.error;
  if (!ChatwireError.is(error)) problems.push(`threw an untyped ${describe(error)}`);
  else if (error.name !== expected.error)
    problems.push(`threw ${error.name} (${error.message}), expected ${expected.error}`);
  // Whatever a failed stream delivered must be the start of the answer: no repeats, nothing invented.
  const answer = plan.op === 'stream' ? expectedText(plan.dialect, plan.op, plan.query) : undefined;
  if (answer !== undefined && seen.text && !answer.startsWith(seen.text)) {
    problems.push(`delivered ${short(seen.text)} before failing, which is not a prefix of the answer`);
  }
  return problems;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
}
