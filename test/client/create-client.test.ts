import { afterEach, describe, expect, it, vi } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
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
