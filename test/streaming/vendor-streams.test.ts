// Each vendor's recorded stream (test/fixtures/streams) and each mock vendor's own streams, read
// through that vendor's dialect against a real loopback server.
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type DialectName, StreamError } from '../../src/index.js';
import {
  bifrostMockDialect,
  createMockServer,
  type MockDialect,
  type MockServer,
  morpheusMockDialect,
} from '../../src/testing/index.js';
import { drain, fixture, TEST_KEY, textOf } from './helpers.js';

const MODELS: Record<DialectName, string> = {
  openai: 'gpt-4o-mini',
  bifrost: 'openai/gpt-4o-mini',
  morpheus: 'llama-3.3-70b',
  caesar: 'caesar-research',
  intandem: 'openai/gpt-4o-mini',
};

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function open(dialect: DialectName, mock: DialectName | MockDialect = dialect) {
  server = await createMockServer({ dialect: mock as never });
  const client = createClient({
    dialect,
    baseURL: server.baseURL,
    apiKey: TEST_KEY,
    maxRetries: 0,
  } as never) as ReturnType<typeof createClient>;
  const params = {
    model: MODELS[dialect],
    messages: [{ role: 'user' as const, content: 'hello there' }],
    stream: true as const,
  };
  return { server, stream: () => client.chat.completions.create(params) };
}

async function replay(dialect: DialectName, file: string) {
  const { server, stream } = await open(dialect);
  server.enqueue({ chunks: [fixture(file)] });
  const opened = await stream();
  const outcome = await drain(opened);
  return { outcome, final: opened.finalCompletion().catch((e: unknown) => e as never) };
}

