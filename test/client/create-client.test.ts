import { afterEach, describe, expect, it, vi } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { resolveContext } from '../../src/client-context.js';
import { createClient, InvalidRequestError, openai, VERSION } from '../../src/index.js';
import { completionBody, json, scriptedFetch, userMessage } from '../helpers/scripted-fetch.js';

const params = { model: 'gpt-test', messages: userMessage };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('createClient', () => {
  it('reads the key and base URL from the dialect env vars where process.env exists', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-env-123');
    vi.stubEnv('OPENAI_BASE_URL', 'http://127.0.0.1:9/env/v1/');
    const script = scriptedFetch(json(completionBody()));
    const client = createClient({ fetch: script.fetch });
    expect(client.baseURL).toBe('http://127.0.0.1:9/env/v1');
    await client.chat.completions.create(params);
    expect(script.calls[0]!.url).toBe('http://127.0.0.1:9/env/v1/chat/completions');
    expect(script.calls[0]!.headers.authorization).toBe('Bearer sk-from-env-123');
  });

  it('options win over env vars', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-from-env-123');
    const script = scriptedFetch(json(completionBody()));
    await createClient({
      apiKey: 'sk-option-456',
      baseURL: 'http://127.0.0.1:9/v1',
      fetch: script.fetch,
    }).chat.completions.create(params);
    expect(script.calls[0]!.headers.authorization).toBe('Bearer sk-option-456');
  });

  it('a missing key is an InvalidRequestError naming the option and the env var, and nothing is sent', async () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    const script = scriptedFetch(json(completionBody()));
    const error = await createClient({ baseURL: 'http://127.0.0.1:9/v1', fetch: script.fetch })
      .chat.completions.create(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toContain('apiKey');
    expect((error as Error).message).toContain('OPENAI_API_KEY');
    expect((error as InvalidRequestError).issues[0]?.path).toBe('apiKey');
    expect(script.calls).toHaveLength(0);
  });

  it('calls a key function before each request (rotating tokens)', async () => {
    let n = 0;
    const script = scriptedFetch(json(completionBody()));
    const client = createClient({
      apiKey: async () => `tok-${++n}-abcdef`,
      baseURL: 'http://127.0.0.1:9/v1',
      fetch: script.fetch,
    });
    await client.chat.completions.create(params);
    await client.chat.completions.create(params);
    expect(script.calls.map((c) => c.headers.authorization)).toEqual([
      'Bearer tok-1-abcdef',
      'Bearer tok-2-abcdef',
    ]);
  });

  it('refuses bad options at once', () => {
    expect(() => createClient({ apiKey: 'k', baseURL: 'not a url' })).toThrow(InvalidRequestError);
    expect(() => createClient({ apiKey: 'k', timeout: -1 })).toThrow(/timeout/);
    expect(() => createClient({ apiKey: 'k', maxRetries: Number.NaN })).toThrow(/maxRetries/);
    expect(() => createClient({ apiKey: 'k', dialect: 'nope' as 'openai' })).toThrow(
      /Unknown dialect "nope"/,
    );
  });

  it('resolves fetch at call time and calls it with `this` unbound (Cloudflare Workers)', async () => {
    const script = scriptedFetch(json(completionBody()));
    vi.stubGlobal('fetch', script.fetch);
    const client = createClient({ apiKey: 'sk-test-key', baseURL: 'http://127.0.0.1:9/v1' });
    const later = scriptedFetch(json(completionBody('patched later')));
    vi.stubGlobal('fetch', later.fetch);
    const result = await client.chat.completions.create(params);
    expect(result.choices[0]?.message.content).toBe('patched later');
    expect(script.calls).toHaveLength(0);
    expect(later.calls[0]!.thisArg).toBeUndefined();
  });

  it('withOptions derives a new client and leaves the original untouched', async () => {
    const first = scriptedFetch(json(completionBody('first')));
    const second = scriptedFetch(json(completionBody('second')));
    const base = createClient({
      apiKey: 'sk-test-key',
      baseURL: 'http://127.0.0.1:9/v1',
      fetch: first.fetch,
    });
    const derived = base.withOptions({ fetch: second.fetch, headers: { 'x-team': 'blue' } });
    expect(derived).not.toBe(base);
    expect((await derived.chat.completions.create(params)).choices[0]?.message.content).toBe('second');
    expect((await base.chat.completions.create(params)).choices[0]?.message.content).toBe('first');
    expect(second.calls[0]!.headers['x-team']).toBe('blue');
    expect(first.calls[0]!.headers['x-team']).toBeUndefined();
    expect(Object.isFrozen(base)).toBe(true);
  });

  it('accepts a dialect factory result, and the version matches package.json', async () => {
    const script = scriptedFetch(json(completionBody()));
    const client = createClient({
      dialect: openai({ organization: 'org-1', project: 'proj-1' }),
      apiKey: 'sk-test-key',
      baseURL: 'http://127.0.0.1:9/v1',
      fetch: script.fetch,
    });
    await client.chat.completions.create(params);
    expect(script.calls[0]!.headers).toMatchObject({
      'openai-organization': 'org-1',
      'openai-project': 'proj-1',
    });
    expect(VERSION).toBe(pkg.version);
  });
});

