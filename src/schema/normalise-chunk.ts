import { ResponseValidationError } from '../errors/request-errors.js';
import type { ChatCompletionChunk } from './chat-completion.js';
import { toUnixSeconds, type ValidateMode } from './normalise-completion.js';
import { strictChunkRule } from './response-rules.js';
import { check } from './rules.js';

type Json = Record<string, any>;

/**
 * Turns one decoded stream event (already unwrapped by the dialect, and known to carry a
 * `choices` array) into a `ChatCompletionChunk`, in place.
 *
 * - `loose` repairs what "almost compatible" servers send (vercel/ai #2548, PR #4031):
 *   `role: null` or `""` is dropped, a missing choice `index` becomes its position, a missing
 *   `delta` becomes `{}`, an ISO or string `created` becomes unix seconds. (A missing tool-call
 *   `index` needs the chunks before it: the stream's reader places it, see `ToolCallSlots`.)
 * - `strict` checks the fields we read against `strictChunkRule` and throws
 *   `ResponseValidationError` on a mismatch.
 * - `off` passes the object on as it is.
 *
 * Only fields that need repair are written, so a well-formed chunk costs a few type checks.
 */
export function normaliseChunk(raw: Json, mode: ValidateMode): ChatCompletionChunk {
  if (mode === 'off') return raw as ChatCompletionChunk;
  if (mode === 'strict') return checkStrict(raw);
  if (typeof raw.id !== 'string') raw.id = raw.id == null ? '' : String(raw.id);
  if (raw.object !== 'chat.completion.chunk') raw.object = 'chat.completion.chunk';
  if (typeof raw.created !== 'number') raw.created = toUnixSeconds(raw.created);
  if (typeof raw.model !== 'string') raw.model = raw.model == null ? '' : String(raw.model);
  const choices: unknown[] = raw.choices;
  for (let position = 0; position < choices.length; position++) {
    const choice = choices[position] as Json | null;
    if (typeof choice !== 'object' || choice === null) {
      // Nothing can be read from a non-object choice: drop it rather than invent one.
      raw.choices = choices.filter((c) => typeof c === 'object' && c !== null);
      return normaliseChunk(raw, mode);
    }
    repairChoice(choice, position);
  }
  return raw as ChatCompletionChunk;
}

function repairChoice(choice: Json, position: number): void {
  if (typeof choice.index !== 'number') choice.index = position;
  let delta = choice.delta;
  if (typeof delta !== 'object' || delta === null) {
    // A few gateways put the whole message in the last chunk instead of a delta.
    const message = choice.message;
    delta = typeof message === 'object' && message !== null ? { ...message } : {};
    choice.delta = delta;
  }
  const role = delta.role;
  if (role === null || role === '') delete delta.role;
  if (choice.finish_reason === undefined) choice.finish_reason = null;
}

function checkStrict(raw: Json): ChatCompletionChunk {
  const issues = check(strictChunkRule, raw);
  if (issues.length > 0) {
    const summary = issues.map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join('; ');
    throw new ResponseValidationError(`A stream chunk does not match the expected schema: ${summary}.`, {
      issues,
    });
  }
  return raw as ChatCompletionChunk;
}
