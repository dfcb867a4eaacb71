import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { type APIError, createClient } from '../../src/index.js';
import { createMockServer } from '../../src/testing/index.js';
import { json, scriptedFetch, userMessage } from '../helpers/scripted-fetch.js';

const KEY = 'sk-live-RECOGNISABLE-4f9a1c7e';
const params = { model: 'gpt-test', messages: userMessage };

function expectNoKey(error: unknown) {
  const views = [
    String(error),
    (error as Error).message,
    (error as Error).stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
  ];
  for (const view of views) expect(view).not.toContain(KEY);
}

describe('the API key never appears in an error', () => {
  it('even when the vendor echoes it in the message, the body and a header', async () => {
    const echo = json(
      { error: { message: `Incorrect API key provided: ${KEY}`, param: KEY }, [KEY]: KEY },
      { status: 401, headers: { 'x-echo': `Bearer ${KEY}` } },
    );
    const client = createClient({
      apiKey: KEY,
      baseURL: 'http://127.0.0.1:9/v1',
      fetch: scriptedFetch(echo).fetch,
    });
    const error = (await client.chat.completions.create(params).catch((e: unknown) => e)) as APIError;
    expect(error.message).toBe('401 Incorrect API key provided: [redacted]');
    expect(JSON.stringify(error.body)).not.toContain(KEY);
    expect(error.headers.get('x-echo')).toBe('Bearer [redacted]');
    expectNoKey(error);
  });

  it('when the key comes from a function, and in a non-JSON body', async () => {
    const html = new Response(`<pre>upstream said: invalid key ${KEY}</pre>`, { status: 502 });
    const client = createClient({
      apiKey: async () => KEY,
      baseURL: 'http://127.0.0.1:9/v1',
      maxRetries: 0,
      fetch: scriptedFetch(html).fetch,
    });
    expectNoKey(await client.chat.completions.create(params).catch((e: unknown) => e));
  });

  it('in a connection error whose cause mentions the key', async () => {
    const failure = new TypeError(`fetch failed for Bearer ${KEY}`);
    const client = createClient({
      apiKey: KEY,
      baseURL: 'http://127.0.0.1:9/v1',
      maxRetries: 0,
      fetch: scriptedFetch(failure).fetch,
    });
    const error = await client.chat.completions.create(params).catch((e: unknown) => e);
    expect((error as Error).message).toContain('[redacted]');
    expectNoKey(error);
  });

  it('over a real connection that is refused (the request with its headers is never kept)', async () => {
    const server = await createMockServer();
    const baseURL = server.baseURL;
    await server.close();
    const client = createClient({ apiKey: KEY, baseURL, maxRetries: 0 });
    expectNoKey(await client.chat.completions.create(params).catch((e: unknown) => e));
  });

  it('in validation errors, and nothing is logged', async () => {
    const log = vi.spyOn(console, 'log');
    const warn = vi.spyOn(console, 'warn');
    const errorLog = vi.spyOn(console, 'error');
    const client = createClient({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1' });
    expectNoKey(await client.chat.completions.create({ model: KEY, messages: [] }).catch((e: unknown) => e));
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(KEY);
    expect([...log.mock.calls, ...warn.mock.calls, ...errorLog.mock.calls]).toEqual([]);
  });
});
