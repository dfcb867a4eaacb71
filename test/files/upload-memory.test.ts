import { createHash } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { open } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_KEY, caesar, exposeGc, tempFile } from './helpers.js';

const MiB = 1024 * 1024;
const SIZE = 48 * MiB;

/**
 * Measures memory held in ArrayBuffers after a full GC, so garbage V8 has not collected yet is not
 * counted but anything kept alive (a buffered file, a teed body) is. (RSS would mostly measure when
 * V8 chooses to collect.) The mock samples once it has the whole body, before it answers: the
 * moment a client that keeps what it sent holds all of it.
 */
async function measuredServer(options: Parameters<typeof caesar>[0] = {}) {
  const { server, client } = await caesar(options);
  const gc = exposeGc();
  gc();
  const baseline = process.memoryUsage().arrayBuffers;
  const held: number[] = [];
  // The mock keeps the first 4 MiB of each body it records; anything past that is the client's.
  server.route('POST', '/research/files', async (request) => {
    // ArrayBuffers are freed by a concurrent sweeper after the GC: let it finish, then collect again.
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
    gc();
    held.push(process.memoryUsage().arrayBuffers - baseline);
    const part = request.multipart?.find((p) => p.name === 'file');
    return {
      json: {
        id: '9c6f8b1a-2a4f-4a35-86b9-0d0b5e25d5e5',
        file_name: part?.filename,
        size: part?.size,
        sha256: part?.sha256,
      },
    };
  });
  return { server, client, held };
}

/** A file of `SIZE` bytes, written 1 MiB at a time, and its SHA-256. */
async function bigFile(): Promise<{ path: string; sha256: string }> {
  const path = await tempFile('big.bin', '');
  const block = Buffer.alloc(MiB);
  const hash = createHash('sha256');
  const handle = await open(path, 'w');
  for (let i = 0; i < SIZE / MiB; i++) {
    block.fill(i & 0xff);
    hash.update(block);
    await handle.write(block);
  }
  await handle.close();
  return { path, sha256: hash.digest('hex') };
}

describe('uploading from a path does not hold the file in memory', () => {
  it.each([
    ['as a file-backed Blob', {}],
    ['as a stream, with live progress', { onProgress: () => {} }],
  ])('%s', async (_, options) => {
    const inits: RequestInit[] = [];
    const recording: typeof fetch = (input, init) => {
      inits.push(init ?? {});
      return fetch(input, init);
    };
    const { server, client, held } = await measuredServer({ fetch: recording });
    const { path, sha256 } = await bigFile();

    await client.files.upload(path, options);

    expect(held[0]).toBeLessThan(8 * MiB);
    const part = server.requests[0]?.multipart?.find((p) => p.name === 'file');
    expect(part).toMatchObject({ filename: 'big.bin', size: SIZE, sha256 });
    // Node's fetch tees any body it may have to replay on a redirect, keeping all of it: see below.
    expect(inits[0]?.redirect).toBe('error');
  });

  it('while the same measure sees the copy fetch keeps when redirects are followed', async () => {
    const { server, held } = await measuredServer();
    const { path } = await bigFile();
    const form = new FormData();
    form.append('file', await openAsBlob(path), 'big.bin');

    const response = await fetch(`${server.url}/research/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}` },
      body: form,
    });
    expect(await response.json()).toMatchObject({ size: SIZE });
    expect(held[0]).toBeGreaterThan(SIZE * 0.75);
  });
});
