import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockServer, type MockServer } from '../../src/testing/index.js';
import { decode, postChat, settlesWithin } from './helpers.js';

const hello = { messages: [{ role: 'user', content: 'hello' }] };

describe('faults', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await createMockServer();
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it("drop: 'before-headers' makes fetch reject, and the request is still recorded", async () => {
    server.enqueue({ drop: 'before-headers' });
    await expect(postChat(server, hello)).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(1);
    await server.lastRequest!.closed;
    expect(server.lastRequest!.closedEarly).toBe(false);
  });

  it('resetAfter cuts the body mid-stream so reading it rejects with terminated', async () => {
    server.enqueue({ sse: [{ n: 1 }, { n: 2 }, { pauseMs: 50 }, { n: 3 }], resetAfter: 2 });
    const response = await postChat(server, hello);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let text = '';
    const failure = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        text += decode(value);
      }
    })().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as Error).message).toBe('terminated');
    expect(text).toBe('data: {"n":1}\n\ndata: {"n":2}\n\n');
    expect(server.lastRequest!.closedEarly).toBe(false);
  });

  it('stall sends headers, then only keep-alive comments; aborting closes it early', async () => {
    server.enqueue({ stall: true, keepAlive: { intervalMs: 20, comment: 'OPENROUTER PROCESSING' } });
    const controller = new AbortController();
    const response = await postChat(server, hello, { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');

    const reader = response.body!.getReader();
    let text = '';
    while (text.length < 2 * ': OPENROUTER PROCESSING\n\n'.length)
      text += decode((await reader.read()).value!);
    expect(text.startsWith(': OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\n')).toBe(true);

    const request = server.lastRequest!;
    const intervals = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const whileStalled = intervals();
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
    await request.closed;
    expect(request.closedEarly).toBe(true);
    // The keep-alive interval is cleared once the client is gone. Other timers in the process come
    // and go (undici's socket timers), so wait briefly for the count to drop rather than expect an exact number.
    await vi.waitFor(() => expect(intervals()).toBeLessThan(whileStalled), { timeout: 500, interval: 10 });
  });

  it('stall without keepAlive sends no body bytes at all', async () => {
    server.enqueue({ stall: true });
    const controller = new AbortController();
    const response = await postChat(server, hello, { signal: controller.signal });
    const reader = response.body!.getReader();
    expect(await settlesWithin(reader.read(), 100)).toBe('pending');
    controller.abort();
    await server.lastRequest!.closed;
    expect(server.lastRequest!.closedEarly).toBe(true);
  });

  it('an abort during delayMs ends the wait and counts as closed early', async () => {
    server.enqueue({ json: {}, delayMs: 5_000 });
    const controller = new AbortController();
    const pending = postChat(server, hello, { signal: controller.signal });
    const [request] = await server.waitForRequests(1);
    controller.abort();
    await expect(pending).rejects.toThrow();
    await request!.closed;
    expect(request!.closedEarly).toBe(true);
  });
});

describe('close()', () => {
  it('destroys open connections, fails pending waits and stops listening', async () => {
    const server = await createMockServer();
    server.enqueue({ stall: true });
    const response = await postChat(server, hello);
    const reading = response.text();
    expect(server.openConnections).toBeGreaterThanOrEqual(1);
    const waiting = expect(server.waitForRequests(5)).rejects.toThrow('Mock server closed');

    await server.close();
    await expect(reading).rejects.toThrow();
    await waiting;
    expect(server.openConnections).toBe(0);
    await expect(fetch(server.url)).rejects.toThrow();
    await server.close(); // idempotent
  });
});
