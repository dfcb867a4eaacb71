import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caesarMockDialect, createMockServer, type MockServer } from '../../src/testing/index.js';
import { getJson, ISO, postJson, readJson, sha256, UUID } from './vendor-helpers.js';

const BOUNDARY = 'chatwire-test-boundary';

/** A multipart body sent as a stream (chunked, no Content-Length), `size` bytes of file content. */
const streamedUpload = (url: string, filename: string, size: number, piece = 64 * 1024) => {
  const encoder = new TextEncoder();
  const content = new Uint8Array(size).map((_, index) => (index * 31) % 251);
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const tail = `\r\n--${BOUNDARY}--\r\n`;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(head));
      for (let at = 0; at < size; at += piece) controller.enqueue(content.slice(at, at + piece));
      controller.enqueue(encoder.encode(tail));
      controller.close();
    },
  });
  const init = {
    method: 'POST',
    body,
    duplex: 'half',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
  return { content, response: fetch(url, init as RequestInit) };
};

describe('mock caesar: files', () => {
  let server: MockServer;
  const upload = (form: FormData) => fetch(`${server.url}/research/files`, { method: 'POST', body: form });
  beforeAll(async () => {
    server = await createMockServer({ dialect: 'caesar' });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('accepts multipart field file + collection_id and records the file as it arrived', async () => {
    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.7 report'], { type: 'application/pdf' }), 'résumé – 報告.pdf');
    form.append('collection_id', 'col-1');
    const { status, body } = await readJson(await upload(form));
    expect(status).toBe(200);
    expect(body).toEqual({
      id: expect.stringMatching(UUID),
      file_name: 'résumé – 報告.pdf',
      content_type: 'application/pdf',
      collection_id: 'col-1',
    });
    expect(server.uploads).toHaveLength(1);
    const [file] = server.uploads;
    expect(file).toMatchObject({
      id: body.id,
      filename: 'résumé – 報告.pdf',
      contentType: 'application/pdf',
      collectionId: 'col-1',
      size: 15,
      sha256: sha256('%PDF-1.7 report'),
      chunked: false,
    });
    expect(new TextDecoder().decode(file!.bytes)).toBe('%PDF-1.7 report');
    expect(file!.request).toBe(server.lastRequest);
    expect(server.lastRequest!.multipart!.map((part) => part.name)).toEqual(['file', 'collection_id']);
  });

  it('measures a streamed upload larger than the recording limit without keeping it', async () => {
    const size = 5 * 1024 * 1024 + 3;
    const { content, response } = streamedUpload(`${server.url}/research/files`, 'big.bin', size);
    const { body } = await readJson(await response);
    expect(body).toMatchObject({
      file_name: 'big.bin',
      content_type: 'application/octet-stream',
      collection_id: null,
    });
    const [file] = server.uploads;
    expect(file).toMatchObject({ size, sha256: sha256(content), chunked: true, bytes: undefined });
    expect(server.lastRequest!.headers['transfer-encoding']).toBe('chunked');
    expect(server.lastRequest!.bodyTruncated).toBe(true);
    expect(server.lastRequest!.body.byteLength).toBe(4 * 1024 * 1024);
  });

  it('keeps every byte of a streamed upload under maxRecordedBodyBytes', async () => {
    const roomy = await createMockServer({ dialect: 'caesar', maxRecordedBodyBytes: 1024 * 1024 });
    try {
      const { content, response } = streamedUpload(`${roomy.url}/research/files`, 'small.bin', 70_000, 1000);
      await response;
      expect(roomy.uploads[0]!.bytes).toEqual(content);
    } finally {
      await roomy.close();
    }
  });

  it('answers 400 without a file field or a multipart body', async () => {
    const form = new FormData();
    form.append('collection_id', 'x');
    expect((await readJson(await upload(form))).body).toEqual({
      error: 'Body is missing required field "file"',
    });
    const json = await readJson(await postJson(`${server.url}/research/files`, { file: 'x' }));
    expect(json.status).toBe(400);
    expect(server.uploads).toHaveLength(0);
  });

  it('pages GET /research/files with { data, pagination: { page, limit, has_next, total } }', async () => {
    for (const name of ['a.txt', 'b.txt', 'c.txt']) {
      const form = new FormData();
      form.append('file', new Blob([name], { type: 'text/plain' }), name);
      await (await upload(form)).text();
    }
    const first = await getJson(`${server.url}/research/files?page=1&limit=2`);
    expect(first.body.pagination).toEqual({ page: 1, limit: 2, has_next: true, total: 3 });
    expect(first.body.data.map((file: { file_name: string }) => file.file_name)).toEqual(['a.txt', 'b.txt']);
    const second = await getJson(`${server.url}/research/files?page=2&limit=2`);
    expect(second.body).toMatchObject({ data: [{ file_name: 'c.txt' }], pagination: { has_next: false } });
    const bad = await getJson(`${server.url}/research/files?limit=500`);
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'INVALID_PAGINATION' } } });
  });

  it("answers in the guide's { id, filename, size, created_at } spelling with uploadShape 'guide'", async () => {
    const guide = await createMockServer({ dialect: caesarMockDialect({ uploadShape: 'guide' }) });
    try {
      const form = new FormData();
      form.append('file', new Blob(['12345']), 'five.txt');
      const { body } = await readJson(
        await fetch(`${guide.url}/research/files`, { method: 'POST', body: form }),
      );
      expect(body).toEqual({
        id: expect.stringMatching(UUID),
        filename: 'five.txt',
        size: 5,
        created_at: expect.stringMatching(ISO),
      });
    } finally {
      await guide.close();
    }
  });
});
