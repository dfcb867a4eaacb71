import type { FaultKind } from './kinds.js';

// Faults of async runs (inTandem, Bifrost) and research jobs (Caesar) after the submit: transient
// poll failures the retry policy absorbs, and jobs that fail, expire or never finish.

export const runFaults: readonly FaultKind[] = [
  {
    name: 'poll-503',
    ops: ['run'],
    on: 'poll',
    mode: 'retryable',
    error: 'InternalServerError',
    weight: 3,
    serve: () => ({ error: 503, message: 'soak: poll unavailable', headers: { 'retry-after-ms': '5' } }),
  },
  {
    name: 'poll-429',
    ops: ['run'],
    on: 'poll',
    mode: 'retryable',
    error: 'RateLimitError',
    weight: 2,
    serve: () => ({ error: 429, message: 'soak: slow down', headers: { 'retry-after-ms': '5' } }),
  },
  {
    name: 'poll-reset',
    ops: ['run'],
    on: 'poll',
    mode: 'retryable',
    error: 'APIConnectionError',
    weight: 2,
    serve: () => ({ drop: 'before-headers' }),
  },
  {
    name: 'run-expired',
    ops: ['run'],
    on: 'poll',
    mode: 'sticky',
    error: 'NotFoundError',
    weight: 2,
    serve: () => ({ error: 404, message: 'soak: job not found or expired' }),
  },
  {
    name: 'run-failed',
    ops: ['run'],
    on: 'request',
    mode: 'fatal',
    error: 'RunFailedError',
    variant: 'failing',
    weight: 3,
  },
  {
    name: 'run-never-ends',
    ops: ['run'],
    on: 'request',
    mode: 'fatal',
    error: 'RunTimeoutError',
    variant: 'slow',
    weight: 1,
  },
];
