import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, InvalidRequestError } from '../../src/index.js';
import { isBrowserLike } from '../../src/internal/env.js';
import { completionBody, json, scriptedFetch, userMessage } from '../helpers/scripted-fetch.js';

// A browser page as far as feature detection can tell: window, document and navigator, no Node.
function pretendBrowserPage() {
  vi.stubGlobal('window', {});
  vi.stubGlobal('document', {});
  vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0' });
  vi.stubGlobal('process', { ...process, versions: {}, env: {} });
}

afterEach(() => vi.unstubAllGlobals());

describe('isBrowserLike', () => {
  it('is true for a page and a dedicated worker, false for server runtimes', () => {
    const page = { window: {}, document: {}, navigator: {} };
    const worker = { WorkerGlobalScope: () => {}, importScripts: () => {} };
    expect(isBrowserLike(page as never)).toBe(true);
    expect(isBrowserLike(worker as never)).toBe(true);
    expect(isBrowserLike({ ...page, process: { versions: { node: '20' } } } as never)).toBe(false);
    expect(isBrowserLike({ ...page, Deno: {} } as never)).toBe(false);
    expect(isBrowserLike({ ...page, Bun: {} } as never)).toBe(false);
    expect(isBrowserLike({ navigator: {}, WebSocketPair: () => {} } as never)).toBe(false);
    expect(isBrowserLike({} as never)).toBe(false);
  });
});

describe('in a browser page', () => {
  it('refuses a key unless dangerouslyAllowBrowser is set', () => {
    pretendBrowserPage();
    expect(() => createClient({ apiKey: 'sk-test-key', baseURL: 'http://127.0.0.1:9/v1' })).toThrow(
      InvalidRequestError,
    );
    expect(() => createClient({ apiKey: 'sk-test-key', baseURL: 'http://127.0.0.1:9/v1' })).toThrow(
      /dangerouslyAllowBrowser/,
    );
  });

  it('refuses a key function too (it would hand a secret to the page just the same)', () => {
    pretendBrowserPage();
    expect(() =>
      createClient({ apiKey: async () => 'sk-test-key', baseURL: 'http://127.0.0.1:9/v1' }),
    ).toThrow(/dangerouslyAllowBrowser/);
  });

  it('with the opt-in, sends only CORS-safe headers plus Authorization (no user agent)', async () => {
    pretendBrowserPage();
    const script = scriptedFetch(json(completionBody()));
    const client = createClient({
      apiKey: 'sk-test-key',
      baseURL: 'http://127.0.0.1:9/v1',
      fetch: script.fetch,
      dangerouslyAllowBrowser: true,
    });
    await client.chat.completions.create({ model: 'm', messages: userMessage });
    expect(Object.keys(script.calls[0]!.headers).sort()).toEqual(['accept', 'authorization', 'content-type']);
  });

  it('says where to put the key, since env vars are not read there', async () => {
    pretendBrowserPage();
    const error = await createClient({
      baseURL: 'http://127.0.0.1:9/v1',
      fetch: scriptedFetch(json({})).fetch,
    })
      .chat.completions.create({ model: 'm', messages: userMessage })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toContain('environment variables are not read in a browser');
  });
});