// API.md's dialect table and option defaults, each dialect by its string name.
const DIALECTS = [
  ['openai', 'https://api.openai.com/v1', '/chat/completions', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 600_000],
  [
    'caesar',
    'https://api.caesar.xyz',
    '/compat/chat/completions',
    'CAESAR_API_KEY',
    'CAESAR_BASE_URL',
    1_800_000,
  ],
  [
    'bifrost',
    'http://localhost:8080',
    '/openai/v1/chat/completions',
    'BIFROST_API_KEY',
    'BIFROST_BASE_URL',
    600_000,
  ],
  [
    'morpheus',
    'https://api.mor.org/api/v1',
    '/chat/completions',
    'MORPHEUS_API_KEY',
    'MORPHEUS_BASE_URL',
    600_000,
  ],
  [
    'intandem',
    'https://api.vcita.biz',
    '/v3/ai/chat_completions',
    'INTANDEM_API_TOKEN',
    'INTANDEM_BASE_URL',
    600_000,
  ],
] as const;

describe.each(DIALECTS)('the %s dialect by name', (dialect, baseURL, chatPath, keyEnv, urlEnv, timeout) => {
  const model = dialect === 'intandem' ? 'openai/gpt-4o' : 'gpt-test';
  const answer = () =>
    json(dialect === 'intandem' ? { success: true, data: completionBody() } : completionBody());

  it('defaults to its base URL, timeouts and two retries', () => {
    vi.stubEnv(urlEnv, '');
    const context = resolveContext({ dialect, apiKey: 'sk-test-123456' });
    expect(createClient({ dialect, apiKey: 'sk-test-123456' }).baseURL).toBe(baseURL);
    expect(context).toMatchObject({
      baseURL,
      timeout,
      idleTimeout: dialect === 'caesar' ? 1_800_000 : 300_000,
      maxRetries: 2,
      validate: 'loose',
    });
  });

  it(`reads ${keyEnv} and ${urlEnv}, and posts to ${chatPath}`, async () => {
    vi.stubEnv(keyEnv, 'sk-from-env-123456');
    vi.stubEnv(urlEnv, 'http://127.0.0.1:9/env/');
    const script = scriptedFetch(answer());
    const client = createClient({ dialect, fetch: script.fetch });
    expect(client.baseURL).toBe('http://127.0.0.1:9/env');
    await client.chat.completions.create({ model, messages: userMessage } as never);
    expect(script.calls[0]!.url).toBe(`http://127.0.0.1:9/env${chatPath}`);
    expect(script.calls[0]!.headers.authorization).toBe('Bearer sk-from-env-123456');
  });

  it('retries twice by default', async () => {
    const script = scriptedFetch(
      new Response('{}', {
        status: 503,
        headers: { 'retry-after-ms': '1', 'content-type': 'application/json' },
      }),
    );
    const client = createClient({
      dialect,
      apiKey: 'sk-test-123456',
      baseURL: 'http://127.0.0.1:9',
      fetch: script.fetch,
    });
    await expect(client.chat.completions.create({ model, messages: userMessage } as never)).rejects.toThrow();
    expect(script.calls).toHaveLength(3);
  });
});
