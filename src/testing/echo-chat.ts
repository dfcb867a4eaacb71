import { chunk } from './chunk.js';
import { completion } from './completion.js';
import type { MockDialectContext } from './mock-dialect.js';
import type { RecordedRequest } from './recorded-request.js';
import type { Reply } from './reply.js';
import { countWords } from './usage.js';

interface ChatBody {
  model?: unknown;
  messages: unknown[];
  stream?: unknown;
  stream_options?: { include_usage?: unknown } | null;
}

/**
 * The default chat answer, deterministic from the request: `Echo: <last user text>`, id
 * `chatcmpl-mock-<n>`, the request's model, usage counted in words. With `stream: true` it is
 * a role chunk, word-sized content chunks, a `finish_reason: 'stop'` chunk, a usage chunk with
 * `choices: []` when `stream_options.include_usage`, then `[DONE]`.
 */
export const echoChat = (request: RecordedRequest, context: MockDialectContext): Reply => {
  const body = request.json as Partial<ChatBody> | undefined;
  if (!body || !Array.isArray(body.messages) || body.messages.length === 0) {
    return { error: 400, message: "'messages' must be a non-empty array." };
  }
  const n = context.nextId();
  const id = `chatcmpl-mock-${n}`;
  const model = typeof body.model === 'string' ? body.model : context.model;
  const created = Math.floor(Date.now() / 1000);
  const content = `Echo: ${lastUserText(body.messages)}`;
  const usage = {
    prompt_tokens: countWords(body.messages.map(messageText).join(' ')),
    completion_tokens: countWords(content),
  };
  const headers = { 'x-request-id': `req_mock_${n}` };
  if (body.stream !== true) return { json: completion({ id, model, created, content, usage }), headers };

  const includeUsage = body.stream_options?.include_usage === true;
  // OpenAI sends `usage: null` on every chunk but the last when usage is requested.
  const common = { id, model, created, ...(includeUsage ? { usage: null } : {}) };
  const frames = [
    chunk({ ...common, role: 'assistant', content: '' }),
    ...(content.match(/\S+\s*/g) ?? []).map((piece) => chunk({ ...common, content: piece })),
    chunk({ ...common, finishReason: 'stop' }),
  ];
  if (includeUsage) frames.push(chunk({ id, model, created, usage }));
  return { sse: frames, headers };
};

const lastUserText = (messages: readonly unknown[]): string => {
  const user = [...messages]
    .reverse()
    .find((message) => (message as { role?: unknown } | null)?.role === 'user');
  return user === undefined ? '' : messageText(user);
};

/** A message's text: string content, or its `text` parts joined by spaces. */
const messageText = (message: unknown): string => {
  const content = (message as { content?: unknown } | null)?.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (part as { text?: unknown } | null)?.text)
    .filter((text): text is string => typeof text === 'string')
    .join(' ');
};
