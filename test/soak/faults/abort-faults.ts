import type { FaultKind } from './kinds.js';

/**
 * The caller gives up: its signal fires a few ms into a call the vendor is slow to answer (no
 * headers, a stalled stream, or a run that never ends). Whatever the phase, the call must end with
 * `APIUserAbortError` at once, and never be retried.
 */
export const abortFaults: readonly FaultKind[] = [
  {
    name: 'caller-abort',
    ops: ['json', 'stream', 'upload'],
    on: 'request',
    mode: 'fatal',
    error: 'APIUserAbortError',
    weight: 2,
    serve: ({ request, timing }) =>
      (request.json as { stream?: unknown } | undefined)?.stream === true
        ? { stall: true }
        : { json: {}, delayMs: timing.timeout * 4 },
  },
  {
    // The vendor asks for a 5 s pause (under 60 s, so it is honoured): the abort must end the sleep.
    name: 'caller-abort-during-backoff',
    ops: ['json', 'stream', 'upload', 'run'],
    on: 'request',
    mode: 'fatal',
    needsReplay: true,
    error: 'APIUserAbortError',
    weight: 1,
    serve: () => ({ error: 503, message: 'soak: come back later', headers: { 'retry-after-ms': '5000' } }),
  },
  {
    name: 'caller-abort-run',
    ops: ['run'],
    on: 'request',
    mode: 'fatal',
    error: 'APIUserAbortError',
    variant: 'slow',
    weight: 1,
  },
];
