import { afterEach, describe, expect, it } from 'vitest';
import { createAnyClient } from '../../src/cli/any-client.js';
import {
  APIConnectionTimeoutError,
  APIUserAbortError,
  InternalServerError,
  ResponseValidationError,
} from '../../src/index.js';
import { GiB, type HugeServer, peakRssGrowth, startHugeServer } from './huge-server.js';

// A broken or hostile server may answer with a body that never ends. Non-streamed reads are
// bounded by `maxResponseBytes` (default 64 MiB); streams by `idleTimeout` and the caller's signal.
const MiB = 1024 * 1024;
const ask = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }] };
const JSON_HEAD =
  '{"id":"c","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"';
const A64K = 'a'.repeat(64 * 1024);

let server: HugeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clientFor = (url: string, options: { maxResponseBytes?: number; idleTimeout?: number } = {}) =>
  createAnyClient({
    baseURL: `${url}/v1`,
    apiKey: 'sk-size-test-key',
    maxRetries: 0,
    timeout: 60_000,
    ...options,
  });

const failure = (work: () => Promise<unknown>) =>
  work().then(
    () => undefined,
    (e: unknown) => e,
  );

describe('a 1 GB body on a non-streamed call is refused without reading it all', () => {
  it('declared by Content-Length: refused before reading', async () => {
    const headers = { 'content-type': 'application/json', 'content-length': String(GiB) };
    server = await startHugeServer(200, headers, { head: JSON_HEAD, piece: A64K, limit: GiB });
    const url = server.url;
    const { outcome, growth } = await peakRssGrowth(() =>
      failure(() => clientFor(url).chat.completions.create(ask)),
    );
    expect(outcome).toBeInstanceOf(ResponseValidationError);
    expect((outcome as Error).message).toMatch(/maxResponseBytes/);
    await server.lastClosed;
    expect(server.bytesSent).toBeLessThan(64 * MiB);
    expect(growth).toBeLessThan(128 * MiB);
  });

  it('chunked, with the default 64 MiB limit: stops there, far from 1 GB in memory', async () => {
    server = await startHugeServer(
      200,
      { 'content-type': 'application/json' },
      { head: JSON_HEAD, piece: A64K, limit: GiB },
    );
    const url = server.url;
    const { outcome, growth } = await peakRssGrowth(() =>
      failure(() => clientFor(url).chat.completions.create(ask)),
    );
    expect(outcome).toBeInstanceOf(ResponseValidationError);
    await server.lastClosed;
    expect(server.bytesSent).toBeLessThan(256 * MiB);
    expect(growth).toBeLessThan(512 * MiB);
  });

  it('chunked, with a 1 MiB limit; an error status and a stream request answered with JSON alike', async () => {
    server = await startHugeServer(
      200,
      { 'content-type': 'application/json' },
      { head: JSON_HEAD, piece: A64K, limit: GiB },
    );
    const small = clientFor(server.url, { maxResponseBytes: MiB });
    const { outcome, growth } = await peakRssGrowth(async () => [
      await failure(() => small.chat.completions.create(ask)),
      await failure(() => small.chat.completions.create({ ...ask, stream: true })),
    ]);
    expect(outcome.map((e) => (e as Error).name)).toEqual([
      'ResponseValidationError',
      'ResponseValidationError',
    ]);
    expect(growth).toBeLessThan(64 * MiB);
    await server.close();

    server = await startHugeServer(500, { 'content-type': 'text/html' }, { piece: A64K, limit: GiB });
    const error = await failure(() =>
      clientFor((server as HugeServer).url, { maxResponseBytes: MiB }).chat.completions.create(ask),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.bytesSent).toBeLessThan(64 * MiB);
  });
});

describe('an endless stream cannot grow memory without bound', () => {
  const streamHeaders = { 'content-type': 'text/event-stream' };

  it('keep-alive comments forever: the idle timeout ends it', async () => {
    server = await startHugeServer(200, streamHeaders, { piece: ': keep-alive\n\n', paceMs: 5 });
    const client = clientFor(server.url, { idleTimeout: 300 });
    const started = performance.now();
    const { outcome, growth } = await peakRssGrowth(() =>
      failure(async () => (await client.chat.completions.create({ ...ask, stream: true })).finalCompletion()),
    );
    expect(outcome).toBeInstanceOf(APIConnectionTimeoutError);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(growth).toBeLessThan(64 * MiB);
  });

  it('one event that never ends (no line break, ~13 MB/s): the idle timeout bounds what is buffered', async () => {
    server = await startHugeServer(200, streamHeaders, { head: 'data: {"x":"', piece: A64K, paceMs: 5 });
    const client = clientFor(server.url, { idleTimeout: 1_000 });
    const { outcome, growth } = await peakRssGrowth(() =>
      failure(async () => (await client.chat.completions.create({ ...ask, stream: true })).finalCompletion()),
    );
    expect(outcome).toBeInstanceOf(APIConnectionTimeoutError);
    await server.lastClosed;
    expect(server.bytesSent).toBeLessThan(64 * MiB);
    expect(growth).toBeLessThan(128 * MiB);
  });

  it('valid chunks forever: the caller’s signal ends it, and the server sees the client leave', async () => {
    const frame = `data: {"id":"c","choices":[{"index":0,"delta":{"content":"${'x'.repeat(1000)}"},"finish_reason":null}]}\n\n`;
    server = await startHugeServer(200, streamHeaders, { piece: frame.repeat(16), paceMs: 1 });
    const client = clientFor(server.url, { idleTimeout: 1_000 });
    const signal = AbortSignal.timeout(700);
    let received = 0;
    const { outcome, growth } = await peakRssGrowth(() =>
      failure(async () => {
        for await (const text of (await client.chat.completions.create({ ...ask, stream: true }, { signal }))
          .textStream) {
          received += text.length;
        }
      }),
    );
    expect(outcome).toBeInstanceOf(APIUserAbortError);
    expect(received).toBeGreaterThan(0);
    await server.lastClosed;
    expect(growth).toBeLessThan(256 * MiB);
  });
});
