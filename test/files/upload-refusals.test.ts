import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient, InvalidRequestError, type UploadInput, type UploadOptions } from '../../src/index.js';
import { scriptedFetch } from '../helpers/scripted-fetch.js';
import { caesar, chunkedStream, tempDir, tempFile } from './helpers.js';

const bytes = new TextEncoder().encode('hello');

/** Uploads against a live mock and expects an InvalidRequestError matching `message`, with nothing sent. */
async function refused(input: UploadInput, options: UploadOptions | undefined, message: RegExp) {
  const { server, client } = await caesar();
  const error = await client.files.upload(input, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidRequestError);
  expect((error as Error).message).toMatch(message);
  expect(server.requests).toHaveLength(0);
  return error as InvalidRequestError;
}

describe('files.upload refuses an empty file before sending', () => {
  it.each<[string, () => UploadInput | Promise<UploadInput>]>([
    ['Blob', () => new Blob([])],
    ['Uint8Array', () => new Uint8Array(0)],
    ['ArrayBuffer', () => new ArrayBuffer(0)],
    ['ReadableStream', () => new ReadableStream({ start: (c) => c.close() })],
    ['stream of empty chunks', () => chunkedStream(new Uint8Array(0))],
    ['async iterable', () => (async function* () {})()],
    ['Response without a body', () => new Response(null)],
    ['Response with an empty body', () => new Response('')],
    ['path', () => tempFile('empty.pdf', '')],
  ])('%s', async (_, make) => {
    const error = await refused(await make(), { filename: 'x.pdf' }, /empty/);
    expect(error.issues).toEqual([{ path: 'input', message: 'must not be empty' }]);
  });
});

describe('files.upload refuses a file it cannot name', () => {
  it.each<[string, () => UploadInput]>([
    ['Uint8Array', () => bytes],
    ['Blob', () => new Blob([bytes])],
    ['ReadableStream', () => chunkedStream(bytes)],
    [
      'async iterable',
      () =>
        (async function* () {
          yield bytes;
        })(),
    ],
  ])('%s', async (_, make) => {
    const error = await refused(make(), undefined, /filename: 'report\.pdf'/);
    expect(error.issues[0]?.path).toBe('filename');
  });

  it('a File whose own name is blank', async () => {
    const error = await refused(new File([bytes], ' '), undefined, /no file name/);
    expect(error.issues[0]?.path).toBe('filename');
  });

  it('and leaves a refused stream unread, to retry with a name', async () => {
    const stream = chunkedStream(bytes);
    await refused(stream, undefined, /no file name/);
    const { value } = await stream.getReader().read();
    expect(value).toEqual(bytes);
  });

  it('refuses an empty filename option', async () => {
    await refused(new File([bytes], 'a.txt'), { filename: ' ' }, /`filename` must be a non-empty string/);
  });

  it('refuses an onProgress that is not a function, before any byte is sent', async () => {
    await refused(
      new File([bytes], 'a.txt'),
      { onProgress: 'x' as never },
      /`onProgress` must be a function/,
    );
  });
});

describe('files.upload refuses bad options and inputs', () => {
  it.each<[string, UploadInput | (() => Promise<UploadInput>), UploadOptions | undefined, RegExp]>([
    [
      'a collectionId that is not a UUID',
      bytes,
      { filename: 'a', collectionId: 'docs' },
      /not a collection UUID/,
    ],
    [
      'a header-splitting contentType',
      bytes,
      { filename: 'a', contentType: 'text/plain\r\nX-Evil: 1' },
      /media type/,
    ],
    ['an http URL', new URL('https://example.com/a.pdf'), undefined, /only file: URLs.*fetch\(url\)/],
    ['a number', 42 as never, { filename: 'a' }, /expected a Blob.*got number/],
    ['a plain object', { data: 'x' } as never, { filename: 'a' }, /got Object/],
    ['a missing path', join(tmpdir(), 'chatwire-no-such-file.pdf'), undefined, /cannot read .*ENOENT/],
    ['a directory', tempDir, undefined, /not a regular file/],
    ['a failed Response', new Response('Not found', { status: 404 }), { filename: 'a' }, /status 404/],
    ['a locked stream', lockedStream(), { filename: 'a' }, /already being read/],
    ['a stream of strings', textStream(), { filename: 'a' }, /yielded a string.*Uint8Array/],
  ])('%s', async (_, input, options, message) => {
    await refused(typeof input === 'function' ? await input() : input, options, message);
  });

  it('refuses a Response whose body was read', async () => {
    const response = new Response('used');
    await response.text();
    await refused(response, { filename: 'a' }, /already read/);
  });
});

describe('the file store is Caesar-only', () => {
  it.each(['openai', 'bifrost'] as const)(
    '%s refuses upload, list and collections with nothing sent',
    async (dialect) => {
      const { fetch, calls } = scriptedFetch(new Error('must not be called'));
      const client = createClient({ dialect, apiKey: 'sk-test', baseURL: 'http://127.0.0.1:9', fetch });
      await expect(client.files.upload(bytes, { filename: 'a.txt' })).rejects.toThrow(/caesar dialect/);
      await expect(client.files.list()[Symbol.asyncIterator]().next()).rejects.toThrow(InvalidRequestError);
      await expect(client.collections.create({ name: 'x' })).rejects.toThrow(/caesar dialect/);
      expect(calls).toHaveLength(0);
    },
  );
});

function lockedStream(): ReadableStream<Uint8Array> {
  const stream = chunkedStream(bytes);
  stream.getReader();
  return stream;
}

function textStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue('text' as never);
      controller.close();
    },
  });
}
