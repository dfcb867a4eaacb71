import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAnyClient } from '../../src/cli/any-client.js';
import { type ClientOptions, createClient } from '../../src/index.js';
import {
  chunk,
  createMockServer,
  intandemMockDialect,
  type MockServer,
  type Reply,
} from '../../src/testing/index.js';
import { keyLeaks } from '../soak/drive/key-scan.js';

// The key must not reach any printed form of any error, even when a vendor echoes it back, and
// chatwire itself prints nothing (the soak checks the same over thousands of calls).
const KEY = 'sk-security-3b9f7e2d1c0a-ECHO';
const ask = [{ role: 'user' as const, content: 'hi' }];
const CONSOLE = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
const spies = CONSOLE.map((name) => vi.spyOn(console, name));

const servers = new Map<string, MockServer>();
beforeAll(async () => {
  for (const dialect of ['openai', 'caesar', 'bifrost', 'morpheus'] as const) {
    servers.set(dialect, await createMockServer({ dialect }));
  }
  servers.set(
    'intandem',
    await createMockServer({ dialect: intandemMockDialect({ failRuns: `bad key ${KEY}` }) }),
  );
});
afterEach(() => {
  for (const server of servers.values()) server.reset();
});
afterAll(async () => {
  for (const server of servers.values()) await server.close();
  // chatwire logs nothing, so no console line can carry the key.
  for (const spy of spies) expect(spy).not.toHaveBeenCalled();
});

const MODEL = {
  openai: 'gpt-4o',
  caesar: 'caesar-research',
  bifrost: 'openai/gpt-4o',
  morpheus: 'llama',
  intandem: 'openai/gpt-4o',
};
type Name = keyof typeof MODEL;

function clientFor(dialect: Name, options: Partial<ClientOptions> = {}) {
  const server = servers.get(dialect) as MockServer;
  const client = createAnyClient({
    dialect,
    baseURL: server.baseURL,
    apiKey: KEY,
    maxRetries: 0,
    ...options,
  });
  return { server, client };
}

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  const error = await work().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the call should have failed').toBeInstanceOf(Error);
  return error;
}

async function streamFailure(dialect: Name, reply: Reply) {
  const { server, client } = clientFor(dialect);
  server.enqueue(reply);
  return failureOf(async () => {
    const stream = await client.chat.completions.create({
      model: MODEL[dialect],
      messages: ask,
      stream: true,
    });
    return stream.finalCompletion();
  });
}

describe('a key the vendor echoes back never reaches an error', () => {
  it.each(['openai', 'caesar', 'bifrost', 'morpheus', 'intandem'] as const)(
    '%s: a 401 echoing it in body and header',
    async (dialect) => {
      const { server, client } = clientFor(dialect);
      server.enqueue({
        error: 401,
        message: `Incorrect API key provided: ${KEY}`,
        headers: { 'x-echo': `Bearer ${KEY}` },
      });
      const error = await failureOf(() =>
        client.chat.completions.create({ model: MODEL[dialect], messages: ask }),
      );
      expect(keyLeaks(error, KEY)).toEqual([]);
      expect(String(error)).toContain('[redacted]');
    },
  );

  it('an HTML error page quoting it, with the key supplied by a function', async () => {
    const { server, client } = clientFor('openai', { apiKey: async () => KEY });
    server.enqueue({
      text: `<html><pre>upstream rejected ${KEY}</pre></html>`,
      status: 502,
      contentType: 'text/html',
    });
    const error = await failureOf(() => client.chat.completions.create({ model: 'm', messages: ask }));
    expect(keyLeaks(error, KEY)).toEqual([]);
  });

  it('stream error frames of every shape: {error}, event: error (JSON or text), {success:false}', async () => {
    const frames: Reply[] = [
      {
        sse: [chunk({ content: 'a' }), { error: { message: `bad ${KEY}`, code: KEY, type: KEY } }],
        done: false,
      },
      { sse: [{ event: 'error', data: JSON.stringify({ error: { message: KEY } }) }], done: false },
      { sse: [{ event: 'error', data: `plain text ${KEY}` }], done: false },
      { sse: [{ success: false, errors: [{ message: `token ${KEY}`, field: KEY }] }], done: false },
    ];
    for (const reply of frames) expect(keyLeaks(await streamFailure('openai', reply), KEY)).toEqual([]);
    expect(keyLeaks(await streamFailure('morpheus', frames[0] as Reply), KEY)).toEqual([]);
  });

  it('a gateway error as JSON on a 200 to a stream request, and a malformed frame around it', async () => {
    expect(
      keyLeaks(await streamFailure('bifrost', { json: { error: { message: `no ${KEY}` } } }), KEY),
    ).toEqual([]);
    const broken = { chunks: [`data: {"note":"${KEY}","choices":[{"delta":{"content":"x"\n\n`] };
    expect(keyLeaks(await streamFailure('openai', broken), KEY)).toEqual([]);
  });

  it("inTandem's success:false on a 200, and a failed run's message", async () => {
    const { server, client } = clientFor('intandem');
    server.enqueue({ json: { success: false, errors: [{ message: `token ${KEY} revoked` }] } });
    const json = await failureOf(() =>
      client.chat.completions.create({ model: 'openai/gpt-4o', messages: ask }),
    );
    expect(keyLeaks(json, KEY)).toEqual([]);
    const run = await client.chat.completions.create({ model: 'openai/gpt-4o', messages: ask, async: true });
    const failed = await failureOf(() => client.runs.wait(run, { intervalMs: 1 }));
    expect(keyLeaks(failed, KEY)).toEqual([]);
  });

  it('an upload refused with the key in the answer', async () => {
    const { server, client } = clientFor('caesar');
    server.enqueue({ error: 403, message: `key ${KEY} may not upload` });
    const error = await failureOf(() =>
      client.files.upload(new Uint8Array([1, 2, 3]), { filename: 'a.bin' }),
    );
    expect(keyLeaks(error, KEY)).toEqual([]);
  });

  it('connection refused and timeouts from the real fetch (whose errors keep the request, headers included)', async () => {
    const refused = createClient({ baseURL: 'http://127.0.0.1:9/v1', apiKey: KEY, maxRetries: 0 });
    expect(
      keyLeaks(await failureOf(() => refused.chat.completions.create({ model: 'm', messages: ask })), KEY),
    ).toEqual([]);
    const { server, client } = clientFor('openai', { timeout: 50 });
    server.enqueue({ json: {}, delayMs: 2_000 });
    expect(
      keyLeaks(await failureOf(() => client.chat.completions.create({ model: 'm', messages: ask })), KEY),
    ).toEqual([]);
  });
});
