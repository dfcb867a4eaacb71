import { describe, expect, it } from 'vitest';
import {
  APIError,
  type ChatCompletion,
  createClient,
  InvalidRequestError,
  RateLimitError,
  ResponseValidationError,
  StreamError,
  UnprocessableEntityError,
} from '../../src/index.js';
import { capturingClient } from '../helpers/capture.js';
import { completionBody, json, scriptedFetch } from '../helpers/scripted-fetch.js';

const messages = [{ role: 'user' as const, content: 'Hello' }];
const envelope = (data: unknown) => ({ success: true, data });
const completion = {
  uid: 'chatcmpl-1677652288-a1b2c3',
  object: 'chat.completion',
  created_at: '2026-02-09T09:31:30.000Z',
  model: 'openai/gpt-4o-mini',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 9, completion_tokens: 9, total_tokens: 18 },
};

describe('intandem requests', () => {
  it('POSTs to /v3/ai/chat_completions and always sends stream explicitly', async () => {
    const { client, calls } = capturingClient('intandem', {
      apiKey: 'staff-token-1',
      steps: [json(envelope(completion))],
    });
    await client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages, stop: ['\n'] });
    expect(calls[0]!.url).toBe('http://127.0.0.1:9/v3/ai/chat_completions');
    expect(calls[0]!.headers.authorization).toBe('Bearer staff-token-1');
    expect(JSON.parse(calls[0]!.body!)).toEqual({
      model: 'openai/gpt-4o-mini',
      messages,
      stop: ['\n'],
      stream: false,
    });
  });

  const refusals: Array<[string, Record<string, unknown>, string]> = [
    ['a model without a provider', { model: 'gpt-4o' }, 'model'],
    ['an unknown provider', { model: 'mistral/large' }, 'model'],
    ['no user message', { messages: [{ role: 'system', content: 'x' }] }, 'messages'],
    ['five stop sequences', { stop: ['a', 'b', 'c', 'd', 'e'] }, 'stop'],
    [
      'a tool name with spaces',
      { tools: [{ type: 'function', function: { name: 'get weather', parameters: {} } }] },
      'tools.0.function.name',
    ],
    [
      'a tool name over 64 characters',
      { tools: [{ type: 'function', function: { name: 'x'.repeat(65), parameters: {} } }] },
      'tools.0.function.name',
    ],
    ['n > 1', { n: 3 }, 'n'],
    [
      'a role inTandem does not know',
      { messages: [{ role: 'developer', content: 'x' }, ...messages] },
      'messages.0.role',
    ],
    [
      'a tool without parameters (inTandem requires its JSON Schema)',
      { tools: [{ type: 'function', function: { name: 'get_weather' } }] },
      'tools.0.function.parameters',
    ],
  ];
  it.each(refusals)('refuses %s before sending', async (_name, patch, path) => {
    const { client, calls } = capturingClient('intandem');
    const error = await client.chat.completions
      .create({ model: 'openai/gpt-4o', messages, ...patch } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).issues.map((i) => i.path)).toContain(path);
    expect(calls).toHaveLength(0);
  });
});

