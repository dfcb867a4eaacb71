import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAnyClient } from '../../src/cli/any-client.js';
import { createClient, InvalidRequestError } from '../../src/index.js';
import { createMockServer, type MockServer } from '../../src/testing/index.js';
import { keyLeaks } from '../soak/drive/key-scan.js';

// A secret key in a browser page is readable by anyone who loads it: it is refused unless the
// page opts in. (test/runtimes runs the same guard in a real Chromium.)
const KEY = 'sk-browser-5d2e8f1a7b-SECRET';
const DIALECTS = ['openai', 'caesar', 'bifrost', 'morpheus', 'intandem'] as const;

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer();
});
afterAll(() => server.close());
afterEach(() => vi.unstubAllGlobals());

/** A page as feature detection sees one: window, document, navigator, no Node `process.versions`. */
function pretendBrowserPage(kind: 'page' | 'worker' = 'page') {
  if (kind === 'page') {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0' });
  } else {
    vi.stubGlobal('WorkerGlobalScope', () => {});
    vi.stubGlobal('importScripts', () => {});
  }
  // The env holds a key, as a bundler's `process.env` shim might put one into a page.
  vi.stubGlobal('process', { ...process, versions: {}, env: { OPENAI_API_KEY: KEY } });
}

function refusal(create: () => unknown): unknown {
  try {
    create();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('a key in a browser page', () => {
  it.each(DIALECTS)('%s: refused at createClient, naming the opt-in and not the key', (dialect) => {
    pretendBrowserPage();
    const error = refusal(() => createAnyClient({ dialect, apiKey: KEY, baseURL: server.baseURL }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toContain('dangerouslyAllowBrowser');
    expect(keyLeaks(error, KEY)).toEqual([]);
  });

  it('refused from a key function and in a dedicated worker too', () => {
    pretendBrowserPage('worker');
    expect(refusal(() => createClient({ apiKey: async () => KEY, baseURL: server.baseURL }))).toBeInstanceOf(
      InvalidRequestError,
    );
  });

  it("refused when it reached the page through a bundler's process.env shim, before anything is sent", () => {
    pretendBrowserPage();
    server.reset();
    const error = refusal(() => createClient({ baseURL: server.baseURL }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(keyLeaks(error, KEY)).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('allowed with dangerouslyAllowBrowser, and withOptions cannot drop the opt-in silently', async () => {
    pretendBrowserPage();
    server.reset();
    const client = createClient({ apiKey: KEY, baseURL: server.baseURL, dangerouslyAllowBrowser: true });
    const answer = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(answer.choices[0]?.message.content).toBe('Echo: hi');
    expect(server.lastRequest?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(refusal(() => client.withOptions({ dangerouslyAllowBrowser: false }))).toBeInstanceOf(
      InvalidRequestError,
    );
  });
});
