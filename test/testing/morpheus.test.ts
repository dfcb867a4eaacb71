import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/testing/index.js';
import { postJson, readJson, readSse, userSays } from './vendor-helpers.js';

const auth = { authorization: 'Bearer sk-ABCDEF.123' };
const RATE_HEADERS = [
  'x-ratelimit-limit-requests',
  'x-ratelimit-remaining-requests',
  'x-ratelimit-limit-tokens',
  'x-ratelimit-remaining-tokens',
  'x-ratelimit-reset-requests',
  'x-ratelimit-reset-tokens',
];

describe('mock morpheus', () => {
  let server: MockServer;
  const chat = (body: unknown, headers: Record<string, string> = auth) =>
    postJson(`${server.baseURL}/chat/completions`, body, headers);
  beforeAll(async () => {
    server = await createMockServer({ dialect: 'morpheus' });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('serves /api/v1/chat/completions with plain OpenAI JSON and rate-limit headers', async () => {
    expect(server.baseURL).toBe(`${server.url}/api/v1`);
    const { status, body, headers } = await readJson(
      await chat({ model: 'llama-3.3-70b', ...userSays('hi there') }),
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      id: 'chatcmpl-mock-1',
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'llama-3.3-70b',
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Echo: hi there' }, finish_reason: 'stop' },
      ],
      usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 },
    });
    expect(headers.get('x-request-id')).toBe('req_mock_1');
    for (const name of RATE_HEADERS) expect(headers.get(name)).toBeTruthy();
    expect(headers.get('x-ratelimit-remaining-requests')).toBe('59');
    expect(server.lastRequest!.path).toBe('/api/v1/chat/completions');
  });

  it('refuses keys that do not start with sk- (with or without Bearer) with FastAPI { detail }', async () => {
    const jwt = await readJson(await chat(userSays('x'), { authorization: 'Bearer eyJhbGciOi.jwt' }));
    expect(jwt).toMatchObject({
      status: 401,
      body: { detail: 'Invalid API key format. Must start with sk-' },
    });
    expect((await chat(userSays('x'), { authorization: 'sk-bare-key' })).status).toBe(200);
    expect(await readJson(await chat(userSays('x'), {}))).toMatchObject({
      status: 401,
      body: { detail: 'API key missing' },
    });
  });

  it('streams role, content chunks with system_fingerprint "" and content_filter_results, usage_from_provider, and no [DONE]', async () => {
    const response = await chat({ model: 'm', stream: true, ...userSays('a b') });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const text = await response.text();
    const { frames, done } = readSse(text);
    expect(done).toBe(false);
    expect(frames[0].choices[0].delta).toEqual({ role: 'assistant' });
    const usage = frames.findIndex((frame) => 'usage_from_provider' in frame);
    expect(frames[usage]).toEqual({
      usage_from_provider: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 },
    });
    expect(usage).toBe(frames.length - 2);
    const chunks = frames.filter((frame) => 'choices' in frame);
    expect(chunks.map((frame) => frame.choices[0].delta.content ?? '').join('')).toBe('Echo: a b');
    for (const frame of chunks) {
      expect(frame.system_fingerprint).toBe('');
      expect(frame.choices[0].content_filter_results).toHaveProperty('hate.filtered', false);
    }
    expect(frames.at(-1).choices[0].finish_reason).toBe('stop');
    expect(text.endsWith('"system_fingerprint":""}\n\n')).toBe(true);
  });

  it('answers 422 { detail: [{ loc, msg, type }] } for a body without messages', async () => {
    const { status, body } = await readJson(await chat({ model: 'm' }));
    expect(status).toBe(422);
    expect(body).toEqual({ detail: [{ loc: ['body', 'messages'], msg: 'Field required', type: 'missing' }] });
  });

  it('gives scripted errors their documented shapes and headers', async () => {
    server.enqueue(
      { error: 429, message: 'Rate limit exceeded' },
      { error: 402, message: 'Insufficient balance' },
      { error: 404, message: 'Not Found' },
    );
    const limited = await readJson(await chat(userSays('x')));
    expect(limited.body).toEqual({
      error: { message: 'Rate limit exceeded', type: 'requests', param: null, code: 'rate_limit_exceeded' },
    });
    expect(limited.headers.get('retry-after')).toBe('1');
    for (const name of RATE_HEADERS) expect(limited.headers.get(name)).toBeTruthy();
    const broke = await readJson(await chat(userSays('x')));
    expect(broke.body.error).toMatchObject({
      type: 'insufficient_balance',
      code: 'insufficient_balance',
      available: 0,
    });
    expect((await readJson(await chat(userSays('x')))).body).toEqual({ detail: 'Not Found' });
  });
});
