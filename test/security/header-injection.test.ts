import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnyClient } from '../../src/cli/any-client.js';
import { createClient, InvalidRequestError } from '../../src/index.js';
import { createMockServer, type MockServer } from '../../src/testing/index.js';

// A header value with CR or LF could smuggle a second header (or a second request) onto the wire:
// every way a value reaches the request must be refused before anything is sent.
let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ dialect: 'bifrost' });
});
afterAll(() => server.close());

const ask = { model: 'openai/gpt-4o', messages: [{ role: 'user' as const, content: 'hi' }] };
const SMUGGLED = ['value\r\nx-injected: 1', 'value\nx-injected: 1', 'value\rx-injected: 1', 'nul\0byte'];

async function refusedBeforeSending(work: () => Promise<unknown>, secret?: string) {
  server.reset();
  const error = await work().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidRequestError);
  if (secret) expect(String((error as Error).message)).not.toContain(secret);
  // Give a request that slipped through time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(server.requests).toHaveLength(0);
}

describe('header values with CR, LF or NUL are refused before sending', () => {
  it.each(SMUGGLED)('in client headers (%j)', async (value) => {
    const client = createClient({
      dialect: 'bifrost',
      baseURL: server.baseURL,
      headers: { 'x-trace': value },
    });
    await refusedBeforeSending(() => client.chat.completions.create(ask));
  });

  it.each(SMUGGLED)('in per-request headers (%j)', async (value) => {
    const client = createClient({ dialect: 'bifrost', baseURL: server.baseURL });
    await refusedBeforeSending(() => client.chat.completions.create(ask, { headers: { 'x-trace': value } }));
  });

  it('in the API key (the Authorization header), without echoing the key', async () => {
    const key = 'sk-bf-secret\r\nx-injected: 1';
    const client = createClient({ dialect: 'bifrost', baseURL: server.baseURL, apiKey: key });
    await refusedBeforeSending(() => client.chat.completions.create(ask), 'sk-bf-secret');
  });

  it('in typed vendor controls that become headers (Bifrost provider headers, cache key)', async () => {
    const client = createClient({ dialect: 'bifrost', baseURL: server.baseURL });
    await refusedBeforeSending(() =>
      client.chat.completions.create(ask, { bifrost: { providerHeaders: { 'x-up': 'a\r\nb: c' } } }),
    );
    await refusedBeforeSending(() =>
      client.chat.completions.create(ask, { bifrost: { cacheKey: 'k\nx: y' } }),
    );
  });

  it('on streams, runs and uploads too', async () => {
    const bad = { headers: { 'x-trace': 'a\r\nb: c' } };
    const client = createClient({ dialect: 'bifrost', baseURL: server.baseURL });
    await refusedBeforeSending(() => client.chat.completions.create({ ...ask, stream: true }, bad));
    await refusedBeforeSending(() => client.chat.completions.create({ ...ask, async: true }, bad));
    const caesar = createAnyClient({ dialect: 'caesar', baseURL: server.url, apiKey: 'csk-test-key' });
    await refusedBeforeSending(() => caesar.files.upload(new Uint8Array([1]), { filename: 'a.bin', ...bad }));
  });

  it('and in header names', async () => {
    const client = createClient({ dialect: 'bifrost', baseURL: server.baseURL });
    await refusedBeforeSending(() => client.chat.completions.create(ask, { headers: { 'x-a\r\nx-b': 'v' } }));
    await refusedBeforeSending(() => client.chat.completions.create(ask, { headers: { 'bad name': 'v' } }));
  });
});

// fetch refuses a header character above U+00FF with a TypeError, which once looked like a
// connection failure and was retried with backoff; it is bad input, refused before sending.
describe('header values beyond Latin-1, or with control characters, are refused before sending, not retried', () => {
  it.each(['My app — prod', 'key…', 'emoji 😀', 'ctl\u0001x', 'del\u007fx'])(
    'in client headers (%j)',
    async (value) => {
      const client = createClient({
        dialect: 'bifrost',
        baseURL: server.baseURL,
        maxRetries: 2,
        headers: { 'x-title': value },
      });
      await refusedBeforeSending(() => client.chat.completions.create(ask));
    },
  );

  it('in a pasted API key, without echoing it', async () => {
    const key = 'sk-bf-pasted-key…';
    const client = createClient({ dialect: 'bifrost', baseURL: server.baseURL, apiKey: key, maxRetries: 2 });
    await refusedBeforeSending(() => client.chat.completions.create(ask), key);
  });

  it('while Latin-1 values (café) are sent', async () => {
    server.reset();
    const client = createClient({
      dialect: 'bifrost',
      baseURL: server.baseURL,
      headers: { 'x-title': 'café' },
    });
    await client.chat.completions.create(ask);
    expect(server.requests[0]?.headers['x-title']).toBe('café');
  });
});
