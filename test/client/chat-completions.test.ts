import { describe, expect, it } from 'vitest';
import { APIError, createClient, InvalidRequestError, ResponseValidationError } from '../../src/index.js';
import { completion, createMockServer } from '../../src/testing/index.js';
import { completionBody, json, scriptedFetch, userMessage } from '../helpers/scripted-fetch.js';

const params = { model: 'gpt-test', messages: userMessage };
const clientWith = (
  response: Response,
  options: { validate?: 'off' | 'loose' | 'strict'; maxResponseBytes?: number } = {},
) => {
  const script = scriptedFetch(response);
  return {
    script,
    client: createClient({
      apiKey: 'sk-test-key',
      baseURL: 'http://127.0.0.1:9/v1',
      maxRetries: 0,
      fetch: script.fetch,
      ...options,
    }),
  };
};

describe('refused before sending', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['empty messages', { messages: [] }, 'messages'],
    ['no model', { model: '' }, 'model'],
    ['temperature above 2', { temperature: 2.5 }, 'temperature'],
    ['negative temperature', { temperature: -0.1 }, 'temperature'],
    ['top_p above 1', { top_p: 1.5 }, 'top_p'],
    ['max_tokens below 1', { max_tokens: 0 }, 'max_tokens'],
    ['fractional max_tokens', { max_tokens: 1.5 }, 'max_tokens'],
    [
      'a tool without a name',
      { tools: [{ type: 'function', function: { description: 'x' } }] },
      'tools.0.function.name',
    ],
    ['an unknown role', { messages: [{ role: 'wizard', content: 'x' }] }, 'messages.0.role'],
    [
      'a tool message without tool_call_id',
      { messages: [{ role: 'tool', content: 'x' }] },
      'messages.0.tool_call_id',
    ],
    [
      'an image part without url',
      { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: {} }] }] },
      'messages.0.content.0.image_url.url',
    ],
    ['five stop sequences', { stop: ['a', 'b', 'c', 'd', 'e'] }, 'stop'],
    ['n of 0', { n: 0 }, 'n'],
  ];
  it.each(cases)('%s', async (_name, patch, path) => {
    const { client, script } = clientWith(json(completionBody()));
    const error = await client.chat.completions
      .create({ ...params, ...patch } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).issues.map((i) => i.path)).toContain(path);
    expect((error as Error).message).toContain(path);
    expect(script.calls).toHaveLength(0);
  });

  it('lists every issue, not only the first', async () => {
    const { client } = clientWith(json(completionBody()));
    const error = (await client.chat.completions
      .create({ model: '', messages: [], temperature: 9 } as never)
      .catch((e: unknown) => e)) as InvalidRequestError;
    expect(error.issues.map((i) => i.path).sort()).toEqual(['messages', 'model', 'temperature']);
  });

  it('`async: true` on a dialect without runs is refused', async () => {
    const { client, script } = clientWith(json(completionBody()));
    await expect(client.chat.completions.create({ ...params, async: true })).rejects.toThrow(/no async runs/);
    expect(script.calls).toHaveLength(0);
  });

  it('passes unknown vendor fields through untouched', async () => {
    const { client, script } = clientWith(json(completionBody()));
    await client.chat.completions.create({ ...params, vendor_knob: { deep: [1, 2] } } as never);
    expect(JSON.parse(script.calls[0]!.body!).vendor_knob).toEqual({ deep: [1, 2] });
  });
});

