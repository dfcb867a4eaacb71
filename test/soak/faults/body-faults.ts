import type { Reply } from '../../../src/testing/index.js';
import type { FaultKind } from './kinds.js';
import { poisonJson } from './prototype-keys.js';
import { trickle } from './sse-frames.js';

// Faults in a 200 JSON body. Only plain chat calls get them: a run submit or an upload that the
// vendor already stored would be stored twice by a retry (a POST is not idempotent).

/** The vendor's JSON answer as text, with its headers. */
function jsonText(reply: Reply): { text: string; headers: Record<string, string> } {
  if (!('json' in reply))
    throw new Error(`soak: expected a JSON answer, got ${Object.keys(reply).join(',')}`);
  return { text: JSON.stringify(reply.json), headers: reply.headers ?? {} };
}

const encoder = new TextEncoder();

export const bodyFaults: readonly FaultKind[] = [
  {
    name: 'reset-mid-body',
    ops: ['json'],
    on: 'request',
    mode: 'retryable',
    error: 'APIConnectionError',
    weight: 3,
    serve: async ({ base, param }) => {
      const { text, headers } = jsonText(await base());
      const at = 1 + (param % Math.max(1, text.length - 1));
      return { chunks: [text.slice(0, at)], contentType: 'application/json', headers, resetAfter: 1 };
    },
  },
  {
    // `timeout` covers a non-streamed body too (openai-node #1825 hung 37 minutes on one).
    name: 'stall-mid-body',
    ops: ['json'],
    on: 'request',
    mode: 'retryable',
    error: 'APIConnectionTimeoutError',
    weight: 1,
    serve: async ({ base, param, timing }) => {
      const { text, headers } = jsonText(await base());
      const at = 1 + (param % Math.max(1, text.length - 1));
      const chunks = [text.slice(0, at), text.slice(at)];
      return { chunks, contentType: 'application/json', headers, intervalMs: timing.timeout * 4 };
    },
  },
  {
    name: 'one-byte-trickle-json',
    ops: ['json'],
    on: 'request',
    mode: 'benign',
    callerTiming: { timeout: 10_000 },
    weight: 2,
    serve: async ({ base }) => {
      const { text, headers } = jsonText(await base());
      return { chunks: trickle(encoder.encode(text)), contentType: 'application/json', headers };
    },
  },
  {
    name: 'prototype-keys-json',
    ops: ['json'],
    on: 'request',
    mode: 'benign',
    weight: 1,
    serve: async ({ base }) => {
      const { text, headers } = jsonText(await base());
      return { text: poisonJson(text), contentType: 'application/json', headers };
    },
  },
  {
    // inTandem's error envelope with status 200, echoing the key: the vendor's error, without the key.
    name: 'error-envelope-200',
    ops: ['json'],
    on: 'request',
    mode: 'fatal',
    error: 'APIError',
    weight: 1,
    serve: ({ apiKey }) => ({
      json: { success: false, errors: [{ code: 'token_revoked', message: `token ${apiKey} was revoked` }] },
    }),
  },
  body('malformed-json-200', {
    text: '{"id":"chatcmpl-soak","choices":[{"message":',
    contentType: 'application/json',
  }),
  body('html-200', { text: '<html><body>Please enable cookies.</body></html>', contentType: 'text/html' }),
  body('empty-200', { text: '', contentType: 'application/json' }),
  body('not-a-completion-200', { json: { ok: true, result: 'soak' } }),
];

function body(name: string, reply: Reply): FaultKind {
  return {
    name,
    ops: ['json'],
    on: 'request',
    mode: 'fatal',
    error: 'ResponseValidationError',
    weight: 1,
    serve: () => reply,
  };
}
