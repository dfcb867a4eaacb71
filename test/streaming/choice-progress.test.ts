import { describe, expect, it } from 'vitest';
import { ChatCompletionStream, StreamError } from '../../src/index.js';
import { bodyOf, chunkBody, DONE, drain } from './helpers.js';

const choices = (...list: object[]) => `data: ${JSON.stringify({ ...chunkBody({}), choices: list })}\n\n`;
const part = (index: number, content: string, finish: string | null = null) => ({
  index,
  delta: { content },
  finish_reason: finish,
});

describe('the end of a body with several choices (n > 1)', () => {
  it('is a truncation while any choice seen has no finish reason', async () => {
    const body = bodyOf([
      choices(part(0, 'Yes'), part(1, 'The answer')),
      choices(part(0, '', 'stop'), part(1, ' is forty')),
    ]);
    const { error } = await drain(ChatCompletionStream.fromReadableStream(body));
    expect(error).toBeInstanceOf(StreamError);
    expect((error as StreamError).message).toMatch(/truncated/);
  });

  it('is a clean end once every choice has finished, even without [DONE]', async () => {
    const body = bodyOf([
      choices(part(0, 'Yes'), part(1, 'The answer')),
      choices(part(0, '', 'stop')),
      choices(part(1, ' is 42', 'stop')),
    ]);
    const final = await ChatCompletionStream.fromReadableStream(body).finalCompletion();
    expect(final.choices.map((c) => [c.message.content, c.finish_reason])).toEqual([
      ['Yes', 'stop'],
      ['The answer is 42', 'stop'],
    ]);
  });
});

describe('tool-call deltas without an index', () => {
  const call = (delta: object) => choices({ index: 0, delta: { tool_calls: [delta] }, finish_reason: null });
  const whole = (id: string, name: string, args: string) => ({
    id,
    type: 'function',
    function: { name, arguments: args },
  });

  for (const validate of ['loose', 'off'] as const) {
    it(`keeps calls that arrive whole in separate chunks apart (validate: '${validate}')`, async () => {
      const body = bodyOf([
        call(whole('call_1', 'get_weather', '{"city":"Paris"}')),
        call(whole('call_2', 'get_time', '{"tz":"CET"}')),
        choices({ index: 0, delta: {}, finish_reason: 'tool_calls' }),
        DONE,
      ]);
      const final = await ChatCompletionStream.fromReadableStream(body, { validate }).finalCompletion();
      expect(final.choices[0]?.message.tool_calls).toEqual([
        whole('call_1', 'get_weather', '{"city":"Paris"}'),
        whole('call_2', 'get_time', '{"tz":"CET"}'),
      ]);
    });
  }

  it('continues the latest call with a delta that has neither index nor id, and numbers loose chunks', async () => {
    const body = bodyOf([
      call({ id: 'call_1', type: 'function', function: { name: 'a', arguments: '' } }),
      call({ function: { arguments: '{"x":' } }),
      call({ function: { arguments: '1}' } }),
      call({ id: 'call_2', type: 'function', function: { name: 'b', arguments: '' } }),
      call({ function: { arguments: '{}' } }),
      choices({ index: 0, delta: {}, finish_reason: 'tool_calls' }),
      DONE,
    ]);
    const stream = ChatCompletionStream.fromReadableStream(body);
    const { chunks } = await drain(stream.tee()[0]);
    const indexes = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls?.map((t) => t.index) ?? []);
    expect(indexes).toEqual([0, 0, 0, 1, 1]);
    const final = await stream.finalCompletion();
    expect(
      final.choices[0]?.message.tool_calls?.map((t) => [t.id, t.function.name, t.function.arguments]),
    ).toEqual([
      ['call_1', 'a', '{"x":1}'],
      ['call_2', 'b', '{}'],
    ]);
  });
});
