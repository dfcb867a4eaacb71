import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bifrostMockDialect, createMockServer, type MockServer } from '../../src/testing/index.js';
import { getJson, ISO, postJson, readJson, UUID, userSays } from './vendor-helpers.js';

const job = { model: 'openai/gpt-4o', ...userSays('slow question') };

describe('mock bifrost: async chat jobs', () => {
  let server: MockServer;
  const submit = (body: unknown = job, headers?: Record<string, string>) =>
    postJson(`${server.url}/v1/async/chat/completions`, body, headers);
  const poll = (id: string, headers?: Record<string, string>) =>
    getJson(`${server.url}/v1/async/chat/completions/${id}`, headers);
  beforeAll(async () => {
    server = await createMockServer({ dialect: 'bifrost' });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('answers 202 pending, 202 processing, then 200 completed with the chat result', async () => {
    const submitted = await readJson(await submit());
    expect(submitted).toMatchObject({ status: 202 });
    expect(submitted.body).toEqual({
      id: expect.stringMatching(UUID),
      status: 'pending',
      created_at: expect.stringMatching(ISO),
    });
    const { id } = submitted.body;
    expect(await poll(id)).toMatchObject({ status: 202, body: { id, status: 'processing' } });
    const done = await poll(id);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id, status: 'completed', status_code: 200 });
    expect(done.body.result).toMatchObject({
      object: 'chat.completion',
      choices: [{ message: { content: 'Echo: slow question' } }],
      extra_fields: {
        request_type: 'chat_completion',
        routing_info: { provider: 'openai', model: 'gpt-4o' },
      },
    });
    const ttl = Date.parse(done.body.expires_at) - Date.parse(done.body.completed_at);
    expect(ttl).toBe(3600 * 1000);
  });

  it('honours x-bf-async-job-result-ttl: a 0 s result is gone (404) on the next poll', async () => {
    const { id } = (await readJson(await submit(job, { 'x-bf-async-job-result-ttl': '0' }))).body;
    await poll(id);
    expect((await poll(id)).body.status).toBe('completed');
    const gone = await poll(id);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({
      is_bifrost_error: false,
      status_code: 404,
      error: { message: expect.stringContaining('expired') },
    });
    const { id: other } = (await readJson(await submit(job, { 'x-bf-async-job-result-ttl': '-5' }))).body;
    await poll(other);
    const kept = (await poll(other)).body;
    expect(Date.parse(kept.expires_at) - Date.parse(kept.completed_at)).toBe(3600 * 1000);
  });

  it('refuses stream: true and bare models; unknown ids and other virtual keys get 404', async () => {
    expect(await readJson(await submit({ ...job, stream: true }))).toMatchObject({
      status: 400,
      body: { error: { message: 'stream is not supported for async chat completions' } },
    });
    expect((await submit({ ...job, model: 'gpt-4o' })).status).toBe(400);
    expect(await poll('no-such-job')).toMatchObject({
      status: 404,
      body: { status_code: 404, error: { message: expect.stringContaining('not found') } },
    });
    const { id } = (await readJson(await submit(job, { 'x-bf-vk': 'sk-bf-team-a' }))).body;
    expect((await poll(id, { 'x-bf-vk': 'sk-bf-team-b' })).status).toBe(404);
    expect((await poll(id, { authorization: 'Bearer sk-bf-team-a' })).status).toBe(202);
  });
});

describe('mock bifrost: failing async jobs', () => {
  it('ends in failed with the upstream status_code and BifrostError when every model fails', async () => {
    const server = await createMockServer({
      dialect: bifrostMockDialect({ failPrimary: true, asyncSteps: ['pending', 'completed'] }),
    });
    try {
      const { id } = await (await postJson(`${server.url}/v1/async/chat/completions`, job)).json();
      const failed = await getJson(`${server.url}/v1/async/chat/completions/${id}`);
      expect(failed.status).toBe(200);
      expect(failed.body).toMatchObject({
        id,
        status: 'failed',
        status_code: 503,
        error: { is_bifrost_error: false, error: { message: 'mock upstream failure for openai/gpt-4o' } },
      });
      expect(failed.body).not.toHaveProperty('result');
    } finally {
      await server.close();
    }
  });

  it('fails every job with failAsync', async () => {
    const server = await createMockServer({ dialect: bifrostMockDialect({ failAsync: true }) });
    try {
      const { id } = await (await postJson(`${server.url}/v1/async/chat/completions`, job)).json();
      await getJson(`${server.url}/v1/async/chat/completions/${id}`);
      const failed = await getJson(`${server.url}/v1/async/chat/completions/${id}`);
      expect(failed.body).toMatchObject({
        status: 'failed',
        status_code: 500,
        error: { error: { message: 'mock async job failed' } },
      });
    } finally {
      await server.close();
    }
  });
});
