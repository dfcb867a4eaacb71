import { check, openaiClient, type Step } from '../scenario.js';
import { abortIntervalMs, models } from '../script.js';

/** The caller's signal fires after the first chunk: iteration and `finalCompletion()` reject promptly. */
export const abortMidStream: Step = {
  name: 'abort mid-stream',
  run: async (context) => {
    const { chatwire } = context;
    const controller = new AbortController();
    const stream = await openaiClient(context).chat.completions.create(
      { model: models.abort, messages: [{ role: 'user', content: 'go slowly' }], stream: true },
      { signal: controller.signal },
    );
    const started = performance.now();
    let chunks = 0;
    let caught: unknown;
    try {
      for await (const _chunk of stream) {
        chunks++;
        if (chunks === 1) controller.abort();
      }
    } catch (error) {
      caught = error;
    }
    const ms = performance.now() - started;
    check(
      caught instanceof chatwire.APIUserAbortError,
      `iteration should throw APIUserAbortError, got ${caught === undefined ? 'no error' : String(caught)}`,
    );
    check(chunks === 1, `expected iteration to stop after 1 chunk, read ${chunks}`);
    // The mock sends 50 chunks 100 ms apart; ending within a few gaps means the abort cut it.
    check(ms < abortIntervalMs * 10, `abort took ${ms.toFixed(0)} ms`);
    const final = await stream.finalCompletion().then(
      () => 'resolved',
      (error: unknown) => error,
    );
    check(final instanceof chatwire.APIUserAbortError, `finalCompletion() gave ${String(final)}`);
    return `stopped after ${chunks} chunk`;
  },
};
