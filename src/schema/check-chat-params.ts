import type * as z from 'zod/mini';
import { InvalidRequestError } from '../errors/request-errors.js';
import { chatParamsSchema } from './chat-params-schema.js';
import { formatIssues } from './format-issues.js';

// The object parse walks all of the schema's fields and copies the input, on every request,
// while a call sets two to five of them. The fast path checks only the fields present (each with
// its own schema) and the plainest messages by hand; anything it is unsure of, and every failure,
// goes through the full parse, so what is accepted and every error message are the same.
const FIELDS = Object.entries(chatParamsSchema.shape) as Array<[string, z.ZodMiniType]>;

/** Throws `InvalidRequestError` listing every issue when `params` does not match the chat schema. */
export function checkChatParams(params: unknown): void {
  if (passesQuickly(params)) return;
  const result = chatParamsSchema.safeParse(params, { reportInput: true });
  if (result.success) return;
  const issues = formatIssues(result.error.issues as never);
  const summary = issues.map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join('; ');
  throw new InvalidRequestError(`Invalid chat parameters: ${summary}.`, issues);
}

function passesQuickly(params: unknown): boolean {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return false;
  const input = params as Record<string, unknown>;
  if (input.model === undefined || input.messages === undefined) return false;
  for (const [key, schema] of FIELDS) {
    const value = input[key];
    if (value === undefined) continue;
    if (
      key === 'messages'
        ? !plainMessages(value) && !schema.safeParse(value).success
        : !schema.safeParse(value).success
    ) {
      return false;
    }
  }
  return true;
}

/** `{role: system | developer | user, content: string}` always passes the message schema. */
function plainMessages(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  for (const message of value) {
    if (typeof message !== 'object' || message === null) return false;
    const { role, content } = message as { role?: unknown; content?: unknown };
    if (typeof content !== 'string' || (role !== 'user' && role !== 'system' && role !== 'developer'))
      return false;
  }
  return true;
}
