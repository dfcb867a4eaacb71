import type { ErrorReply } from '../../../src/testing/index.js';
import type { ErrorName, FaultKind, Op } from './kinds.js';

// Faults before any response header: every kind of call meets them, and all but the 4xx answers
// are worth a retry. The vendor's own error shape is used unless a body is given.
const ALL: readonly Op[] = ['json', 'stream', 'run', 'upload'];

const HTML_502 =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>' +
  '<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

export const requestFaults: readonly FaultKind[] = [
  // Client side: the request goes to a closed port on 127.0.0.1.
  {
    name: 'refused',
    ops: ALL,
    on: 'request',
    mode: 'retryable',
    error: 'APIConnectionError',
    refuse: true,
    weight: 3,
  },
  {
    name: 'reset-before-headers',
    ops: ALL,
    on: 'request',
    mode: 'retryable',
    error: 'APIConnectionError',
    weight: 4,
    serve: () => ({ drop: 'before-headers' }),
  },
  {
    name: 'stall-before-headers',
    ops: ALL,
    on: 'request',
    mode: 'retryable',
    error: 'APIConnectionTimeoutError',
    weight: 1,
    serve: ({ timing }) => ({ json: {}, delayMs: timing.timeout * 4 }),
  },
  status('408', 408, 'APIError', { 'retry-after-ms': '5' }),
  status('409', 409, 'ConflictError', { 'retry-after-ms': '5' }),
  status('429-retry-after-ms', 429, 'RateLimitError', { 'retry-after-ms': '20' }, 4),
  status('429-retry-after-0', 429, 'RateLimitError', { 'retry-after': '0' }),
  // Morpheus adds `Retry-After: 1` to its 429s; an empty value counts as none (backoff).
  { ...status('429-no-retry-after', 429, 'RateLimitError', { 'retry-after': '' }), fatalFor: ['intandem'] },
  status('429-retry-after-too-long', 429, 'RateLimitError', { 'retry-after': '3600' }),
  status('500', 500, 'InternalServerError', { 'retry-after-ms': '1' }),
  status('503', 503, 'InternalServerError', { 'retry-after-ms': '10' }, 4),
  status('504', 504, 'InternalServerError', { 'retry-after-ms': '1' }),
  status('400-should-retry', 400, 'BadRequestError', { 'x-should-retry': 'true', 'retry-after-ms': '1' }),
  {
    name: '502-html-page',
    ops: ALL,
    on: 'request',
    mode: 'retryable',
    error: 'InternalServerError',
    weight: 2,
    serve: () => ({
      text: HTML_502,
      status: 502,
      contentType: 'text/html',
      headers: { 'retry-after-ms': '1' },
    }),
  },
  fatal(
    '503-should-not-retry',
    { error: 503, headers: { 'x-should-retry': 'false' } },
    'InternalServerError',
  ),
  fatal('400', { error: 400, message: 'soak: bad request' }, 'BadRequestError'),
  fatal('404', { error: 404, message: 'soak: no such model' }, 'NotFoundError'),
  fatal('422', { error: 422, message: 'soak: unprocessable' }, 'UnprocessableEntityError'),
  {
    // A vendor that echoes the key back in its body and a header: both must come out redacted.
    name: '401-echoing-key',
    ops: ALL,
    on: 'request',
    mode: 'fatal',
    error: 'AuthenticationError',
    weight: 2,
    serve: ({ apiKey }) => ({
      error: 401,
      message: `Incorrect API key provided: ${apiKey}. You can find your key at https://example.com.`,
      headers: { 'x-echo-key': apiKey },
    }),
  },
];

function status(
  name: string,
  code: number,
  error: ErrorName,
  headers: Record<string, string>,
  weight = 2,
): FaultKind {
  return {
    name,
    ops: ALL,
    on: 'request',
    mode: 'retryable',
    error,
    weight,
    serve: () => ({ error: code, message: `soak: ${name}`, headers }),
  };
}

function fatal(name: string, reply: ErrorReply, error: ErrorName): FaultKind {
  return { name, ops: ALL, on: 'request', mode: 'fatal', error, weight: 1, serve: () => reply };
}
