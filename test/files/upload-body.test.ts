import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blobSource, bytesSource } from '../../src/files/blob-source.js';
import { multipartFrame } from '../../src/files/multipart.js';
import { fileStream, pathSource } from '../../src/files/path-source.js';
import { supportsRequestStreams } from '../../src/files/request-streams.js';
import { requireContent, streamSource } from '../../src/files/stream-source.js';
import { createUploadBody, joinBlob } from '../../src/files/upload-body.js';
import { progressReporter } from '../../src/files/upload-progress.js';
import type { UploadProgress } from '../../src/index.js';
import { awkwardBytes, chunkedStream, expectBytes, tempFile, wire } from './helpers.js';

const content = awkwardBytes(200_000);
const frame = multipartFrame({
  file: { field: 'file', filename: 'a.bin', contentType: 'application/octet-stream' },
  boundary: 'chatwire-test',
});
const expected = wire(
  '--chatwire-test\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n',
  'Content-Type: application/octet-stream\r\n\r\n',
  content,
  '\r\n--chatwire-test--\r\n',
);

const bytesOf = async (body: BodyInit): Promise<Uint8Array> =>
  new Uint8Array(await new Response(body).arrayBuffer());

describe('createUploadBody where fetch cannot stream a request body (Firefox, Safari)', () => {
  it('sends a Blob and reports progress once, after the answer', async () => {
    const events: UploadProgress[] = [];
    const upload = await createUploadBody({
      source: bytesSource(content, 'Uint8Array'),
      frame,
      onProgress: (p) => events.push(p),
      streams: false,
    });
    expect(upload.body).toBeInstanceOf(Blob);
    expect(upload).toMatchObject({ replayable: true, streamed: false });
    expectBytes(await bytesOf(upload.body as Blob), expected);
    expect(events).toEqual([]);
    upload.settle();
    expect(events).toEqual([{ loaded: content.length, total: content.length }]);
  });

  it('collects a one-shot stream into a Blob, which can then be retried', async () => {
    const source = await requireContent(streamSource(chunkedStream(content), { kind: 'ReadableStream' }));
    const upload = await createUploadBody({ source, frame, onProgress: undefined, streams: false });
    expect(upload).toMatchObject({ replayable: true, streamed: false });
    expectBytes(await bytesOf(upload.body as Blob), expected);
  });
});

describe('createUploadBody where fetch streams request bodies', () => {
  it('sends a Blob when no live progress is asked for', async () => {
    const upload = await createUploadBody({
      source: blobSource(new Blob([content])),
      frame,
      onProgress: undefined,
      streams: true,
    });
    expect(upload.body).toBeInstanceOf(Blob);
    expect((upload.body as Blob).size).toBe(expected.length);
  });

  it('makes a fresh stream per attempt for a replayable source with no Blob (Node < 19.8 paths)', async () => {
    const path = await tempFile('a.bin', content);
    const source = { ...(await pathSource(path)), toBlob: undefined };
    const upload = await createUploadBody({ source, frame, onProgress: undefined, streams: true });
    expect(typeof upload.body).toBe('function');
    const open = upload.body as () => ReadableStream<Uint8Array>;
    expectBytes(await bytesOf(open()), expected);
    expectBytes(await bytesOf(open()), expected);
  });

  it('hands a one-shot stream over once, not retryable', async () => {
    const source = await requireContent(streamSource(chunkedStream(content), { kind: 'ReadableStream' }));
    const upload = await createUploadBody({ source, frame, onProgress: undefined, streams: true });
    expect(upload).toMatchObject({ replayable: false, streamed: true });
    expect(upload.body).toBeInstanceOf(ReadableStream);
    expectBytes(await bytesOf(upload.body as ReadableStream), expected);
  });
});

describe('fileStream (the path reader without fs.openAsBlob)', () => {
  it('reads the whole file in order', async () => {
    const path = await tempFile('a.bin', content);
    expectBytes(await bytesOf(fileStream(fs, path)), content);
  });

  it('hands out 4 KiB chunks, each a buffer of its own that no later read touches', async () => {
    const path = await tempFile('chunks.bin', content);
    const chunks: Uint8Array[] = [];
    const reader = fileStream(fs, path).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      const chunk = read.value;
      chunks.push(chunk);
      // Transferring one chunk (a byte stream downstream does) must not empty the ones after it.
      if (chunks.length === 1) structuredClone(chunk, { transfer: [chunk.buffer] });
    }
    expect(Math.max(...chunks.map((c) => c.byteLength))).toBe(4096);
    expect(chunks.slice(1).every((c) => c.byteOffset === 0 && c.buffer.byteLength === c.byteLength)).toBe(
      true,
    );
    // Every chunk is read only now, after the whole file went through: nothing was overwritten.
    const rest = chunks.slice(1);
    const joined = new Uint8Array(rest.reduce((n, c) => n + c.byteLength, 0));
    let at = 0;
    for (const chunk of rest) {
      joined.set(chunk, at);
      at += chunk.byteLength;
    }
    expectBytes(joined, content.subarray(4096));
  });

  it('fails with the filesystem error when the file has gone', async () => {
    await expect(bytesOf(fileStream(fs, '/nonexistent/chatwire.bin'))).rejects.toThrow(/ENOENT/);
  });
});

