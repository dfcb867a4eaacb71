import type { ChatEcho } from '../chat-echo.js';
import { chunk } from '../chunk.js';
import { isoTime } from '../ids.js';
import type { RecordedRequest } from '../recorded-request.js';
import type { ErrorReply, SseReply } from '../reply.js';
import { intandemErrors } from './intandem-errors.js';

/** Whether answers say `uid`/`created_at` (the published spec) or `id`/`created` (its first draft). */
export type IntandemIdFields = 'uid' | 'id';

const MODEL_FORMAT = /^(openai|anthropic|google)\//;
const ROLES = new Set<unknown>(['system', 'user', 'assistant', 'tool']);

/**
 * The checks inTandem documents before answering: valid JSON (400 `invalid_syntax`), a
 * `provider/model` with a supported provider (422 on `model`), at least one `user` message (400
 * on `messages`), the four roles it knows and a JSON Schema for each tool (422).
 */
export const checkIntandemChat = (request: RecordedRequest): ErrorReply | undefined => {
  const body = request.json as { model?: unknown; messages?: unknown; tools?: unknown } | undefined;
  if (body === undefined || typeof body !== 'object' || body === null) {
    return intandemErrors(400, { code: 'invalid_syntax', message: 'Request body contains invalid JSON.' });
  }
  if (typeof body.model !== 'string' || !MODEL_FORMAT.test(body.model)) {
    return intandemErrors(422, {
      field: 'model',
      code: 'invalid',
      message: 'Unsupported model format. Expected provider/model with provider openai, anthropic or google.',
    });
  }
  const messages = Array.isArray(body.messages) ? body.messages : [];
  if (!messages.some((message) => (message as { role?: unknown } | null)?.role === 'user')) {
    return intandemErrors(400, {
      field: 'messages',
      code: 'invalid',
      message: 'messages must contain at least one message with role "user".',
    });
  }
  const role = messages.findIndex((message) => !ROLES.has((message as { role?: unknown } | null)?.role));
  if (role !== -1) {
    return intandemErrors(422, {
      field: `messages[${role}].role`,
      code: 'invalid',
      message: 'role must be one of system, user, assistant, tool.',
    });
  }
  const tools = Array.isArray(body.tools) ? body.tools : [];
  const bare = tools.findIndex(
    (tool) => (tool as { function?: { parameters?: unknown } } | null)?.function?.parameters === undefined,
  );
  if (bare !== -1) {
    return intandemErrors(422, {
      field: `tools[${bare}].function.parameters`,
      code: 'required',
      message: 'parameters is required.',
    });
  }
  return undefined;
};

/** The `ChatCompletion` inside `data` (also a completed run's `result`). */
export const intandemCompletion = (echo: ChatEcho, idFields: IntandemIdFields): Record<string, unknown> => {
  const { usage } = echo;
  return {
    ...(idFields === 'uid' ? { uid: echo.id } : { id: echo.id }),
    object: 'chat.completion',
    ...(idFields === 'uid' ? { created_at: isoTime(echo.created * 1000) } : { created: echo.created }),
    model: echo.model,
    choices: [{ index: 0, message: { role: 'assistant', content: echo.content }, finish_reason: 'stop' }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
};

/** The SSE answer: plain OpenAI chunks (not wrapped in the envelope), then `[DONE]`. */
export const intandemStream = ({ id, model, created, pieces }: ChatEcho): SseReply => ({
  sse: [
    chunk({ id, model, created, role: 'assistant', content: '' }),
    ...pieces.map((content) => chunk({ id, model, created, content })),
    chunk({ id, model, created, finishReason: 'stop' }),
  ],
});
