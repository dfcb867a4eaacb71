import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/testing/index.js';
import { decode, postChat, readPieces } from './helpers.js';

const hello = { messages: [{ role: 'user', content: 'hello' }] };

describe('reply kinds', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await createMockServer();
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('json: sends the value with its status and headers', async () => {
    server.enqueue({
      json: { id: 'run_1', status: 'queued' },
      status: 202,
      headers: { 'x-request-id': 'req_9' },
    });
    const response = await postChat(server, hello);
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toBe('req_9');
    expect(await response.json()).toEqual({ id: 'run_1', status: 'queued' });
  });

  it('error: sends the dialect error body and the given headers', async () => {
    server.enqueue({
      error: 429,
      message: 'Rate limit reached',
      headers: { 'retry-after-ms': '25', 'retry-after': '1' },
    });
    const response = await postChat(server, hello);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after-ms')).toBe('25');
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toEqual({
      error: { message: 'Rate limit reached', type: 'requests', param: null, code: 'rate_limit_exceeded' },
    });
  });

  it('error: a 5xx defaults to server_error; message, code and a custom body (object or string) apply', async () => {
    server.enqueue(
      { error: 503 },
      { error: 400, message: 'Too long', code: 'context_length_exceeded' },
      { error: 422, body: { detail: [{ msg: 'bad' }] } },
      { error: 500, body: '{oops' },
    );
    expect(await (await postChat(server, hello)).json()).toEqual({
      error: { message: 'Mock error 503', type: 'server_error', param: null, code: null },
    });
    expect(await (await postChat(server, hello)).json()).toEqual({
      error: {
        message: 'Too long',
        type: 'invalid_request_error',
        param: null,
        code: 'context_length_exceeded',
      },
    });
    const unprocessable = await postChat(server, hello);
    expect(unprocessable.status).toBe(422);
    expect(await unprocessable.json()).toEqual({ detail: [{ msg: 'bad' }] });
    expect(await (await postChat(server, hello)).text()).toBe('{oops');
  });

  it('text: sends a raw body with its content type, e.g. an HTML 502', async () => {
    server.enqueue({ text: '<html><body>Bad gateway</body></html>', status: 502, contentType: 'text/html' });
    const response = await postChat(server, hello);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe('<html><body>Bad gateway</body></html>');
  });

  it('chunks: writes each piece separately, even halves of one UTF-8 character', async () => {
    const euro = new TextEncoder().encode('€'); // 3 bytes
    const chunks = ['data: {"a":"', euro.slice(0, 1), euro.slice(1), '"}\r', '\n\r\n'];
    server.enqueue({ chunks, intervalMs: 15 });
    const response = await postChat(server, hello);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const pieces = await readPieces(response);

    expect(pieces.map((piece) => Array.from(piece))).toEqual(
      chunks.map((chunk) => Array.from(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk)),
    );
    expect(decode(pieces[1]!)).toBe('\uFFFD'); // a per-chunk decoder would break the character
    expect(new TextDecoder().decode(Buffer.concat(pieces))).toBe('data: {"a":"€"}\r\n\r\n');
  });

  it('chunks: honours a custom content type', async () => {
    server.enqueue({ chunks: ['{"a":', '1}'], contentType: 'application/x-ndjson' });
    const response = await postChat(server, hello);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    expect(await response.text()).toBe('{"a":1}');
  });
});
