import { describe, expect, it } from 'vitest';
import { createMockServer, morpheusMockDialect } from '../../src/testing/index.js';
import { postJson, readJson, readSse, userSays } from './vendor-helpers.js';

const auth = { authorization: 'Bearer sk-ABCDEF.123' };

describe('mock morpheus: options', () => {
  it('ends streams with [DONE] and puts usage after the finish chunk when asked', async () => {
    const server = await createMockServer({
      dialect: morpheusMockDialect({ done: true, usageFrame: 'after-finish' }),
    });
    try {
      const { frames, done } = readSse(
        await (
          await postJson(`${server.baseURL}/chat/completions`, { stream: true, ...userSays('q') }, auth)
        ).text(),
      );
      expect(done).toBe(true);
      expect(frames.at(-1)).toHaveProperty('usage_from_provider');
      expect(frames.at(-2).choices[0].finish_reason).toBe('stop');
    } finally {
      await server.close();
    }
  });

  it('writes an in-band { error: { message, type } } frame after HTTP 200 and ends', async () => {
    const server = await createMockServer({
      dialect: morpheusMockDialect({
        streamError: { after: 1, type: 'retry_failed', message: 'all retries failed' },
      }),
    });
    try {
      const response = await postJson(
        `${server.baseURL}/chat/completions`,
        { stream: true, ...userSays('a b c') },
        auth,
      );
      expect(response.status).toBe(200);
      const { frames, done } = readSse(await response.text());
      expect(done).toBe(false);
      expect(frames).toHaveLength(3);
      expect(frames[2].error).toMatchObject({ message: 'all retries failed', type: 'retry_failed' });
    } finally {
      await server.close();
    }
  });

  it('enforces per-minute limits with 429, Retry-After and X-RateLimit-* headers', async () => {
    const server = await createMockServer({
      dialect: morpheusMockDialect({ rateLimit: { requests: 1, tokens: 500, enforce: true } }),
    });
    try {
      const url = `${server.baseURL}/chat/completions`;
      const first = await postJson(url, userSays('x'), auth);
      expect(first.headers.get('x-ratelimit-limit-requests')).toBe('1');
      expect(first.headers.get('x-ratelimit-remaining-requests')).toBe('0');
      const second = await readJson(await postJson(url, userSays('x'), auth));
      expect(second.status).toBe(429);
      expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(second.headers.get('x-ratelimit-limit-tokens')).toBe('500');
      expect(Date.parse(second.headers.get('x-ratelimit-reset-requests')!)).toBeGreaterThan(Date.now());
      expect(second.body.error).toMatchObject({ code: 'rate_limit_exceeded', type: 'requests' });
      server.reset();
      expect((await postJson(url, userSays('x'), auth)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('answers 402 insufficient_balance with insufficientBalance, and 401 "Invalid API key" for the wrong sk- key', async () => {
    const broke = await createMockServer({ dialect: morpheusMockDialect({ insufficientBalance: true }) });
    const guarded = await createMockServer({ dialect: 'morpheus', apiKey: 'sk-right' });
    try {
      const poor = await readJson(await postJson(`${broke.baseURL}/chat/completions`, userSays('x'), auth));
      expect(poor).toMatchObject({
        status: 402,
        body: { error: { type: 'insufficient_balance', estimated_cost: expect.any(Number) } },
      });
      const wrong = await readJson(
        await postJson(`${guarded.baseURL}/chat/completions`, userSays('x'), auth),
      );
      expect(wrong).toMatchObject({ status: 401, body: { detail: 'Invalid API key' } });
      const right = await postJson(`${guarded.baseURL}/chat/completions`, userSays('x'), {
        authorization: 'Bearer sk-right',
      });
      expect(right.status).toBe(200);
    } finally {
      await Promise.all([broke.close(), guarded.close()]);
    }
  });
});
