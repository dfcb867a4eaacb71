import { describe, expect, it } from 'vitest';
import { createClient, ResponseValidationError } from '../../src/index.js';
import { paginate, readCaesarPage } from '../../src/resources/paginate.js';
import { json, scriptedFetch } from '../helpers/scripted-fetch.js';

const name = (item: unknown) => (item as { name: string }).name;

describe("readCaesarPage: the listing shapes Caesar's docs leave open", () => {
  it('reads the documented { data, pagination } page', () => {
    const page = { data: [{ name: 'a' }, { name: 'b' }], pagination: { page: 1, limit: 2, has_next: true } };
    expect(readCaesarPage(page, name)).toEqual({ items: ['a', 'b'], hasNext: true });
  });

  it('reads a bare array as the one and only page', () => {
    expect(readCaesarPage([{ name: 'a' }, { name: 'b' }], name)).toEqual({
      items: ['a', 'b'],
      hasNext: false,
    });
  });

  it('refuses an answer it cannot read, rather than yield nothing', () => {
    for (const body of [{ items: [{ name: 'a' }] }, {}, 'oops', undefined]) {
      expect(() => readCaesarPage(body, name)).toThrow(ResponseValidationError);
    }
  });
});

describe('collections.list over a bare array', () => {
  it('yields every collection and asks for no second page', async () => {
    const collections = [
      { id: 'c1', name: 'Papers', description: null, created_at: '2026-01-01', updated_at: '2026-01-01' },
      { id: 'c2', name: 'Notes', description: 'x', created_at: '2026-01-02', updated_at: '2026-01-02' },
    ];
    const script = scriptedFetch(json(collections));
    const client = createClient({
      dialect: 'caesar',
      apiKey: 'csk-test',
      baseURL: 'http://127.0.0.1:9',
      fetch: script.fetch,
    });
    const listed = [];
    for await (const collection of client.collections.list()) listed.push(collection.name);
    expect(listed).toEqual(['Papers', 'Notes']);
    expect(script.calls).toHaveLength(1);
  });

  it('paginate stops at the page that says there is no next one', async () => {
    const pages = [
      { items: [1, 2], hasNext: true },
      { items: [3], hasNext: false },
    ];
    const asked: number[] = [];
    const seen = [];
    const fetchPage = async (page: number) => {
      asked.push(page);
      return pages[page - 1]!;
    };
    for await (const item of paginate(fetchPage)) seen.push(item);
    expect(seen).toEqual([1, 2, 3]);
    expect(asked).toEqual([1, 2]);
  });
});
