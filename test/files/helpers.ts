import { Buffer } from 'node:buffer';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, expect } from 'vitest';
import { createClient } from '../../src/index.js';
import {
  type CaesarMockOptions,
  caesarMockDialect,
  createMockServer,
  type MockServer,
  type RecordedRequest,
} from '../../src/testing/index.js';

export const API_KEY = 'csk-test-key';
export const COLLECTION_ID = '7d1e4c2a-5b6f-4a3e-9c8d-0e1f2a3b4c5d';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A mock Caesar on 127.0.0.1 and a client of it; both are closed after the test. */
export async function caesar(
  options: { maxRetries?: number; mock?: CaesarMockOptions; fetch?: typeof fetch } = {},
) {
  const server: MockServer = await createMockServer({
    dialect: caesarMockDialect(options.mock),
    apiKey: API_KEY,
  });
  cleanups.push(() => server.close());
  const client = createClient({
    dialect: 'caesar',
    apiKey: API_KEY,
    baseURL: server.baseURL,
    maxRetries: options.maxRetries ?? 0,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return { server, client };
}

/** A file under a fresh temporary directory, removed after the test. */
export async function tempFile(name: string, content: Uint8Array | string): Promise<string> {
  const path = join(await tempDir(), name);
  await writeFile(path, content);
  return path;
}

/** A fresh empty directory, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'chatwire-files-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The boundary of a recorded multipart request; fails unless the content type is exactly ours. */
export function boundaryOf(request: RecordedRequest): string {
  const match = /^multipart\/form-data; boundary=(chatwire-[0-9a-f]{32})$/.exec(
    request.headers['content-type'] ?? '',
  );
  if (!match?.[1]) throw new Error(`unexpected content-type ${request.headers['content-type']}`);
  return match[1];
}

/** Concatenates text (as UTF-8) and bytes: the expected wire body, written out by hand in tests. */
export function wire(...pieces: Array<string | Uint8Array>): Buffer {
  return Buffer.concat(pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece)));
}

/**
 * Asserts two byte sequences are equal. Buffers are compared as latin1 text (one char per byte):
 * vitest's deep equality walks a 150 KB Buffer index by index, which takes a second.
 */
export function expectBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(Buffer.from(actual).toString('latin1')).toBe(Buffer.from(expected).toString('latin1'));
}

/** Test content that would trip a careless framer: CRLFs, dashes, NUL, high bytes, and several chunks' worth. */
export function awkwardBytes(length = 150_000): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 7 + (i >> 8)) & 0xff;
  bytes.set(Buffer.from('%PDF-1.7\r\n--chatwire-\r\n\r\n\u0000'), 0);
  return bytes;
}

/** A stream yielding `bytes` in `size`-byte chunks. */
export function chunkedStream(bytes: Uint8Array, size = 40_000): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

/** A full GC without `--expose-gc` on the command line. */
export function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
