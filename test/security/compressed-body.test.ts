// A compressed body's Content-Length is its size on the wire; fetch hands over the inflated bytes.
// maxResponseBytes bounds what is read, so a small gzip that inflates past it is refused too.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIError, createClient, ResponseValidationError } from '../../src/index.js';

const MiB = 1024 * 1024;
const inflated = (status: number) =>
  JSON.stringify({
    ...(status === 200 ? {} : { error: { message: 'x' } }),
    id: 'c',
    object: 'chat.completion',
    created: 1,
    model: 'm',
    choices: [
      { index: 0, message: { role: 'assistant', content: 'a'.repeat(4 * MiB) }, finish_reason: 'stop' },
    ],
  });

let server: Server;
let baseURL = '';
beforeAll(async () => {
  const bodies = new Map([200, 500].map((status) => [status, gzipSync(inflated(status))]));
  server = createServer((request, response) => {
    const status = request.url?.includes('fail') ? 500 : 200;
    const body = bodies.get(status)!;
    response.writeHead(status, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'content-length': String(body.byteLength),
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ask = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }] };

describe('a gzip body that inflates past maxResponseBytes', () => {
  it('is refused on a 200, though its Content-Length is far below the limit', async () => {
    const client = createClient({ baseURL, apiKey: 'sk-gzip-test', maxRetries: 0, maxResponseBytes: MiB });
    const error = await client.chat.completions.create(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toMatch(/larger than maxResponseBytes/);
  });

  it('is read whole when the limit allows it', async () => {
    const client = createClient({
      baseURL,
      apiKey: 'sk-gzip-test',
      maxRetries: 0,
      maxResponseBytes: 8 * MiB,
    });
    const completion = await client.chat.completions.create(ask);
    expect(completion.choices[0]?.message.content).toHaveLength(4 * MiB);
  });

  it('bounds an error body the same way (its text is dropped, the status still typed)', async () => {
    const client = createClient({
      baseURL: `${baseURL}/fail`,
      apiKey: 'sk-gzip-test',
      maxRetries: 0,
      maxResponseBytes: MiB,
    });
    const error = await client.chat.completions.create(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(500);
    expect(JSON.stringify((error as APIError).body ?? '').length).toBeLessThan(MiB);
  });
});
