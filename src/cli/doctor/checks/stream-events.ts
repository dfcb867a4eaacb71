import { type CheckResult, check } from '../check-result.js';
import type { DoctorContext } from '../doctor-context.js';
import type { StreamExchange } from '../send-stream.js';
import type { StreamFacts } from '../stream-facts.js';

/** `stream.chunks`: every data frame is a chunk with `choices[]` (or a documented side frame). */
export const chunksCheck = (facts: StreamFacts, context: DoctorContext): CheckResult => {
  const side = context.expect.sideFrames;
  const expected = `data: chat.completion.chunk with choices[].delta${side.length ? ` (+ ${side.join(', ')} frames)` : ''}`;
  const failures: string[] = [];
  if (facts.errorFrames.length > 0) failures.push(`error frame: ${facts.errorFrames[0]}`);
  if (facts.undecodable.length > 0)
    failures.push(`${facts.undecodable.length} not JSON (${facts.undecodable[0]})`);
  if (facts.withoutChoices.length > 0) {
    failures.push(`${facts.withoutChoices.length} without choices (${facts.withoutChoices[0]})`);
  }
  if (facts.badChoices > 0) failures.push(`${facts.badChoices} with choices lacking delta`);
  if (facts.chunks.length === 0 && failures.length === 0) failures.push('no chunks at all');
  const counted = `${facts.chunks.length} chunks${facts.sideFrames.length ? ` + ${facts.sideFrames.length} ${facts.sideFrames[0]}` : ''}`;
  if (failures.length > 0)
    return check('stream.chunks', 'fail', expected, `${failures.join('; ')} · ${counted}`);
  const notes: string[] = [];
  if (facts.wrongObject > 0) notes.push(`${facts.wrongObject} with object ≠ chat.completion.chunk`);
  if (facts.namedEvents.length > 0) notes.push(`event: ${[...new Set(facts.namedEvents)].join(', ')} lines`);
  if (notes.length > 0) return check('stream.chunks', 'warn', expected, `${counted} · ${notes.join('; ')}`);
  return check(
    'stream.chunks',
    'pass',
    expected,
    `${counted}, each with choices[] · ${JSON.stringify(facts.content.slice(0, 30))}`,
  );
};

/** `stream.finish`: some chunk says why the answer ended. */
export const finishCheck = (facts: StreamFacts): CheckResult => {
  const expected = 'a chunk with finish_reason (stop, length, tool_calls…)';
  if (!facts.finish) return check('stream.finish', 'fail', expected, 'no chunk carried a finish_reason');
  const { reason, chunk } = facts.finish;
  return check('stream.finish', 'pass', expected, `${reason} on chunk ${chunk} of ${facts.chunks.length}`);
};

/** `stream.done`: the stream ends the way the dialect documents, never like a cut connection. */
export const doneCheck = (
  facts: StreamFacts,
  answer: StreamExchange,
  context: DoctorContext,
): CheckResult => {
  const required = context.expect.done === 'required';
  const expected = required
    ? 'data: [DONE] after the last chunk'
    : '[DONE], or end of body after finish_reason';
  const result = (status: 'pass' | 'warn' | 'fail', got: string) =>
    check('stream.done', status, expected, got);
  if (facts.done) {
    return facts.eventsAfterDone > 0
      ? result('warn', `data: [DONE], then ${facts.eventsAfterDone} more events (clients drop them)`)
      : result('pass', 'data: [DONE]');
  }
  if (answer.end === 'reset')
    return result('fail', `connection broke mid-stream: ${answer.problem ?? 'reset'}`);
  if (answer.end === 'timeout') return result('fail', `no end within ${context.limits.timeoutMs} ms`);
  if (answer.end === 'held-open') {
    return result('fail', 'no [DONE], and the connection stayed open after finish_reason: clients hang');
  }
  if (!facts.finish) {
    return result('fail', 'body ended with neither [DONE] nor finish_reason: looks like a cut stream');
  }
  return required
    ? result('fail', 'body ended after finish_reason without data: [DONE]')
    : result('pass', `body ended after finish_reason, no [DONE] (as ${context.endpoint.name} documents)`);
};
