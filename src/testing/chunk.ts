import { MOCK_CREATED, type MockUsage, toUsage, type UsageInput } from './usage.js';

/**
 * A streamed tool-call delta, passed through verbatim so tests can leave out `id`, `type` or the
 * name the way real vendors do.
 */
export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
}

/** What {@link chunk} builds from. */
export interface ChunkInput {
  content?: string;
  /** `null` or `''` reproduce "almost compatible" servers. */
  role?: string | null;
  finishReason?: string | null;
  toolCalls?: readonly ToolCallDelta[];
  /** Sets `usage` (also `null`, as OpenAI sends on chunks before the last). */
  usage?: UsageInput | null;
  /** Choice index. @defaultValue 0 */
  index?: number;
  /** More `delta` fields, e.g. `reasoning_content`. */
  delta?: Record<string, unknown>;
  /** @defaultValue `'chatcmpl-mock'` */
  id?: string;
  /** @defaultValue `'mock-model'` */
  model?: string;
  /** @defaultValue 1700000000 */
  created?: number;
}

/** An OpenAI `chat.completion.chunk` body. */
export interface MockChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: Array<{ index: number; delta: Record<string, unknown>; finish_reason: string | null }>;
  usage?: MockUsage | null;
}

/**
 * Builds an OpenAI `chat.completion.chunk`. With only `usage` (no delta fields, no finish
 * reason) it is the final usage chunk, whose `choices` is `[]`.
 *
 * @example
 * server.enqueue({ sse: [chunk({ role: 'assistant' }), chunk({ content: 'Hi' }), chunk({ finishReason: 'stop' })] });
 */
export const chunk = (input: ChunkInput = {}): MockChunk => {
  const delta: Record<string, unknown> = {
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.content !== undefined ? { content: input.content } : {}),
    ...(input.toolCalls ? { tool_calls: input.toolCalls } : {}),
    ...input.delta,
  };
  const usageOnly = input.usage && Object.keys(delta).length === 0 && input.finishReason === undefined;
  return {
    id: input.id ?? 'chatcmpl-mock',
    object: 'chat.completion.chunk',
    created: input.created ?? MOCK_CREATED,
    model: input.model ?? 'mock-model',
    choices: usageOnly ? [] : [{ index: input.index ?? 0, delta, finish_reason: input.finishReason ?? null }],
    ...(input.usage !== undefined ? { usage: input.usage && toUsage(input.usage) } : {}),
  };
};
