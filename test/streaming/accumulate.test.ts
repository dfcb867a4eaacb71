import { describe, expect, it } from 'vitest';
import { ChatCompletionStream } from '../../src/index.js';
import { CompletionAccumulator } from '../../src/streaming/accumulate.js';
import { bodyOf, chunkBody, DONE, frame } from './helpers.js';

const finalOf = (...frames: string[]) =>
  ChatCompletionStream.fromReadableStream(bodyOf([...frames, DONE])).finalCompletion();

describe('finalCompletion() accumulation', () => {
  it('concatenates content and refusal, and keeps the last finish_reason', async () => {
    const final = await finalOf(
      frame({ role: 'assistant', content: '' }),
      frame({ content: 'Hel' }),
      frame({ content: 'lo' }),
      frame({ refusal: 'I can' }),
      frame({ refusal: "'t." }),
      frame({}, 'stop'),
    );
    expect(final.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: 'Hello', refusal: "I can't." },
        finish_reason: 'stop',
        logprobs: null,
      },
    ]);
    expect(final).toMatchObject({
      id: 'chatcmpl-t',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gpt-4o-mini',
    });
  });

  it('leaves content null when no content delta came (a tool-call answer)', async () => {
    const final = await finalOf(frame({ role: 'assistant', content: null }), frame({}, 'stop'));
    expect(final.choices[0]?.message.content).toBeNull();
  });

  it('keeps reasoning, reasoning_content and reasoning_details (merged by index and type)', async () => {
    const final = await finalOf(
      frame({
        reasoning: 'Think',
        reasoning_content: 'Deep',
        reasoning_details: [{ type: 'reasoning.text', text: 'Th', index: 0 }],
      }),
      frame({
        reasoning: 'ing',
        reasoning_content: 'Seek',
        reasoning_details: [{ type: 'reasoning.text', text: 'ink', index: 0, signature: 's1' }],
      }),
      frame({ reasoning_details: [{ type: 'reasoning.encrypted', data: 'xyz', index: 1 }] }),
      frame({ reasoning_details: [{ type: 'reasoning.summary', summary: 'no index' }] }),
      frame({ content: 'ok' }, 'stop'),
    );
    expect(final.choices[0]?.message).toEqual({
      role: 'assistant',
      content: 'ok',
      reasoning: 'Thinking',
      reasoning_content: 'DeepSeek',
      reasoning_details: [
        { type: 'reasoning.text', text: 'Think', index: 0, signature: 's1' },
        { type: 'reasoning.encrypted', data: 'xyz', index: 1 },
        { type: 'reasoning.summary', summary: 'no index' },
      ],
    });
  });

  it('merges tool calls by index: name after the arguments, id and type late, parallel calls apart', async () => {
    const final = await finalOf(
      frame({ tool_calls: [{ index: 0, function: { arguments: '{"a":' } }] }),
      frame({
        tool_calls: [
          { index: 1, id: 'call_2', type: 'function', function: { name: 'second', arguments: '{}' } },
        ],
      }),
      frame({ tool_calls: [{ index: 0, function: { arguments: '1}' } }] }),
      frame({ tool_calls: [{ index: 0, id: 'call_1', function: { name: 'first' } }] }),
      frame({ tool_calls: [{ index: 0, type: 'function', function: { name: '', arguments: '' } }] }),
      frame({}, 'tool_calls'),
    );
    expect(final.choices[0]?.message.tool_calls).toEqual([
      { id: 'call_1', type: 'function', function: { name: 'first', arguments: '{"a":1}' } },
      { id: 'call_2', type: 'function', function: { name: 'second', arguments: '{}' } },
    ]);
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('places a tool-call delta without index by its position, and never invents an id', async () => {
    const final = await finalOf(
      frame({
        tool_calls: [
          { function: { name: 'a', arguments: '{' } },
          { function: { name: 'b', arguments: '[' } },
        ],
      }),
      frame({ tool_calls: [{ function: { arguments: '}' } }, { function: { arguments: ']' } }] }),
      frame({}, 'tool_calls'),
    );
    expect(final.choices[0]?.message.tool_calls).toEqual([
      { id: '', type: 'function', function: { name: 'a', arguments: '{}' } },
      { id: '', type: 'function', function: { name: 'b', arguments: '[]' } },
    ]);
  });

  it('keeps several choices apart, ordered by index', async () => {
    const two = (a: object, b: object) =>
      `data: ${JSON.stringify({ ...chunkBody({}), choices: [a, b] })}\n\n`;
    const final = await finalOf(
      two(
        { index: 1, delta: { content: 'B1' }, finish_reason: null },
        { index: 0, delta: { content: 'A1' }, finish_reason: null },
      ),
      two(
        { index: 0, delta: { content: 'A2' }, finish_reason: 'stop' },
        { index: 1, delta: { content: 'B2' }, finish_reason: 'length' },
      ),
    );
    expect(final.choices.map((c) => [c.index, c.message.content, c.finish_reason])).toEqual([
      [0, 'A1A2', 'stop'],
      [1, 'B1B2', 'length'],
    ]);
  });

  it('appends logprobs', async () => {
    const final = await finalOf(
      frame({ content: 'a' }, null, {}).replace(
        '"finish_reason":null',
        '"finish_reason":null,"logprobs":{"content":[{"token":"a","logprob":-0.1}]}',
      ),
      frame({ content: 'b' }).replace(
        '"finish_reason":null',
        '"finish_reason":null,"logprobs":{"content":[{"token":"b","logprob":-0.2}],"refusal":null}',
      ),
      frame({}, 'stop'),
    );
    expect(final.choices[0]?.logprobs).toEqual({
      content: [
        { token: 'a', logprob: -0.1 },
        { token: 'b', logprob: -0.2 },
      ],
      refusal: null,
    });
  });

  it('appends refusal logprobs too', async () => {
    const withLogprobs = (delta: Record<string, unknown>, logprobs: object) =>
      frame(delta).replace(
        '"finish_reason":null',
        `"finish_reason":null,"logprobs":${JSON.stringify(logprobs)}`,
      );
    const final = await finalOf(
      withLogprobs({ refusal: 'I ' }, { content: null, refusal: [{ token: 'I', logprob: -0.1 }] }),
      withLogprobs({ refusal: 'cannot' }, { content: null, refusal: [{ token: 'cannot', logprob: -0.2 }] }),
      frame({}, 'stop'),
    );
    expect(final.choices[0]?.logprobs?.refusal).toEqual([
      { token: 'I', logprob: -0.1 },
      { token: 'cannot', logprob: -0.2 },
    ]);
  });

  it('an empty finish_reason after the real one does not erase it', async () => {
    const final = await finalOf(frame({ content: 'a' }), frame({}, 'stop'), frame({}, ''));
    expect(final.choices[0]?.finish_reason).toBe('stop');
  });

  it('a chunk that has choices is a chunk even with an error field beside them', async () => {
    const final = await finalOf(
      frame({ content: 'a' }, null, { error: { message: 'a warning some gateways attach' } }),
      frame({}, 'stop'),
    );
    expect(final.choices[0]?.message.content).toBe('a');
  });

  it('takes usage from a final chunk with empty choices', async () => {
    const usage = { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 };
    const final = await finalOf(
      frame({ content: 'x' }, null, { usage: null }),
      frame({}, 'stop', { usage: null }),
      `data: ${JSON.stringify({ ...chunkBody({}), choices: [], usage })}\n\n`,
    );
    expect(final.usage).toEqual(usage);
    expect(final.choices).toHaveLength(1);
  });

  it("takes usage from Bifrost's last chunk and keeps the last extra_fields", async () => {
    const usage = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2, cost: { total_cost: 0.01 } };
    const final = await finalOf(
      frame({ content: 'x' }, null, { extra_fields: { chunk_index: 0 } }),
      frame({}, 'stop', { usage, extra_fields: { chunk_index: 1, latency: 9 } }),
    );
    expect(final.usage).toEqual(usage);
    expect(final.extra_fields).toEqual({ chunk_index: 1, latency: 9 });
  });

  it("uses Morpheus' usage_from_provider when no chunk carried usage, and never yields that frame", async () => {
    const stream = ChatCompletionStream.fromReadableStream(
      bodyOf([
        frame({ content: 'x' }, 'stop'),
        'data: {"usage_from_provider":{"prompt_tokens":4,"completion_tokens":1,"total_tokens":5}}\n\n',
      ]),
    );
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks).toHaveLength(1);
    expect((await stream.finalCompletion()).usage).toEqual({
      prompt_tokens: 4,
      completion_tokens: 1,
      total_tokens: 5,
    });
  });

  it('prefers usage carried by a chunk over usage_from_provider', async () => {
    const usage = { prompt_tokens: 9, completion_tokens: 9, total_tokens: 18 };
    const final = await finalOf(
      'data: {"usage_from_provider":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}\n\n',
      frame({}, 'stop', { usage }),
    );
    expect(final.usage).toEqual(usage);
  });

  it('keeps vendor extras last-wins (citations, choice-level fields) and drops obfuscation padding', async () => {
    const final = await finalOf(
      frame({ content: 'a', annotations: [{ n: 1 }] }, null, { citations: ['x'], obfuscation: 'pad' }),
      frame({ content: 'b', annotations: [{ n: 2 }] }, 'stop', {
        citations: ['x', 'y'],
        obfuscation: 'pad2',
      }).replace(
        '"finish_reason":"stop"',
        '"finish_reason":"stop","content_filter_results":{"hate":{"filtered":false}}',
      ),
    );
    expect(final.citations).toEqual(['x', 'y']);
    expect(final).not.toHaveProperty('obfuscation');
    expect(final.choices[0]?.message.annotations).toEqual([{ n: 1 }, { n: 2 }]);
    expect(final.choices[0]).toMatchObject({ content_filter_results: { hate: { filtered: false } } });
  });

  it('merges the legacy function_call and audio deltas', async () => {
    const final = await finalOf(
      frame({
        function_call: { name: 'f', arguments: '{"x"' },
        audio: { id: 'au_1', data: 'AAA', transcript: 'He' },
      }),
      frame(
        { function_call: { arguments: ':1}' }, audio: { data: 'BBB', transcript: 'llo' } },
        'function_call',
      ),
    );
    expect(final.choices[0]?.message.function_call).toEqual({ name: 'f', arguments: '{"x":1}' });
    expect(final.choices[0]?.message.audio).toEqual({ id: 'au_1', data: 'AAABBB', transcript: 'Hello' });
  });

  it('cannot be made to pollute prototypes by __proto__ or constructor keys anywhere in a chunk', async () => {
    const evil = '{"polluted":"yes"}';
    const raw =
      `data: {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","__proto__":${evil},"constructor":${evil},` +
      `"choices":[{"index":0,"__proto__":${evil},"finish_reason":null,"delta":{"content":"a","__proto__":${evil},"constructor":{"prototype":${evil}},` +
      `"tool_calls":[{"index":0,"__proto__":${evil},"function":{"name":"f","arguments":"{}","__proto__":${evil}}}],` +
      `"reasoning_details":[{"type":"t","index":0,"text":"r","__proto__":${evil}},{"type":"t","index":0,"text":"s","__proto__":${evil}}],` +
      `"audio":{"data":"A","__proto__":${evil}},"extra":{"__proto__":${evil}}}}]}\n\n`;
    const final = await finalOf(raw, frame({}, 'stop'));
    const plain: Record<string, unknown> = {};
    expect(plain.polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    for (const value of [
      final,
      final.choices[0],
      final.choices[0]?.message,
      final.choices[0]?.message.tool_calls?.[0],
      final.choices[0]?.message.reasoning_details?.[0],
      final.choices[0]?.message.audio,
    ]) {
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect((value as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.hasOwn(value as object, 'constructor')).toBe(false);
    }
    expect(final.choices[0]?.message.content).toBe('a');
    expect(final.choices[0]?.message.reasoning_details).toEqual([{ type: 't', index: 0, text: 'rs' }]);
  });

  it('builds the completion from chunks without keeping them (usable directly)', () => {
    const accumulator = new CompletionAccumulator();
    accumulator.add(chunkBody({ content: 'a' }) as never);
    accumulator.add(chunkBody({ content: 'b' }, 'stop') as never);
    expect(accumulator.result().choices[0]?.message.content).toBe('ab');
    expect(accumulator.hasUsage).toBe(false);
  });
});
