import { ResponseValidationError } from '../errors/request-errors.js';
import type { ChatCompletion } from './chat-completion.js';
import { strictCompletionRule } from './response-rules.js';
import { check } from './rules.js';

/** How responses are checked: not at all, tolerantly repaired, or against the documented schema. */
export type ValidateMode = 'off' | 'loose' | 'strict';

type Json = Record<string, any>;

/**
 * Turns a 2xx chat body (already unwrapped by the dialect) into a `ChatCompletion`.
 * `loose` repairs what "almost compatible" servers send (`role: null`, a missing `index`, ISO dates)
 * and throws only when the body is not a completion at all; `strict` throws on any mismatch.
 */
export function normaliseCompletion(body: unknown, mode: ValidateMode): ChatCompletion {
  if (mode === 'off') return body as ChatCompletion;
  if (mode === 'strict') {
    const issues = check(strictCompletionRule, body);
    if (issues.length > 0) {
      throw new ResponseValidationError('The chat completion does not match the expected schema.', {
        issues,
      });
    }
    return body as ChatCompletion;
  }
  if (typeof body !== 'object' || body === null || !Array.isArray((body as Json).choices)) {
    throw new ResponseValidationError('The response is not a chat completion: it has no `choices` array.', {
      issues: [{ path: 'choices', message: 'is required' }],
    });
  }
  const raw = body as Json;
  raw.id = typeof raw.id === 'string' ? raw.id : String(raw.id ?? '');
  raw.object = 'chat.completion';
  raw.created = toUnixSeconds(raw.created);
  raw.model = typeof raw.model === 'string' ? raw.model : '';
  raw.choices.forEach((choice: Json, position: number) => {
    if (typeof choice !== 'object' || choice === null) return;
    if (typeof choice.index !== 'number') choice.index = position;
    const message: Json = typeof choice.message === 'object' && choice.message !== null ? choice.message : {};
    if (!message.role) message.role = 'assistant';
    if (message.content === undefined) message.content = null;
    choice.message = message;
    if (choice.finish_reason === undefined) choice.finish_reason = null;
  });
  return raw as ChatCompletion;
}

/** Unix seconds from a number, a numeric string or an ISO 8601 date (inTandem's `created_at`). */
export function readUnixSeconds(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    if (Number.isFinite(n)) return n;
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return Math.floor(ms / 1000);
  }
  return undefined;
}

/** {@link readUnixSeconds}, with `0` for what is missing or unreadable (`loose` mode's stand-in). */
export const toUnixSeconds = (value: unknown): number => readUnixSeconds(value) ?? 0;