describe('responses', () => {
  const almost = {
    id: 'gen-1',
    object: 'chat.completion',
    created: 1,
    model: 'sglang',
    choices: [{ message: { role: null, content: 'hi' }, finish_reason: 'stop', extra: 1 }],
  };

  it('loose (default) repairs role: null and a missing index, and keeps extra keys', async () => {
    const { client } = clientWith(json(almost));
    const result = await client.chat.completions.create(params);
    expect(result.choices[0]).toMatchObject({
      index: 0,
      message: { role: 'assistant', content: 'hi' },
      extra: 1,
    });
  });

  it('strict rejects the same body with ResponseValidationError listing the fields', async () => {
    const { client } = clientWith(json(almost), { validate: 'strict' });
    const error = (await client.chat.completions
      .create(params)
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['choices.0.index', 'choices.0.message.role']),
    );
  });

  it('off passes the body through as it came', async () => {
    const { client } = clientWith(json(almost), { validate: 'off' });
    const result = await client.chat.completions.create(params);
    expect(result.choices[0]?.message.role).toBeNull();
  });

  it('loose still rejects a body that is not a completion at all', async () => {
    const { client } = clientWith(json({ ok: true }));
    await expect(client.chat.completions.create(params)).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it.each(['off', 'loose', 'strict'] as const)(
    'a 200 carrying an {error} object (a gateway reporting a failure) is that APIError (validate: %s)',
    async (validate) => {
      const body = { error: { message: 'provider overloaded', type: 'server_error', code: 'overloaded' } };
      const { client, script } = clientWith(json(body), { validate });
      const error = await client.chat.completions.create(params).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(APIError);
      expect(error).toMatchObject({
        status: 200,
        code: 'overloaded',
        type: 'server_error',
        message: '200 provider overloaded',
        body,
      });
      expect(script.calls).toHaveLength(1);
    },
  );

  it('a completion that has choices is an answer even with an error field beside them', async () => {
    const { client } = clientWith(json({ ...completionBody('fine'), error: { message: 'a gateway note' } }));
    const result = await client.chat.completions.create(params);
    expect(result.choices[0]?.message.content).toBe('fine');
  });

  it('a 200 with a body that is not JSON rejects with the raw text attached', async () => {
    const { client } = clientWith(new Response('<html>maintenance</html>', { status: 200 }));
    const error = (await client.chat.completions
      .create(params)
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.rawText).toBe('<html>maintenance</html>');
  });

  it('refuses a body over maxResponseBytes, declared or streamed', async () => {
    const big = JSON.stringify(completionBody('x'.repeat(10_000)));
    const declared = clientWith(new Response(big, { headers: { 'content-length': String(big.length) } }), {
      maxResponseBytes: 1_000,
    });
    await expect(declared.client.chat.completions.create(params)).rejects.toThrow(/maxResponseBytes/);
    const chunked = new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      }),
    );
    await expect(
      clientWith(chunked, { maxResponseBytes: 1_000 }).client.chat.completions.create(params),
    ).rejects.toThrow(/maxResponseBytes/);
  });
});

describe('over a real loopback server', () => {
  it('withResponse() gives the data, the response and the request id from one request', async () => {
    const server = await createMockServer();
    try {
      server.enqueue({
        json: completion({ content: 'from the mock' }),
        headers: { 'x-request-id': 'req_123' },
      });
      const client = createClient({ apiKey: 'sk-test-key', baseURL: server.baseURL });
      const { data, response, requestId } = await client.chat.completions.create(params).withResponse();
      expect(data.choices[0]?.message.content).toBe('from the mock');
      expect(response.status).toBe(200);
      expect(requestId).toBe('req_123');
      expect(server.requests).toHaveLength(1);
      expect(server.lastRequest?.json).toEqual({ ...params, stream: false });
    } finally {
      await server.close();
    }
  });
});

describe('the request path', () => {
  // Every microtask between the call and fetch() lets other queued work run first; with a plain
  // string key nothing on the way needs to wait, so fetch() starts in the caller's own tick.
  it('calls fetch() within the create() call itself when the key is a string', () => {
    let called = 0;
    const client = createClient({
      apiKey: 'sk-test-key',
      baseURL: 'http://127.0.0.1:9/v1',
      maxRetries: 0,
      fetch: () => {
        called++;
        return new Promise<Response>(() => {});
      },
    });
    void client.chat.completions.create({ ...params, stream: true });
    void client.chat.completions.create(params);
    expect(called).toBe(2);
  });

  it('waits for a key function, then sends', async () => {
    let called = 0;
    const client = createClient({
      apiKey: async () => 'sk-from-vault',
      baseURL: 'http://127.0.0.1:9/v1',
      maxRetries: 0,
      fetch: async (_url, init) => {
        called++;
        expect(new Headers(init?.headers).get('authorization')).toBe('Bearer sk-from-vault');
        return json(completionBody());
      },
    });
    const pending = client.chat.completions.create(params);
    expect(called).toBe(0);
    await pending;
    expect(called).toBe(1);
  });
});
