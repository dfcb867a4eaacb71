import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  APIError,
  createClient,
  ResponseValidationError,
  RunFailedError,
  StreamError,
} from '../../src/index.js';
import {
  caesarMockDialect,
  chunk,
  completion,
  createMockServer,
  intandemMockDialect,
  type MockServer,
} from '../../src/testing/index.js';
import { jsonSchemaFormat, tool } from '../../src/tools/index.js';

// Found by the soak (issue 9): vendor text that reached an error through a reader outside the
// transport kept the key it echoed; and redacting a body with a `__proto__` key swapped its prototype.
const KEY = 'sk-soak-ECHOED-3e8d1f0a9c';
const ask = [{ role: 'user' as const, content: 'hi' }];

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function expectNoKey(error: unknown) {
  for (const view of [
    String(error),
    (error as Error).stack,
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
  ]) {
    expect(view).not.toContain(KEY);
  }
}

const intandemClient = async (options: Parameters<typeof intandemMockDialect>[0] = {}) => {
  server = await createMockServer({ dialect: intandemMockDialect(options) });
  return createClient({ dialect: 'intandem', baseURL: server.baseURL, apiKey: KEY, maxRetries: 0 });
};
const revoked = { success: false, errors: [{ code: 'token_revoked', message: `token ${KEY} was revoked` }] };

describe('a key the vendor echoes is masked in errors built outside the transport', () => {
  it("inTandem's success: false envelope on a 200 JSON answer", async () => {
    const client = await intandemClient();
    server?.enqueue({ json: revoked });
    const error = await client.chat.completions
      .create({ model: 'openai/gpt-4o', messages: ask })
      .catch((e) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 200, code: 'token_revoked' });
    expect(error.message).toContain('token [redacted] was revoked');
    expectNoKey(error);
  });

  it('the same envelope answering a stream request with JSON (read as the error frame it stands for)', async () => {
    const client = await intandemClient();
    server?.enqueue({ json: revoked });
    const stream = await client.chat.completions.create({
      model: 'openai/gpt-4o',
      messages: ask,
      stream: true,
    });
    const error = await stream.finalCompletion().catch((e) => e);
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({ code: 'token_revoked', message: expect.stringContaining('[redacted]') });
    expectNoKey(error);
  });

  it('a stream frame the dialect refuses while unwrapping it', async () => {
    const client = await intandemClient();
    server?.enqueue({ sse: [{ ...revoked, choices: [] }] });
    const stream = await client.chat.completions.create({
      model: 'openai/gpt-4o',
      messages: ask,
      stream: true,
    });
    const error = await stream.finalCompletion().catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expectNoKey(error);
  });

  it("a failed run's message, in RunFailedError and its run", async () => {
    const client = await intandemClient({ failRuns: `provider refused key ${KEY}` });
    const run = await client.chat.completions.create({ model: 'openai/gpt-4o', messages: ask, async: true });
    const error = await client.runs.wait(run, { intervalMs: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(RunFailedError);
    expect(error.message).toContain('provider refused key [redacted]');
    expectNoKey(error);
  });

  it("a failed research job's fields, in RunFailedError.run", async () => {
    server = await createMockServer({
      dialect: caesarMockDialect({
        failResearch: true,
        researchSteps: ['queued', 'completed'],
        failedResearchFields: { error: KEY },
      }),
    });
    const client = createClient({ dialect: 'caesar', baseURL: server.baseURL, apiKey: KEY, maxRetries: 0 });
    const job = await client.research.create({ query: 'q' });
    const error = await client.research.wait(job.id, { intervalMs: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(RunFailedError);
    expectNoKey(error);
  });
});

describe('a key the model echoes into a structured answer is masked in the parse error', () => {
  const Weather = z.object({ city: z.number() });
  const format = () => jsonSchemaFormat(Weather, { name: 'weather' });
  const openaiClient = async (steps: Parameters<MockServer['enqueue']>[0][]) => {
    server = await createMockServer();
    for (const step of steps) server.enqueue(step);
    return createClient({ baseURL: server.baseURL, apiKey: KEY, maxRetries: 0 });
  };

  it.each([
    ['does not match the schema', `{"city":"${KEY}"}`],
    ['is not JSON', `not json ${KEY}`],
  ])('parse(): the answer %s', async (_, content) => {
    const client = await openaiClient([{ json: completion({ content }) }]);
    const error = await client.chat.completions
      .parse({ model: 'm', messages: ask, response_format: format() })
      .catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.rawText).toContain('[redacted]');
    expectNoKey(error);
  });

  it('a structured stream: finalCompletion()', async () => {
    const client = await openaiClient([
      { sse: [chunk({ content: `{"city":"${KEY}"}` }), chunk({ finishReason: 'stop' })] },
    ]);
    const stream = client.chat.completions.stream({ model: 'm', messages: ask, response_format: format() });
    const error = await stream.finalCompletion().catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.rawText).toContain('[redacted]');
    expectNoKey(error);
  });

  it.each([false, true])('runTools with a jsonSchemaFormat answer (stream: %s)', async (stream) => {
    const answer = `{"city":"${KEY}"}`;
    const client = await openaiClient([
      stream
        ? { sse: [chunk({ content: answer }), chunk({ finishReason: 'stop' })] }
        : { json: completion({ content: answer }) },
    ]);
    const noop = tool({ name: 'noop', parameters: z.object({}), execute: () => 'ok' });
    const params = { model: 'm', messages: ask, tools: [noop], response_format: format() };
    const error = await (stream
      ? client.chat.completions.runTools({ ...params, stream: true }).finalCompletion()
      : client.chat.completions.runTools(params)
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expectNoKey(error);
  });
});

describe('redacting a body keeps its `__proto__` key as data', () => {
  it('an error body with a __proto__ key keeps a plain prototype', async () => {
    server = await createMockServer();
    const client = createClient({ baseURL: server.baseURL, apiKey: KEY, maxRetries: 0 });
    server.enqueue({ error: 400, body: `{"__proto__":{"polluted":"yes"},"error":{"message":"bad ${KEY}"}}` });
    const error = (await client.chat.completions
      .create({ model: 'm', messages: ask })
      .catch((e) => e)) as APIError;
    const body = error.body as Record<string, unknown>;
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(body.polluted).toBeUndefined();
    expect(Object.hasOwn(body, '__proto__')).toBe(true);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expectNoKey(error);
  });
});
