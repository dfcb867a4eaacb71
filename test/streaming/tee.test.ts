import { describe, expect, it } from 'vitest';
import { type ChatCompletionChunk, ChatCompletionStream } from '../../src/index.js';
import { exposeGc } from '../files/helpers.js';
import { bodyOf, DONE, frame } from './helpers.js';

describe('tee()', () => {
  it('a cancelled side stops buffering: the other side reads a long stream without it holding every chunk', async () => {
    const gc = exposeGc();
    const count = 200;
    const frames = Array.from({ length: count }, (_, i) => frame({ content: `${i} ` }));
    const parent = ChatCompletionStream.fromReadableStream(bodyOf([...frames, frame({}, 'stop'), DONE]));
    const [left, right] = parent.tee();
    left.abort();
    const seen: Array<WeakRef<ChatCompletionChunk>> = [];
    for await (const chunk of right) seen.push(new WeakRef(chunk));
    expect(seen).toHaveLength(count + 1);
    // WeakRef targets stay alive until the current job ends; collect after it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    const alive = seen.filter((ref) => ref.deref() !== undefined).length;
    expect(alive).toBeLessThan(10);
    // Both sides and the parent are still reachable here: what was freed was not buffered by them.
    expect([parent, left, right]).toHaveLength(3);
  });
});