describe('recorded vendor streams, through their dialects', () => {
  it('openai: text with multi-byte characters, U+2028 and a usage chunk', async () => {
    const { outcome, final } = await replay('openai', 'openai-text.sse');
    expect(outcome.error).toBeUndefined();
    expect(await final).toMatchObject({
      id: 'chatcmpl-C3x9AaB7',
      model: 'gpt-4o-2024-08-06',
      system_fingerprint: 'fp_07871e2ad8',
      choices: [
        {
          message: { role: 'assistant', content: 'Grüße aus 日本 🙂 — line\u2028separated.' },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 12, completion_tokens: 9, total_tokens: 21 },
    });
  });

  it('openai: two parallel tool calls over CRLF', async () => {
    const { final } = await replay('openai', 'openai-tools.sse');
    expect((await final).choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: {
        content: null,
        tool_calls: [
          {
            id: 'call_Ab12',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city": "Zürich"}' },
          },
          {
            id: 'call_Cd34',
            type: 'function',
            function: { name: 'get_time', arguments: '{"tz":"Europe/Zurich"}' },
          },
        ],
      },
    });
  });

  it('bifrost: heartbeats, reasoning and the synthesized usage chunk with cost', async () => {
    const { outcome, final } = await replay('bifrost', 'bifrost-text.sse');
    expect(outcome.chunks).toHaveLength(5);
    expect(outcome.chunks.every((c) => c.extra_fields?.request_type === 'chat_completion_stream')).toBe(true);
    expect(await final).toMatchObject({
      choices: [
        {
          message: {
            content: 'Die Antwort ist 42 — ✓',
            reasoning: 'Let me think about it.',
            reasoning_details: [
              { type: 'reasoning.text', text: 'Let me think about it.', signature: 'sig-XYZ' },
            ],
          },
          finish_reason: 'stop',
        },
      ],
      usage: { total_tokens: 44, cost: { total_cost: 0.0003 } },
      extra_fields: { chunk_index: 4, latency: 812 },
    });
  });

  it('bifrost: a BifrostError frame mid-stream throws with its message, code and governance type', async () => {
    const { outcome, final } = await replay('bifrost', 'bifrost-error.sse');
    expect(textOf(outcome.chunks)).toBe('Partial');
    expect(outcome.error).toBeInstanceOf(StreamError);
    expect(outcome.error).toMatchObject({
      message: 'The server sent an error in the stream: Upstream rate limit reached for anthropic',
      code: '429',
      type: 'rate_limited',
    });
    expect(await final).toBe(outcome.error);
  });

  it('morpheus: no [DONE] after the finish chunk, usage only in usage_from_provider', async () => {
    const { outcome, final } = await replay('morpheus', 'morpheus-text.sse');
    expect(outcome.error).toBeUndefined();
    expect(outcome.chunks).toHaveLength(4);
    expect(await final).toMatchObject({
      choices: [
        {
          message: { content: 'Hi, Ålesund!' },
          finish_reason: 'stop',
          content_filter_results: { hate: { filtered: false } },
        },
      ],
      usage: { prompt_tokens: 7, completion_tokens: 4, total_tokens: 11 },
    });
  });

  it('morpheus: an in-band proxy_error after HTTP 200', async () => {
    const { outcome } = await replay('morpheus', 'morpheus-error.sse');
    expect(textOf(outcome.chunks)).toBe('Let me');
    expect(outcome.error).toBeInstanceOf(StreamError);
    expect(outcome.error).toMatchObject({
      type: 'proxy_error',
      message: expect.stringContaining('Proxy router returned 502'),
    });
  });

  it('caesar: BOM, keep-alives during research, CRLF, citations on the last chunk', async () => {
    const { outcome, final } = await replay('caesar', 'caesar-research.sse');
    expect(outcome.error).toBeUndefined();
    const completion = await final;
    expect(completion).toMatchObject({ model: 'caesar-research', choices: [{ finish_reason: 'stop' }] });
    expect(
      (completion as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content,
    ).toMatch(/^Researching sources…\n\nEthereum’s merge.*\n\nReferences\n\[1\] Ethereum\.org/s);
    expect((completion as { results?: unknown[] }).results).toHaveLength(1);
  });

  it('intandem: role "", no choice index, a tool call named after its arguments, mixed line endings', async () => {
    const { outcome, final } = await replay('intandem', 'intandem-tools.sse');
    expect(outcome.error).toBeUndefined();
    expect(outcome.chunks[0]?.choices[0]).toMatchObject({ index: 0, delta: { content: null } });
    expect((await final).choices[0]?.message.tool_calls).toEqual([
      {
        id: 'call_late',
        type: 'function',
        function: { name: 'book_appointment', arguments: '{"date":"2026-02-10"}' },
      },
    ]);
  });

  it('intandem: a {success:false} frame is a StreamError with the vendor message', async () => {
    const { server, stream } = await open('intandem');
    server.enqueue({
      chunks: [
        'data: {"success":false,"errors":[{"code":"provider_error","message":"Upstream LLM failed"}]}\n\n',
      ],
    });
    const { error } = await drain(await stream());
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({
      code: 'provider_error',
      message: expect.stringContaining('Upstream LLM failed'),
    });
  });
});

describe('intandem chunks inside the {success, data} envelope (the chunk schema is unconfirmed)', () => {
  for (const validate of ['loose', 'strict'] as const) {
    it(`are unwrapped, uid and created_at renamed (validate: ${validate})`, async () => {
      server = await createMockServer({ dialect: 'intandem' });
      const client = createClient({
        dialect: 'intandem',
        baseURL: server.baseURL,
        apiKey: TEST_KEY,
        maxRetries: 0,
        validate,
      });
      const wrapped = (delta: object, finish: string | null) =>
        `data: ${JSON.stringify({
          success: true,
          data: {
            uid: 'chatcmpl-env',
            object: 'chat.completion.chunk',
            created_at: '2026-02-09T09:32:00.000Z',
            model: 'openai/gpt-4o-mini',
            choices: [{ index: 0, delta, finish_reason: finish }],
          },
        })}\n\n`;
      server.enqueue({
        chunks: [wrapped({ role: 'assistant', content: 'Hel' }, null), wrapped({ content: 'lo' }, 'stop')],
      });
      const stream = await client.chat.completions.create({
        model: 'openai/gpt-4o-mini',
        messages: [{ role: 'user', content: 'hi' }],
        stream: true,
      });
      const { chunks, error } = await drain(stream);
      expect(error).toBeUndefined();
      expect(textOf(chunks)).toBe('Hello');
      expect(chunks[0]).toMatchObject({ id: 'chatcmpl-env', created: 1_770_629_520 });
      expect((await stream.finalCompletion()).choices[0]?.finish_reason).toBe('stop');
    });
  }
});

describe("mock vendors' own streams", () => {
  for (const dialect of ['openai', 'bifrost', 'morpheus', 'caesar', 'intandem'] as const) {
    it(`${dialect}: the default echo stream is read whole`, async () => {
      const { stream } = await open(dialect);
      const opened = await stream();
      const { error } = await drain(opened);
      expect(error).toBeUndefined();
      const final = await opened.finalCompletion();
      expect(final.choices[0]?.message.content).toContain('hello there');
      expect(final.choices[0]?.finish_reason).toBe('stop');
    });
  }

  it('morpheus: usage arrives only in usage_from_provider and is kept', async () => {
    const { stream } = await open('morpheus', morpheusMockDialect({ usageFrame: 'after-finish' }));
    const opened = await stream();
    await drain(opened);
    expect((await opened.finalCompletion()).usage?.total_tokens).toBeGreaterThan(0);
  });

  it('morpheus: streamError gives a StreamError after the chunks before it', async () => {
    const { stream } = await open(
      'morpheus',
      morpheusMockDialect({ streamError: { after: 1, type: 'gateway_error', message: 'gateway down' } }),
    );
    const { chunks, error } = await drain(await stream());
    expect(chunks.length).toBeGreaterThan(0);
    expect(error).toMatchObject({
      name: 'StreamError',
      type: 'gateway_error',
      message: expect.stringContaining('gateway down'),
    });
  });

  it('bifrost: streamError is terminal even though [DONE] may follow', async () => {
    const { stream } = await open(
      'bifrost',
      bifrostMockDialect({ streamError: { after: 1, message: 'upstream broke' } }),
    );
    const { error } = await drain(await stream());
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toContain('upstream broke');
  });
});
