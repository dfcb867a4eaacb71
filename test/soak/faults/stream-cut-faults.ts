import type { FaultKind } from './kinds.js';
import { cut, keepOptions } from './sse-frames.js';

// A 200 stream that the network breaks: reset or silent (with or without keep-alives), before its
// first event (retried, it may clear) or after chunks reached the caller (never retried: it must
// surface, and the text so far must be a start of the answer).
export const streamCutFaults: readonly FaultKind[] = [
  {
    name: 'reset-before-first-event',
    ops: ['stream'],
    on: 'request',
    mode: 'retryable',
    error: 'APIConnectionError',
    weight: 4,
    serve: () => ({ sse: [{ pauseMs: 5 }], resetAfter: 0 }),
  },
  {
    name: 'stall-before-first-event',
    ops: ['stream'],
    on: 'request',
    mode: 'retryable',
    error: 'APIConnectionTimeoutError',
    weight: 1,
    serve: () => ({ stall: true }),
  },
  {
    name: 'keepalives-before-first-event',
    ops: ['stream'],
    on: 'request',
    mode: 'retryable',
    error: 'APIConnectionTimeoutError',
    weight: 1,
    serve: ({ timing }) => ({ stall: true, keepAlive: { intervalMs: Math.ceil(timing.idleTimeout / 6) } }),
  },
  {
    // A pause lets the caller take the first chunks before the reset; if it did not, the retry
    // meets the same reset, so the end is the same either way.
    name: 'reset-mid-stream',
    ops: ['stream'],
    on: 'request',
    mode: 'sticky',
    attemptsVary: true,
    error: 'APIConnectionError',
    weight: 4,
    serve: async (input) => {
      const { reply, head } = await cut(input, 1);
      return { ...keepOptions(reply), sse: [...head, { pauseMs: 30 }], resetAfter: head.length };
    },
  },
  {
    name: 'stall-mid-stream',
    ops: ['stream'],
    on: 'request',
    mode: 'sticky',
    error: 'APIConnectionTimeoutError',
    weight: 1,
    serve: async (input) => {
      const { reply, head, rest } = await cut(input, 1);
      return { ...keepOptions(reply), sse: [...head, { pauseMs: input.timing.idleTimeout * 4 }, ...rest] };
    },
  },
  {
    name: 'keepalives-mid-stream',
    ops: ['stream'],
    on: 'request',
    mode: 'sticky',
    error: 'APIConnectionTimeoutError',
    weight: 1,
    serve: async (input) => {
      const { reply, head, rest } = await cut(input, 1);
      const beat = [{ comment: 'keep-alive' }, { pauseMs: Math.ceil(input.timing.idleTimeout / 6) }];
      const silence = Array.from({ length: 24 }, () => beat).flat();
      return { ...keepOptions(reply), sse: [...head, ...silence, ...rest] };
    },
  },
];
