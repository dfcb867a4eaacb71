import { describe, expect, it } from 'vitest';
import { bifrost, createClient, InvalidRequestError, readBifrostHeaders } from '../../src/index.js';
import { capturingClient } from '../helpers/capture.js';
import { completionBody, json, scriptedFetch } from '../helpers/scripted-fetch.js';

const messages = [{ role: 'user' as const, content: 'Hello' }];

describe('bifrost requests', () => {
  it('uses the /openai/v1 drop-in route by default and a virtual key as Bearer', async () => {
    const { client, calls } = capturingClient('bifrost', { apiKey: 'sk-bf-virtual-1' });
    await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      fallbacks: ['anthropic/claude-3-5-sonnet'],
    });
    expect(calls[0]!.url).toBe('http://127.0.0.1:9/openai/v1/chat/completions');
    expect(calls[0]!.headers.authorization).toBe('Bearer sk-bf-virtual-1');
    expect(JSON.parse(calls[0]!.body!)).toEqual({
      model: 'gpt-4o-mini',
      messages,
      fallbacks: ['anthropic/claude-3-5-sonnet'],
      stream: false,
    });
  });

  it('the native route posts to /v1 and the virtual key can travel in x-bf-vk', async () => {
    const { client, calls } = capturingClient(bifrost({ route: 'native', virtualKeyHeader: 'x-bf-vk' }), {
      apiKey: 'sk-bf-virtual-1',
    });
    await client.chat.completions.create({ model: 'openai/gpt-4o-mini', messages });
    expect(calls[0]!.url).toBe('http://127.0.0.1:9/v1/chat/completions');
    expect(calls[0]!.headers['x-bf-vk']).toBe('sk-bf-virtual-1');
    expect(calls[0]!.headers.authorization).toBeUndefined();
  });

  it('needs no key: a gateway without governance is called without Authorization', async () => {
    const script = scriptedFetch(json(completionBody()));
    const client = createClient({ dialect: 'bifrost', baseURL: 'http://127.0.0.1:9', fetch: script.fetch });
    await client.chat.completions.create({ model: 'gpt-4o-mini', messages });
    expect(script.calls[0]!.headers.authorization).toBeUndefined();
  });

  it('turns typed controls into x-bf-* headers', async () => {
    const { client, calls } = capturingClient('bifrost');
    await client.chat.completions.create(
      { model: 'openai/gpt-4o-mini', messages },
      {
        bifrost: {
          cacheKey: 'session-42',
          cacheTtl: '5m',
          cacheThreshold: 0.85,
          cacheNoStore: true,
          sendBackRawRequest: true,
          sendBackRawResponse: false,
          providerHeaders: { 'x-trace': 'abc' },
          dimensions: { team: 'search' },
          sessionId: 'sticky-1',
        },
      },
    );
    expect(calls[0]!.headers).toMatchObject({
      'x-bf-cache-key': 'session-42',
      'x-bf-cache-ttl': '5m',
      'x-bf-cache-threshold': '0.85',
      'x-bf-cache-no-store': 'true',
      'x-bf-send-back-raw-request': 'true',
      'x-bf-send-back-raw-response': 'false',
      'x-bf-eh-x-trace': 'abc',
      'x-bf-dim-team': 'search',
      'x-bf-session-id': 'sticky-1',
    });
  });

  it('sends extra_params with the passthrough header; on the native route they move to the top level', async () => {
    const drop = capturingClient('bifrost');
    await drop.client.chat.completions.create({ model: 'openai/x', messages, extra_params: { top_k: 5 } });
    expect(drop.calls[0]!.headers['x-bf-passthrough-extra-params']).toBe('true');
    expect(JSON.parse(drop.calls[0]!.body!).extra_params).toEqual({ top_k: 5 });

    const native = capturingClient(bifrost({ route: 'native' }));
    await native.client.chat.completions.create({ model: 'openai/x', messages, extra_params: { top_k: 5 } });
    const body = JSON.parse(native.calls[0]!.body!);
    expect(body.top_k).toBe(5);
    expect(body.extra_params).toBeUndefined();
  });

  const refusals: Array<[string, Record<string, unknown>, string, Parameters<typeof bifrost>[0]?]> = [
    ['a fallback without a provider', { fallbacks: ['openai/gpt-4o', 'claude-3'] }, 'fallbacks.1'],
    ['a bare model on the native route', { model: 'gpt-4o-mini' }, 'model', { route: 'native' }],
    [
      'reasoning_effort with reasoning.effort (Bifrost answers 400)',
      { reasoning_effort: 'low', reasoning: { effort: 'high' } },
      'reasoning_effort',
    ],
  ];
  it('sends either reasoning form alone', async () => {
    const { client, calls } = capturingClient('bifrost', {
      steps: [json(completionBody()), json(completionBody())],
    });
    await client.chat.completions.create({ model: 'openai/o4-mini', messages, reasoning_effort: 'low' });
    await client.chat.completions.create({ model: 'openai/o4-mini', messages, reasoning: { effort: 'low' } });
    const reasoningKeys = (body: string) =>
      Object.keys(JSON.parse(body)).filter((k) => k.startsWith('reasoning'));
    expect(calls.map((call) => reasoningKeys(call.body!))).toEqual([['reasoning_effort'], ['reasoning']]);
  });

  it.each(refusals)('refuses %s before sending', async (_name, patch, path, options) => {
    const { client, calls } = capturingClient(bifrost(options));
    const error = await client.chat.completions
      .create({ model: 'openai/gpt-4o', messages, ...patch } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).issues.map((i) => i.path)).toContain(path);
    expect(calls).toHaveLength(0);
  });

  it('refuses an out-of-range cache threshold before sending', async () => {
    const { client, calls } = capturingClient('bifrost');
    await expect(
      client.chat.completions.create({ model: 'openai/x', messages }, { bifrost: { cacheThreshold: 2 } }),
    ).rejects.toThrow(/cacheThreshold/);
    expect(calls).toHaveLength(0);
  });
});

