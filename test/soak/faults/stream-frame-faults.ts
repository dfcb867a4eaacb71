import type { FaultKind, ServeInput } from './kinds.js';
import { cut, keepOptions } from './sse-frames.js';

// A 200 stream that ends in words rather than silence: error frames of each vendor shape, a frame
// that is not JSON, or an ending with no finish. These are answers: never retried, always a
// StreamError, and never an answer that looks complete.
const errorBody = (apiKey: string) => ({
  error: { message: `soak: upstream failed for key ${apiKey}`, type: 'server_error', code: 'soak_failure' },
});

type Frames = Awaited<ReturnType<typeof cut>>;
type Frame = Frames['head'][number];

/** A stream fault that must end in StreamError: the vendor's frames up to a cut, then `tail`'s. */
const streamFailure = (
  name: string,
  weight: number,
  tail: (input: ServeInput, frames: Frames) => { sse: Frame[]; done: boolean },
): FaultKind => ({
  name,
  ops: ['stream'],
  on: 'request',
  mode: 'fatal',
  error: 'StreamError',
  weight,
  serve: async (input) => {
    const frames = await cut(input, 0);
    return { ...keepOptions(frames.reply), ...tail(input, frames) };
  },
});

export const streamFrameFaults: readonly FaultKind[] = [
  streamFailure('error-frame', 3, (input, { head }) => ({
    sse: [...head, errorBody(input.apiKey)],
    done: false,
  })),
  streamFailure('error-envelope-frame', 1, (input, { head }) => {
    const frame = {
      success: false,
      errors: [{ code: 'token_revoked', message: `token ${input.apiKey} was revoked` }],
    };
    return { sse: [...head, frame], done: false };
  }),
  streamFailure('error-event', 2, (input, { head }) => {
    const frame = { event: 'error', data: JSON.stringify(errorBody(input.apiKey)) };
    return { sse: [...head, frame], done: false };
  }),
  // Valid frames and [DONE] follow the broken one: the reader must stop at it, not skip it.
  streamFailure('malformed-json-frame', 2, (_input, { head, rest }) => {
    const broken = {
      raw: 'data: {"id":"chatcmpl-soak","choices":[{"index":0,"delta":{"content":"oops"\n\n',
    };
    return { sse: [...head, broken, ...rest], done: true };
  }),
  streamFailure('truncated-no-finish', 3, (_input, { head }) => ({ sse: head, done: false })),
  streamFailure('truncated-half-event', 2, (_input, { head }) => {
    const half = { raw: 'data: {"id":"chatcmpl-soak","choices":[{"index":0,"delta":{"content":"cu' };
    return { sse: [...head, half], done: false };
  }),
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
