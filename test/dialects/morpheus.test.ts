import { describe, expect, it } from 'vitest';
import {
  InvalidRequestError,
  PaymentRequiredError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../src/index.js';
import { capturingClient } from '../helpers/capture.js';
import { json } from '../helpers/scripted-fetch.js';

const messages = [{ role: 'user' as const, content: 'Hi' }];

describe('morpheus requests', () => {
  it('POSTs to /api/v1/chat/completions with Accept matching stream and session_id passed through', async () => {
    const { client, calls } = capturingClient('morpheus', {
      apiKey: 'sk-abc123.def',
      baseURL: 'http://127.0.0.1:9/api/v1',
    });
    await client.chat.completions.create({ model: 'llama-3.3-70b', messages, session_id: '0x7f15' });
    expect(calls[0]!.url).toBe('http://127.0.0.1:9/api/v1/chat/completions');
    expect(calls[0]!.headers).toMatchObject({
      authorization: 'Bearer sk-abc123.def',
      accept: 'application/json',
    });
    expect(JSON.parse(calls[0]!.body!)).toEqual({
      model: 'llama-3.3-70b',
      messages,
      session_id: '0x7f15',
      stream: false,
    });
  });

  it('refuses a key that does not start with sk- (a login JWT) before sending', async () => {
    const { client, calls } = capturingClient('morpheus', { apiKey: 'eyJhbGciOiJIUzI1NiJ9.payload.sig' });
    const error = await client.chat.completions.create({ model: 'm', messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(/starting with "sk-"/);
    expect((error as Error).message).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(calls).toHaveLength(0);
  });
});

describe('morpheus errors', () => {
  it('reads FastAPI {detail} in both forms', async () => {
    const plain = await capturingClient('morpheus', {
      steps: [json({ detail: 'Invalid API key' }, { status: 401 })],
    })
      .client.chat.completions.create({ model: 'm', messages })
      .catch((e: unknown) => e);
    expect((plain as Error).message).toBe('401 Invalid API key');
    const list = await capturingClient('morpheus', {
      steps: [
        json(
          { detail: [{ loc: ['body', 'messages'], msg: 'field required', type: 'missing' }] },
          { status: 422 },
        ),
      ],
    })
      .client.chat.completions.create({ model: 'm', messages })
      .catch((e: unknown) => e);
    expect(list).toBeInstanceOf(UnprocessableEntityError);
    expect((list as Error).message).toBe('422 body.messages: field required');
  });

  it('402 insufficient balance is a PaymentRequiredError', async () => {
    const error = await capturingClient('morpheus', {
      steps: [
        json(
          { error: { message: 'Insufficient balance', type: 'insufficient_balance', available: 0 } },
          { status: 402 },
        ),
      ],
    })
      .client.chat.completions.create({ model: 'm', messages })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentRequiredError);
    expect(error).toMatchObject({ type: 'insufficient_balance' });
  });

  it('429 exposes Retry-After and the X-RateLimit-* limits', async () => {
    const error = (await capturingClient('morpheus', {
      steps: [
        json(
          {
            error: {
              message: 'Rate limit exceeded: 61/60 requests per minute',
              type: 'requests',
              code: 'rate_limit_exceeded',
            },
          },
          {
            status: 429,
            headers: {
              'retry-after': '7',
              'x-ratelimit-limit-requests': '60',
              'x-ratelimit-remaining-requests': '0',
              'x-ratelimit-limit-tokens': '100000',
              'x-ratelimit-remaining-tokens': '99000',
              'x-ratelimit-reset-requests': '2026-11-22T01:00:00Z',
            },
          },
        ),
      ],
    })
      .client.chat.completions.create({ model: 'm', messages })
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(7_000);
    expect(error.rateLimit).toEqual({
      limitRequests: 60,
      remainingRequests: 0,
      limitTokens: 100_000,
      remainingTokens: 99_000,
      resetRequests: '2026-11-22T01:00:00Z',
    });
  });

  it('takes a blank rate-limit header as absent, not 0', async () => {
    const error = (await capturingClient('morpheus', {
      apiKey: 'sk-morpheus-test',
      steps: [
        json(
          { detail: 'slow down' },
          {
            status: 429,
            headers: { 'x-ratelimit-remaining-requests': '', 'x-ratelimit-limit-requests': ' ' },
          },
        ),
      ],
    })
      .client.chat.completions.create({ model: 'm', messages })
      .catch((e: unknown) => e)) as RateLimitError;
    expect(error.rateLimit).toEqual({});
  });
});
