import { describe, expect, it } from 'vitest';
import { multipartFrame } from '../../src/files/multipart.js';
import { streamSource } from '../../src/files/stream-source.js';
import { createUploadBody } from '../../src/files/upload-body.js';
import { APIConnectionTimeoutError, APIUserAbortError, type UploadProgress } from '../../src/index.js';
import { awkwardBytes, caesar, chunkedStream, tempFile } from './helpers.js';

const content = awkwardBytes(300_000);

/** The contract: `loaded` never decreases, no event repeats the one before, and the last is complete. */
function expectWellFormed(events: UploadProgress[], size: number): void {
  expect(events.length).toBeGreaterThan(1);
  for (let i = 1; i < events.length; i++) {
    expect(events[i]!.loaded).toBeGreaterThanOrEqual(events[i - 1]!.loaded);
    expect(events[i]).not.toEqual(events[i - 1]);
  }
  expect(events.at(-1)).toEqual({ loaded: size, total: size });
}

describe('onProgress', () => {
  it('reports a path upload live, chunk by chunk, against the file size', async () => {
    const { server, client } = await caesar();
    const events: UploadProgress[] = [];
    await client.files.upload(await tempFile('a.pdf', content), { onProgress: (p) => events.push(p) });

    expectWellFormed(events, content.length);
    expect(events.every((event) => event.total === content.length)).toBe(true);
    // Live: some event fired while the body was still being sent, not all at the end.
    expect(events[0]!.loaded).toBeLessThan(content.length);
    expect(server.uploads[0]!.size).toBe(content.length);
  });

  it('gives a stream of unknown length its total in the last event', async () => {
    const { client } = await caesar();
    const events: UploadProgress[] = [];
    await client.files.upload(chunkedStream(content, 50_000), {
      filename: 'a.bin',
      onProgress: (p) => events.push(p),
    });

    expectWellFormed(events, content.length);
    expect(events.slice(0, -1).every((event) => event.total === undefined)).toBe(true);
  });

  it('never goes backwards when a retry sends the file again', async () => {
    const { server, client } = await caesar({ maxRetries: 1 });
    server.enqueue({ error: 503, headers: { 'retry-after-ms': '1' } });
    const events: UploadProgress[] = [];
    await client.files.upload(content, { filename: 'a.bin', onProgress: (p) => events.push(p) });

    expect(server.requests).toHaveLength(2);
    expectWellFormed(events, content.length);
  });

  it('an abort or a timeout mid-upload reports no false end (the total stays the file size)', async () => {
    const { client } = await caesar();
    for (const stop of ['abort', 'timeout'] as const) {
      const total = 100_000;
      let sent = 0;
      const slow = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            await new Promise((resolve) => setTimeout(resolve, 20));
            if (sent >= total) return controller.close();
            controller.enqueue(new Uint8Array(10_000));
            sent += 10_000;
          },
        },
        { highWaterMark: 0 },
      );
      const input = new Response(slow, { headers: { 'content-length': String(total) } });
      const controller = new AbortController();
      const events: UploadProgress[] = [];
      const upload = client.files.upload(input, {
        filename: 'slow.pdf',
        onProgress: (p) => events.push(p),
        ...(stop === 'abort' ? { signal: controller.signal } : { timeout: 70 }),
      });
      if (stop === 'abort') setTimeout(() => controller.abort(), 70);
      await expect(upload).rejects.toBeInstanceOf(
        stop === 'abort' ? APIUserAbortError : APIConnectionTimeoutError,
      );
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((event) => event.total === total && event.loaded < total)).toBe(true);
    }
  });

  it('reports the end of a stream input where fetch cannot stream bodies (it was collected first)', async () => {
    const events: UploadProgress[] = [];
    const body = await createUploadBody({
      source: streamSource(chunkedStream(content, 50_000), { kind: 'stream' }),
      frame: multipartFrame({ file: { field: 'file', filename: 'a.bin', contentType: 'x/y' }, fields: {} }),
      onProgress: (p) => events.push(p),
      streams: false,
    });
    expect(body.body).toBeInstanceOf(Blob);
    body.settle();
    expect(events).toEqual([{ loaded: content.length, total: content.length }]);
  });

  it('an error thrown by onProgress fails the upload with that error', async () => {
    const { client } = await caesar();
    const oops = new Error('progress bar broke');
    const upload = client.files.upload(content, {
      filename: 'a.bin',
      onProgress: () => {
        throw oops;
      },
    });
    await expect(upload).rejects.toBe(oops);
  });
});
