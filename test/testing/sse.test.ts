import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chunk, createMockServer, type MockServer, sseEncode } from '../../src/testing/index.js';
import { decode, postChat, readPieces, settlesWithin } from './helpers.js';

const hello = { messages: [{ role: 'user', content: 'hello' }] };

describe('sse replies', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await createMockServer();
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('frames values as data: JSON events and ends with [DONE], with SSE headers', async () => {
    server.enqueue({ sse: [chunk({ content: 'Hi' }), { n: 2 }], headers: { 'x-request-id': 'req_s' } });
    const response = await postChat(server, hello);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-request-id')).toBe('req_s');
    expect(await response.text()).toBe(
      `data: ${JSON.stringify(chunk({ content: 'Hi' }))}\n\ndata: {"n":2}\n\ndata: [DONE]\n\n`,
    );
  });

  it('leaves out [DONE] when done is false', async () => {
    server.enqueue({ sse: [{ n: 1 }], done: false });
    expect(await (await postChat(server, hello)).text()).toBe('data: {"n":1}\n\n');
  });

  it.each([
    ['\r\n', 'data: {"n":1}\r\n\r\n: ping\r\n\r\ndata: [DONE]\r\n\r\n'],
    ['\r', 'data: {"n":1}\r\r: ping\r\rdata: [DONE]\r\r'],
  ] as const)('uses lineEnding %j in every frame', async (lineEnding, expected) => {
    server.enqueue({ sse: [{ n: 1 }, { comment: 'ping' }], lineEnding });
    expect(await (await postChat(server, hello)).text()).toBe(expected);
  });

  it('writes comment, event, raw and bytes frames, and keeps payloads that only look like frames', async () => {
    const snowman = new TextEncoder().encode('☃');
    server.enqueue({
      sse: [
        { comment: 'OPENROUTER PROCESSING' },
        { event: 'error', data: '{"error":{"message":"bad"}}' },
        { data: 'line 1\nline 2', id: '7' },
        { raw: 'data:{"nospace":true}\n\n' },
        { raw: snowman.slice(0, 2) },
        { raw: snowman.slice(2) },
        { success: true, data: { uid: 'x' } },
      ],
      done: false,
    });
    expect(await (await postChat(server, hello)).text()).toBe(
      ': OPENROUTER PROCESSING\n\n' +
        'event: error\ndata: {"error":{"message":"bad"}}\n\n' +
        'id: 7\ndata: line 1\ndata: line 2\n\n' +
        'data:{"nospace":true}\n\n' +
        '☃' +
        'data: {"success":true,"data":{"uid":"x"}}\n\n',
    );
  });

  it('sends the same bytes sseEncode produces', async () => {
    const items = [chunk({ role: 'assistant' }), { comment: 'k' }, chunk({ finishReason: 'stop' })];
    server.enqueue({ sse: items, lineEnding: '\r\n' });
    const text = await (await postChat(server, hello)).text();
    expect(text).toBe(sseEncode(items, { lineEnding: '\r\n' }));
  });

  it('spaces frames by intervalMs and waits on pause frames', async () => {
    server.enqueue({ sse: [{ n: 1 }, { pauseMs: 80 }, { n: 2 }], intervalMs: 40, done: false });
    const response = await postChat(server, hello);
    const reader = response.body!.getReader();
    const first = await reader.read();
    const started = performance.now();
    expect(decode(first.value!)).toBe('data: {"n":1}\n\n');
    const second = await reader.read();
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    expect(decode(second.value!)).toBe('data: {"n":2}\n\n');
    expect((await reader.read()).done).toBe(true);
  });

  it('holdOpen keeps the body open after [DONE] until the client leaves', async () => {
    server.enqueue({ sse: [{ n: 1 }], holdOpen: true });
    const response = await postChat(server, hello);
    const reader = response.body!.getReader();
    let text = '';
    while (!text.endsWith('data: [DONE]\n\n')) text += decode((await reader.read()).value!);
    expect(await settlesWithin(reader.read(), 100)).toBe('pending');

    const request = server.lastRequest!;
    expect(await settlesWithin(request.closed, 0)).toBe('pending');
    await reader.cancel();
    await request.closed;
    expect(request.closedEarly).toBe(true);
  });

  it('a stream that ends normally is not closedEarly', async () => {
    server.enqueue({ sse: [{ n: 1 }] });
    expect(await readPieces(await postChat(server, hello))).not.toHaveLength(0);
    await server.lastRequest!.closed;
    expect(server.lastRequest!.closedEarly).toBe(false);
  });
});
