import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/testing/index.js';
import { getJson, ISO, postJson, readJson, UUID } from './vendor-helpers.js';

describe('mock caesar: collections', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await createMockServer({ dialect: 'caesar' });
  });
  afterAll(() => server.close());

  it('creates, retrieves, updates and lists collections; unknown ids are 404', async () => {
    const created = await readJson(await postJson(`${server.url}/research/collections`, { name: 'Reports' }));
    expect(created.body).toEqual({
      id: expect.stringMatching(UUID),
      name: 'Reports',
      description: null,
      created_at: expect.stringMatching(ISO),
      updated_at: expect.stringMatching(ISO),
    });
    const { id } = created.body;
    expect((await getJson(`${server.url}/research/collections/${id}`)).body).toEqual(created.body);
    const patched = await fetch(`${server.url}/research/collections/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'Quarterly' }),
    });
    expect(await patched.json()).toMatchObject({ id, name: 'Reports', description: 'Quarterly' });
    const list = await getJson(`${server.url}/research/collections`);
    expect(list.body).toMatchObject({
      data: [{ id }],
      pagination: { page: 1, limit: 10, has_next: false, total: 1 },
    });
    expect(await getJson(`${server.url}/research/collections/nope`)).toMatchObject({
      status: 404,
      body: { error: 'Resource not found' },
    });
    const nameless = await postJson(`${server.url}/research/collections`, {});
    expect(nameless.status).toBe(400);
  });
});
