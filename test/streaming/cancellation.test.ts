import { getEventListeners } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { APIUserAbortError, createClient } from '../../src/index.js';
import { chunk } from '../../src/testing/index.js';
import { activeTimers, clientFor, drain, frame, settlesWithin, streamParams, textOf } from './helpers.js';
import { useMockServer } from './loopback.js';

// A server that keeps generating: one chunk every 10 ms for ~10 s.
const endless = { sse: Array.from({ length: 1000 }, (_, i) => chunk({ content: `${i} ` })), intervalMs: 10 };

/** Milliseconds from `start()` until the server saw the client close the response. */
const closeLatency = async (request: { closed: Promise<void> }, start: () => unknown): Promise<number> => {
  const started = performance.now();
  start();
  await request.closed;
  return performance.now() - started;
};

describe('cancellation', () => {
  const mock = useMockServer();

  // Latency is measured in the one process that runs both client and server, on a machine that
  // may be running other test files: each check keeps the best of a few trials, and every trial
  // must still close far sooner than the stream (10 s) would have ended.
  const bestOf = async (trials: number, trial: () => Promise<number>): Promise<number> => {
    const latencies: number[] = [];
    for (let i = 0; i < trials; i++) latencies.push(await trial());
    expect(Math.max(...latencies)).toBeLessThan(2_000);
    return Math.min(...latencies);
  };

  it('break: the server observes the close within 100 ms', async () => {
    const latency = await bestOf(5, async () => {
      mock.server.enqueue(endless);
      const stream = await clientFor(mock.server).chat.completions.create(streamParams);
      const request = mock.server.lastRequest!;
      let started = 0;
      let seen = 0;
      for await (const _ of stream) {
        if (++seen === 3) {
          started = performance.now();
          break;
        }
      }
      await request.closed;
      expect(request.closedEarly).toBe(true);
      return performance.now() - started;
    });
    expect(latency).toBeLessThan(100);
  });

  it('abort(): the server observes the close within 100 ms, iteration ends quietly', async () => {
    const latency = await bestOf(5, async () => {
      mock.server.enqueue(endless);
      const stream = await clientFor(mock.server).chat.completions.create(streamParams);
      const iterator = stream[Symbol.asyncIterator]();
      await iterator.next();
      const pending = iterator.next();
      const took = await closeLatency(mock.server.lastRequest!, () => stream.abort());
      const rest = await pending;
      expect(rest.done === true || rest.value !== undefined).toBe(true);
      expect((await iterator.next()).done).toBe(true);
      return took;
    });
    expect(latency).toBeLessThan(100);
  });

  it('caller signal: the server observes the close within 100 ms, and a pending read rejects with APIUserAbortError', async () => {
    const latency = await bestOf(5, async () => {
      mock.server.enqueue({ stall: true });
      const controller = new AbortController();
      const stream = await clientFor(mock.server).chat.completions.create(streamParams, {
        signal: controller.signal,
      });
      const next = stream[Symbol.asyncIterator]().next();
      expect(await settlesWithin(next, 30)).toBe('pending');
      const took = await closeLatency(mock.server.lastRequest!, () => controller.abort());
      await expect(next).rejects.toBeInstanceOf(APIUserAbortError);
      return took;
    });
    expect(latency).toBeLessThan(100);
  });

  it('caller signal while only finalCompletion() waits (mid-stream): it rejects with APIUserAbortError and the request closes', async () => {
    mock.server.enqueue(endless);
    const controller = new AbortController();
    const stream = await clientFor(mock.server).chat.completions.create(streamParams, {
      signal: controller.signal,
    });
    const final = stream.finalCompletion();
    expect(await settlesWithin(final, 50)).toBe('pending');
    controller.abort(new Error('user left'));
    const error = await final.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).cause).toEqual(new Error('user left'));
    await mock.server.lastRequest!.closed;
  });

  it('a signal that fired before create() rejects without sending', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      clientFor(mock.server).chat.completions.create(streamParams, { signal: controller.signal }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(mock.server.requests).toHaveLength(0);
  });

  it('abort() of a lazy stream whose request is still waiting for headers cancels that request', async () => {
    mock.server.enqueue({ sse: [chunk({ content: 'late' })], delayMs: 5_000 });
    const stream = clientFor(mock.server).chat.completions.stream(streamParams);
    const reading = drain(stream);
    await mock.server.waitForRequests(1);
    expect(await closeLatency(mock.server.lastRequest!, () => stream.abort())).toBeLessThan(100);
    expect(await reading).toEqual({ chunks: [], error: undefined });
  });

  it('leaves no timers and no listeners behind, however a stream ends', async () => {
    const controller = new AbortController();
    const client = clientFor(mock.server);
    const timersBefore = activeTimers();
    const endings: Array<() => Promise<unknown>> = [
      async () => drain(await client.chat.completions.create(streamParams, { signal: controller.signal })),
      async () => {
        mock.server.enqueue(endless);
        for await (const _ of await client.chat.completions.create(streamParams, {
          signal: controller.signal,
        }))
          break;
      },
      async () => {
        mock.server.enqueue({ chunks: ['data: {"error":{"message":"x"}}\n\n'] });
        return drain(await client.chat.completions.create(streamParams, { signal: controller.signal }));
      },
      async () => {
        mock.server.enqueue({ stall: true });
        const stream = await client.chat.completions.create(streamParams, { signal: controller.signal });
        stream.abort();
        return drain(stream);
      },
      async () => {
        mock.server.enqueue({ stall: true });
        const stream = await client
          .withOptions({ idleTimeout: 50 })
          .chat.completions.create(streamParams, { signal: controller.signal });
        return drain(stream);
      },
    ];
    for (const end of endings) {
      await end();
      // The mock server's own socket timers settle once its response closed.
      await mock.server.lastRequest!.closed;
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(activeTimers()).toBeLessThanOrEqual(timersBefore);
  });

  it('after [DONE] a body that ends by itself goes back to the pool instead of being torn down', async () => {
    // The end of the body comes 5 ms after [DONE]: cancelling at [DONE] would kill each socket.
    let connections = 0;
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write(`${frame({ content: 'x' }, 'stop')}data: [DONE]\n\n`);
        setTimeout(() => response.end(), 5);
      });
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = createClient({
        baseURL: `http://127.0.0.1:${port}/v1`,
        apiKey: 'sk-test-key',
        maxRetries: 0,
      });
      for (let i = 0; i < 6; i++) {
        expect(textOf((await drain(await client.chat.completions.create(streamParams))).chunks)).toBe('x');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Cancelling at [DONE] costs a new connection per stream (7 here); drained, the pool holds.
      expect(connections).toBeLessThanOrEqual(2);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('200 concurrent streams all complete with their own, correct content', async () => {
    const client = clientFor(mock.server);
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const stream = await client.chat.completions.create({
          ...streamParams,
          messages: [{ role: 'user', content: `n${i} q` }],
        });
        const { chunks, error } = await drain(stream);
        return {
          error,
          text: textOf(chunks),
          final: (await stream.finalCompletion()).choices[0]?.message.content,
        };
      }),
    );
    results.forEach(({ error, text, final }, i) => {
      expect(error).toBeUndefined();
      expect(text).toBe(`Echo: n${i} q`);
      expect(final).toBe(text);
    });
  });
});
