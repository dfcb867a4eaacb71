import { describe, expect, it } from 'vitest';
import { createClient, InvalidRequestError } from '../../src/index.js';
import { completionBody, json, scriptedFetch, userMessage } from '../helpers/scripted-fetch.js';

const params = { model: 'gpt-test', messages: userMessage };

describe('request headers and body', () => {
  it('sends JSON with auth, content type, accept, a user agent, and stream: false explicitly', async () => {
    const script = scriptedFetch(json(completionBody()));
    await createClient({
      apiKey: 'sk-test-key',
      baseURL: 'http://127.0.0.1:9/v1',
      fetch: script.fetch,
    }).chat.completions.create({ ...params, temperature: 0.2 });
    const call = script.calls[0]!;
    expect(call.url).toBe('http://127.0.0.1:9/v1/chat/completions');
    expect(call.init.method).toBe('POST');
    expect(call.headers).toMatchObject({
      authorization: 'Bearer sk-test-key',
      'content-type': 'application/json',
      accept: 'application/json',
    });
    expect(call.headers['user-agent']).toMatch(/^chatwire\//);
    expect(JSON.parse(call.body!)).toEqual({ ...params, temperature: 0.2, stream: false });
  });

  it('layers client and call headers; null removes one', async () => {
    const script = scriptedFetch(json(completionBody()));
    const client = createClient({
      apiKey: 'sk-test-key',
      baseURL: 'http://127.0.0.1:9/v1',
      fetch: script.fetch,
      headers: { 'X-Team': 'blue', 'x-trace': 'a' },
    });
    await client.chat.completions.create(params, {
      headers: { 'x-trace': 'b', 'x-team': null, 'user-agent': null },
    });
    expect(script.calls[0]!.headers['x-trace']).toBe('b');
    expect(script.calls[0]!.headers['x-team']).toBeUndefined();
    expect(script.calls[0]!.headers['user-agent']).toBeUndefined();
  });

  it('refuses a header value with CR/LF before sending, without echoing the value', async () => {
    const script = scriptedFetch(json(completionBody()));
    const client = createClient({
      apiKey: 'sk-test-key',
      baseURL: 'http://127.0.0.1:9/v1',
      fetch: script.fetch,
    });
    const error = await client.chat.completions
      .create(params, { headers: { 'x-note': 'secret-value\r\nx-injected: 1' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toContain('x-note');
    expect((error as Error).message).not.toContain('secret-value');
    expect(script.calls).toHaveLength(0);
  });

  it('does not mutate the caller’s params', async () => {
    const script = scriptedFetch(json(completionBody()));
    const input = { ...params };
    await createClient({
      apiKey: 'sk-test-key',
      baseURL: 'http://127.0.0.1:9/v1',
      fetch: script.fetch,
    }).chat.completions.create(input);
    expect(input).toEqual(params);
  });
});
