import { countWords, MOCK_CREATED, type MockUsage, toUsage, type UsageInput } from './usage.js';

/** A tool call as {@link completion} takes it; `arguments` may be an object (JSON-encoded). */
export interface ToolCallInput {
  id?: string;
  name: string;
  arguments?: string | Record<string, unknown>;
}

/** A complete tool call on the wire. */
export interface MockToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** What {@link completion} builds from. */
export interface CompletionInput {
  /** @defaultValue `'Hello!'`, or `null` when `toolCalls` are given */
  content?: string | null;
  /** @defaultValue `'mock-model'` */
  model?: string;
  /** @defaultValue `'stop'`, or `'tool_calls'` when `toolCalls` are given */
  finishReason?: string;
  toolCalls?: readonly ToolCallInput[];
  /** `null` leaves `usage` out. @defaultValue a word count of `content` */
  usage?: UsageInput | null;
  /** @defaultValue `'chatcmpl-mock'` */
  id?: string;
  /** @defaultValue 1700000000 */
  created?: number;
  /** Extra top-level fields (vendor extras such as `citations`). */
  extra?: Record<string, unknown>;
}

/** An OpenAI `chat.completion` body. */
export interface MockCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: Array<{
    index: number;
    message: { role: 'assistant'; content: string | null; tool_calls?: MockToolCall[] };
    finish_reason: string;
  }>;
  usage?: MockUsage;
  [extra: string]: unknown;
}

/**
 * Builds an OpenAI `chat.completion` wire object with one choice.
 *
 * @example
 * server.enqueue({ json: completion({ content: 'Paris', usage: { prompt_tokens: 9, completion_tokens: 1 } }) });
 */
export const completion = (input: CompletionInput = {}): MockCompletion => {
  const toolCalls = input.toolCalls?.map(toToolCall);
  const content = input.content !== undefined ? input.content : toolCalls ? null : 'Hello!';
  const usage =
    input.usage === null
      ? undefined
      : toUsage(input.usage ?? { prompt_tokens: 0, completion_tokens: countWords(content ?? '') });
  return {
    id: input.id ?? 'chatcmpl-mock',
    object: 'chat.completion',
    created: input.created ?? MOCK_CREATED,
    model: input.model ?? 'mock-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
        finish_reason: input.finishReason ?? (toolCalls ? 'tool_calls' : 'stop'),
      },
    ],
    ...(usage ? { usage } : {}),
    ...input.extra,
  };
};

const toToolCall = (call: ToolCallInput, position: number): MockToolCall => ({
  id: call.id ?? `call_mock_${position + 1}`,
  type: 'function',
  function: {
    name: call.name,
    arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
  },
});
