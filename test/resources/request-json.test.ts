// A 2xx answer our reader cannot make sense of is not a dropped connection: it must surface as a
// ResponseValidationError and not be retried (a retried POST is a second, paid request).
import { describe, expect, it } from 'vitest';
import { ResponseValidationError } from '../../src/index.js';
import { capturingClient } from '../helpers/capture.js';
import { json } from '../helpers/scripted-fetch.js';

describe('a 2xx body the reader trips over', () => {
  it('inTandem {success: true, data: null} on a run poll: one request, ResponseValidationError', async () => {
    const { client, calls } = capturingClient('intandem', {
      maxRetries: 2,
      steps: [json({ success: true, data: null }), json({ success: true, data: null })],
    });
    const error = await client.runs.retrieve('run-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).rawText).toContain('"data":null');
    expect(calls).toHaveLength(1);
  });

  it('the same on an async submit: the run is not queued twice', async () => {
    const { client, calls } = capturingClient('intandem', {
      maxRetries: 2,
      steps: [json({ success: true, data: null }), json({ success: true, data: null })],
    });
    const error = await client.chat.completions
      .create({ model: 'openai/o1', messages: [{ role: 'user', content: 'x' }], async: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(calls).toHaveLength(1);
  });
});
