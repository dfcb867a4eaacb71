import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../src/index.js';
import { caesar } from './helpers.js';

describe('collections', () => {
  it('create, retrieve, update and list, in Caesar’s own shape', async () => {
    const { server, client } = await caesar();
    const created = await client.collections.create({ name: 'Q3 filings', description: '10-Q and 8-K' });
    expect(created).toMatchObject({ name: 'Q3 filings', description: '10-Q and 8-K' });
    expect(server.lastRequest?.json).toEqual({ name: 'Q3 filings', description: '10-Q and 8-K' });

    expect(await client.collections.retrieve(created.id)).toEqual(created);

    const updated = await client.collections.update(created.id, { description: null });
    expect(updated).toMatchObject({ id: created.id, name: 'Q3 filings', description: null });
    expect(server.lastRequest).toMatchObject({
      method: 'PATCH',
      path: `/research/collections/${created.id}`,
    });

    await client.collections.create({ name: 'Second' });
    await client.collections.create({ name: 'Third' });
    const names = [];
    for await (const collection of client.collections.list({ pageSize: 2 })) names.push(collection.name);
    expect(names).toEqual(['Q3 filings', 'Second', 'Third']);
    expect(
      server.requests.filter((r) => r.path.startsWith('/research/collections?')).map((r) => r.path),
    ).toEqual(['/research/collections?page=1&limit=2', '/research/collections?page=2&limit=2']);
  });

  it('files uploaded into a collection carry its id', async () => {
    const { server, client } = await caesar();
    const collection = await client.collections.create({ name: 'Docs' });
    const file = await client.files.upload(new Blob(['x']), {
      filename: 'x.txt',
      collectionId: collection.id,
    });
    expect(file.collectionId).toBe(collection.id);
    expect(server.uploads[0]!.collectionId).toBe(collection.id);
  });

  it.each([
    [
      'create without a name',
      (c: Client) => c.collections.create({ name: '' }),
      /name must be a non-empty string/,
    ],
    ['update with nothing to change', (c: Client) => c.collections.update('id', {}), /give `name` and\/or/],
    [
      'update with a non-string description',
      (c: Client) => c.collections.update('id', { description: 3 as never }),
      /description must be a string or null/,
    ],
  ])('refuses %s before sending', async (_, call, message) => {
    const { server, client } = await caesar();
    const error = await call(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });
});

type Client = Awaited<ReturnType<typeof caesar>>['client'];
