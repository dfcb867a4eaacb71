import type { MockDialect, MockErrorInput } from './mock-dialect.js';
import type { ErrorReply } from './reply.js';

/**
 * The body text and headers of an `{ error }` reply: the scripted `body` or the dialect's own
 * error shape, plus the dialect's error headers (e.g. Morpheus' rate-limit headers) under the
 * reply's own.
 */
export const errorPayload = (
  reply: ErrorReply,
  dialect: MockDialect,
): { text: string; headers: Record<string, string> } => {
  const { error: status, message = `Mock error ${status}`, type, code } = reply;
  const input: MockErrorInput = {
    status,
    message,
    ...(type === undefined ? {} : { type }),
    ...(code === undefined ? {} : { code }),
  };
  const body = reply.body ?? dialect.errorBody(input);
  return {
    text: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { ...dialect.errorHeaders?.(input), ...reply.headers },
  };
};
