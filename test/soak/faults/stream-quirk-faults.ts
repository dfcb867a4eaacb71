import { sseEncodeBytes } from '../../../src/testing/index.js';
import type { FaultKind } from './kinds.js';
import { poisonChunk } from './prototype-keys.js';
import { asSse, trickle } from './sse-frames.js';

// Streams that are awkward but complete: each must give the exact answer on the first attempt.
export const streamQuirkFaults: readonly FaultKind[] = [
  {
    name: 'held-open-after-done',
    ops: ['stream'],
    on: 'request',
    mode: 'benign',
    weight: 2,
    serve: async (input) => ({ ...asSse(await input.base()), done: true, holdOpen: true }),
  },
  {
    name: 'one-byte-trickle',
    ops: ['stream'],
    on: 'request',
    mode: 'benign',
    callerTiming: { idleTimeout: 10_000 },
    weight: 2,
    serve: async (input) => {
      const reply = asSse(await input.base());
      const bytes = sseEncodeBytes(reply.sse, { done: reply.done ?? true });
      return { ...(reply.headers ? { headers: reply.headers } : {}), chunks: trickle(bytes) };
    },
  },
  {
    name: 'keepalives-between-events',
    ops: ['stream'],
    on: 'request',
    mode: 'benign',
    weight: 2,
    serve: async (input) => {
      const reply = asSse(await input.base());
      const noise = [{ comment: 'keep-alive' }, { raw: 'data:\n\n' }, { raw: ': OPENROUTER PROCESSING\n\n' }];
      const sse = reply.sse.flatMap((frame, i) => [noise[(i + input.param) % noise.length], frame]);
      return { ...reply, sse };
    },
  },
  {
    name: 'crlf-or-cr-framing',
    ops: ['stream'],
    on: 'request',
    mode: 'benign',
    weight: 1,
    serve: async (input) => ({ ...asSse(await input.base()), lineEnding: input.param % 2 ? '\r\n' : '\r' }),
  },
  {
    // Events 200 ms apart under a 2 s idle timeout that the whole answer outlasts: every event
    // must restart the clock.
    name: 'steady-slow-stream',
    ops: ['stream'],
    on: 'request',
    mode: 'benign',
    callerTiming: { idleTimeout: 2_000 },
    weight: 1,
    serve: async (input) => {
      const reply = asSse(await input.base());
      // The first dozen events paced (longer in all than the idle timeout), the rest at once.
      const sse = reply.sse.flatMap((frame, i) => (i > 0 && i <= 12 ? [{ pauseMs: 200 }, frame] : [frame]));
      return { ...reply, sse };
    },
  },
  {
    name: 'prototype-keys-stream',
    ops: ['stream'],
    on: 'request',
    mode: 'benign',
    weight: 1,
    serve: async (input) => {
      const reply = asSse(await input.base());
      const sse = reply.sse.map((frame) =>
        isChunk(frame) ? { raw: `data: ${poisonChunk(JSON.stringify(frame))}\n\n` } : frame,
      );
      return { ...reply, sse };
    },
  },
  {
    // The caller stops reading after its first chunk: the request is cancelled, quietly.
    name: 'caller-breaks-early',
    ops: ['stream'],
    on: 'request',
    mode: 'benign',
    clientBreaks: true,
    weight: 1,
    serve: async (input) => ({ ...asSse(await input.base()), intervalMs: 20, holdOpen: true }),
  },
  {
    // A server that ignored `stream: true` and answered with the JSON completion.
    name: 'json-instead-of-stream',
    ops: ['stream'],
    on: 'request',
    mode: 'benign',
    weight: 1,
    serve: ({ baseJson }) => baseJson(),
  },
];

function isChunk(frame: unknown): boolean {
  return (
    typeof frame === 'object' && frame !== null && Array.isArray((frame as { choices?: unknown }).choices)
  );
}
