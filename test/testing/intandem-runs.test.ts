import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, intandemMockDialect, type MockServer } from '../../src/testing/index.js';
import { getJson, ISO, postJson, readJson, UUID, userSays } from './vendor-helpers.js';

const asyncAsk = { model: 'openai/o1', ...userSays('think hard'), async: true, stream: false };

describe('mock intandem: async runs', () => {
  let server: MockServer;
  const submit = (body: unknown = asyncAsk) => postJson(`${server.url}/v3/ai/chat_completions`, body);
  const run = (uid: string) => getJson(`${server.url}/v3/ai/chat_completion_runs/${uid}`);
  beforeAll(async () => {
    server = await createMockServer({ dialect: 'intandem' });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('queues a run (202 QUEUED) that walks IN_PROGRESS then COMPLETED with the completion as result', async () => {
    const submitted = await readJson(await submit());
    expect(submitted.status).toBe(202);
    expect(submitted.body).toEqual({
      success: true,
      data: { uid: expect.stringMatching(UUID), status: 'QUEUED', created_at: expect.stringMatching(ISO) },
    });
    const { uid } = submitted.body.data;
    expect(await run(uid)).toMatchObject({
      status: 200,
      body: { success: true, data: { uid, status: 'IN_PROGRESS' } },
    });
    const done = (await run(uid)).body.data;
    expect(done).toMatchObject({ uid, status: 'COMPLETED', updated_at: expect.stringMatching(ISO) });
    expect(done.result).toMatchObject({
      uid: expect.stringMatching(/^chatcmpl-mock-/),
      object: 'chat.completion',
      created_at: expect.stringMatching(ISO),
      choices: [{ message: { content: 'Echo: think hard' } }],
    });
    expect(done).not.toHaveProperty('error_message');
  });

  it('queues even when stream is left at its default of true', async () => {
    const { status, body } = await readJson(
      await submit({ model: 'anthropic/claude-3-5-haiku-latest', ...userSays('x'), async: true }),
    );
    expect(status).toBe(202);
    expect(body.data.status).toBe('QUEUED');
  });

  it('lists runs newest first (per_page ≤ 100) and answers the documented 404', async () => {
    const first = (await readJson(await submit())).body.data.uid;
    const second = (await readJson(await submit())).body.data.uid;
    const list = await getJson(`${server.url}/v3/ai/chat_completion_runs?page=1&per_page=20`);
    expect(list.body.success).toBe(true);
    expect(list.body.data.chat_completion_runs.map((item: { uid: string }) => item.uid)).toEqual([
      second,
      first,
    ]);
    const ascending = await getJson(
      `${server.url}/v3/ai/chat_completion_runs?sort=created_at:asc&per_page=1`,
    );
    expect(ascending.body.data.chat_completion_runs).toEqual([
      expect.objectContaining({ uid: first, status: 'QUEUED' }),
    ]);
    expect((await getJson(`${server.url}/v3/ai/chat_completion_runs?per_page=101`)).status).toBe(400);
    expect(await run('00000000-0000-4000-8000-0000000000ff')).toMatchObject({
      status: 404,
      body: { errors: [{ field: 'uid', code: 'not_found', message: 'Chat completion run not found.' }] },
    });
    expect((await run('00000000-0000-4000-8000-0000000000ff')).body).not.toHaveProperty('success');
  });
});

describe('mock intandem: failing runs', () => {
  it('ends in FAILED with error_message and no result', async () => {
    const server = await createMockServer({
      dialect: intandemMockDialect({ failRuns: 'Provider timed out', runSteps: ['QUEUED', 'COMPLETED'] }),
    });
    try {
      const { uid } = (await readJson(await postJson(`${server.url}/v3/ai/chat_completions`, asyncAsk))).body
        .data;
      const { body } = await getJson(`${server.url}/v3/ai/chat_completion_runs/${uid}`);
      expect(body.data).toMatchObject({ uid, status: 'FAILED', error_message: 'Provider timed out' });
      expect(body.data).not.toHaveProperty('result');
    } finally {
      await server.close();
    }
  });
});
