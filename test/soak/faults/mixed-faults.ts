import type { Reply } from '../../../src/testing/index.js';
import type { ErrorName, FaultKind, ServeInput } from './kinds.js';

// A different transient failure on each attempt: a 503, then a cut after the headers (a stream
// reset before its first event, a JSON body reset halfway), then a 429. One retry budget covers
// them all, whichever side of the headers they fall on.
const streaming = (input: ServeInput) =>
  (input.request.json as { stream?: unknown } | undefined)?.stream === true;

async function cutAfterHeaders(input: ServeInput): Promise<Reply> {
  if (streaming(input)) return { sse: [{ pauseMs: 5 }], resetAfter: 0 };
  const reply = await input.base();
  const text = 'json' in reply ? JSON.stringify(reply.json) : '{}';
  return {
    chunks: [text.slice(0, Math.ceil(text.length / 2))],
    contentType: 'application/json',
    resetAfter: 1,
  };
}

const STEPS: ReadonlyArray<{ error: ErrorName; reply: (input: ServeInput) => Reply | Promise<Reply> }> = [
  { error: 'InternalServerError', reply: () => ({ error: 503, headers: { 'retry-after-ms': '5' } }) },
  { error: 'APIConnectionError', reply: cutAfterHeaders },
  { error: 'RateLimitError', reply: () => ({ error: 429, headers: { 'retry-after-ms': '5' } }) },
];
const stepAt = (attempt: number) => STEPS[(attempt - 1) % STEPS.length] as (typeof STEPS)[number];

export const mixedFaults: readonly FaultKind[] = [
  {
    name: 'mixed-transients',
    ops: ['json', 'stream'],
    on: 'request',
    mode: 'retryable',
    errorAfter: (attempts) => stepAt(attempts).error,
    weight: 3,
    serve: (input) => stepAt(input.attempt).reply(input),
  },
];
