import { describe, expect, it, vi } from 'vitest';
import { APIPromise } from '../../src/api-promise.js';
import { ChatwireError } from '../../src/errors/chatwire-error.js';
import { lazyIterator, lazyResource, loadChunk, once } from '../../src/internal/lazy.js';

const response = new Response('{}', { headers: { 'x-request-id': 'req_1' } });
const answered = <T>(data: T) => new APIPromise(Promise.resolve({ data, response, requestId: 'req_1' }));

async function* count(to: number, finished: { value: boolean }) {
  try {
    for (let n = 1; n <= to; n++) yield n;
  } finally {
    finished.value = true;
  }
}

/** A resource with one method of each kind, and a spy on how often it was built. */
function resource() {
  const finished = { value: false };
  const build = vi.fn(async () => ({
    get: (id: string) => answered({ id }),
    wait: async (id: string) => `done ${id}`,
    list: (to: number) => count(to, finished),
    nested: { send: (text: string) => answered({ text }) },
  }));
  const lazy = lazyResource(build, {
    get: 'api',
    wait: 'promise',
    list: 'iterable',
    nested: { send: 'api' },
  });
  return { build, lazy, finished };
}

const warmed = resource();
await warmed.lazy.get('warm-up');

describe('lazyResource', () => {
  it('builds nothing until a method is called, then builds once for every method', async () => {
    const { build, lazy } = resource();
    expect(build).not.toHaveBeenCalled();
    const [got, waited, sent] = await Promise.all([lazy.get('a'), lazy.wait('b'), lazy.nested.send('hi')]);
    expect(got).toEqual({ id: 'a' });
    expect(waited).toBe('done b');
    expect(sent).toEqual({ text: 'hi' });
    await lazy.get('c');
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('an APIPromise method works on its arguments as they were at the call', async () => {
    const seen: unknown[] = [];
    const lazy = lazyResource(
      async () => ({
        create: (params: { query: string; files: string[] }, options: { signal?: AbortSignal }) => {
          seen.push(structuredClone(params), options.signal);
          return answered(params.query);
        },
      }),
      { create: 'api' },
    );
    const signal = new AbortController().signal;
    const params = { query: 'as called', files: ['a'] };
    const done = lazy.create(params, { signal });
    params.query = 'changed after';
    params.files.push('b');
    expect(await done).toBe('as called');
    // Plain data is copied; anything else (a signal, a Blob, a stream) is passed as it is.
    expect(seen).toEqual([{ query: 'as called', files: ['a'] }, signal]);
  });

  it('copies cyclic and shared arguments without looping, keeping their shape', async () => {
    let seen: any;
    const lazy = lazyResource(
      async () => ({
        create: (params: unknown) => {
          seen = params;
          return answered('ok');
        },
      }),
      { create: 'api' },
    );
    const shared = { tag: 'x' };
    const meta: Record<string, unknown> = { shared, again: shared };
    meta.self = meta;
    meta.parent = meta;
    await lazy.create({ meta });
    expect(seen.meta.self).toBe(seen.meta);
    expect(seen.meta.again).toBe(seen.meta.shared);
    expect(seen.meta).not.toBe(meta);
  });

  it('starts calls in the order they were made, nested methods included, loaded or not', async () => {
    for (const round of ['cold', 'warm']) {
      const { lazy } = round === 'cold' ? resource() : warmed;
      const order: string[] = [];
      await Promise.all([
        lazy.nested.send('first').then(() => order.push('nested.send')),
        lazy.get('second').then(() => order.push('get')),
      ]);
      expect(order, round).toEqual(['nested.send', 'get']);
    }
  });

  it('keeps an APIPromise an APIPromise: withResponse() gives the response and request id', async () => {
    const { lazy } = resource();
    const call = lazy.get('a');
    expect(call).toBeInstanceOf(APIPromise);
    const { data, response: raw, requestId } = await call.withResponse();
    expect(data).toEqual({ id: 'a' });
    expect(raw).toBe(response);
    expect(requestId).toBe('req_1');
  });

  it('returns an iterable at once and reads it through', async () => {
    const { build, lazy } = resource();
    const iterable = lazy.list(3);
    expect(build).not.toHaveBeenCalled();
    const seen: number[] = [];
    for await (const n of iterable) seen.push(n);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('passes an early break on to the source iterator', async () => {
    const { lazy, finished } = resource();
    for await (const n of lazy.list(10)) if (n === 2) break;
    expect(finished.value).toBe(true);
  });

  it('rejects the call when loading fails, and loads again on the next call', async () => {
    let attempts = 0;
    const lazy = lazyResource(
      async () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
        return { get: (id: string) => answered({ id }) };
      },
      { get: 'api' },
    );
    await expect(lazy.get('a')).rejects.toThrow('dynamically imported module');
    await expect(lazy.get('a')).resolves.toEqual({ id: 'a' });
    expect(attempts).toBe(2);
  });
});

describe('once', () => {
  it('shares one pending load between concurrent callers', async () => {
    const load = vi.fn(async () => ({}));
    const get = once(load);
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('lazyIterator', () => {
  it('releases its source when returned before the first next()', async () => {
    const finished = { value: false };
    const source = count(5, finished);
    // A generator's `finally` runs on return() only once it has started: start it first.
    await source.next();
    const iterator = lazyIterator(async () => source);
    await iterator.return?.();
    expect(finished.value).toBe(true);
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
  });
});

describe('loadChunk', () => {
  it('turns a failed import into a ChatwireError that says what was being loaded', async () => {
    const failed = loadChunk('files', () =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/files-x.js')),
    );
    const error = await failed.catch((caught: unknown) => caught);
    expect(ChatwireError.is(error)).toBe(true);
    expect((error as Error).message).toBe(
      'chatwire could not load its files code (a chunk loaded on first use): Failed to fetch dynamically imported module: /assets/files-x.js',
    );
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });

  it('passes the loaded module through', async () => {
    await expect(loadChunk('runs', async () => ({ ok: 1 }))).resolves.toEqual({ ok: 1 });
  });
});
