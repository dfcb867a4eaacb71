import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/testing/index.js';
import { bodyInTwoHalves, postChat } from './helpers.js';

describe('request recording', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await createMockServer();
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('records method, path with query, lower-cased headers and the JSON body', async () => {
    const before = Date.now();
    const response = await fetch(`${server.baseURL}/chat/completions?trace=1`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: 'Bearer sk-test',
        'X-Custom-Thing': 'Yes',
      },
      body: JSON.stringify({ model: 'gpt-x', messages: [{ role: 'user', content: 'hi' }] }),
    });
    await response.text();

    expect(server.requests).toHaveLength(1);
    const request = server.lastRequest!;
    expect(request).toBe(server.requests[0]);
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/chat/completions?trace=1');
    expect(request.headers.authorization).toBe('Bearer sk-test');
    expect(request.headers['x-custom-thing']).toBe('Yes');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.json).toEqual({ model: 'gpt-x', messages: [{ role: 'user', content: 'hi' }] });
    expect(request.bodyText).toBe(JSON.stringify(request.json));
    expect(request.body.byteLength).toBe(request.bodyText.length);
    expect(request.receivedAt).toBeGreaterThanOrEqual(before);
    await request.closed;
    expect(request.closedEarly).toBe(false);
  });

  it('joins every copy of a repeated header, credentials included', async () => {
    const { request } = await import('node:http');
    const { port } = new URL(server.baseURL);
    await new Promise<void>((resolve, reject) => {
      const sent = request(
        { host: '127.0.0.1', port, method: 'POST', path: '/v1/chat/completions' },
        (response) => response.resume().on('end', resolve),
      );
      // An array value goes on the wire as two header lines.
      sent.setHeader('authorization', ['Bearer first', 'Bearer second']);
      sent.setHeader('content-type', 'application/json');
      sent.on('error', reject);
      sent.end('{}');
    });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer first, Bearer second');
  });

  it('serves scripted replies and lists requests in arrival order, whichever body finished first', async () => {
    server.enqueue({ json: { reply: 'first' } }, { json: { reply: 'second' } });
    const { body: slowBody, finish } = bodyInTwoHalves('{"name":', '"a"}');
    const url = `${server.baseURL}/chat/completions`;
    const a = fetch(url, { method: 'POST', body: slowBody, duplex: 'half' } as RequestInit);
    await server.waitForRequests(0);
    await new Promise((resolve) => setTimeout(resolve, 50)); // A's headers are in
    const b = await fetch(url, { method: 'POST', body: '{"name":"b"}' });
    expect(await b.json()).toEqual({ reply: 'second' });
    finish();
    expect(await (await a).json()).toEqual({ reply: 'first' });
    expect(server.requests.map((r) => (r.json as { name: string }).name)).toEqual(['a', 'b']);
  });

  it('a client that goes away mid-body gives back a queued reply, but never turns a route into one', async () => {
    const { MockEngine } = await import('../../src/testing/mock-engine.js');
    const engine = new MockEngine();
    const head = { method: 'POST', path: '/v1/special', headers: {} };
    engine.script.route('POST', '/v1/special', { json: { routed: true } });
    engine.release(engine.claim(head));
    expect(engine.script.pending).toBe(0);
    engine.script.enqueue([{ json: { queued: true } }]);
    engine.release(engine.claim(head));
    expect(engine.script.pending).toBe(1);
    // A reply queued before reset() is not put back into the queue after it.
    const stale = engine.claim(head);
    engine.reset();
    engine.release(stale);
    expect(engine.script.pending).toBe(0);
  });

  it('keeps a body that is not JSON as text, with json undefined', async () => {
    server.enqueue({ json: {} });
    await (await fetch(server.url + '/upload', { method: 'PUT', body: 'not { json' })).text();
    expect(server.lastRequest?.bodyText).toBe('not { json');
    expect(server.lastRequest?.json).toBeUndefined();
  });

  it('waitForRequests resolves once enough requests arrived and times out otherwise', async () => {
    const waiting = server.waitForRequests(2);
    const responses = await Promise.all([
      postChat(server, { messages: [{ role: 'user', content: 'a' }] }),
      postChat(server, { messages: [{ role: 'user', content: 'b' }] }),
    ]);
    await Promise.all(responses.map((response) => response.text()));
    const requests = await waiting;
    expect(
      requests
        .map((request) => (request.json as { messages: [{ content: string }] }).messages[0].content)
        .sort(),
    ).toEqual(['a', 'b']);
    await expect(server.waitForRequests(3, 50)).rejects.toThrow('got 2 of 3 expected requests within 50 ms');
  });

  it('reset() forgets records, queued replies and routes, and restarts ids', async () => {
    await (await postChat(server, { messages: [{ role: 'user', content: 'x' }] })).text();
    server.enqueue({ json: { queued: true } });
    server.route('GET', '/v1/models', { json: { routed: true } });
    server.reset();

    expect(server.requests).toEqual([]);
    expect(server.lastRequest).toBeUndefined();
    expect(server.pendingReplies).toBe(0);
    expect((await fetch(`${server.baseURL}/models`)).status).toBe(404);
    const body = await (await postChat(server, { messages: [{ role: 'user', content: 'x' }] })).json();
    expect(body.id).toBe('chatcmpl-mock-1');
  });
});
