import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { createMswHandlers, createMswMock, morpheusMockDialect } from '../../src/testing/index.js';
import { bodyInTwoHalves } from './helpers.js';
import { postJson, readJson, readSse, sha256, userSays } from './vendor-helpers.js';

const caesar = createMswMock({ http, dialect: 'caesar' });
const bifrost = createMswMock({ http, dialect: 'bifrost', apiKey: 'sk-bf-test' });
const morpheus = createMswMock({
  http,
  dialect: morpheusMockDialect(),
  baseURL: 'https://gateway.test/morpheus/',
});
const intandem = createMswHandlers({ http, dialect: 'intandem', baseURL: 'https://intandem.test' });
const server = setupServer(...caesar.handlers, ...bifrost.handlers, ...morpheus.handlers, ...intandem);

describe('msw handlers', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    for (const mock of [caesar, bifrost, morpheus]) mock.reset();
  });
  afterAll(() => server.close());

  it('serve Caesar at its real base URL: upload recorded, then a chat citing the file', async () => {
    expect(caesar.baseURL).toBe('https://api.caesar.xyz');
    const form = new FormData();
    form.append('file', new Blob(['quarterly numbers'], { type: 'text/plain' }), 'q3 – résumé.txt');
    const uploaded = await readJson(
      await fetch('https://api.caesar.xyz/research/files', { method: 'POST', body: form }),
    );
    expect(uploaded.body).toMatchObject({
      file_name: 'q3 – résumé.txt',
      content_type: 'text/plain',
      collection_id: null,
    });
    expect(caesar.uploads[0]).toMatchObject({
      id: uploaded.body.id,
      size: 17,
      sha256: sha256('quarterly numbers'),
    });

    const message = {
      role: 'user',
      content: [
        { type: 'text', text: 'Sum up' },
        { type: 'file', file: { filename: 'q3.txt', fileData: uploaded.body.id } },
      ],
    };
    const answer = await readJson(
      await postJson(
        'https://api.caesar.xyz/compat/chat/completions',
        { model: 'caesar-research', messages: [message] },
        { 'api-version': '2025-11-27' },
      ),
    );
    expect(answer.body.choices[0].message.content).toMatch(
      /^Echo: Sum up \(files: q3\.txt\) \[1\] \[2\]\n\nReferences\n/,
    );
    expect(caesar.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /research/files',
      'POST /compat/chat/completions',
    ]);
  });

  it('stream Bifrost SSE with the same framing and check its virtual key', async () => {
    const body = { model: 'openai/gpt-4o', stream: true, ...userSays('a b') };
    const response = await postJson('http://localhost:8080/v1/chat/completions', body, {
      'x-bf-vk': 'sk-bf-test',
    });
    expect(response.headers.get('x-bifrost-provider')).toBe('openai');
    const { frames, done } = readSse(await response.text());
    expect(done).toBe(true);
    expect(frames.at(-1)).toMatchObject({ choices: [{ finish_reason: 'stop' }], usage: { total_tokens: 5 } });
    const denied = await readJson(await postJson('http://localhost:8080/v1/chat/completions', body));
    expect(denied).toMatchObject({ status: 401, body: { type: 'virtual_key_required' } });
    expect(bifrost.requests).toHaveLength(2);
  });

  it("map a custom base URL onto the vendor's paths (Morpheus /api/v1), ending streams without [DONE]", async () => {
    const response = await postJson(
      'https://gateway.test/morpheus/chat/completions',
      { stream: true, ...userSays('x') },
      { authorization: 'Bearer sk-1' },
    );
    expect(readSse(await response.text()).done).toBe(false);
    expect(morpheus.lastRequest!.path).toBe('/api/v1/chat/completions');
    const missing = await readJson(await fetch('https://gateway.test/morpheus/models'));
    expect(missing).toMatchObject({ status: 404, body: { detail: expect.stringContaining('no route') } });
  });

  it('poll inTandem runs through plain handler arrays', async () => {
    const submitted = await readJson(
      await postJson('https://intandem.test/v3/ai/chat_completions', {
        model: 'openai/o1',
        async: true,
        ...userSays('x'),
      }),
    );
    expect(submitted.status).toBe(202);
    const url = `https://intandem.test/v3/ai/chat_completion_runs/${submitted.body.data.uid}`;
    await fetch(url);
    expect((await readJson(await fetch(url))).body.data.status).toBe('COMPLETED');
  });

  it('play scripted replies and faults: drop rejects fetch, resetAfter breaks the body', async () => {
    caesar.enqueue({ drop: 'before-headers' }, { sse: [{ n: 1 }, { n: 2 }, { n: 3 }], resetAfter: 1 });
    await expect(fetch('https://api.caesar.xyz/research')).rejects.toThrow(TypeError);
    const response = await fetch('https://api.caesar.xyz/research');
    await expect(response.text()).rejects.toThrow('terminated');
    caesar.route('GET', '/research', { json: { scripted: true }, headers: { 'x-extra': '1' } });
    const routed = await fetch('https://api.caesar.xyz/research');
    expect(routed.headers.get('x-extra')).toBe('1');
    expect(await routed.json()).toEqual({ scripted: true });
  });

  it("intercept the OpenAI client's own default base URL, so no request reaches the vendor", async () => {
    const openai = createMswMock({ http, dialect: 'openai' });
    expect(openai.baseURL).toBe('https://api.openai.com/v1');
    server.use(...openai.handlers);
    const client = createClient({ apiKey: 'sk-test', maxRetries: 0 });
    const answer = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(answer.choices[0]?.message.content).toBe('Echo: hi');
    expect(openai.requests).toHaveLength(1);
  });

  it('serve scripted replies in arrival order, whichever body finished first', async () => {
    bifrost.enqueue({ json: { reply: 'first' } }, { json: { reply: 'second' } });
    const { body: slowBody, finish } = bodyInTwoHalves('{"name":', '"a"}');
    const url = `${bifrost.baseURL}/v1/chat/completions`;
    const auth = { authorization: 'Bearer sk-bf-test' };
    const a = fetch(url, { method: 'POST', body: slowBody, headers: auth, duplex: 'half' } as RequestInit);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const b = await fetch(url, { method: 'POST', body: '{"name":"b"}', headers: auth });
    expect(await b.json()).toEqual({ reply: 'second' });
    finish();
    expect(await (await a).json()).toEqual({ reply: 'first' });
    expect(bifrost.requests.map((r) => (r.json as { name: string }).name)).toEqual(['a', 'b']);
  });

  it('give way to handlers a test adds with server.use', async () => {
    server.use(
      http.post('http://localhost:8080/v1/chat/completions', () => HttpResponse.json({ overridden: true })),
    );
    expect(await (await postJson('http://localhost:8080/v1/chat/completions', {})).json()).toEqual({
      overridden: true,
    });
  });
});

describe('chatwire/testing without msw', () => {
  it('never imports msw: handlers take `http` as a parameter', () => {
    const root = join(import.meta.dirname, '../../src/testing');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.ts'),
    );
    for (const file of files)
      expect(readFileSync(join(root, file), 'utf8')).not.toMatch(/^import[^\n]*from ['"]msw/m);
  });
});
