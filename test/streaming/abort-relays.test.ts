// An abort is not an end: a tee() branch or a toReadableStream() relay that was still reading
// when the stream was aborted must fail, not hand on a truncated answer as a complete one.
import { describe, expect, it } from 'vitest';
import { APIUserAbortError, ChatCompletionStream, StreamError } from '../../src/index.js';
import { bodyOf, DONE, drain, frame, textOf } from './helpers.js';

const answer = () => bodyOf([frame({ content: 'Hel' }), frame({ content: 'lo' }), frame({}, 'stop'), DONE]);

describe('abort() of a stream that tee() or toReadableStream() reads', () => {
  it('fails both tee branches and their finalCompletion(), after the chunks that came', async () => {
    const stream = ChatCompletionStream.fromReadableStream(answer());
    const [left, right] = stream.tee();
    const reading = left[Symbol.asyncIterator]();
    expect((await reading.next()).value?.choices[0]?.delta.content).toBe('Hel');
    stream.abort();
    await expect(reading.next()).rejects.toBeInstanceOf(APIUserAbortError);
    await expect(left.finalCompletion()).rejects.toBeInstanceOf(APIUserAbortError);
    const other = await drain(right);
    expect(textOf(other.chunks)).toBe('Hel');
    expect(other.error).toBeInstanceOf(APIUserAbortError);
  });

  it('ends the SSE relay with an error frame, not [DONE], and the reader on the far side throws', async () => {
    const stream = ChatCompletionStream.fromReadableStream(answer());
    const relay = stream.toReadableStream().getReader();
    const first = new TextDecoder().decode((await relay.read()).value);
    expect(first).toContain('"content":"Hel"');
    stream.abort();
    let rest = '';
    for (let read = await relay.read(); !read.done; read = await relay.read())
      rest += new TextDecoder().decode(read.value);
    expect(rest).toMatch(/^event: error\ndata: .*APIUserAbortError/);
    expect(rest).not.toContain('[DONE]');
    const farSide = ChatCompletionStream.fromReadableStream(bodyOf([first, rest]));
    await expect(farSide.finalCompletion()).rejects.toBeInstanceOf(StreamError);
  });

  it('still ends a branch cleanly when the stream itself ended before the abort', async () => {
    const stream = ChatCompletionStream.fromReadableStream(answer());
    const [left, right] = stream.tee();
    expect(textOf((await drain(left)).chunks)).toBe('Hello');
    stream.abort();
    expect((await right.finalCompletion()).choices[0]?.message.content).toBe('Hello');
  });
});