describe('bifrost responses', () => {
  it("validate: 'strict' accepts tool calls without id, type or name (BifrostChatResponse leaves them out)", async () => {
    const toolCalls = [{ index: 0, function: { arguments: '{"city":"Oslo"}' } }];
    const body = completionBody('', {
      choices: [
        {
          index: 0,
          finish_reason: 'tool_calls',
          message: { role: 'assistant', content: null, tool_calls: toolCalls },
        },
      ],
    });
    const script = scriptedFetch(json(body));
    const client = createClient({
      dialect: 'bifrost',
      baseURL: 'http://127.0.0.1:9',
      fetch: script.fetch,
      validate: 'strict',
    });
    const completion = await client.chat.completions.create({ model: 'openai/gpt-4o', messages });
    expect(completion.choices[0]!.message.tool_calls).toEqual([
      expect.objectContaining({ function: expect.objectContaining({ arguments: '{"city":"Oslo"}' }) }),
    ]);
  });

  it('keeps extra_fields (both generations), usage.cost and Perplexity extras', async () => {
    const body = completionBody('hi', {
      usage: {
        prompt_tokens: 1,
        completion_tokens: 1,
        total_tokens: 2,
        cost: { input_cost: 0.1, total_cost: 0.3 },
      },
      extra_fields: {
        request_type: 'chat_completion',
        provider: 'openai',
        model_requested: 'gpt-4o-mini',
        routing_info: { provider: 'anthropic', is_fallback: true },
        original_model_requested: 'gpt-4o-mini',
        resolved_model_used: 'claude-3-5-sonnet',
      },
      citations: ['https://a.example'],
      search_results: [{ title: 'A', url: 'https://a.example' }],
    });
    const { client } = capturingClient('bifrost', {
      steps: [json(body, { headers: { 'x-bifrost-fallback-index': '1' } })],
    });
    const { data, response } = await client.chat.completions
      .create({ model: 'openai/x', messages })
      .withResponse();
    expect(data.extra_fields?.routing_info).toEqual({ provider: 'anthropic', is_fallback: true });
    expect(data.extra_fields?.model_requested).toBe('gpt-4o-mini');
    expect(data.extra_fields?.resolved_model_used).toBe('claude-3-5-sonnet');
    expect(data.usage?.cost).toEqual({ input_cost: 0.1, total_cost: 0.3 });
    expect(data.citations).toEqual(['https://a.example']);
    expect(readBifrostHeaders(response.headers).fallbackIndex).toBe(1);
  });

  it('readBifrostHeaders takes a blank header as absent, not 0', () => {
    const headers = new Headers({
      'x-bifrost-fallback-index': '',
      'x-bifrost-cost-usd': ' ',
      'x-bifrost-provider': '',
    });
    expect(readBifrostHeaders(headers)).toEqual({});
  });

  it('readBifrostHeaders reads numbers and strings and skips what is absent', () => {
    const headers = new Headers({
      'x-bifrost-provider': 'openai',
      'x-bifrost-cost-usd': '0.00042',
      'x-bifrost-upstream-latency-ms': '812',
      'x-bifrost-fallback-index': 'n/a',
    });
    expect(readBifrostHeaders(headers)).toEqual({
      provider: 'openai',
      costUsd: 0.00042,
      upstreamLatencyMs: 812,
    });
  });

  it('a BifrostError keeps the governance reason from its top-level type', async () => {
    const error = await capturingClient('bifrost', {
      steps: [
        json(
          {
            is_bifrost_error: false,
            status_code: 402,
            type: 'budget_exceeded',
            error: { message: 'virtual key budget exceeded', type: 'governance' },
            extra_fields: { routing_info: {} },
          },
          { status: 402 },
        ),
      ],
    })
      .client.chat.completions.create({ model: 'openai/x', messages })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 402,
      type: 'budget_exceeded',
      message: '402 virtual key budget exceeded',
    });
  });
});
