import { readChat } from './chat-echo.js';
import { chunk } from './chunk.js';
import { completion } from './completion.js';
import type { MockDialectContext } from './mock-dialect.js';
import type { RecordedRequest } from './recorded-request.js';
import type { Reply } from './reply.js';

/**
 * The default chat answer, deterministic from the request: `Echo: <last user text>`, id
 * `chatcmpl-mock-<n>`, the request's model, usage counted in words. With `stream: true` it is
 * a role chunk, word-sized content chunks, a `finish_reason: 'stop'` chunk, a usage chunk with
 * `choices: []` when `stream_options.include_usage`, then `[DONE]`.
 */
export const echoChat = (request: RecordedRequest, context: MockDialectContext): Reply => {
  const echo = readChat(request, context);
  if ('error' in echo) return echo;
  const { id, model, created, content, usage, body } = echo;
  const headers = { 'x-request-id': `req_mock_${echo.n}` };
  if (body.stream !== true) return { json: completion({ id, model, created, content, usage }), headers };

  const options = body.stream_options as { include_usage?: unknown } | null | undefined;
  const includeUsage = options?.include_usage === true;
  // OpenAI sends `usage: null` on every chunk but the last when usage is requested.
  const common = { id, model, created, ...(includeUsage ? { usage: null } : {}) };
  const frames = [
    chunk({ ...common, role: 'assistant', content: '' }),
    ...echo.pieces.map((piece) => chunk({ ...common, content: piece })),
    chunk({ ...common, finishReason: 'stop' }),
  ];
  if (includeUsage) frames.push(chunk({ id, model, created, usage }));
  return { sse: frames, headers };
};
