import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockChunk, type MockServer } from '../../src/testing/index.js';
import { postChat, sseData } from './helpers.js';

const ask = (content: unknown, extra: Record<string, unknown> = {}) => ({
  model: 'gpt-test',
  messages: [
    { role: 'system', content: 'be brief' },
    { role: 'user', content: 'first question' },
    { role: 'assistant', content: 'ok' },
    { role: 'user', content },
  ],
  ...extra,
});

describe('openai default handler', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await createMockServer();
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('answers a deterministic chat.completion echoing the last user message', async () => {
    expect(server.baseURL).toBe(`${server.url}/v1`);
    const response = await postChat(server, ask('hello big world'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req_mock_1');
    const body = await response.json();
    expect(body).toEqual({
      id: 'chatcmpl-mock-1',
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'gpt-test',
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Echo: hello big world' }, finish_reason: 'stop' },
      ],
      // prompt: "be brief" + "first question" + "ok" + "hello big world" = 8 words
      usage: { prompt_tokens: 8, completion_tokens: 4, total_tokens: 12 },
    });
    expect(Math.abs(body.created - Date.now() / 1000)).toBeLessThan(5);
    const second = await (await postChat(server, ask('again'))).json();
    expect(second.id).toBe('chatcmpl-mock-2');
  });

  it('reads text parts of array content and falls back to the configured model', async () => {
    const other = await createMockServer({ model: 'default-model' });
    try {
      const response = await postChat(other, {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'part one' },
              { type: 'image_url' },
              { type: 'text', text: 'two' },
            ],
          },
        ],
      });
      const body = await response.json();
      expect(body.choices[0].message.content).toBe('Echo: part one two');
      expect(body.model).toBe('default-model');
    } finally {
      await other.close();
    }
  });

  it('streams role, word, finish chunks then [DONE] when stream is true', async () => {
    const response = await postChat(server, ask('hello big world', { stream: true }));
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const data = sseData(await response.text());
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((text) => JSON.parse(text) as MockChunk);

    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '' });
    const contents = chunks.slice(1, -1).map((each) => each.choices[0]!.delta.content);
    expect(contents).toEqual(['Echo: ', 'hello ', 'big ', 'world']);
    expect(chunks.at(-1)!.choices[0]).toEqual({ index: 0, delta: {}, finish_reason: 'stop' });
    for (const each of chunks) {
      expect(each).toMatchObject({
        id: 'chatcmpl-mock-1',
        object: 'chat.completion.chunk',
        model: 'gpt-test',
      });
      expect(each).not.toHaveProperty('usage');
    }
  });

  it('adds a usage chunk with empty choices when stream_options.include_usage', async () => {
    const response = await postChat(
      server,
      ask('hi there', { stream: true, stream_options: { include_usage: true } }),
    );
    const data = sseData(await response.text());
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((text) => JSON.parse(text) as MockChunk);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toEqual({ prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('stop');
    for (const each of chunks.slice(0, -1)) expect(each.usage).toBeNull();
  });

  it('rejects a body without messages with a 400 OpenAI error', async () => {
    const response = await postChat(server, { model: 'x' });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({
      type: 'invalid_request_error',
      message: expect.stringContaining('messages'),
    });
  });
});

describe('apiKey option', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await createMockServer({ apiKey: 'sk-right' });
  });
  afterAll(() => server.close());

  it('answers 401 without the right bearer token, before any queued reply', async () => {
    server.enqueue({ json: { scripted: true } });
    for (const headers of [{}, { authorization: 'Bearer sk-wrong' }, { authorization: 'sk-right' }]) {
      const response = await postChat(server, ask('hi'), { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: {
          message: 'Incorrect API key provided.',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      });
    }
    expect(server.pendingReplies).toBe(1);
    const accepted = await postChat(server, ask('hi'), { headers: { authorization: 'Bearer sk-right' } });
    expect(await accepted.json()).toEqual({ scripted: true });
  });
});
