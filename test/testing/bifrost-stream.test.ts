import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bifrostMockDialect, createMockServer, type MockServer } from '../../src/testing/index.js';
import { postJson, readJson, readSse, userSays } from './vendor-helpers.js';

const ask = { model: 'openai/gpt-4o', stream: true, ...userSays('one two three') };

describe('mock bifrost: streams', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await createMockServer({ dialect: 'bifrost' });
  });
  afterAll(() => server.close());

  it('sends content chunks without a role chunk, then one synthesized finish chunk with usage, then [DONE]', async () => {
    const response = await postJson(`${server.url}/v1/chat/completions`, {
      ...ask,
      stream_options: { include_usage: false },
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-bifrost-request-type')).toBe('chat_completion_stream');
    const text = await response.text();
    expect(text).not.toContain('event:');
    const { frames, done } = readSse(text);
    expect(done).toBe(true);
    const content = frames.slice(0, -1);
    expect(content.map((frame) => frame.choices[0].delta)).toEqual([
      { content: 'Echo: ' },
      { content: 'one ' },
      { content: 'two ' },
      { content: 'three' },
    ]);
    for (const [index, frame] of content.entries()) {
      expect(frame).toMatchObject({ object: 'chat.completion.chunk', usage: null, system_fingerprint: '' });
      expect(frame.choices[0].finish_reason).toBeNull();
      expect(frame.extra_fields).toMatchObject({
        request_type: 'chat_completion_stream',
        chunk_index: index,
        latency: 1,
      });
    }
    const last = frames.at(-1);
    expect(last.choices).toEqual([{ index: 0, delta: {}, finish_reason: 'stop' }]);
    expect(last.usage).toMatchObject({
      prompt_tokens: 3,
      completion_tokens: 4,
      total_tokens: 7,
      cost: { total_cost: 0.000011 },
    });
    expect(last.extra_fields).toMatchObject({
      chunk_index: 4,
      latency: 4,
      routing_info: { provider: 'openai' },
    });
    expect(new Set(frames.map((frame) => frame.id))).toEqual(new Set(['chatcmpl-mock-1']));
  });

  it('refuses x-bf-async on the /openai chat route', async () => {
    const refused = await readJson(
      await postJson(
        `${server.url}/openai/v1/chat/completions`,
        { model: 'gpt-4o', ...userSays('x') },
        { 'x-bf-async': 'true' },
      ),
    );
    expect(refused).toMatchObject({
      status: 400,
      body: { error: { message: 'async operation is not supported on this route' } },
    });
  });
});

describe('mock bifrost: stream options', () => {
  it('writes bare `: heartbeat` comment lines between chunks', async () => {
    const server = await createMockServer({ dialect: bifrostMockDialect({ heartbeat: true }) });
    try {
      const text = await (await postJson(`${server.url}/v1/chat/completions`, ask)).text();
      expect(text.split('\n: heartbeat\n').length - 1).toBe(4);
      expect(text).toMatch(/}\n\n: heartbeat\ndata: \{/);
      expect(readSse(text).frames).toHaveLength(5);
    } finally {
      await server.close();
    }
  });

  it('breaks with a data: <BifrostError> frame, followed by [DONE] on /v1 only', async () => {
    const server = await createMockServer({
      dialect: bifrostMockDialect({ streamError: { after: 2, status: 502, message: 'upstream hung up' } }),
    });
    try {
      const nativeText = await (await postJson(`${server.url}/v1/chat/completions`, ask)).text();
      const native = readSse(nativeText);
      expect(native.done).toBe(true);
      expect(native.frames).toHaveLength(3);
      expect(native.frames[2]).toEqual({
        is_bifrost_error: false,
        status_code: 502,
        error: { message: 'upstream hung up', type: 'server_error' },
        extra_fields: { routing_info: {} },
      });
      const openaiText = await (await postJson(`${server.url}/openai/v1/chat/completions`, ask)).text();
      const openai = readSse(openaiText);
      expect(openai.done).toBe(false);
      expect(openai.frames.at(-1)).toHaveProperty('error.message', 'upstream hung up');
      expect(openaiText.endsWith('}\n\n')).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('streams the 2025 extra_fields on every chunk', async () => {
    const server = await createMockServer({ dialect: bifrostMockDialect({ extraFieldsGeneration: 2025 }) });
    try {
      const { frames } = readSse(await (await postJson(`${server.url}/v1/chat/completions`, ask)).text());
      expect(frames[0].extra_fields).toEqual({
        provider: 'openai',
        model_requested: 'gpt-4o',
        latency: 1,
        chunk_index: 0,
      });
      expect(frames.at(-1).usage.cost).toHaveProperty('total_cost');
    } finally {
      await server.close();
    }
  });
});