describe('intandem responses', () => {
  it('unwraps {success, data} and maps uid → id, ISO created_at → unix created', async () => {
    const { client } = capturingClient('intandem', { steps: [json(envelope(structuredClone(completion)))] });
    const result = await client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages });
    expect(result.id).toBe('chatcmpl-1677652288-a1b2c3');
    expect(result.created).toBe(Date.parse('2026-02-09T09:31:30.000Z') / 1000);
    expect(result.choices[0]?.message.content).toBe('Hello!');
  });

  it('also reads the first-draft spelling (id, created) and a bare body', async () => {
    const bare = {
      ...completion,
      uid: undefined,
      created_at: undefined,
      id: 'old-1',
      created: 1_700_000_000,
    };
    const { client } = capturingClient('intandem', { steps: [json(bare)] });
    const result = await client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages });
    expect(result).toMatchObject({ id: 'old-1', created: 1_700_000_000 });
  });

  it('a 200 envelope with success: false is the vendor error, with its code and field, not retried', async () => {
    const { client, calls } = capturingClient('intandem', {
      maxRetries: 2,
      steps: [
        json(
          {
            success: false,
            errors: [{ code: 'provider_error', message: 'upstream failed', field: 'model' }],
          },
          { headers: { 'x-request-id': 'req-200' } },
        ),
      ],
    });
    const error = await client.chat.completions
      .create({ model: 'openai/x', messages })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({
      status: 200,
      code: 'provider_error',
      param: 'model',
      dialect: 'intandem',
      requestId: 'req-200',
      isRetryable: false,
      message: expect.stringContaining('upstream failed'),
      body: { success: false },
    });
    expect(calls).toHaveLength(1);
  });

  it('the same envelope answering a stream request is a StreamError that keeps the vendor code', async () => {
    const { client } = capturingClient('intandem', {
      steps: [json({ success: false, errors: [{ code: 'provider_error', message: 'upstream failed' }] })],
    });
    const stream = await client.chat.completions.create({ model: 'openai/x', messages, stream: true });
    const error = await stream.finalCompletion().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({
      code: 'provider_error',
      message: expect.stringContaining('upstream failed'),
    });
  });

  it('a body with both spellings keeps its own id and created', async () => {
    const both = { ...completion, id: 'own-id', created: 1_600_000_000 };
    const { client } = capturingClient('intandem', { steps: [json({ success: true, data: both })] });
    const result = await client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages });
    expect(result).toMatchObject({ id: 'own-id', created: 1_600_000_000 });
  });

  it('an unreadable created_at is not turned into a date: strict reports it, loose stands in 0', async () => {
    const bad = { ...completion, created_at: 'not a date' };
    const steps = [json(envelope(bad))];
    const strict = createClient({
      dialect: 'intandem',
      apiKey: 'staff-token-1',
      baseURL: 'http://127.0.0.1:9',
      validate: 'strict',
      fetch: scriptedFetch(...steps).fetch,
    });
    await expect(strict.chat.completions.create({ model: 'openai/x', messages })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
    const { client } = capturingClient('intandem', { steps: [json(envelope(bad))] });
    expect((await client.chat.completions.create({ model: 'openai/x', messages })).created).toBe(0);
  });

  it('errors name the field in the message', async () => {
    const { client } = capturingClient('intandem', {
      steps: [
        json(
          {
            success: false,
            errors: [
              {
                field: 'model',
                code: 'invalid',
                message: 'Unsupported model format. Expected provider/model',
              },
            ],
          },
          { status: 422 },
        ),
      ],
    });
    const error = await client.chat.completions
      .create({ model: 'openai/x', messages })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({
      message: '422 model: Unsupported model format. Expected provider/model',
      code: 'invalid',
      param: 'model',
    });
  });
});

describe('intandem rate limit (10 a minute, documented with no Retry-After)', () => {
  const limited = (headers: Record<string, string> = {}) =>
    json(
      {
        success: false,
        errors: [
          {
            code: 'rate_limit_exceeded',
            message: 'Maximum 10 requests per minute. Please retry after 60 seconds.',
          },
        ],
      },
      { status: 429, headers },
    );
  const ok = () => json({ success: true, data: completionBody() });
  const create = (client: ReturnType<typeof capturingClient>['client']) =>
    client.chat.completions.create({ model: 'openai/gpt-4o', messages, stream: false });

  it('a 429 without a retry header is not retried inside the window; retryAfterMs says 60 s', async () => {
    const { client, calls } = capturingClient('intandem', { maxRetries: 2, steps: [limited(), ok()] });
    const error = await create(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 'rate_limit_exceeded', retryAfterMs: 60_000, isRetryable: false });
    expect(calls).toHaveLength(1);
  });

  it('a 429 that does carry Retry-After (undocumented, but honoured) is retried after it', async () => {
    const { client, calls } = capturingClient('intandem', {
      maxRetries: 2,
      steps: [limited({ 'retry-after-ms': '5' }), ok()],
    });
    expect(((await create(client)) as unknown as ChatCompletion).choices[0]?.message.content).toBe('Hello!');
    expect(calls).toHaveLength(2);
  });

  it('x-should-retry: true still wins', async () => {
    const { client, calls } = capturingClient('intandem', {
      maxRetries: 2,
      steps: [limited({ 'x-should-retry': 'true' }), ok()],
    });
    await create(client);
    expect(calls).toHaveLength(2);
  });

  it('other dialects keep retrying a bare 429 with backoff', async () => {
    const { client, calls } = capturingClient('openai', {
      maxRetries: 1,
      steps: [json({ error: { message: 'slow down' } }, { status: 429 }), json(completionBody())],
    });
    await client.chat.completions.create({ model: 'gpt-4o', messages });
    expect(calls).toHaveLength(2);
  });
});
