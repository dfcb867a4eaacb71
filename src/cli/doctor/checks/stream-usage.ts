import { type CheckResult, check } from '../check-result.js';
import type { DoctorContext } from '../doctor-context.js';
import type { StreamFacts } from '../stream-facts.js';

/** `stream.usage`: where token usage arrives in a stream (if the dialect documents it). */
export const usageCheck = (facts: StreamFacts, context: DoctorContext): CheckResult => {
  const { usage } = context.expect;
  const expected = usage.where;
  const sideUsage = facts.sideFrames.filter((key) => key.includes('usage')).length;
  const last = facts.usage.at(-1);
  if (!last && sideUsage === 0) {
    const got = `none${usage.ask ? ' (include_usage was sent)' : ''}`;
    return check('stream.usage', usage.expected ? 'warn' : 'pass', expected, got);
  }
  const places: string[] = [];
  if (last) {
    const where =
      last.chunk === facts.chunks.length ? 'the last chunk' : `chunk ${last.chunk} of ${facts.chunks.length}`;
    places.push(`${where}${last.emptyChoices ? ' (choices: [])' : ''}`);
  }
  if (sideUsage > 0) places.push(`${sideUsage} usage_from_provider frame(s)`);
  // Usage before the final chunk is read by chatwire, but other clients take only the last one.
  const early = last !== undefined && last.chunk < facts.chunks.length && sideUsage === 0;
  return check('stream.usage', early ? 'warn' : 'pass', expected, `on ${places.join(' and ')}`);
};
