import { describe, expect, it } from 'vitest';
import type { UploadProgress } from '../../src/index.js';
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
