// Per-call numeric options are checked like the client's: NaN would silently mean "no timeout"
// and -1 "no retries". Refused before anything is sent, on every kind of call.
import { describe, expect, it } from 'vitest';
import { InternalServerError, InvalidRequestError } from '../../src/index.js';
import { capturingClient } from '../helpers/capture.js';
import { completionBody, json } from '../helpers/scripted-fetch.js';

const ask = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'hi' }] };
const bad = [
  ['timeout', { timeout: Number.NaN }],
  ['maxRetries', { maxRetries: -1 }],
  ['maxResponseBytes', { maxResponseBytes: -5 }],
] as const;

describe('per-call options', () => {
  it.each(bad)(
    '%s out of range is an InvalidRequestError on create(), before sending',
    async (name, options) => {
      const { client, calls } = capturingClient('openai');
      const error = await client.chat.completions.create(ask, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as Error).message).toContain(name);
      expect(calls).toHaveLength(0);
    },
  );

  it('idleTimeout out of range: stream() refuses at the call, create({ stream: true }) rejects', async () => {
    const { client, calls } = capturingClient('openai');
    expect(() => client.chat.completions.stream(ask, { idleTimeout: -1 })).toThrow(InvalidRequestError);
    await expect(
      client.chat.completions.create({ ...ask, stream: true }, { idleTimeout: Number.NaN }),
    ).rejects.toBeInstanceOf(InvalidRequestError);
    expect(calls).toHaveLength(0);
  });

  it('in range they apply (0 is "no retries")', async () => {
    const { client, calls } = capturingClient('openai', {
      maxRetries: 2,
      steps: [json({ error: { message: 'x' } }, { status: 500 }), json(completionBody())],
    });
    await expect(
      client.chat.completions.create(ask, { maxRetries: 0, timeout: 5_000 }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(calls).toHaveLength(1);
  });
});
