import { afterEach, describe, expect, it } from 'vitest';
import { createClient, parseCitations, StreamError } from '../../src/index.js';
import {
  bifrostMockDialect,
  caesarMockDialect,
  createMockServer,
  type MockServer,
  morpheusMockDialect,
} from '../../src/testing/index.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ask = (content: string) => [{ role: 'user' as const, content }];

describe('every dialect against its mock vendor', () => {
  it('caesar: JSON answer with parseable citations and zero usage; the API-Version header is required', async () => {
    server = await createMockServer({ dialect: caesarMockDialect({ requireApiVersion: true }) });
    const client = createClient({ dialect: 'caesar', baseURL: server.baseURL, apiKey: 'csk-test' });
    const answer = await client.chat.completions.create({
      model: 'caesar-research',
      messages: ask('Solar 2025?'),
    });
    expect(answer.usage).toMatchObject({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
    expect(parseCitations(answer.choices[0]?.message.content ?? '').length).toBeGreaterThan(0);
    expect(server.lastRequest?.headers['api-version']).toBe('2025-11-27');
  });

  it('bifrost: a failing primary answered by a fallback, extra_fields on every chunk, usage on the last', async () => {
    server = await createMockServer({ dialect: bifrostMockDialect({ failPrimary: true, heartbeat: true }) });
    const client = createClient({ dialect: 'bifrost', baseURL: server.baseURL });
    const stream = await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: ask('hello there'),
      fallbacks: ['anthropic/claude-3-5-sonnet'],
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.every((c) => c.extra_fields?.request_type === 'chat_completion_stream')).toBe(true);
    const final = await stream.finalCompletion();
    expect(final.choices[0]?.message.content).toBe('Echo: hello there');
    expect(final.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('bifrost: a mid-stream BifrostError frame throws StreamError with the vendor message, nothing after it', async () => {
    server = await createMockServer({
      dialect: bifrostMockDialect({ streamError: { after: 1, message: 'provider went away' } }),
    });
    const client = createClient({ dialect: 'bifrost', baseURL: server.baseURL });
    const stream = await client.chat.completions.create({
      model: 'openai/x',
      messages: ask('one two three four'),
      stream: true,
    });
    const texts: string[] = [];
    const error = await (async () => {
      for await (const text of stream.textStream) texts.push(text);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toContain('provider went away');
    expect(texts).toHaveLength(1);
  });

  it('morpheus: a stream without [DONE] ends cleanly after finish_reason, usage from usage_from_provider', async () => {
    server = await createMockServer({
      dialect: morpheusMockDialect({ done: false, usageFrame: 'before-finish' }),
    });
    const client = createClient({ dialect: 'morpheus', baseURL: server.baseURL, apiKey: 'sk-test.key' });
    const stream = await client.chat.completions.create({
      model: 'llama-3.3-70b',
      messages: ask('hi there'),
      stream: true,
    });
    const final = await stream.finalCompletion();
    expect(final.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: 'Echo: hi there' } });
    expect(final.usage?.total_tokens).toBeGreaterThan(0);
    expect(server.lastRequest?.headers.accept).toBe('text/event-stream');
  });

  it('morpheus: an in-band error frame after HTTP 200 throws StreamError with its type', async () => {
    server = await createMockServer({
      dialect: morpheusMockDialect({
        streamError: { after: 1, type: 'proxy_error', message: 'upstream dropped' },
      }),
    });
    const client = createClient({ dialect: 'morpheus', baseURL: server.baseURL, apiKey: 'sk-test.key' });
    const stream = await client.chat.completions.create({
      model: 'm',
      messages: ask('a b c d'),
      stream: true,
    });
    const error = await stream.finalCompletion().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({ type: 'proxy_error' });
  });

  it('intandem: envelope unwrapped on JSON; a stream when stream: true; an async run to completion', async () => {
    server = await createMockServer({ dialect: 'intandem' });
    const client = createClient({ dialect: 'intandem', baseURL: server.baseURL, apiKey: 'staff' });
    const completion = await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: ask('hello'),
    });
    expect(completion.choices[0]?.message.content).toBe('Echo: hello');
    expect(typeof completion.created).toBe('number');
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(server.lastRequest?.json).toMatchObject({ stream: false });
    const stream = await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: ask('streamed'),
      stream: true,
    });
    expect((await stream.finalCompletion()).choices[0]?.message.content).toBe('Echo: streamed');
    const run = await client.chat.completions.create({
      model: 'openai/o1',
      messages: ask('later'),
      async: true,
    });
    const result = await client.runs.wait(run, { intervalMs: 5 });
    expect(result.choices[0]?.message.content).toBe('Echo: later');
  });
});
