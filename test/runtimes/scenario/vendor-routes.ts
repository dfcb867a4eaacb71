// The host's side of the scenario: what the mock vendor answers to each scenario model, with the
// CORS headers a browser-facing API sends. The mock server has no CORS support of its own, so the
// preflight is a scripted route too.
import type * as Testing from '../../../src/testing/index.js';
import type { MockServer, RecordedRequest, Reply } from '../../../src/testing/index.js';
import {
  abortChunks,
  abortIntervalMs,
  dripIntervalMs,
  dripPieces,
  models,
  rateLimitMessage,
  streamIntervalMs,
  streamPieces,
} from './script.js';

/**
 * The request headers the vendor allows cross-origin. Deliberately strict, like real APIs: a
 * client that adds its own headers by default (x-stainless-*, a User-Agent…) fails the preflight
 * (ollama #9236, openai-node #1694).
 */
export const allowedRequestHeaders = ['authorization', 'content-type'] as const;

const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-request-id, retry-after, retry-after-ms',
};

const preflight: Reply = {
  text: '',
  status: 204,
  headers: {
    ...corsHeaders,
    'access-control-allow-methods': 'POST, GET, OPTIONS',
    'access-control-allow-headers': allowedRequestHeaders.join(', '),
    // No caching: every page load must pass its own preflight.
    'access-control-max-age': '0',
  },
};

/** Answers the scenario's chat requests by model name, each reply CORS-readable. */
export const installOpenAIRoutes = (server: MockServer, kit: typeof Testing): void => {
  server.route('OPTIONS', '/v1/chat/completions', preflight);
  server.route('POST', '/v1/chat/completions', (request) => withCors(replyFor(request, kit)));
};

const replyFor = (request: RecordedRequest, { chunk, completion }: typeof Testing): Reply => {
  const body = (request.json ?? {}) as { model?: unknown; messages?: Array<{ content?: unknown }> };
  switch (body.model) {
    case models.json:
      return {
        json: completion({ model: models.json, content: `pong: ${String(body.messages?.at(-1)?.content)}` }),
      };
    case models.stream:
      return streamOf(chunk, streamPieces, streamIntervalMs);
    case models.drip:
      return streamOf(chunk, dripPieces, dripIntervalMs);
    case models.abort:
      return {
        sse: Array.from({ length: abortChunks }, () => chunk({ model: models.abort, content: 'tick ' })),
        intervalMs: abortIntervalMs,
      };
    case models.rateLimited:
      return { error: 429, message: rateLimitMessage, headers: { 'retry-after-ms': '10' } };
    default:
      return { error: 404, message: `The runtime scenario has no reply for model ${String(body.model)}.` };
  }
};

const streamOf = (chunk: typeof Testing.chunk, pieces: readonly string[], intervalMs: number): Reply => ({
  sse: [
    chunk({ role: 'assistant', content: '' }),
    ...pieces.map((content) => chunk({ content })),
    chunk({ finishReason: 'stop' }),
    chunk({ usage: { prompt_tokens: 2, completion_tokens: pieces.length } }),
  ],
  intervalMs,
});

const withCors = (reply: Reply): Reply =>
  'drop' in reply ? reply : { ...reply, headers: { ...corsHeaders, ...reply.headers } };
