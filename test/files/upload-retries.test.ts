import { describe, expect, it } from 'vitest';
import { APIError, APIUserAbortError, type UploadInput, type UploadOptions } from '../../src/index.js';
import { awkwardBytes, caesar, chunkedStream, tempFile } from './helpers.js';

const content = awkwardBytes(120_000);
const unavailable = { error: 503, headers: { 'retry-after-ms': '1' } } as const;

describe('a replayable upload is retried with the same bytes', () => {
  it.each<[string, () => UploadInput | Promise<UploadInput>, UploadOptions]>([
    ['Blob', () => new Blob([content]), { filename: 'a.bin' }],
    ['Uint8Array', () => content, { filename: 'a.bin' }],
    ['path', () => tempFile('a.bin', content), {}],
    // Streamed for live progress, re-opened for each attempt.
    ['path with onProgress', () => tempFile('a.bin', content), { onProgress: () => {} }],
    ['Uint8Array with onProgress', () => content, { filename: 'a.bin', onProgress: () => {} }],
  ])('%s', async (_, make, options) => {
    const { server, client } = await caesar({ maxRetries: 2 });
    server.enqueue(unavailable, unavailable);
    const file = await client.files.upload(await make(), options);

    expect(server.requests).toHaveLength(3);
    const [first, second, third] = server.requests;
    expect(first!.bodySize).toBe(third!.bodySize);
    expect(second!.bodySize).toBe(third!.bodySize);
    expect(server.uploads).toHaveLength(1);
    expect(server.uploads[0]!.size).toBe(content.length);
    expect(file.id).toBe(server.uploads[0]!.id);
  });
});

describe('a one-shot upload is never retried', () => {
  it.each<[string, () => UploadInput]>([
    ['ReadableStream', () => chunkedStream(content)],
    ['Response', () => new Response(content)],
    [
      'async iterable',
      () =>
        (async function* () {
          yield content;
        })(),
    ],
  ])('%s', async (_, make) => {
    const { server, client } = await caesar({ maxRetries: 2 });
    server.enqueue(unavailable);
    const error = await client.files.upload(make(), { filename: 'a.bin' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });
});

describe('a failing input', () => {
  it('rejects with the input’s own error, not a network error', async () => {
    const { server, client } = await caesar({ maxRetries: 2 });
    const broken = new Error('disk went away');
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (++pulls > 2) return controller.error(broken);
        controller.enqueue(content.subarray(0, 1000));
      },
    });
    await expect(client.files.upload(stream, { filename: 'a.bin' })).rejects.toBe(broken);
    expect(server.uploads).toHaveLength(0);
  });

  it('an abort mid-upload rejects with APIUserAbortError and cancels the input', async () => {
    const { client } = await caesar();
    const controller = new AbortController();
    let cancelled: unknown;
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      async pull(c) {
        if (++pulls === 3) controller.abort();
        // The first chunk is peeked before sending; the rest trickles until the abort.
        await new Promise((resolve) => setTimeout(resolve, 5));
        c.enqueue(content.subarray(0, 1000));
      },
      cancel(reason) {
        cancelled = reason ?? 'cancelled';
      },
    });
    await expect(
      client.files.upload(stream, { filename: 'a.bin', signal: controller.signal }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cancelled).toBeDefined();
  });
});
