import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/testing/index.js';
import { postChat } from './helpers.js';

const hello = { messages: [{ role: 'user', content: 'hello' }] };

describe('scripting replies', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await createMockServer();
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('uses queued replies first in first out, then the default handler', async () => {
    server.enqueue({ json: { n: 1 } }, { json: { n: 2 } });
    expect(server.pendingReplies).toBe(2);

    expect(await (await postChat(server, hello)).json()).toEqual({ n: 1 });
    expect(server.pendingReplies).toBe(1);
    expect(await (await postChat(server, hello)).json()).toEqual({ n: 2 });
    const third = await (await postChat(server, hello)).json();
    expect(third.choices[0].message.content).toBe('Echo: hello');
    expect(server.pendingReplies).toBe(0);
  });

  it('serves queued replies on any path and method', async () => {
    server.enqueue({ text: 'anything' });
    const response = await fetch(`${server.url}/some/other/path`);
    expect(await response.text()).toBe('anything');
  });

  it('route() answers a method and path every time, ignoring the query', async () => {
    server.route('get', '/v1/models', { json: { data: ['m'] } });
    for (const query of ['', '?limit=2']) {
      const response = await fetch(`${server.baseURL}/models${query}`);
      expect(await response.json()).toEqual({ data: ['m'] });
    }
    const other = await fetch(`${server.baseURL}/models`, { method: 'DELETE' });
    expect(other.status).toBe(404);
    await other.text();
  });

  it("route('*', …) matches any method, and queued replies come before routes", async () => {
    server.route('*', '/v1/files', { json: { route: true } });
    server.enqueue({ json: { queued: true } });
    expect(await (await fetch(`${server.baseURL}/files`, { method: 'POST' })).json()).toEqual({
      queued: true,
    });
    expect(await (await fetch(`${server.baseURL}/files`, { method: 'PATCH' })).json()).toEqual({
      route: true,
    });
  });

  it('calls reply functions with the recorded request, sync or async', async () => {
    server.enqueue(
      (request) => ({ json: { echoed: request.json } }),
      async (request) => ({ text: request.headers['x-tag'] ?? 'none' }),
    );
    expect(await (await postChat(server, { a: 1 })).json()).toEqual({ echoed: { a: 1 } });
    expect(await (await postChat(server, {}, { headers: { 'x-tag': 'tagged' } })).text()).toBe('tagged');
  });

  it('turns a throwing reply function into a 500 that names the failure', async () => {
    server.enqueue(() => {
      throw new Error('boom in test');
    });
    const response = await postChat(server, hello);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('boom in test');
  });

  it('answers unknown paths with a 404 in the dialect error shape', async () => {
    const response = await fetch(`${server.baseURL}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        message: 'Mock openai has no route GET /v1/nope.',
        type: 'invalid_request_error',
        param: null,
        code: 'unknown_url',
      },
    });
  });

  it('waits delayMs before sending headers', async () => {
    server.enqueue({ json: {}, delayMs: 120 });
    const started = performance.now();
    const response = await postChat(server, hello);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(response.status).toBe(200);
    await response.text();
  });
});
