import type { ChatCompletion, ChatCompletionChunk, Run } from '../../index.js';

/** A finished answer, however it was obtained. */
export interface Answer {
  readonly completion: ChatCompletion;
  readonly requestId: string | undefined;
  readonly headers: Headers | undefined;
  /** True when the text was already printed while streaming. */
  readonly streamed: boolean;
  readonly run?: Run;
}

/** A whole message as one chunk, so a non-streamed answer prints exactly like a streamed one. */
export const asChunk = (completion: ChatCompletion): ChatCompletionChunk => {
  const message = completion.choices[0]?.message;
  return {
    id: completion.id,
    object: 'chat.completion.chunk',
    created: completion.created,
    model: completion.model,
    choices: [
      {
        index: 0,
        finish_reason: completion.choices[0]?.finish_reason ?? null,
        delta: {
          content: message?.content ?? null,
          reasoning: message?.reasoning ?? message?.reasoning_content ?? null,
          tool_calls: (message?.tool_calls ?? []).map((call, index) => ({
            index,
            id: call.id,
            type: 'function' as const,
            function: { name: call.function.name, arguments: call.function.arguments },
          })),
        },
      },
    ],
  };
};
