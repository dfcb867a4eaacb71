import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../../src/testing/index.js';
import { postJson, readJson, userSays } from './vendor-helpers.js';

describe('mock bifrost: chat JSON', () => {
  let server: MockServer;
  const openai = (body: unknown, headers?: Record<string, string>) =>
    postJson(`${server.url}/openai/v1/chat/completions`, body, headers);
  const native = (body: unknown, headers?: Record<string, string>) =>
    postJson(`${server.url}/v1/chat/completions`, body, headers);
  beforeAll(async () => {
    server = await createMockServer({ dialect: 'bifrost' });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('answers /openai/v1 with extra_fields (2026), usage.cost and x-bifrost-* headers', async () => {
    const { status, body, headers } = await readJson(
      await openai({ model: 'gpt-4o-mini', ...userSays('hello there') }),
    );
    expect(server.baseURL).toBe(server.url);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 'chatcmpl-mock-1',
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      system_fingerprint: '',
      choices: [
        { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Echo: hello there' } },
      ],
    });
    expect(body.extra_fields).toEqual({
      request_type: 'chat_completion',
      routing_info: { provider: 'openai', model: 'gpt-4o-mini' },
      provider: 'openai',
      original_model_requested: 'gpt-4o-mini',
      resolved_model_used: 'gpt-4o-mini',
      latency: 1,
      chunk_index: 0,
    });
    expect(body.usage).toMatchObject({
      prompt_tokens: 2,
      completion_tokens: 3,
      total_tokens: 5,
      prompt_tokens_details: { cached_read_tokens: 0, cache_write_tokens: 0 },
      cost: { input_cost: 0.000002, output_cost: 0.000006, total_cost: 0.000008 },
    });
    expect(Object.fromEntries([...headers].filter(([name]) => name.startsWith('x-')))).toEqual({
      'x-request-id': 'req_mock_1',
      'x-bifrost-provider': 'openai',
      'x-bifrost-original-model': 'gpt-4o-mini',
      'x-bifrost-resolved-model': 'gpt-4o-mini',
      'x-bifrost-request-type': 'chat_completion',
      'x-bifrost-cost-usd': '0.000008',
    });
  });

  it('answers 400 when both reasoning_effort and reasoning.effort are sent', async () => {
    const both = { model: 'openai/o4-mini', reasoning_effort: 'low', reasoning: { effort: 'high' } };
    const { status, body } = await readJson(await openai({ ...both, ...userSays('x') }));
    expect(status).toBe(400);
    expect(body.error.message).toBe(
      'both reasoning_effort and reasoning.effort cannot be present at the same time',
    );
    const one = { model: 'openai/o4-mini', reasoning: { effort: 'high' }, ...userSays('x') };
    expect((await openai(one)).status).toBe(200);
  });

  it('requires provider/model on native /v1 with a 400 BifrostError, and splits on the first slash', async () => {
    const bare = await readJson(await native({ model: 'gpt-4o', ...userSays('x') }));
    expect(bare.status).toBe(400);
    expect(bare.body).toEqual({
      is_bifrost_error: false,
      status_code: 400,
      error: {
        message: expect.stringContaining('provider is required in model field (format: provider/model)'),
      },
      extra_fields: { routing_info: {} },
    });
    const routed = await readJson(await native({ model: 'openrouter/meta-llama/llama-3', ...userSays('x') }));
    expect(routed.body.model).toBe('meta-llama/llama-3');
    expect(routed.body.extra_fields.routing_info).toEqual({
      provider: 'openrouter',
      model: 'meta-llama/llama-3',
    });
    expect((await readJson(await native(userSays('x')))).body.error.message).toBe('model is required');
    expect((await readJson(await native({ model: 'openai/x' }))).body.error.message).toBe(
      'messages is required for chat completion',
    );
  });

  it('keeps the x-bf-* headers and reuses x-request-id', async () => {
    const headers = {
      'x-bf-vk': 'sk-bf-team',
      'x-bf-cache-key': 'k1',
      'x-bf-eh-x-trace': 't',
      'x-request-id': 'mine',
    };
    const response = await openai({ model: 'gpt-4o', ...userSays('x') }, headers);
    expect(response.headers.get('x-request-id')).toBe('mine');
    expect(server.lastRequest!.headers).toMatchObject({
      'x-bf-vk': 'sk-bf-team',
      'x-bf-cache-key': 'k1',
      'x-bf-eh-x-trace': 't',
    });
  });

  it('sends BifrostError bodies with the governance reason in the top-level type', async () => {
    server.enqueue(
      { error: 429, message: 'rate limit exceeded for virtual key' },
      { error: 402, message: 'over budget' },
    );
    const limited = await readJson(await openai({ model: 'gpt-4o', ...userSays('x') }));
    expect(limited.body).toEqual({
      type: 'rate_limited',
      is_bifrost_error: false,
      status_code: 429,
      error: { message: 'rate limit exceeded for virtual key' },
      extra_fields: { routing_info: {} },
    });
    expect((await readJson(await openai({ model: 'gpt-4o', ...userSays('x') }))).body.type).toBe(
      'budget_exceeded',
    );
  });
});
