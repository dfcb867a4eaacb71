import type { ReasoningDetail, ToolCall } from '../schema/chat-completion.js';
import { isUnsafeKey, safeCopy, withKey } from './safe-keys.js';
import type { ToolCallSlots } from './tool-call-slots.js';

type Json = Record<string, unknown>;

/** A tool call being assembled from its deltas. */
export interface ToolCallState {
  index: number;
  id: string;
  type: string;
  name: string;
  arguments: string;
  extras: Json | undefined;
}

/**
 * Merges `tool_calls` deltas by `index`. The name may arrive after the arguments and `id`/`type`
 * late or never (vercel/ai #5350), so each is set whenever a delta has a non-empty one;
 * arguments are concatenated. A delta without an index is placed by {@link ToolCallSlots}.
 */
export function mergeToolCalls(
  calls: Map<number, ToolCallState>,
  slots: ToolCallSlots,
  deltas: unknown[],
): void {
  const indexes = slots.place(deltas);
  for (let position = 0; position < deltas.length; position++) {
    const delta = deltas[position] as Json | null;
    if (typeof delta !== 'object' || delta === null) continue;
    const index = indexes[position] as number;
    let call = calls.get(index);
    if (call === undefined) {
      call = { index, id: '', type: '', name: '', arguments: '', extras: undefined };
      calls.set(index, call);
    }
    for (const key in delta) {
      const value = delta[key];
      if (value === null || value === undefined || key === 'index') continue;
      if (key === 'function') mergeFunction(call, value as Json);
      else if (key === 'id') call.id = typeof value === 'string' && value !== '' ? value : call.id;
      else if (key === 'type') call.type = typeof value === 'string' && value !== '' ? value : call.type;
      else call.extras = withKey(call.extras, key, value);
    }
  }
}

/** Merges one `function` delta (also used for the legacy `function_call`). */
export function mergeFunction(call: { name: string; arguments: string }, delta: Json): void {
  if (typeof delta !== 'object' || delta === null) return;
  const { name, arguments: args } = delta;
  if (typeof name === 'string' && name !== '') call.name = name;
  if (typeof args === 'string') call.arguments += args;
}

export function finishToolCalls(calls: Map<number, ToolCallState>): ToolCall[] {
  return [...calls.values()]
    .sort((a, b) => a.index - b.index)
    .map((call) => ({
      ...call.extras,
      id: call.id,
      type: (call.type || 'function') as 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
}

const TEXT_FIELDS = ['text', 'summary', 'data'] as const;

/**
 * Merges `reasoning_details` (OpenRouter / Bifrost): an item with the same `index` and `type` as
 * one already seen continues it (its text fields concatenated, others last-wins); any other item
 * is appended.
 */
export function mergeReasoningDetails(details: ReasoningDetail[], items: unknown[]): void {
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const piece = item as Json;
    const same =
      typeof piece.index === 'number'
        ? details.find((d) => d.index === piece.index && d.type === piece.type)
        : undefined;
    if (same === undefined) {
      details.push(safeCopy(piece) as ReasoningDetail);
      continue;
    }
    for (const key in piece) {
      const value = piece[key];
      if (value === null || value === undefined || isUnsafeKey(key)) continue;
      const previous = same[key];
      same[key] =
        (TEXT_FIELDS as readonly string[]).includes(key) &&
        typeof previous === 'string' &&
        typeof value === 'string'
          ? previous + value
          : value;
    }
  }
}

/** Audio deltas: base64 `data` and `transcript` arrive in pieces; other fields are last-wins. */
export function mergeAudio(previous: Json | undefined, delta: Json): Json {
  const out = previous ?? {};
  for (const key in delta) {
    const value = delta[key];
    if (value === null || value === undefined || isUnsafeKey(key)) continue;
    const before = out[key];
    out[key] =
      (key === 'data' || key === 'transcript') && typeof before === 'string' && typeof value === 'string'
        ? before + value
        : value;
  }
  return out;
}
