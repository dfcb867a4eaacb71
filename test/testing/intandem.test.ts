import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockServer, intandemMockDialect, type MockServer } from '../../src/testing/index.js';
import { ISO, postJson, readJson, readSse, userSays } from './vendor-helpers.js';

const ask = (extra: Record<string, unknown> = {}) => ({
  model: 'openai/gpt-4o-mini',
  ...userSays('hi there'),
  ...extra,
});

describe('mock intandem: chat', () => {
  let server: MockServer;
  const chat = (body: unknown, headers?: Record<string, string>) =>
    postJson(`${server.baseURL}/v3/ai/chat_completions`, body, headers);
  beforeAll(async () => {
    server = await createMockServer({ dialect: 'intandem' });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('streams when stream is absent: unwrapped OpenAI chunks ending in [DONE]', async () => {
    expect(server.baseURL).toBe(server.url);
    const response = await chat(ask());
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const { frames, done } = readSse(await response.text());
    expect(done).toBe(true);
    for (const frame of frames) {
      expect(frame).not.toHaveProperty('success');
      expect(frame).toMatchObject({ object: 'chat.completion.chunk', model: 'openai/gpt-4o-mini' });
    }
    expect(frames.map((frame) => frame.choices[0].delta.content ?? '').join('')).toBe('Echo: hi there');
    expect(frames.at(-1).choices[0].finish_reason).toBe('stop');
  });

  it('answers stream: false in the { success, data } envelope with uid and ISO created_at', async () => {
    const { status, body } = await readJson(await chat(ask({ stream: false })));
    expect(status).toBe(200);
    expect(body).toEqual({
      success: true,
      data: {
        uid: 'chatcmpl-mock-1',
        object: 'chat.completion',
        created_at: expect.stringMatching(ISO),
        model: 'openai/gpt-4o-mini',
        choices: [
          { index: 0, message: { role: 'assistant', content: 'Echo: hi there' }, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 },
      },
    });
  });

  it('answers 422 on model for anything but openai|anthropic|google/…', async () => {
    for (const model of ['gpt-4o', 'mistral/large', undefined]) {
      const { status, body } = await readJson(await chat({ ...ask({ stream: false }), model }));
      expect(status).toBe(422);
      expect(body).toEqual({
        success: false,
        errors: [
          {
            field: 'model',
            code: 'invalid',
            message: expect.stringMatching(/^Unsupported model format\. Expected provider\/model/),
          },
        ],
      });
    }
  });

  it('answers 422 for a role outside system|user|assistant|tool and for a tool without parameters', async () => {
    const developer = await readJson(
      await chat(ask({ stream: false, messages: [{ role: 'developer', content: 'x' }, ...ask().messages] })),
    );
    expect(developer).toMatchObject({
      status: 422,
      body: { success: false, errors: [{ field: 'messages[0].role', code: 'invalid' }] },
    });
    const tool = { type: 'function', function: { name: 'get_weather' } };
    const bare = await readJson(await chat(ask({ stream: false, tools: [tool] })));
    expect(bare).toMatchObject({
      status: 422,
      body: { success: false, errors: [{ field: 'tools[0].function.parameters', code: 'required' }] },
    });
    const described = { ...tool, function: { ...tool.function, parameters: { type: 'object' } } };
    expect((await chat(ask({ stream: false, tools: [described] }))).status).toBe(200);
  });

  it('answers 400 errors[] without a user message, and invalid_syntax for bad JSON', async () => {
    const noUser = await readJson(
      await chat({ model: 'google/gemini-2.0-flash', messages: [{ role: 'system', content: 'x' }] }),
    );
    expect(noUser).toMatchObject({
      status: 400,
      body: { success: false, errors: [{ field: 'messages', code: 'invalid' }] },
    });
    const broken = await readJson(await chat('{"model":'));
    expect(broken.body).toEqual({
      success: false,
      errors: [{ code: 'invalid_syntax', message: 'Request body contains invalid JSON.' }],
    });
  });

  it('sends the v3 error envelope for scripted errors and 401s', async () => {
    server.enqueue({ error: 429, message: 'Maximum 10 requests per minute. Please retry after 60 seconds.' });
    expect((await readJson(await chat(ask()))).body).toEqual({
      success: false,
      errors: [
        {
          code: 'rate_limit_exceeded',
          message: 'Maximum 10 requests per minute. Please retry after 60 seconds.',
        },
      ],
    });
    const guarded = await createMockServer({ dialect: 'intandem', apiKey: 'staff-token' });
    try {
      const denied = await readJson(await postJson(`${guarded.url}/v3/ai/chat_completions`, ask()));
      expect(denied).toMatchObject({
        status: 401,
        body: { success: false, errors: [{ code: 'unauthorized' }] },
      });
    } finally {
      await guarded.close();
    }
  });
});

describe('mock intandem: options', () => {
  it("sends id and unix created with idFields: 'id'", async () => {
    const server = await createMockServer({ dialect: intandemMockDialect({ idFields: 'id' }) });
    try {
      const { body } = await readJson(
        await postJson(`${server.url}/v3/ai/chat_completions`, ask({ stream: false })),
      );
      expect(body.data).toMatchObject({ id: 'chatcmpl-mock-1', created: expect.any(Number) });
      expect(body.data).not.toHaveProperty('uid');
      expect(body.data).not.toHaveProperty('created_at');
    } finally {
      await server.close();
    }
  });

  it('limits requests per minute with rateLimitPerMinute', async () => {
    const server = await createMockServer({ dialect: intandemMockDialect({ rateLimitPerMinute: 2 }) });
    try {
      const url = `${server.url}/v3/ai/chat_completions`;
      expect((await postJson(url, ask({ stream: false }))).status).toBe(200);
      expect((await postJson(url, ask({ stream: false }))).status).toBe(200);
      const third = await readJson(await postJson(url, ask({ stream: false })));
      expect(third).toMatchObject({
        status: 429,
        body: { success: false, errors: [{ code: 'rate_limit_exceeded' }] },
      });
      // The window is a minute: once it has passed, requests are answered again.
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 60_000);
      expect((await postJson(url, ask({ stream: false }))).status).toBe(200);
    } finally {
      vi.useRealTimers();
      await server.close();
    }
  });
});
