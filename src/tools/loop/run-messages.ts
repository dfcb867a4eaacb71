import type { ChatCompletionMessage, ToolCall, Usage } from '../../schema/chat-completion.js';
import type { AssistantMessage, ToolMessage } from '../../schema/chat-params.js';
import type { ToolResult, ToolStep } from '../../structured/tool-run-types.js';

// Reasoning some vendors need back with the tool results (DeepSeek's `reasoning_content`,
// signed `reasoning_details` of Anthropic/Gemini models behind Bifrost or OpenRouter).
const CARRIED = ['refusal', 'reasoning', 'reasoning_content', 'reasoning_details'] as const;

/** The assistant message to append for a step's answer; tool calls without an id get one. */
export function assistantMessage(message: ChatCompletionMessage | undefined, step: number): AssistantMessage {
  const out: AssistantMessage = { role: 'assistant', content: message?.content ?? null };
  for (const key of CARRIED) {
    const value = message?.[key];
    if (value !== undefined && value !== null) (out as unknown as Record<string, unknown>)[key] = value;
  }
  const calls = message?.tool_calls ?? [];
  if (calls.length > 0) out.tool_calls = calls.map((call, i) => toolCall(call, `call_${step}_${i}`));
  return out;
}

const toolCall = (call: ToolCall, fallbackId: string): ToolCall => ({
  id: call.id || fallbackId,
  type: 'function',
  function: { name: call.function.name, arguments: call.function.arguments ?? '' },
});

/** The tool messages for a step's results; `pending` calls are the caller's to answer. */
export const toolMessages = (results: readonly ToolResult[]): ToolMessage[] =>
  results.flatMap((result) =>
    result.content === undefined
      ? []
      : [{ role: 'tool', tool_call_id: result.toolCallId, content: result.content }],
  );

/** Token usage summed over the steps, or `null` when none reported usage. */
export function totalUsage(steps: readonly ToolStep[]): Usage | null {
  const usages = steps.flatMap((step) => (step.completion.usage ? [step.completion.usage] : []));
  if (usages.length === 0) return null;
  const sum = (key: 'prompt_tokens' | 'completion_tokens' | 'total_tokens') =>
    usages.reduce((total, usage) => total + (usage[key] ?? 0), 0);
  return {
    prompt_tokens: sum('prompt_tokens'),
    completion_tokens: sum('completion_tokens'),
    total_tokens: sum('total_tokens'),
  };
}
