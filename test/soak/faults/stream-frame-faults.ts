import type { FaultKind } from './kinds.js';
import { cut, keepOptions } from './sse-frames.js';

// A 200 stream that ends in words rather than silence: error frames of each vendor shape, a frame
// that is not JSON, or an ending with no finish. These are answers: never retried, always a
// StreamError, and never an answer that looks complete.
const errorBody = (apiKey: string) => ({
  error: { message: `soak: upstream failed for key ${apiKey}`, type: 'server_error', code: 'soak_failure' },
});

export const streamFrameFaults: readonly FaultKind[] = [
  {
    name: 'error-frame',
    ops: ['stream'],
    on: 'request',
    mode: 'fatal',
    error: 'StreamError',
    weight: 3,
    serve: async (input) => {
      const { reply, head } = await cut(input, 0);
      return { ...keepOptions(reply), sse: [...head, errorBody(input.apiKey)], done: false };
    },
  },
  {
    name: 'error-envelope-frame',
    ops: ['stream'],
    on: 'request',
    mode: 'fatal',
    error: 'StreamError',
    weight: 1,
    serve: async (input) => {
      const { reply, head } = await cut(input, 0);
      const frame = {
        success: false,
        errors: [{ code: 'token_revoked', message: `token ${input.apiKey} was revoked` }],
      };
      return { ...keepOptions(reply), sse: [...head, frame], done: false };
    },
  },
  {
    name: 'error-event',
    ops: ['stream'],
    on: 'request',
    mode: 'fatal',
    error: 'StreamError',
    weight: 2,
    serve: async (input) => {
      const { reply, head } = await cut(input, 0);
      const frame = { event: 'error', data: JSON.stringify(errorBody(input.apiKey)) };
      return { ...keepOptions(reply), sse: [...head, frame], done: false };
    },
  },
  {
    // Valid frames and [DONE] follow the broken one: the reader must stop at it, not skip it.
    name: 'malformed-json-frame',
    ops: ['stream'],
    on: 'request',
    mode: 'fatal',
    error: 'StreamError',
    weight: 2,
    serve: async (input) => {
      const { reply, head, rest } = await cut(input, 0);
      const broken = {
        raw: 'data: {"id":"chatcmpl-soak","choices":[{"index":0,"delta":{"content":"oops"\n\n',
      };
      return { ...keepOptions(reply), sse: [...head, broken, ...rest], done: true };
    },
  },
  {
    name: 'truncated-no-finish',
    ops: ['stream'],
    on: 'request',
    mode: 'fatal',
    error: 'StreamError',
    weight: 3,
    serve: async (input) => {
      const { reply, head } = await cut(input, 0);
      return { ...keepOptions(reply), sse: head, done: false };
    },
  },
  {
    name: 'truncated-half-event',
    ops: ['stream'],
    on: 'request',
    mode: 'fatal',
    error: 'StreamError',
    weight: 2,
    serve: async (input) => {
      const { reply, head } = await cut(input, 0);
      const half = { raw: 'data: {"id":"chatcmpl-soak","choices":[{"index":0,"delta":{"content":"cu' };
      return { ...keepOptions(reply), sse: [...head, half], done: false };
    },
  },
  {
    name: 'error-json-on-200',
    ops: ['stream'],
    on: 'request',
    mode: 'fatal',
    error: 'StreamError',
    weight: 1,
    serve: ({ apiKey }) => ({ json: errorBody(apiKey) }),
  },
];
