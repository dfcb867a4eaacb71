import { describe, expect, it } from 'vitest';
import { chunk, completion, errorBody, sseEncode, sseEncodeBytes } from '../../src/testing/index.js';

describe('wire builders', () => {
  it('completion() builds a chat.completion with stable defaults', () => {
    expect(completion({ content: 'two words' })).toEqual({
      id: 'chatcmpl-mock',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'mock-model',
      choices: [{ index: 0, message: { role: 'assistant', content: 'two words' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 0, completion_tokens: 2, total_tokens: 2 },
    });
  });

  it('completion() with tool calls defaults to null content and tool_calls finish', () => {
    const built = completion({
      toolCalls: [
        { name: 'get_weather', arguments: { city: 'Oslo' } },
        { id: 'call_x', name: 'noop', arguments: '{}' },
      ],
      usage: null,
      extra: { citations: ['https://a.example'] },
    });
    expect(built.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_mock_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
          },
          { id: 'call_x', type: 'function', function: { name: 'noop', arguments: '{}' } },
        ],
      },
      finish_reason: 'tool_calls',
    });
    expect(built).not.toHaveProperty('usage');
    expect(built.citations).toEqual(['https://a.example']);
  });

  it('chunk() builds deltas, keeps odd roles, and makes a usage-only chunk with empty choices', () => {
    expect(chunk({ role: null, content: 'x', index: 1, finishReason: 'length' }).choices).toEqual([
      { index: 1, delta: { role: null, content: 'x' }, finish_reason: 'length' },
    ]);
    const tool = chunk({ toolCalls: [{ index: 0, function: { arguments: '{"a"' } }] });
    expect(tool.choices[0]!.delta).toEqual({ tool_calls: [{ index: 0, function: { arguments: '{"a"' } }] });
    const usage = chunk({ usage: { prompt_tokens: 3, completion_tokens: 4, cost: 0.1 } });
    expect(usage.choices).toEqual([]);
    expect(usage.usage).toEqual({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7, cost: 0.1 });
    expect(chunk({ content: 'a', usage: null })).toMatchObject({
      usage: null,
      choices: [{ delta: { content: 'a' } }],
    });
  });

  it('errorBody() builds the OpenAI error envelope', () => {
    expect(errorBody({ message: 'Slow down', type: 'requests', code: 'rate_limit_exceeded' })).toEqual({
      error: { message: 'Slow down', type: 'requests', param: null, code: 'rate_limit_exceeded' },
    });
  });

  it('sseEncode() produces exact bytes for every frame kind and option', () => {
    const items = [
      { a: 1 },
      { comment: 'ka' },
      { event: 'error', data: 'x' },
      { pauseMs: 5 },
      { raw: 'data:raw\n\n' },
    ];
    expect(sseEncode(items)).toBe(
      'data: {"a":1}\n\n: ka\n\nevent: error\ndata: x\n\ndata:raw\n\ndata: [DONE]\n\n',
    );
    expect(sseEncode([{ a: 1 }], { done: false, lineEnding: '\r\n' })).toBe('data: {"a":1}\r\n\r\n');
  });

  it('sseEncodeBytes() keeps raw byte frames byte-exact', () => {
    const bytes = new TextEncoder().encode('é');
    const encoded = sseEncodeBytes([{ raw: bytes.slice(0, 1) }, { raw: bytes.slice(1) }], { done: false });
    expect(Array.from(encoded)).toEqual(Array.from(bytes));
    expect(sseEncode([{ raw: bytes.slice(0, 1) }, { raw: bytes.slice(1) }], { done: false })).toBe('é');
  });
});
