import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveContext } from '../../src/client-context.js';
import { APIConnectionError, APIConnectionTimeoutError, createClient, StreamError } from '../../src/index.js';
import { chunk } from '../../src/testing/index.js';
import { clientFor, drain, hello, streamParams, textOf } from './helpers.js';
import { useMockServer } from './loopback.js';

const resetBeforeFirstEvent = { sse: [{ pauseMs: 20 }], resetAfter: 0 } as const;

describe('retries of a stream', () => {
  const mock = useMockServer();

  it('re-sends a stream cut before its first event, and exposes the new response', async () => {
    mock.server.enqueue(resetBeforeFirstEvent, { sse: hello, headers: { 'x-request-id': 'req_second' } });
    const stream = await clientFor(mock.server, { maxRetries: 1 }).chat.completions.create(streamParams);
    expect(textOf((await drain(stream)).chunks)).toBe('Hello');
    expect(stream.requestId).toBe('req_second');
    expect(mock.server.requests).toHaveLength(2);
  });

  it('re-sends a lazy stream the same way', async () => {
    mock.server.enqueue(resetBeforeFirstEvent, { sse: hello });
    const stream = clientFor(mock.server, { maxRetries: 1 }).chat.completions.stream(streamParams);
    expect((await stream.finalCompletion()).choices[0]?.message.content).toBe('Hello');
    expect(mock.server.requests).toHaveLength(2);
  });

  it('two next() calls made at once during a retry share one new request, chunks in order', async () => {
    mock.server.enqueue(resetBeforeFirstEvent, { sse: hello }, { sse: hello });
    const stream = clientFor(mock.server, { maxRetries: 2 }).chat.completions.stream(streamParams);
    const reading = stream[Symbol.asyncIterator]();
    const [first, second] = await Promise.all([reading.next(), reading.next()]);
    expect([first.value?.choices[0]?.delta.content, second.value?.choices[0]?.delta.content]).toEqual([
      'Hel',
      'lo',
    ]);
    expect((await reading.next()).value?.choices[0]?.finish_reason).toBe('stop');
    expect((await reading.next()).done).toBe(true);
    expect(mock.server.requests).toHaveLength(2);
  });

  it('an idle timeout before the first event counts as a connection failure and is retried', async () => {
    mock.server.enqueue({ stall: true }, { sse: hello });
    const stream = await clientFor(mock.server, { maxRetries: 1, idleTimeout: 100 }).chat.completions.create(
      streamParams,
    );
    expect(textOf((await drain(stream)).chunks)).toBe('Hello');
    expect(mock.server.requests).toHaveLength(2);
  });

  it('shares one budget with the retries made before headers', async () => {
    mock.server.enqueue({ error: 503, headers: { 'retry-after-ms': '1' } }, resetBeforeFirstEvent, {
      sse: hello,
    });
    const stream = await clientFor(mock.server, { maxRetries: 1 }).chat.completions.create(streamParams);
    const { error } = await drain(stream);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(mock.server.requests).toHaveLength(2);
  });

  it('does not retry with maxRetries: 0', async () => {
    mock.server.enqueue(resetBeforeFirstEvent, { sse: hello });
    const { error } = await drain(await clientFor(mock.server).chat.completions.create(streamParams));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(mock.server.requests).toHaveLength(1);
  });

  it('does not retry an error frame or a truncated stream (they are answers, not connection failures)', async () => {
    mock.server.enqueue(
      { chunks: ['data: {"error":{"message":"nope"}}\n\n'] },
      { sse: hello.slice(0, 1), done: false },
      { sse: hello },
    );
    const client = clientFor(mock.server, { maxRetries: 2 });
    expect((await drain(await client.chat.completions.create(streamParams))).error).toBeInstanceOf(
      StreamError,
    );
    expect((await drain(await client.chat.completions.create(streamParams))).error).toBeInstanceOf(
      StreamError,
    );
    expect(mock.server.requests).toHaveLength(2);
  });
});

describe('idleTimeout', () => {
  const mock = useMockServer();

  it('counts only time spent waiting for the server, not a slow consumer', async () => {
    // Each chunk in its own read; the consumer dawdles far longer than idleTimeout between reads.
    mock.server.enqueue({ sse: hello, intervalMs: 20 });
    const stream = await clientFor(mock.server, { idleTimeout: 60 }).chat.completions.create(streamParams);
    const texts: string[] = [];
    for await (const c of stream) {
      texts.push(c.choices[0]?.delta.content ?? '');
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(texts.join('')).toBe('Hello');
  });

  it('is reset by every data event, so a slow but steady stream is fine', async () => {
    mock.server.enqueue({
      sse: [...Array.from({ length: 6 }, () => chunk({ content: '.' })), chunk({ finishReason: 'stop' })],
      intervalMs: 60,
    });
    const stream = await clientFor(mock.server, { idleTimeout: 150 }).chat.completions.create(streamParams);
    const { chunks, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(textOf(chunks)).toBe('......');
  });

  it('can be set per request, over the client option', async () => {
    mock.server.enqueue({ sse: [hello[0], { pauseMs: 300 }, hello[1], hello[2]] });
    const client = clientFor(mock.server, { idleTimeout: 50 });
    const { chunks, error } = await drain(
      await client.chat.completions.create(streamParams, { idleTimeout: 2_000 }),
    );
    expect(error).toBeUndefined();
    expect(textOf(chunks)).toBe('Hello');
  });

  it('is not cut by `timeout` once headers arrived', async () => {
    mock.server.enqueue({ sse: [hello[0], { pauseMs: 250 }, hello[1], hello[2]] });
    const { chunks, error } = await drain(
      await clientFor(mock.server, { timeout: 100 }).chat.completions.create(streamParams),
    );
    expect(error).toBeUndefined();
    expect(textOf(chunks)).toBe('Hello');
  });

  it('fails after a first chunk when the server then falls silent', async () => {
    mock.server.enqueue({ sse: [hello[0], { pauseMs: 5_000 }], done: false });
    const { chunks, error } = await drain(
      await clientFor(mock.server, { idleTimeout: 100 }).chat.completions.create(streamParams),
    );
    expect(textOf(chunks)).toBe('Hel');
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });
});

describe('the default idle timeout (peers.md §7 #21: a stalled body must not hang for good)', () => {
  afterEach(() => vi.useRealTimers());

  // API.md: 300 s, Caesar 1,800 s (its research answers think for minutes between events).
  const defaults = {
    openai: 300_000,
    bifrost: 300_000,
    morpheus: 300_000,
    intandem: 300_000,
    caesar: 1_800_000,
  };
  it.each(Object.entries(defaults))('%s defaults to %i ms', (dialect, ms) => {
    expect(resolveContext({ dialect: dialect as keyof typeof defaults, apiKey: 'k' }).idleTimeout).toBe(ms);
  });

  it('fails a stream that stalls after its first event when no idleTimeout is given', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const first = new TextEncoder().encode(
      'data: {"id":"s","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}\n\n',
    );
    // One event, then nothing: no more bytes, no end, no error.
    const body = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(first) });
    const client = createClient({
      apiKey: 'sk-test',
      baseURL: 'http://127.0.0.1:9/v1',
      maxRetries: 0,
      fetch: async () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    });
    const stream = await client.chat.completions.create({ ...streamParams, stream: true });
    const outcome = drain(stream);
    await vi.advanceTimersByTimeAsync(299_000);
    let settled = false;
    void outcome.then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    const { chunks, error } = await outcome;
    expect(textOf(chunks)).toBe('Hel');
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });
});
