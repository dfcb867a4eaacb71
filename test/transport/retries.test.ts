import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  BadRequestError,
  createClient,
  InternalServerError,
  RateLimitError,
} from '../../src/index.js';
import { completionBody, json, scriptedFetch, userMessage } from '../helpers/scripted-fetch.js';

const params = { model: 'gpt-test', messages: userMessage };
const client = (fetch: typeof globalThis.fetch, maxRetries = 2) =>
  createClient({ apiKey: 'sk-test-key', baseURL: 'http://127.0.0.1:9/v1', fetch, maxRetries });
const fail = (status: number, headers: Record<string, string> = {}) =>
  json(
    { error: { message: `failed with ${status}` } },
    { status, headers: { 'retry-after-ms': '1', ...headers } },
  );

describe('retries', () => {
  it.each([408, 409, 429, 500, 502, 503, 504])('retries %i and then succeeds', async (status) => {
    const script = scriptedFetch(fail(status), fail(status), json(completionBody('ok')));
    const result = await client(script.fetch).chat.completions.create(params);
    expect(result.choices[0]?.message.content).toBe('ok');
    expect(script.calls).toHaveLength(3);
  });

  it('gives up after maxRetries with the last error, typed by status', async () => {
    const script = scriptedFetch(fail(503));
    await expect(client(script.fetch).chat.completions.create(params)).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(script.calls).toHaveLength(3);
  });

  it('never retries 400, 401, 403, 404 or 422', async () => {
    for (const status of [400, 401, 403, 404, 422]) {
      const script = scriptedFetch(fail(status), json(completionBody()));
      await expect(client(script.fetch).chat.completions.create(params)).rejects.toMatchObject({ status });
      expect(script.calls, String(status)).toHaveLength(1);
    }
  });

  it('obeys x-should-retry in both directions', async () => {
    const noRetry = scriptedFetch(fail(500, { 'x-should-retry': 'false' }), json(completionBody()));
    await expect(client(noRetry.fetch).chat.completions.create(params)).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(noRetry.calls).toHaveLength(1);

    const forced = scriptedFetch(fail(400, { 'x-should-retry': 'true' }), json(completionBody('second')));
    expect((await client(forced.fetch).chat.completions.create(params)).choices[0]?.message.content).toBe(
      'second',
    );
    expect(forced.calls).toHaveLength(2);
  });

  it('retries connection failures and reports the last one as APIConnectionError', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const recovering = scriptedFetch(refused, json(completionBody('back')));
    expect((await client(recovering.fetch).chat.completions.create(params)).choices[0]?.message.content).toBe(
      'back',
    );
    expect(recovering.calls).toHaveLength(2);

    const down = scriptedFetch(refused);
    const error = await client(down.fetch, 1)
      .chat.completions.create(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect(down.calls).toHaveLength(2);
  }, 10_000);

  it('maxRetries: 0 sends exactly once; a per-call maxRetries overrides the client', async () => {
    const once = scriptedFetch(fail(500), json(completionBody()));
    await expect(client(once.fetch, 0).chat.completions.create(params)).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(once.calls).toHaveLength(1);

    const perCall = scriptedFetch(fail(500), fail(500), fail(500), fail(500), json(completionBody('fifth')));
    const result = await client(perCall.fetch, 0).chat.completions.create(params, { maxRetries: 4 });
    expect(result.choices[0]?.message.content).toBe('fifth');
    expect(perCall.calls).toHaveLength(5);
  });
});

describe('retry delays', () => {
  it('waits retry-after-ms before the next attempt', async () => {
    const script = scriptedFetch(fail(429, { 'retry-after-ms': '150' }), json(completionBody()));
    await client(script.fetch).chat.completions.create(params);
    const gap = script.calls[1]!.at - script.calls[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(140);
  });

  it('waits Retry-After seconds when there is no retry-after-ms', async () => {
    const script = scriptedFetch(
      json({ error: { message: 'slow down' } }, { status: 429, headers: { 'retry-after': '1' } }),
      json(completionBody()),
    );
    await client(script.fetch).chat.completions.create(params);
    expect(script.calls[1]!.at - script.calls[0]!.at).toBeGreaterThanOrEqual(990);
  });

  it('does not wait a Retry-After over 60 s: it falls back to backoff (≈0.5 s)', async () => {
    const script = scriptedFetch(
      json(
        { error: { message: 'come back tomorrow' } },
        { status: 429, headers: { 'retry-after': '86400' } },
      ),
      json(completionBody()),
    );
    await client(script.fetch).chat.completions.create(params);
    const gap = script.calls[1]!.at - script.calls[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(370);
    expect(gap).toBeLessThan(2000);
  });

  it('exposes the server delay on RateLimitError when retries are exhausted', async () => {
    const script = scriptedFetch(fail(429, { 'retry-after-ms': '2500' }));
    const error = await client(script.fetch, 0)
      .chat.completions.create(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(2500);
    expect((error as RateLimitError).isRetryable).toBe(true);
  });

  it('reports a delay over 60 s as the server asked, though the policy does not wait that long', async () => {
    const twoHours = json(
      { error: { message: 'monthly budget spent' } },
      { status: 429, headers: { 'retry-after': '7200' } },
    );
    const script = scriptedFetch(twoHours);
    const error = await client(script.fetch, 0)
      .chat.completions.create(params)
      .catch((e: unknown) => e);
    expect((error as RateLimitError).retryAfterMs).toBe(7_200_000);
  });

  it('cancels the body of a status it retries, so the socket is freed before the next attempt', async () => {
    let cancelled = 0;
    const heldBody = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"error":{"message":"busy"'));
        },
        cancel() {
          cancelled++;
        },
      });
    const busy = () =>
      new Response(heldBody(), {
        status: 503,
        headers: { 'content-type': 'application/json', 'retry-after-ms': '1' },
      });
    // Not scriptedFetch: it reads each body whole, and these never end by themselves.
    let calls = 0;
    const fetch = (async () =>
      ++calls < 3 ? busy() : json(completionBody('ok'))) as typeof globalThis.fetch;
    await client(fetch).chat.completions.create(params);
    expect(calls).toBe(3);
    expect(cancelled).toBe(2);
  });

  it('a 400 error reports isRetryable false', async () => {
    const error = await client(scriptedFetch(fail(400)).fetch)
      .chat.completions.create(params)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).isRetryable).toBe(false);
  });
});
