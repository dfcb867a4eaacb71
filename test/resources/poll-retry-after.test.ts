// A "not yet" answer may say when to ask again (Bifrost's 202, Caesar's chat 202): API.md has
// wait() back off between polls honouring Retry-After, not only after a 429.
import { describe, expect, it } from 'vitest';
import { capturingClient } from '../helpers/capture.js';
import { completionBody, json } from '../helpers/scripted-fetch.js';

const fast = { intervalMs: 5, maxIntervalMs: 20 };
const job = (status: string, httpStatus: number, headers: Record<string, string> = {}, extra = {}) =>
  json(
    { id: 'job-1', status, created_at: '2026-01-01T12:00:00.000Z', ...extra },
    { status: httpStatus, headers },
  );
const result = completionBody('Done.');

describe('runs.wait between polls', () => {
  it('waits as long as a 202 answer’s retry-after-ms asks, over a shorter interval', async () => {
    const { client, calls } = capturingClient('bifrost', {
      steps: [
        job('processing', 202, { 'retry-after-ms': '250' }),
        job('processing', 202, { 'retry-after': '0' }),
        job('completed', 200, {}, { result }),
      ],
    });
    const completion = await client.runs.wait('job-1', fast);
    expect(completion.choices[0]?.message.content).toBe('Done.');
    expect(calls).toHaveLength(3);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(240);
    // Without a hint the interval rules again (5 ms × 1.5, not another 250 ms).
    expect(calls[2]!.at - calls[1]!.at).toBeLessThan(240);
  });
});