describe('supportsRequestStreams', () => {
  it('is true in Node', () => {
    expect(supportsRequestStreams()).toBe(true);
  });

  it('is false where a stream body is stringified (text/plain), as in Safari', () => {
    class StringifyingRequest extends Request {
      constructor(url: string, init: RequestInit) {
        super(url, { method: init.method ?? 'GET', body: String(init.body) });
      }
    }
    expect(supportsRequestStreams({ Request: StringifyingRequest, ReadableStream } as never)).toBe(false);
  });

  it('is true in Deno and Bun, which stream without asking for `duplex`', () => {
    // Like Deno's and Bun's Request: keeps the stream as the body, never reads `duplex`.
    class NoDuplexRequest extends Request {
      constructor(url: string, init: RequestInit) {
        super(url, { method: init.method ?? 'GET', body: init.body ?? null, duplex: 'half' } as RequestInit);
      }
    }
    const globals = { Request: NoDuplexRequest, ReadableStream };
    expect(supportsRequestStreams({ ...globals, Bun: {} } as never)).toBe(true);
    expect(supportsRequestStreams({ ...globals, Deno: {} } as never)).toBe(true);
    // The same Request in a browser page: no sign it streams, so Blob bodies.
    expect(supportsRequestStreams({ ...globals } as never)).toBe(false);
  });

  it('is false in a browser page unless the caller says the server speaks HTTP/2 (Chromium fails over HTTP/1.1)', () => {
    const page = {
      window: {},
      document: {},
      navigator: { userAgent: 'Mozilla/5.0 (X11; Linux) Chrome/156' },
    };
    const chromium = { Request, ReadableStream, ...page };
    expect(supportsRequestStreams(chromium as never)).toBe(false);
    expect(supportsRequestStreams(chromium as never, true)).toBe(true);
    // A server runtime with browser-like globals (jsdom in Node) still streams.
    const jsdomInNode = { ...chromium, process: { versions: { node: '22.0.0' } } };
    expect(supportsRequestStreams(jsdomInNode as never)).toBe(true);
  });

  it('is false where a stream body throws', () => {
    class Refusing {
      constructor() {
        throw new TypeError('streams unsupported');
      }
    }
    expect(supportsRequestStreams({ Request: Refusing, ReadableStream } as never)).toBe(false);
  });
});

describe('joinBlob', () => {
  it('reads the parts into memory when the runtime drops a Blob inside a Blob (Bun 1.4, fs.openAsBlob)', async () => {
    // A Blob constructor that loses Blob parts, as Bun's does for file-backed ones.
    const Lossy = class extends Blob {
      constructor(parts: BlobPart[]) {
        super(parts.filter((part) => !(part instanceof Blob)));
      }
    } as typeof Blob;
    const file = new Blob([content]);
    const joined = await joinBlob([frame.head, file, frame.tail], Lossy);
    expectBytes(new Uint8Array(await joined.arrayBuffer()), expected);
    // Where the runtime keeps them, the Blob is used as is.
    const kept = await joinBlob([frame.head, file, frame.tail]);
    expectBytes(new Uint8Array(await kept.arrayBuffer()), expected);
  });
});

describe('progressReporter', () => {
  it('reports a retry only once it passes the first attempt, and completes once', () => {
    const events: UploadProgress[] = [];
    const progress = progressReporter((p) => events.push(p), 100);
    const first = progress.attempt();
    first.add(40);
    first.add(30);
    const second = progress.attempt();
    second.add(50);
    second.add(50);
    second.end();
    progress.complete();
    expect(events).toEqual([
      { loaded: 40, total: 100 },
      { loaded: 70, total: 100 },
      { loaded: 100, total: 100 },
    ]);
  });
});

describe('supportsRedirectError', () => {
  it('is true where Request keeps redirect: "error", false where the runtime refuses it (workerd)', async () => {
    const { supportsRedirectError } = await import('../../src/files/request-streams.js');
    expect(supportsRedirectError()).toBe(true);
    class EdgeRequest {
      constructor(_url: string, init: RequestInit) {
        if (init.redirect === 'error')
          throw new TypeError('Invalid redirect value, must be one of "follow" or "manual"');
      }
    }
    expect(supportsRedirectError({ Request: EdgeRequest as unknown as typeof Request })).toBe(false);
  });
});
