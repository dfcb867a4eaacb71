// peers.md §7: every issue users filed against peers, replayed against the mock vendor.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  ChatCompletionStream,
  RateLimitError,
} from '../../src/index.js';
import { chunk } from '../../src/testing/index.js';
import {
  bodyOf,
  byteByByte,
  bytes,
  clientFor,
  DONE,
  drain,
  drainPieces,
  frame,
  hello,
  settlesWithin,
  streamParams,
  textOf,
} from './helpers.js';
import { streamOnce, useMockServer } from './loopback.js';

describe('peers.md §7 — SSE parsing and decoding', () => {
  const mock = useMockServer();

  it('#1 openai-node #2725: a final event with no trailing blank line is not dropped', async () => {
    const body = `${frame({ content: 'last' })}${frame({}, 'stop').trimEnd()}`;
    mock.server.enqueue({ chunks: [body] });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    const { chunks, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect((await stream.finalCompletion()).choices[0]?.finish_reason).toBe('stop');
  });

  it('#2 openai-node #2309: CR-terminated events are delivered without waiting for more bytes', async () => {
    mock.server.enqueue({ chunks: [`${frame({ content: 'now' })}`.replaceAll('\n', '\r')], holdOpen: true });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    const iterator = stream[Symbol.asyncIterator]();
    const first = await settlesWithin(iterator.next(), 2_000);
    expect(first).not.toBe('pending');
    expect(
      (first as IteratorResult<{ choices: Array<{ delta: { content?: string } }> }>).value?.choices[0]?.delta
        .content,
    ).toBe('now');
    await iterator.return?.();
  });

  it('#2 openai-node #2309: mixed delimiter pairs (\\n\\r\\n, \\r\\n\\n) are recognised', async () => {
    const body = `data: ${frame({ content: 'a' }).slice(6, -2)}\n\r\ndata: ${frame({}, 'stop').slice(6, -2)}\r\n\n${DONE}`;
    const outcome = await streamOnce(mock.server, { chunks: [body] });
    expect(outcome.error).toBeUndefined();
    expect(outcome.chunks).toHaveLength(2);
  });

  it('#3 eventsource-parser #17: a CRLF split across reads does not turn one event into two', async () => {
    const head = 'data: {"id":"x","object":"chat.completion.chunk","created":1,"model":"m",\r';
    const tail = '\ndata: "choices":[{"index":0,"delta":{"content":"one"},"finish_reason":"stop"}]}\r\n\r\n';
    // In memory each piece is its own read; on loopback TCP may merge them.
    for (const outcome of [
      await drainPieces([head, tail, DONE]),
      await streamOnce(mock.server, { chunks: [head, tail, DONE] }),
    ]) {
      expect(outcome.error).toBeUndefined();
      expect(outcome.chunks).toHaveLength(1);
    }
  });

  it('#4 openai-node #1316 / ollama-js #255: multi-byte UTF-8 split over reads decodes intact', async () => {
    const text = 'Grüße, 日本語, 🙂🚀';
    const pieces = byteByByte(bytes(`${frame({ content: text }, 'stop')}${DONE}`));
    for (const outcome of [await drainPieces(pieces), await streamOnce(mock.server, { chunks: pieces })]) {
      expect(textOf(outcome.chunks)).toBe(text);
      expect(textOf(outcome.chunks)).not.toContain('\uFFFD');
    }
  });

  it('#5 opencode #39694: a gateway cutting every read inside CJK characters', async () => {
    const text = '这是一个很长的中文回答，每个字符都是三个字节。'.repeat(20);
    const data = bytes(`${frame({ content: text }, 'stop')}${DONE}`);
    const pieces: Uint8Array[] = [];
    for (let offset = 0; offset < data.byteLength; offset += 7) pieces.push(data.slice(offset, offset + 7));
    for (const outcome of [await drainPieces(pieces), await streamOnce(mock.server, { chunks: pieces })]) {
      expect(textOf(outcome.chunks)).toBe(text);
    }
  });

  it('#6 openai-node #757: U+2028 / U+2029 inside JSON strings are not line breaks', async () => {
    const outcome = await streamOnce(mock.server, {
      chunks: [`${frame({ content: 'a\u2028b\u2029c' }, 'stop')}${DONE}`],
    });
    expect(outcome.error).toBeUndefined();
    expect(textOf(outcome.chunks)).toBe('a\u2028b\u2029c');
  });

  it('#7 llm-gateway #2053: `: OPENROUTER PROCESSING` keep-alives, raw or re-wrapped as data by a proxy', async () => {
    const body = `: OPENROUTER PROCESSING\n\n${frame({ content: 'a' })}data: : OPENROUTER PROCESSING\n\ndata: OPENROUTER PROCESSING\n\n${frame({}, 'stop')}${DONE}`;
    const outcome = await streamOnce(mock.server, { chunks: [body] });
    expect(outcome.error).toBeUndefined();
    expect(textOf(outcome.chunks)).toBe('a');
  });

  it('#8 copilot-api #88: an empty `data:` ping does not crash the stream', async () => {
    const outcome = await streamOnce(mock.server, {
      chunks: [`data:\n\n${frame({ content: 'a' })}data:\n\n${frame({}, 'stop')}${DONE}`],
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.chunks).toHaveLength(2);
  });

  it('#9 freellmapi #1087: `data:{json}` without the space is read', async () => {
    const body = `${frame({ content: 'a' })}${frame({}, 'stop')}${DONE}`.replaceAll('data: ', 'data:');
    const outcome = await streamOnce(mock.server, { chunks: [body] });
    expect(outcome.error).toBeUndefined();
    expect(textOf(outcome.chunks)).toBe('a');
  });

  it('#10 openai-node #1913: a large event in tiny reads is parsed in linear time (no rescanning)', async () => {
    // 512 KiB in 1-byte reads: linear takes about a second; rescanning or re-copying what is
    // buffered on each read (openai-node #1913, #2324) would run for minutes, past the test timeout.
    const big = 'y'.repeat(512 * 1024);
    const { chunks, error } = await drain(
      ChatCompletionStream.fromReadableStream(
        bodyOf(byteByByte(bytes(`${frame({ content: big }, 'stop')}${DONE}`))),
      ),
    );
    expect(error).toBeUndefined();
    expect(chunks[0]?.choices[0]?.delta.content).toHaveLength(big.length);
  });

  it('#11 openai-node #2433: no size cap — a 9 MiB image-like event passes', async () => {
    const image = 'iVBORw0KGgo'.repeat(Math.ceil((9 * 1024 * 1024) / 11));
    const data = bytes(`${frame({ content: '', images: [{ b64: image }] }, 'stop')}${DONE}`);
    const pieces: Uint8Array[] = [];
    for (let offset = 0; offset < data.byteLength; offset += 256 * 1024)
      pieces.push(data.subarray(offset, offset + 256 * 1024));
    const outcome = await streamOnce(mock.server, { chunks: pieces });
    expect(outcome.error).toBeUndefined();
    const images = outcome.chunks[0]?.choices[0]?.delta.images as Array<{ b64: string }> | undefined;
    expect(images?.[0]?.b64).toHaveLength(image.length);
  });
});

describe('peers.md §7 — chunk validation against almost-compatible servers', () => {
  const mock = useMockServer();

  it('#12 vercel/ai #2548 (SGLang role null), MiniMax role "", Workers AI without index', async () => {
    const raw = (choice: string) =>
      `data: {"id":"v","object":"chat.completion.chunk","created":1,"model":"m","choices":[${choice}]}\n\n`;
    const body =
      raw('{"index":0,"delta":{"role":null,"content":"a"},"finish_reason":null}') +
      raw('{"index":0,"delta":{"role":"","content":"b"},"finish_reason":null}') +
      raw('{"delta":{"content":"c"},"finish_reason":"stop"}') +
      DONE;
    const outcome = await streamOnce(mock.server, { chunks: [body] });
    expect(outcome.error).toBeUndefined();
    expect(textOf(outcome.chunks)).toBe('abc');
    expect(outcome.chunks.map((c) => c.choices[0]?.index)).toEqual([0, 0, 0]);
  });

  it('#13 vercel/ai #5350: `type: "function"` only after the arguments', async () => {
    mock.server.enqueue({
      sse: [
        chunk({ toolCalls: [{ index: 0, id: 'call_1', function: { name: 'f', arguments: '{"a"' } }] }),
        chunk({ toolCalls: [{ index: 0, function: { arguments: ':1}' } }] }),
        chunk({ toolCalls: [{ index: 0, type: 'function' }] }),
        chunk({ finishReason: 'tool_calls' }),
      ],
    });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    const final = await stream.finalCompletion();
    expect(final.choices[0]?.message.tool_calls).toEqual([
      { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
    ]);
  });
});

describe('peers.md §7 — runtime portability', () => {
  const mock = useMockServer();

  it('#14 openai-node #1011/#243/#296: no runtime shims — the stream path is plain ESM over web standards', async () => {
    const module = await import('../../src/streaming/chat-completion-stream.js');
    expect(typeof module.ChatCompletionStream.fromReadableStream).toBe('function');
    // Runs on nothing but a web ReadableStream (what Bun, Deno, Workers and browsers all have).
    expect(
      textOf(
        (
          await drain(
            module.ChatCompletionStream.fromReadableStream(bodyOf([frame({ content: 'ok' }, 'stop')])),
          )
        ).chunks,
      ),
    ).toBe('ok');
  });

  it('#15 openai-node #471 (Deno gave only the first chunk): every chunk of a multi-read stream arrives', async () => {
    const sse = Array.from({ length: 30 }, (_, i) => chunk({ content: `${i},` }));
    mock.server.enqueue({ sse: [...sse, chunk({ finishReason: 'stop' })], intervalMs: 2 });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    const { chunks } = await drain(stream);
    expect(chunks).toHaveLength(31);
    expect(textOf(chunks)).toBe(Array.from({ length: 30 }, (_, i) => `${i},`).join(''));
  });

  it('#16 oven-sh/bun #12459: works where TextDecoderStream is missing', async () => {
    const original = globalThis.TextDecoderStream;
    // @ts-expect-error -- simulating a runtime without it
    delete globalThis.TextDecoderStream;
    try {
      expect(textOf((await streamOnce(mock.server, { sse: hello })).chunks)).toBe('Hello');
    } finally {
      globalThis.TextDecoderStream = original;
    }
  });

  it('#17 portkey #241: fetch is called with `this` unbound ("Illegal invocation" on Workers)', async () => {
    mock.server.enqueue({ sse: hello });
    const calls: unknown[] = [];
    const strictFetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      calls.push(this);
      if (this !== undefined) throw new TypeError('Illegal invocation');
      return fetch(input, init);
    } as typeof fetch;
    const stream = await clientFor(mock.server, { fetch: strictFetch }).chat.completions.create(streamParams);
    expect(textOf((await drain(stream)).chunks)).toBe('Hello');
    expect(calls).toEqual([undefined]);
  });

  it('#18 ollama #9236 / #8342: a stream request adds no x-stainless-* or timeout headers', async () => {
    mock.server.enqueue({ sse: hello });
    await drain(await clientFor(mock.server).chat.completions.create(streamParams));
    const names = Object.keys(mock.server.lastRequest!.headers);
    expect(names.filter((n) => n.startsWith('x-'))).toEqual([]);
    expect(mock.server.lastRequest!.headers.accept).toBe('text/event-stream');
  });

  it('#19 workerd #2032: toReadableStream() streams each event as it arrives, not all at the end', async () => {
    mock.server.enqueue({ sse: [hello[0], { pauseMs: 3_000 }, hello[1], hello[2]] });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    const reader = stream.toReadableStream().getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('"content":"Hel"');
    // The upstream is still pausing: the first event did not wait for the rest.
    expect(await settlesWithin(mock.server.lastRequest!.closed, 0)).toBe('pending');
    await reader.cancel();
    await mock.server.lastRequest!.closed;
    expect(mock.server.lastRequest!.closedEarly).toBe(true);
  });
});

describe('peers.md §7 — abort, leaks, timeouts', () => {
  const mock = useMockServer();

  it('#20 qwen-code #4810 / openai-node #279: one long-lived signal gathers no listeners', async () => {
    const controller = new AbortController();
    const client = clientFor(mock.server);
    for (let i = 0; i < 40; i++) {
      mock.server.enqueue(
        i % 4 === 3
          ? { chunks: [`${frame({ content: 'x' })}data: {"error":{"message":"e"}}\n\n`] }
          : { sse: hello },
      );
      const stream = await client.chat.completions.create(streamParams, { signal: controller.signal });
      if (i % 4 === 1) {
        for await (const _ of stream) break;
      } else {
        await drain(stream);
      }
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    }
    const lazy = client.chat.completions.stream(streamParams, { signal: controller.signal });
    mock.server.enqueue({ sse: hello });
    await lazy.finalCompletion();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('#21 openai-node #1825: a stalled body fails after idleTimeout; keep-alives do not reset it', async () => {
    mock.server.enqueue({ sse: [hello[0], { pauseMs: 10_000 }], done: false });
    mock.server.enqueue({ stall: true, keepAlive: { intervalMs: 25 } });
    const client = clientFor(mock.server, { idleTimeout: 200 });
    const first = await drain(await client.chat.completions.create(streamParams));
    expect(textOf(first.chunks)).toBe('Hel');
    expect(first.error).toBeInstanceOf(APIConnectionTimeoutError);
    const second = await drain(await client.chat.completions.create(streamParams));
    expect(second.error).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('#22 openai-node #134 / LocalAI #974: abort() and the caller signal stop the server generating', async () => {
    mock.server.enqueue({ stall: true, keepAlive: { intervalMs: 20 } });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    stream.abort();
    await mock.server.lastRequest!.closed;
    expect(mock.server.lastRequest!.closedEarly).toBe(true);
    expect((await drain(stream)).error).toBeUndefined();

    const controller = new AbortController();
    mock.server.enqueue({ stall: true });
    const second = await clientFor(mock.server).chat.completions.create(streamParams, {
      signal: controller.signal,
    });
    controller.abort();
    await mock.server.lastRequest!.closed;
    expect(mock.server.lastRequest!.closedEarly).toBe(true);
    expect((await drain(second)).error).toBeInstanceOf(APIUserAbortError);
  });

  it('#23 vercel/ai #15430: pending promises on a stalled body settle when the signal aborts', async () => {
    mock.server.enqueue({ sse: [hello[0]], holdOpen: true, done: false });
    const controller = new AbortController();
    const stream = await clientFor(mock.server).chat.completions.create(streamParams, {
      signal: controller.signal,
    });
    const final = stream.finalCompletion();
    expect(await settlesWithin(final, 100)).toBe('pending');
    controller.abort(new Error('user left'));
    await expect(final).rejects.toBeInstanceOf(APIUserAbortError);
    await expect(final).rejects.toMatchObject({ cause: new Error('user left') });
  });
});

describe('peers.md §7 — retries on streaming and mid-stream failures', () => {
  const mock = useMockServer();

  it('#24 langchainjs #4196: a stream cut before its first event is retried', async () => {
    mock.server.enqueue({ sse: [{ pauseMs: 30 }], resetAfter: 0 }, { sse: hello });
    const stream = await clientFor(mock.server, { maxRetries: 1 }).chat.completions.create(streamParams);
    const { chunks, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(textOf(chunks)).toBe('Hello');
    expect(mock.server.requests).toHaveLength(2);
  });

  it('#24 langchainjs #4196: a stream cut after an event reached the caller is not retried', async () => {
    mock.server.enqueue({ sse: [hello[0], { pauseMs: 50 }, hello[1]], resetAfter: 1 }, { sse: hello });
    const stream = await clientFor(mock.server, { maxRetries: 2 }).chat.completions.create(streamParams);
    const { chunks, error } = await drain(stream);
    expect(textOf(chunks)).toBe('Hel');
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(mock.server.requests).toHaveLength(1);
  });

  it('#25 OpenRouter ai-sdk-provider #412: `TypeError: terminated` becomes a typed, retryable APIConnectionError', async () => {
    const outcome = await streamOnce(mock.server, {
      sse: [hello[0], { pauseMs: 50 }, hello[1]],
      resetAfter: 1,
    });
    expect(outcome.error).toBeInstanceOf(APIConnectionError);
    const error = outcome.error as APIConnectionError;
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/terminated/);
    expect((error.cause as Error).name).toBe('TypeError');
  });

  it('also: vercel/ai #4726 — a 429 before the stream starts is an error, never swallowed', async () => {
    mock.server.enqueue({ error: 429, message: 'Rate limit reached', headers: { 'retry-after': '0' } });
    const created = clientFor(mock.server).chat.completions.create(streamParams);
    await expect(created).rejects.toBeInstanceOf(RateLimitError);
    await expect(created).rejects.toThrow(/Rate limit reached/);
  });

  it('also: openai-node #553 — a proxy stream with no assistant-role chunk still works', async () => {
    mock.server.enqueue({ sse: [chunk({ content: 'no role' }), chunk({ finishReason: 'stop' })] });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    expect((await stream.finalCompletion()).choices[0]?.message).toEqual({
      role: 'assistant',
      content: 'no role',
    });
  });
});
