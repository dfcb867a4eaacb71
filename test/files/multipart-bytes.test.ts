import { createReadStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { UploadInput, UploadOptions } from '../../src/index.js';
import {
  API_KEY,
  awkwardBytes,
  boundaryOf,
  COLLECTION_ID,
  caesar,
  chunkedStream,
  expectBytes,
  tempFile,
  wire,
} from './helpers.js';

const content = awkwardBytes();

interface Case {
  name: string;
  input: () => UploadInput | Promise<UploadInput>;
  options?: UploadOptions;
  /** The filename exactly as it must appear between the quotes on the wire. */
  wireName: string;
  /** The filename the mock server decoded back from the wire. */
  storedName?: string;
  contentType: string;
  /** Content of known size declares Content-Length (a Blob, or a stream with its length); other streams go chunked. */
  chunked: boolean;
}

const cases: Case[] = [
  {
    name: 'Blob, Unicode name from the option, type from the Blob',
    input: () => new Blob([content], { type: 'application/pdf' }),
    options: { filename: 'Résumé – 2025 📄.pdf' },
    wireName: 'Résumé – 2025 📄.pdf',
    contentType: 'application/pdf',
    chunked: false,
  },
  {
    name: 'File, its own name with quotes escaped as browsers do',
    input: () => new File([content], 'naïve "quoted" notes.txt', { type: 'text/plain' }),
    wireName: 'naïve %22quoted%22 notes.txt',
    storedName: 'naïve "quoted" notes.txt',
    contentType: 'text/plain',
    chunked: false,
  },
  {
    name: 'Uint8Array, type from the extension',
    input: () => content,
    options: { filename: 'données.csv' },
    wireName: 'données.csv',
    contentType: 'text/csv',
    chunked: false,
  },
  {
    name: 'ArrayBuffer, the contentType option wins, CR and LF escaped',
    input: () => content.slice().buffer,
    options: { filename: 'two\r\nlines.bin', contentType: 'application/x-custom; v=1' },
    wireName: 'two%0D%0Alines.bin',
    storedName: 'two\r\nlines.bin',
    contentType: 'application/x-custom; v=1',
    chunked: false,
  },
  {
    name: 'an upper-case extension still gives the type',
    input: () => content,
    options: { filename: 'SCAN.PDF' },
    wireName: 'SCAN.PDF',
    contentType: 'application/pdf',
    chunked: false,
  },
  {
    name: 'ReadableStream',
    input: () => chunkedStream(content),
    options: { filename: '報告.md' },
    wireName: '報告.md',
    contentType: 'text/markdown',
    chunked: true,
  },
  {
    name: 'Response built in memory, type from its header',
    input: () => new Response(content, { headers: { 'content-type': 'application/pdf' } }),
    options: { filename: 'from-response.pdf' },
    wireName: 'from-response.pdf',
    contentType: 'application/pdf',
    chunked: true,
  },
  {
    name: 'async iterable of Buffers',
    input: () =>
      (async function* () {
        for (let i = 0; i < content.length; i += 25_000) yield Buffer.from(content.subarray(i, i + 25_000));
      })(),
    options: { filename: 'generated.json' },
    wireName: 'generated.json',
    contentType: 'application/json',
    chunked: true,
  },
  {
    name: 'fs.ReadStream, named after its path',
    input: async () => createReadStream(await tempFile('Отчёт по рынку.docx', content)),
    wireName: 'Отчёт по рынку.docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    chunked: true,
  },
  {
    name: 'path string, named by its base name',
    input: () => tempFile('Quarterly report (final).pdf', content),
    wireName: 'Quarterly report (final).pdf',
    contentType: 'application/pdf',
    chunked: false,
  },
  {
    name: 'file: URL, named by its decoded last segment',
    input: async () => pathToFileURL(await tempFile('été 100%.txt', content)),
    wireName: 'été 100%.txt',
    contentType: 'text/plain',
    chunked: false,
  },
  {
    name: 'path with live progress: streamed, with its length declared',
    input: () => tempFile('slides.pptx', content),
    options: { onProgress: () => {} },
    wireName: 'slides.pptx',
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    chunked: false,
  },
];

describe('files.upload sends exactly these multipart bytes', () => {
  it.each(cases)('$name', async (test) => {
    const { server, client } = await caesar();
    const file = await client.files.upload(await test.input(), test.options);

    const request = server.requests[0]!;
    const boundary = boundaryOf(request);
    expectBytes(
      request.body,
      wire(
        `--${boundary}\r\n`,
        `Content-Disposition: form-data; name="file"; filename="${test.wireName}"\r\n`,
        `Content-Type: ${test.contentType}\r\n`,
        '\r\n',
        content,
        `\r\n--${boundary}--\r\n`,
      ),
    );
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/research/files');
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.headers['transfer-encoding'] === 'chunked').toBe(test.chunked);
    if (!test.chunked) expect(request.headers['content-length']).toBe(String(request.bodySize));
    expect(server.uploads[0]!.filename).toBe(test.storedName ?? test.wireName);
    expect(file).toEqual({
      id: server.uploads[0]!.id,
      filename: test.storedName ?? test.wireName,
      contentType: test.contentType,
    });
  });

  it('puts collection_id before the file, so a streaming parser meets it first', async () => {
    const { server, client } = await caesar();
    const path = await tempFile('a.pdf', content);
    const file = await client.files.upload(path, { collectionId: COLLECTION_ID });

    const request = server.requests[0]!;
    const boundary = boundaryOf(request);
    expectBytes(
      request.body,
      wire(
        `--${boundary}\r\nContent-Disposition: form-data; name="collection_id"\r\n\r\n${COLLECTION_ID}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n`,
        'Content-Type: application/pdf\r\n\r\n',
        content,
        `\r\n--${boundary}--\r\n`,
      ),
    );
    expect(server.uploads[0]!.collectionId).toBe(COLLECTION_ID);
    expect(file.collectionId).toBe(COLLECTION_ID);
  });

  it('names a fetched Response after its URL and types it from its header', async () => {
    const { server, client } = await caesar();
    server.route('GET', '/docs/r%C3%A9sum%C3%A9.pdf', {
      text: 'PDF bytes',
      headers: { 'content-type': 'application/pdf' },
    });
    const fetched = await fetch(`${server.url}/docs/r%C3%A9sum%C3%A9.pdf`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    const file = await client.files.upload(fetched);

    expect(file).toMatchObject({ filename: 'résumé.pdf', contentType: 'application/pdf' });
    expect(server.uploads[0]).toMatchObject({ filename: 'résumé.pdf', size: 9 });
  });

  it('uses a fresh random boundary for every upload', async () => {
    const { server, client } = await caesar();
    await client.files.upload(content, { filename: 'a.bin' });
    await client.files.upload(content, { filename: 'a.bin' });
    expect(boundaryOf(server.requests[0]!)).not.toBe(boundaryOf(server.requests[1]!));
  });
});
