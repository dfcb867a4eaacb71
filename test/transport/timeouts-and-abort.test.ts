import { getEventListeners } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIConnectionTimeoutError, APIUserAbortError, createClient } from '../../src/index.js';
import { completion, createMockServer, type MockServer } from '../../src/testing/index.js';
import { completionBody, json, scriptedFetch, userMessage } from '../helpers/scripted-fetch.js';

const params = { model: 'gpt-test', messages: userMessage };
let server: MockServer;

beforeAll(async () => {
  server = await createMockServer();
});
afterAll(() => server.close());

const clientFor = (options: { timeout?: number; maxRetries?: number } = {}) =>
  createClient({ baseURL: server.baseURL, apiKey: 'sk-test-key', ...options });

describe('timeout', () => {
  it('fails with APIConnectionTimeoutError when headers are late, after retrying each attempt', async () => {
    server.reset();
    server.route('POST', '/v1/chat/completions', { json: completion({ content: 'late' }), delayMs: 5_000 });
    const started = performance.now();
    // 300 ms leaves a loaded machine time to deliver each attempt to the server before it is cut.
    const error = await clientFor({ timeout: 300, maxRetries: 1 })
      .chat.completions.create(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(server.requests).toHaveLength(2);
  });

  it('a per-call timeout overrides the client one', async () => {
    server.reset();
    server.route('POST', '/v1/chat/completions', { json: completion({ content: 'ok' }), delayMs: 150 });
    const client = clientFor({ timeout: 50, maxRetries: 0 });
    const result = await client.chat.completions.create(params, { timeout: 2_000 });
    expect(result.choices[0]?.message.content).toBe('ok');
  });

  it('also covers reading a non-streamed body', async () => {
    server.reset();
    server.enqueue({
      chunks: ['{"id":"x","choices":[', ']}'],
      intervalMs: 800,
      contentType: 'application/json',
    });
    const error = await clientFor({ timeout: 200, maxRetries: 0 })
      .chat.completions.create(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });
});

describe('abort', () => {
  it('an already-aborted signal rejects with APIUserAbortError and sends nothing', async () => {
    const script = scriptedFetch(json(completionBody()));
    const client = createClient({
      apiKey: 'sk-test-key',
      baseURL: 'http://127.0.0.1:9',
      fetch: script.fetch,
    });
    const error = await client.chat.completions
      .create(params, { signal: AbortSignal.abort('stop') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as APIUserAbortError).cause).toBe('stop');
    expect(script.calls).toHaveLength(0);
  });

  it('aborting before headers rejects at once, is not retried, and the server sees the close', async () => {
    server.reset();
    server.route('POST', '/v1/chat/completions', { json: completion(), delayMs: 5_000 });
    const controller = new AbortController();
    const pending = clientFor().chat.completions.create(params, { signal: controller.signal });
    const [request] = await server.waitForRequests(1);
    const started = performance.now();
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(performance.now() - started).toBeLessThan(100);
    await request!.closed;
    expect(request!.closedEarly).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('aborting after headers, while the body is read, rejects with APIUserAbortError', async () => {
    server.reset();
    server.enqueue({
      chunks: ['{"id":"x",', '"choices":[]}'],
      intervalMs: 2_000,
      contentType: 'application/json',
    });
    const controller = new AbortController();
    const pending = clientFor().chat.completions.create(params, { signal: controller.signal });
    await server.waitForRequests(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it('aborting during a retry backoff ends the sleep at once', async () => {
    const script = scriptedFetch(
      json({ error: { message: 'busy' } }, { status: 503, headers: { 'retry-after': '30' } }),
    );
    const client = createClient({
      apiKey: 'sk-test-key',
      baseURL: 'http://127.0.0.1:9',
      fetch: script.fetch,
    });
    const controller = new AbortController();
    const pending = client.chat.completions.create(params, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(performance.now() - started).toBeLessThan(50);
    expect(script.calls).toHaveLength(1);
  });

  it('1,000 requests sharing one caller signal leave no listeners on it', async () => {
    const script = scriptedFetch(json(completionBody()));
    const client = createClient({
      apiKey: 'sk-test-key',
      baseURL: 'http://127.0.0.1:9',
      fetch: script.fetch,
    });
    const shared = new AbortController().signal;
    const failing = scriptedFetch(json({ error: { message: 'no' } }, { status: 400 }));
    const failingClient = client.withOptions({ fetch: failing.fetch });
    await Promise.all(
      Array.from({ length: 1_000 }, (_, i) =>
        i % 10 === 0
          ? failingClient.chat.completions.create(params, { signal: shared }).catch(() => undefined)
          : client.chat.completions.create(params, { signal: shared }),
      ),
    );
    expect(script.calls.length + failing.calls.length).toBe(1_000);
    expect(getEventListeners(shared, 'abort')).toHaveLength(0);
  });
});
