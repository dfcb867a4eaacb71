import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  APIUserAbortError,
  bifrost,
  ChatwireError,
  defineDialect,
  InvalidRequestError,
  NotFoundError,
  openai,
  type Run,
  RunFailedError,
  RunTimeoutError,
} from '../../src/index.js';
import { capturingClient } from '../helpers/capture.js';
import { completionBody, json } from '../helpers/scripted-fetch.js';

const messages = [{ role: 'user' as const, content: 'Summarise the quarter' }];
const fast = { intervalMs: 5, maxIntervalMs: 20 };
const inTandemRun = (status: string, extra: Record<string, unknown> = {}) =>
  json({ success: true, data: { uid: 'run-1', status, created_at: '2026-02-09T09:31:30.934Z', ...extra } });
const bifrostJob = (status: string, extra: Record<string, unknown> = {}, httpStatus = 200) =>
  json({ id: 'job-1', status, created_at: '2026-01-01T12:00:00.123Z', ...extra }, { status: httpStatus });
const result = {
  uid: 'chatcmpl-9',
  object: 'chat.completion',
  created_at: '2026-02-09T09:32:00.000Z',
  model: 'openai/o1',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Done.' }, finish_reason: 'stop' }],
};

describe('inTandem runs', () => {
  it('create({async: true}) posts async + stream:false and returns a normalised Run', async () => {
    const { client, calls } = capturingClient('intandem', {
      steps: [
        json(
          { success: true, data: { uid: 'run-1', status: 'QUEUED', created_at: '2026-02-09T09:31:30.934Z' } },
          { status: 202 },
        ),
      ],
    });
    const run = await client.chat.completions.create({ model: 'openai/o1', messages, async: true });
    expect(JSON.parse(calls[0]!.body!)).toMatchObject({ async: true, stream: false });
    expect(calls[0]!.url).toBe('http://127.0.0.1:9/v3/ai/chat_completions');
    expect(run).toEqual({
      id: 'run-1',
      status: 'queued',
      vendorStatus: 'QUEUED',
      createdAt: '2026-02-09T09:31:30.934Z',
    });
  });

  it('create({async: true}) sends the parameters as they were at the call', async () => {
    const { client, calls } = capturingClient('intandem', { steps: [inTandemRun('QUEUED')] });
    const sent = [...messages];
    const run = client.chat.completions.create({ model: 'openai/o1', messages: sent, async: true });
    sent.push({ role: 'user', content: 'added after the call' });
    await run;
    expect(JSON.parse(calls[0]!.body!).messages).toHaveLength(1);
  });

  it('wait polls /v3/ai/chat_completion_runs/{uid}, reports each change once, and resolves with the completion', async () => {
    const { client, calls } = capturingClient('intandem', {
      steps: [
        inTandemRun('QUEUED'),
        inTandemRun('IN_PROGRESS'),
        inTandemRun('IN_PROGRESS'),
        inTandemRun('COMPLETED', { updated_at: '2026-02-09T09:32:00.000Z', result }),
      ],
    });
    const seen: string[] = [];
    const completion = await client.runs.wait('run-1', {
      ...fast,
      onProgress: (run) => seen.push(run.vendorStatus),
    });
    expect(completion.choices[0]?.message.content).toBe('Done.');
    expect(completion.id).toBe('chatcmpl-9');
    expect(seen).toEqual(['QUEUED', 'IN_PROGRESS', 'COMPLETED']);
    expect(calls.map((c) => c.url)).toEqual(
      Array(4).fill('http://127.0.0.1:9/v3/ai/chat_completion_runs/run-1'),
    );
  });

  it('a failed run rejects with RunFailedError carrying the vendor message', async () => {
    const { client } = capturingClient('intandem', {
      steps: [inTandemRun('FAILED', { error_message: 'Provider quota exhausted' })],
    });
    const error = (await client.runs.wait('run-1', fast).catch((e: unknown) => e)) as RunFailedError;
    expect(error).toBeInstanceOf(RunFailedError);
    expect(error.message).toContain('Provider quota exhausted');
    expect((error.run as Run).status).toBe('failed');
  });

  it('an unknown status counts as in progress and keeps polling', async () => {
    const { client } = capturingClient('intandem', {
      steps: [inTandemRun('WARMING_UP'), inTandemRun('COMPLETED', { result })],
    });
    const states: Run[] = [];
    for await (const run of client.runs.watch('run-1', fast)) states.push(run);
    expect(states.map((r) => [r.status, r.vendorStatus])).toEqual([
      ['in_progress', 'WARMING_UP'],
      ['completed', 'COMPLETED'],
    ]);
  });

  it('a poll that gets 503 is retried within the retry policy', async () => {
    const { client, calls } = capturingClient('intandem', {
      maxRetries: 2,
      steps: [
        json(
          { success: false, errors: [{ code: 'unavailable', message: 'busy' }] },
          { status: 503, headers: { 'retry-after-ms': '1' } },
        ),
        inTandemRun('COMPLETED', { result }),
      ],
    });
    const completion = await client.runs.wait('run-1', fast);
    expect(completion.choices[0]?.message.content).toBe('Done.');
    expect(calls).toHaveLength(2);
  });

  it('429 with Retry-After slows the poll down', async () => {
    const { client, calls } = capturingClient('intandem', {
      maxRetries: 2,
      steps: [
        json(
          {
            success: false,
            errors: [{ code: 'rate_limit_exceeded', message: 'Maximum 10 requests per minute' }],
          },
          { status: 429, headers: { 'retry-after-ms': '200' } },
        ),
        inTandemRun('COMPLETED', { result }),
      ],
    });
    await client.runs.wait('run-1', fast);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(190);
  });

  it('an unknown id is NotFoundError saying what it means', async () => {
    const { client } = capturingClient('intandem', {
      steps: [
        json(
          { errors: [{ field: 'uid', code: 'not_found', message: 'Chat completion run not found.' }] },
          { status: 404 },
        ),
      ],
    });
    const error = await client.runs.retrieve('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    // The vendor's own message first (API.md), then what it may mean.
    expect((error as Error).message).toMatch(
      /^404 uid: Chat completion run not found\. — run nope: inTandem/,
    );
  });

  it('list pages through runs and refuses perPage over 100', async () => {
    const { client, calls } = capturingClient('intandem', {
      steps: [
        json({
          success: true,
          data: {
            chat_completion_runs: [
              { uid: 'a', status: 'COMPLETED', created_at: 'x' },
              { uid: 'b', status: 'QUEUED', created_at: 'y' },
            ],
          },
        }),
      ],
    });
    const runs = await client.runs.list({ page: 2, perPage: 50 });
    expect(runs.map((r) => [r.id, r.status])).toEqual([
      ['a', 'completed'],
      ['b', 'queued'],
    ]);
    expect(calls[0]!.url).toBe(
      'http://127.0.0.1:9/v3/ai/chat_completion_runs?page=2&per_page=50&sort=created_at:desc',
    );
    await expect(client.runs.list({ perPage: 101 })).rejects.toBeInstanceOf(InvalidRequestError);
    expect(calls).toHaveLength(1);
  });
});

describe('Bifrost jobs', () => {
  it('async posts to /v1/async/chat/completions with the TTL header; 202 while pending is not an error', async () => {
    const { client, calls } = capturingClient('bifrost', {
      steps: [
        bifrostJob('pending', {}, 202),
        bifrostJob('processing', {}, 202),
        bifrostJob('completed', {
          completed_at: 'z',
          expires_at: 'e',
          result: completionBody('async answer'),
        }),
      ],
    });
    const run = await client.chat.completions.create(
      { model: 'openai/gpt-4o-mini', messages, async: true },
      { bifrost: { asyncResultTtl: 600 } },
    );
    expect(calls[0]!.url).toBe('http://127.0.0.1:9/v1/async/chat/completions');
    expect(calls[0]!.headers['x-bf-async-job-result-ttl']).toBe('600');
    expect(JSON.parse(calls[0]!.body!).async).toBeUndefined();
    expect(run.status).toBe('queued');
    const completion = await client.runs.wait(run, fast);
    expect(completion.choices[0]?.message.content).toBe('async answer');
    expect(calls.slice(1).map((c) => c.url)).toEqual(
      Array(2).fill('http://127.0.0.1:9/v1/async/chat/completions/job-1'),
    );
  });

  it('a 404 on submit (async routes off: no logs store) says why, with the vendor message first', async () => {
    const { client } = capturingClient('bifrost', {
      steps: [json({ error: { message: 'Cannot POST /v1/async/chat/completions' } }, { status: 404 })],
    });
    const error = await client.chat.completions
      .create({ model: 'openai/gpt-4o-mini', messages, async: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(
      /^404 Cannot POST \/v1\/async\/chat\/completions — async submit: Bifrost registers its \/v1\/async routes only when the gateway has a logs store/,
    );
  });

  it('a failed job rejects with the vendor message, code and HTTP status', async () => {
    const { client } = capturingClient('bifrost', {
      steps: [
        bifrostJob('failed', {
          status_code: 429,
          error: {
            is_bifrost_error: false,
            type: 'rate_limited',
            error: { message: 'upstream rate limit', code: 'rate_limit_exceeded' },
          },
        }),
      ],
    });
    const error = (await client.runs.wait('job-1', fast).catch((e: unknown) => e)) as RunFailedError;
    expect(error).toBeInstanceOf(RunFailedError);
    expect(error).toMatchObject({ code: 'rate_limit_exceeded', status: 429 });
    expect(error.message).toContain('upstream rate limit');
  });

  it('an expired or foreign job is NotFoundError that says so', async () => {
    const { client } = capturingClient('bifrost', {
      steps: [
        json(
          { is_bifrost_error: true, status_code: 404, error: { message: 'async job not found' } },
          { status: 404 },
        ),
      ],
    });
    const error = await client.runs.wait('job-gone', fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/expired.*another virtual key/);
  });

  it('stream + async, a bare model and runs.list are refused before sending', async () => {
    const { client, calls } = capturingClient(bifrost());
    await expect(
      client.chat.completions.create({ model: 'openai/x', messages, async: true, stream: true } as never),
    ).rejects.toThrow(/cannot be combined/);
    await expect(client.chat.completions.create({ model: 'gpt-4o', messages, async: true })).rejects.toThrow(
      /provider\/model/,
    );
    await expect(client.runs.list()).rejects.toThrow(/cannot list runs/);
    expect(calls).toHaveLength(0);
  });
});

describe('waiting ends cleanly', () => {
  it('times out with RunTimeoutError carrying the last run seen', async () => {
    const { client } = capturingClient('intandem', { steps: [inTandemRun('IN_PROGRESS')] });
    const error = (await client.runs
      .wait('run-1', { ...fast, timeoutMs: 120 })
      .catch((e: unknown) => e)) as RunTimeoutError;
    expect(error).toBeInstanceOf(RunTimeoutError);
    expect((error.run as Run).vendorStatus).toBe('IN_PROGRESS');
  });

  it('abort mid-wait settles at once and leaves no listener on the signal', async () => {
    const { client } = capturingClient('intandem', { steps: [inTandemRun('IN_PROGRESS')] });
    const controller = new AbortController();
    const pending = client.runs.wait('run-1', { intervalMs: 10_000, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const started = performance.now();
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(performance.now() - started).toBeLessThan(50);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('runs on a dialect without them are refused', async () => {
    const { client, calls } = capturingClient('openai');
    await expect(client.runs.retrieve('x')).rejects.toBeInstanceOf(InvalidRequestError);
    expect(calls).toHaveLength(0);
  });
});

describe('runs of a custom dialect', () => {
  // A dialect may give its RunSpec as a value or (as the built-in ones do) as a loader.
  const spec = {
    retrievePath: (id: string) => `/jobs/${id}`,
    readRun: (body: unknown): Run => {
      const job = body as { id: string; state: string };
      return {
        id: job.id,
        status: job.state === 'done' ? 'completed' : 'in_progress',
        vendorStatus: job.state,
        createdAt: '2026-01-01T00:00:00Z',
      };
    },
    notFoundHint: 'Jobs expire after a day.',
  };
  const custom = (runs: typeof spec | (() => Promise<typeof spec>)) =>
    defineDialect({
      ...openai(),
      name: 'custom-jobs',
      runs,
      capabilities: { ...openai().capabilities, async: true },
    });

  for (const [form, runs] of [
    ['a RunSpec value', spec],
    ['a loader of it', async () => spec],
  ] as const) {
    it(`polls with ${form}`, async () => {
      const { client, calls } = capturingClient(custom(runs), {
        steps: [json({ id: 'j1', state: 'working' }), json({ id: 'j1', state: 'done' })],
      });
      const seen: string[] = [];
      for await (const run of client.runs.watch('j1', fast)) seen.push(run.vendorStatus);
      expect(seen).toEqual(['working', 'done']);
      expect(calls.map((call) => call.url)).toEqual([
        'http://127.0.0.1:9/jobs/j1',
        'http://127.0.0.1:9/jobs/j1',
      ]);
    });
  }
  it('a run reader that fails to load after the vendor took the run still names the run', async () => {
    const unloadable = custom(() => Promise.reject(new Error('chunk runs-1.js could not be fetched.')));
    const { client, calls } = capturingClient(unloadable, {
      steps: [json({ id: 'job-77', state: 'queued', note: 'key sk-test-key seen' })],
    });
    const error = await client.chat.completions
      .create({ model: 'm', messages, async: true } as never)
      .catch((e: unknown) => e);
    expect(ChatwireError.is(error)).toBe(true);
    expect((error as Error).message).toContain('chunk runs-1.js could not be fetched.');
    expect((error as Error).message).toContain('"id":"job-77"');
    expect((error as Error).message).not.toContain('sk-test-key');
    expect(calls).toHaveLength(1);
  });
});
