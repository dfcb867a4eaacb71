// peers.md §8 continued: transport faults, chunk shapes and portability, against the mock server.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveContext } from '../../src/client-context.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  InternalServerError,
  StreamError,
} from '../../src/index.js';
import { createStream } from '../../src/resources/chat-streams.js';
import { chunk } from '../../src/testing/index.js';
import { clientFor, drain, frame, hello, streamParams, TEST_KEY, textOf } from './helpers.js';
import { streamOnce, useMockServer } from './loopback.js';

describe('peers.md §8 — transport', () => {
  const mock = useMockServer();

  it('a body left open after [DONE] ends the stream and is closed by the client', async () => {
    const outcome = await streamOnce(mock.server, { sse: hello, holdOpen: true });
    expect(outcome.error).toBeUndefined();
    expect(textOf(outcome.chunks)).toBe('Hello');
    const request = mock.server.lastRequest!;
    await request.closed;
    expect(request.closedEarly).toBe(true);
  });

  it('a body that stalls silently fails with APIConnectionTimeoutError after idleTimeout', async () => {
    mock.server.enqueue({ stall: true });
    const stream = await clientFor(mock.server, { idleTimeout: 150 }).chat.completions.create(streamParams);
    const { error } = await drain(stream);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toMatch(/idle for 150 ms \(idleTimeout\)/);
    await mock.server.lastRequest!.closed;
    expect(mock.server.lastRequest!.closedEarly).toBe(true);
  });

  it('a body that sends only keep-alive comments still hits the idle timeout', async () => {
    mock.server.enqueue({ stall: true, keepAlive: { intervalMs: 20, comment: 'OPENROUTER PROCESSING' } });
    const stream = await clientFor(mock.server, { idleTimeout: 200 }).chat.completions.create(streamParams);
    const { error } = await drain(stream);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it.each([
    ['empty data: pings', 'data:\n\n'],
    ['text a proxy wrapped as data', 'data: OPENROUTER PROCESSING\n\n'],
    ['a comment a proxy wrapped as data', 'data: : OPENROUTER PROCESSING\n\n'],
  ])('a body that sends only %s still hits the idle timeout', async (_name, ping) => {
    // Pings for longer than the test may run: only a timeout that ignores them can end this call.
    const pings = Array.from({ length: 1_500 }, () => [ping, { pauseMs: 20 }]).flat();
    mock.server.enqueue({
      sse: pings.map((p) => (typeof p === 'string' ? { raw: p } : p)),
      done: false,
      holdOpen: true,
    });
    const stream = await clientFor(mock.server, { idleTimeout: 200 }).chat.completions.create(streamParams);
    const { error, chunks } = await drain(stream);
    expect(chunks).toEqual([]);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toMatch(/idle for 200 ms/);
  });

  it('while real chunks every 50 ms keep a stream with idleTimeout 200 alive for longer', async () => {
    const slow = [
      ...Array.from({ length: 10 }, (_, i) => [chunk({ content: `${i}` }), { pauseMs: 50 }]).flat(),
    ];
    mock.server.enqueue({ sse: [...slow, chunk({ finishReason: 'stop' })] });
    const stream = await clientFor(mock.server, { idleTimeout: 200 }).chat.completions.create(streamParams);
    const { error, chunks } = await drain(stream);
    expect(error).toBeUndefined();
    expect(textOf(chunks)).toBe('0123456789');
  });

  it('a socket reset mid-body (TypeError: terminated) throws APIConnectionError after what arrived', async () => {
    const outcome = await streamOnce(mock.server, {
      sse: [hello[0], { pauseMs: 50 }, hello[1], hello[2]],
      resetAfter: 1,
    });
    expect(textOf(outcome.chunks)).toBe('Hel');
    expect(outcome.error).toBeInstanceOf(APIConnectionError);
    expect((outcome.error as Error).message).toMatch(
      /connection was lost while reading the stream: terminated/,
    );
  });

  it('429 with retry-after-ms is retried', async () => {
    mock.server.enqueue({ error: 429, headers: { 'retry-after-ms': '20' } }, { sse: hello });
    const stream = await clientFor(mock.server, { maxRetries: 2 }).chat.completions.create(streamParams);
    expect(textOf((await drain(stream)).chunks)).toBe('Hello');
    expect(mock.server.requests).toHaveLength(2);
  });

  it('429 with Retry-After as an HTTP date is retried', async () => {
    const date = new Date(Date.now() + 1000).toUTCString();
    mock.server.enqueue({ error: 429, headers: { 'retry-after': date } }, { sse: hello });
    const stream = await clientFor(mock.server, { maxRetries: 1 }).chat.completions.create(streamParams);
    expect(textOf((await drain(stream)).chunks)).toBe('Hello');
    expect(mock.server.requests).toHaveLength(2);
  });

  it('429 with Retry-After over 60 s falls back to backoff instead of waiting', async () => {
    mock.server.enqueue({ error: 429, headers: { 'retry-after': '120' } }, { sse: hello });
    const started = Date.now();
    const stream = await clientFor(mock.server, { maxRetries: 1 }).chat.completions.create(streamParams);
    expect(textOf((await drain(stream)).chunks)).toBe('Hello');
    expect(mock.server.requests).toHaveLength(2);
    // Waiting the 120 s asked for would time the test out long before this.
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('x-should-retry: false on a 500 rejects create() at once', async () => {
    mock.server.enqueue(
      { error: 500, message: 'broken', headers: { 'x-should-retry': 'false' } },
      { sse: hello },
    );
    const created = clientFor(mock.server, { maxRetries: 2 }).chat.completions.create(streamParams);
    await expect(created).rejects.toBeInstanceOf(InternalServerError);
    await expect(created).rejects.toThrow(/broken/);
    expect(mock.server.requests).toHaveLength(1);
  });
});

describe('peers.md §8 — chunk shapes', () => {
  const mock = useMockServer();

  it('role null or "" is dropped, and the message is still the assistant’s', async () => {
    mock.server.enqueue({
      sse: [chunk({ role: null, content: 'a' }), chunk({ role: '', content: 'b', finishReason: 'stop' })],
    });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    const { chunks, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(chunks.map((c) => c.choices[0]?.delta)).toEqual([{ content: 'a' }, { content: 'b' }]);
    expect((await stream.finalCompletion()).choices[0]?.message).toEqual({
      role: 'assistant',
      content: 'ab',
    });
  });

  it('a missing choice index becomes its position', async () => {
    const raw = `data: {"id":"i","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"delta":{"content":"x"},"finish_reason":"stop"}]}\n\n`;
    const outcome = await streamOnce(mock.server, { chunks: [raw, 'data: [DONE]\n\n'] });
    expect(outcome.chunks[0]?.choices[0]?.index).toBe(0);
  });

  it('tool-call deltas without id or type, and a name that comes in a later delta', async () => {
    mock.server.enqueue({
      sse: [
        chunk({ role: 'assistant', toolCalls: [{ index: 0, function: { arguments: '{"q":' } }] }),
        chunk({ toolCalls: [{ index: 0, function: { arguments: '"x"}' } }] }),
        chunk({ toolCalls: [{ index: 0, id: 'call_9', function: { name: 'search' } }] }),
        chunk({ finishReason: 'tool_calls' }),
      ],
    });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    const final = await stream.finalCompletion();
    expect(final.choices[0]?.message.tool_calls).toEqual([
      { id: 'call_9', type: 'function', function: { name: 'search', arguments: '{"q":"x"}' } },
    ]);
  });

  it('usage in a final chunk with empty choices is yielded and kept', async () => {
    const usage = { prompt_tokens: 5, completion_tokens: 2 };
    mock.server.enqueue({ sse: [...hello, chunk({ usage })] });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    const { chunks } = await drain(stream);
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect((await stream.finalCompletion()).usage).toEqual({ ...usage, total_tokens: 7 });
  });
});

describe('peers.md §8 — portability', () => {
  const mock = useMockServer();

  it('calls fetch with `this` unbound (Workers throw "Illegal invocation" otherwise)', async () => {
    mock.server.enqueue({ sse: hello });
    const strictFetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
      return fetch(input, init);
    } as typeof fetch;
    const stream = await clientFor(mock.server, { fetch: strictFetch }).chat.completions.create(streamParams);
    expect(textOf((await drain(stream)).chunks)).toBe('Hello');
  });

  it('sends no custom headers from a browser by default (CORS preflights pass)', async () => {
    mock.server.enqueue({ sse: hello });
    let sent: Headers | undefined;
    const capture: typeof fetch = (input, init) => {
      sent = new Headers(init?.headers);
      return fetch(input, init);
    };
    const context = {
      ...resolveContext({
        baseURL: mock.server.baseURL,
        apiKey: TEST_KEY,
        fetch: capture,
        dangerouslyAllowBrowser: true,
      }),
      browser: true,
    };
    const stream = await createStream(context, streamParams);
    expect(textOf((await drain(stream)).chunks)).toBe('Hello');
    expect([...sent!.keys()].sort()).toEqual(['accept', 'authorization', 'content-type']);
    expect(sent!.get('accept')).toBe('text/event-stream');
  });

  it('streams without TextDecoderStream (Bun lacked it, oven-sh/bun #12459)', async () => {
    const original = globalThis.TextDecoderStream;
    // @ts-expect-error -- simulating a runtime without it
    delete globalThis.TextDecoderStream;
    try {
      expect(textOf((await streamOnce(mock.server, { sse: hello })).chunks)).toBe('Hello');
    } finally {
      globalThis.TextDecoderStream = original;
    }
  });

  it('the streaming code imports nothing runtime-specific (one path for Node, Bun, Deno, browsers, workers)', () => {
    const dir = new URL('../../src/streaming/', import.meta.url);
    const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) {
      // Code only: TSDoc examples may well mention `process.stdout`.
      const source = readFileSync(new URL(name, dir), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(source, name).not.toMatch(/from ['"]node:|require\(|\bBuffer\b|\bprocess\.|\bDeno\b|\bBun\b/);
    }
  });

  it('an error frame at the very start is not retried and keeps its vendor fields', async () => {
    const outcome = await streamOnce(mock.server, {
      chunks: ['data: {"error":{"message":"Budget exceeded","type":"budget_exceeded","code":"402"}}\n\n'],
    });
    expect(outcome.error).toBeInstanceOf(StreamError);
    expect(outcome.error).toMatchObject({ code: '402', type: 'budget_exceeded' });
    expect(mock.server.requests).toHaveLength(1);
  });

  it('a frame carrying the API key back has it masked in the error', async () => {
    const outcome = await streamOnce(mock.server, {
      chunks: [`${frame({ content: 'a' })}data: {"error":{"message":"bad key ${TEST_KEY}"}}\n\n`],
    });
    expect(String(outcome.error)).not.toContain(TEST_KEY);
    expect(JSON.stringify(outcome.error)).not.toContain(TEST_KEY);
    expect((outcome.error as Error).message).toContain('[redacted]');
  });
});
