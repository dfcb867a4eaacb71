import type { ChatCompletionChunk } from '../schema/chat-completion.js';

/**
 * The content deltas of the first choice (`index` 0) of a chunk iterator; chunks without
 * content (role, tool calls, usage) are skipped. Returning early returns the chunk iterator too.
 */
export function contentDeltas(chunks: AsyncIterator<ChatCompletionChunk>): AsyncIterableIterator<string> {
  const iterator: AsyncIterableIterator<string> = {
    async next() {
      for (;;) {
        const result = await chunks.next();
        if (result.done) return { value: undefined, done: true };
        for (const choice of result.value.choices) {
          const content = choice.index === 0 ? choice.delta?.content : undefined;
          if (typeof content === 'string' && content !== '') return { value: content, done: false };
        }
      }
    },
    async return() {
      await chunks.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
