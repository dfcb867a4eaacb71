import { parsePartialJson } from '../internal/partial-json.js';
import type { ChatCompletionChunk } from '../schema/chat-completion.js';
import { contentDeltas } from './text-stream.js';

/** Every field optional, all the way down: what a JSON answer looks like while it streams in. */
export type DeepPartial<T> =
  T extends ReadonlyArray<infer E>
    ? Array<DeepPartial<E>>
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;

/**
 * The growing JSON value of the first choice's content, read from a chunk iterator: one value
 * each time a chunk changes what can be shown (see `parsePartialJson`). Content that is not JSON
 * yields nothing, and the chunks are still read to the end, so `finalCompletion()` settles.
 */
export function partialObjects(chunks: AsyncIterator<ChatCompletionChunk>): AsyncIterableIterator<unknown> {
  const deltas = contentDeltas(chunks);
  let text = '';
  let shown: string | undefined;
  let notJson = false;
  const iterator: AsyncIterableIterator<unknown> = {
    async next() {
      for (;;) {
        const result = await deltas.next();
        if (result.done) return { value: undefined, done: true };
        if (notJson) continue;
        text += result.value;
        const partial = parsePartialJson(text);
        if (partial === undefined) notJson = true;
        if (partial?.value === undefined) continue;
        const key = JSON.stringify(partial.value);
        if (key === shown) continue;
        shown = key;
        return { value: partial.value, done: false };
      }
    },
    async return() {
      await deltas.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
