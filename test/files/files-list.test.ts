import { describe, expect, it } from 'vitest';
import { readUploadedFile } from '../../src/files/read-uploaded-file.js';
import { ResponseValidationError } from '../../src/index.js';
import { COLLECTION_ID, caesar } from './helpers.js';

const names = ['a.pdf', 'b.pdf', 'ç.pdf', 'd.pdf', 'e.pdf'];

describe('files.list', () => {
  it('yields every file, fetching page after page only as the loop goes', async () => {
    const { server, client } = await caesar();
    for (const name of names) await client.files.upload(new TextEncoder().encode(name), { filename: name });
    const listings = () => server.requests.filter((request) => request.method === 'GET').map((r) => r.path);

    const listed = [];
    for await (const file of client.files.list({ pageSize: 2 })) listed.push(file);
    expect(listed.map((file) => file.filename)).toEqual(names);
    expect(listed[0]).toEqual({ id: expect.any(String), filename: 'a.pdf', contentType: 'application/pdf' });
    expect(listings()).toEqual([
      '/research/files?page=1&limit=2',
      '/research/files?page=2&limit=2',
      '/research/files?page=3&limit=2',
    ]);

    for await (const _ of client.files.list({ pageSize: 2 })) break;
    expect(listings()).toHaveLength(4);
  });
});

describe('the upload answer, whichever spelling the vendor uses', () => {
  it("reads the guide's { id, filename, size, created_at }, keeping the type that was sent", async () => {
    const { client } = await caesar({ mock: { uploadShape: 'guide' } });
    const file = await client.files.upload(new Blob(['%PDF']), { filename: 'guide.pdf' });
    expect(file).toEqual({
      id: expect.any(String),
      filename: 'guide.pdf',
      contentType: 'application/pdf',
      size: 4,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('reads the reference shape; collection_id null means no collection', () => {
    expect(
      readUploadedFile({ id: 'f1', file_name: 'x.md', content_type: 'text/markdown', collection_id: null }),
    ).toEqual({ id: 'f1', filename: 'x.md', contentType: 'text/markdown' });
    expect(readUploadedFile({ id: 'f1', file_name: 'x.md', collection_id: COLLECTION_ID })).toEqual({
      id: 'f1',
      filename: 'x.md',
      collectionId: COLLECTION_ID,
    });
  });

  it('refuses an answer with no id', () => {
    expect(() => readUploadedFile({ file_name: 'x.md' })).toThrow(ResponseValidationError);
  });
});
