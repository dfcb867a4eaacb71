import { getEventListeners } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIUserAbortError, createClient } from '../../src/index.js';
import { completion, createMockServer, type MockServer } from '../../src/testing/index.js';
import { linkAbort } from '../../src/transport/abort-link.js';

// Found by the soak (issue 9): 64 calls in flight on one app-wide signal put 64 listeners on it,
// and Node warned "MaxListenersExceededWarning: Possible EventTarget memory leak detected".
let server: MockServer;
beforeAll(async () => {
  server = await createMockServer();
});
afterAll(() => server.close());

const ask = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }] };
const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

async function withWarnings<T>(work: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.name);
  process.on('warning', onWarning);
  try {
    return { result: await work(), warnings };
  } finally {
    process.off('warning', onWarning);
  }
}

describe('one caller signal shared by many calls in flight', () => {
  it('carries one listener while 40 requests, streams and backoffs wait on it, none after', async () => {
    server.reset();
    server.route('POST', '/v1/chat/completions', (request) =>
      (request.json as { stream?: boolean }).stream
        ? {
            sse: [
              { pauseMs: 150 },
              { choices: [{ index: 0, delta: { content: 'x' }, finish_reason: 'stop' }] },
            ],
          }
        : { json: completion({ content: 'ok' }), delayMs: 150 },
    );
    const controller = new AbortController();
    const client = createClient({ baseURL: server.baseURL, apiKey: 'sk-test-key' });
    const { result, warnings } = await withWarnings(async () => {
      const calls = Array.from({ length: 40 }, (_, i) =>
        i % 2
          ? client.chat.completions
              .create(ask, { signal: controller.signal })
              .then((c) => c.choices[0]?.message.content)
          : client.chat.completions
              .create({ ...ask, stream: true }, { signal: controller.signal })
              .then(async (s) => (await s.finalCompletion()).choices[0]?.message.content),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      const during = listeners(controller.signal);
      return { during, answers: await Promise.all(calls) };
    });
    expect(result.during).toBe(1);
    expect(result.answers.filter(Boolean)).toHaveLength(40);
    expect(listeners(controller.signal)).toBe(0);
    expect(warnings).toEqual([]);
  });

  it('aborting it still ends every call at once, backoff sleeps included', async () => {
    server.reset();
    server.route('POST', '/v1/chat/completions', { error: 503, headers: { 'retry-after-ms': '30000' } });
    const controller = new AbortController();
    const client = createClient({ baseURL: server.baseURL, apiKey: 'sk-test-key' });
    const calls = Array.from({ length: 20 }, () =>
      client.chat.completions.create(ask, { signal: controller.signal }).catch((e: unknown) => e),
    );
    await server.waitForRequests(20);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listeners(controller.signal)).toBe(1);
    const started = performance.now();
    controller.abort();
    const errors = await Promise.all(calls);
    expect(performance.now() - started).toBeLessThan(1_000);
    for (const error of errors) expect(error).toBeInstanceOf(APIUserAbortError);
    expect(listeners(controller.signal)).toBe(0);
  });
});

describe('linkAbort', () => {
  it('calls each link once, unlinks idempotently, and removes its listener with the last link', () => {
    const controller = new AbortController();
    const calls: string[] = [];
    const record = () => calls.push('same');
    const unlinkA = linkAbort(controller.signal, record);
    linkAbort(controller.signal, record);
    const unlinkC = linkAbort(controller.signal, () => calls.push('c'));
    expect(listeners(controller.signal)).toBe(1);
    unlinkC();
    unlinkC();
    unlinkA();
    expect(listeners(controller.signal)).toBe(1);
    controller.abort();
    expect(calls).toEqual(['same']);
    expect(listeners(controller.signal)).toBe(0);
    unlinkA();
  });

  it('calls back at once for a signal that has already aborted', () => {
    let called = 0;
    linkAbort(AbortSignal.abort(), () => {
      called += 1;
    })();
    expect(called).toBe(1);
  });
});
