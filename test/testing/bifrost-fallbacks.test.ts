import { describe, expect, it } from 'vitest';
import { bifrostMockDialect, createMockServer } from '../../src/testing/index.js';
import { postJson, readJson, userSays } from './vendor-helpers.js';

describe('mock bifrost: fallbacks', () => {
  it('answers from the first provider-prefixed fallback when the primary fails', async () => {
    const server = await createMockServer({ dialect: bifrostMockDialect({ failPrimary: true }) });
    try {
      // `claude-bare` has no provider and is dropped silently, so the Anthropic entry is fallback 1.
      const body = {
        model: 'openai/gpt-4o',
        fallbacks: ['claude-bare', 'anthropic/claude-3-5-sonnet'],
        ...userSays('hi'),
      };
      const answer = await readJson(await postJson(`${server.url}/v1/chat/completions`, body));
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-bifrost-fallback-index')).toBe('1');
      expect(answer.headers.get('x-bifrost-provider')).toBe('anthropic');
      expect(answer.body.model).toBe('claude-3-5-sonnet');
      expect(answer.body.extra_fields.routing_info).toEqual({
        provider: 'anthropic',
        model: 'claude-3-5-sonnet',
        is_fallback: true,
        primary_provider: 'openai',
        primary_model: 'gpt-4o',
      });
      const alone = await readJson(
        await postJson(`${server.url}/v1/chat/completions`, { model: 'openai/gpt-4o', ...userSays('hi') }),
      );
      expect(alone.status).toBe(503);
      expect(alone.body).toMatchObject({
        is_bifrost_error: false,
        status_code: 503,
        error: { message: 'mock upstream failure for openai/gpt-4o', type: 'server_error' },
        extra_fields: { routing_info: { provider: 'openai', model: 'gpt-4o' } },
      });
    } finally {
      await server.close();
    }
  });

  it('fails listed models wherever they appear, with a configurable upstream error', async () => {
    const server = await createMockServer({
      dialect: bifrostMockDialect({
        failModels: ['anthropic', 'openai/gpt-4o'],
        upstreamError: { status: 502, message: 'down' },
      }),
    });
    try {
      const body = {
        model: 'openai/gpt-4o',
        fallbacks: ['anthropic/claude', 'groq/llama'],
        ...userSays('hi'),
      };
      const answer = await readJson(await postJson(`${server.url}/v1/chat/completions`, body));
      expect(answer.headers.get('x-bifrost-fallback-index')).toBe('2');
      expect(answer.body.extra_fields.routing_info).toMatchObject({ provider: 'groq', is_fallback: true });
      const none = await postJson(`${server.url}/v1/chat/completions`, {
        ...body,
        fallbacks: ['anthropic/claude'],
      });
      expect(none.status).toBe(502);
      expect((await none.json()).error.message).toBe('down');
    } finally {
      await server.close();
    }
  });
});

describe('mock bifrost: 2025 generation and virtual keys', () => {
  it('speaks the 2025 field names with a flat cost and no x-bifrost-* headers', async () => {
    const server = await createMockServer({ dialect: bifrostMockDialect({ extraFieldsGeneration: 2025 }) });
    try {
      const { body, headers } = await readJson(
        await postJson(`${server.url}/openai/v1/chat/completions`, { model: 'gpt-4o', ...userSays('a b') }),
      );
      expect(body.extra_fields).toEqual({
        provider: 'openai',
        model_requested: 'gpt-4o',
        latency: 1,
        chunk_index: 0,
      });
      expect(body.usage.prompt_tokens_details).toEqual({ audio_tokens: 0, cached_tokens: 0 });
      expect(body.usage.cost).toEqual({
        input_tokens_cost: 0.000002,
        output_tokens_cost: 0.000006,
        request_cost: 0,
        total_cost: 0.000008,
      });
      expect([...headers.keys()].filter((name) => name.startsWith('x-bifrost'))).toEqual([]);
      const bare = await readJson(
        await postJson(`${server.url}/v1/chat/completions`, { model: 'gpt-4o', ...userSays('x') }),
      );
      expect(bare.body).toEqual({
        is_bifrost_error: false,
        status_code: 400,
        error: { message: 'model should be in provider/model format' },
        extra_fields: {},
      });
    } finally {
      await server.close();
    }
  });

  it('accepts the virtual key as x-bf-vk or Bearer sk-bf-…, 401 without one, 403 for a wrong one', async () => {
    const server = await createMockServer({ dialect: 'bifrost', apiKey: 'sk-bf-right' });
    try {
      const url = `${server.url}/openai/v1/chat/completions`;
      const body = { model: 'gpt-4o', ...userSays('x') };
      expect((await postJson(url, body, { 'x-bf-vk': 'sk-bf-right' })).status).toBe(200);
      expect((await postJson(url, body, { authorization: 'Bearer sk-bf-right' })).status).toBe(200);
      const missing = await readJson(await postJson(url, body));
      expect(missing.body).toMatchObject({ type: 'virtual_key_required', status_code: 401 });
      const wrong = await readJson(await postJson(url, body, { 'x-bf-vk': 'sk-bf-wrong' }));
      expect(wrong).toMatchObject({ status: 403, body: { type: 'virtual_key_not_found' } });
    } finally {
      await server.close();
    }
  });

  it('requires a virtual key with requireVirtualKey, and can send cost as a bare number', async () => {
    const server = await createMockServer({
      dialect: bifrostMockDialect({ requireVirtualKey: true, usageCost: 'number' }),
    });
    try {
      const url = `${server.url}/openai/v1/chat/completions`;
      expect((await postJson(url, { model: 'gpt-4o', ...userSays('x') })).status).toBe(401);
      const ok = await readJson(
        await postJson(url, { model: 'gpt-4o', ...userSays('a b') }, { 'api-key': 'sk-bf-any' }),
      );
      expect(ok.body.usage.cost).toBe(0.000008);
    } finally {
      await server.close();
    }
  });
});
