// Bifrost: "a job created with a VK can only be read with the same VK" (shared/vendors/bifrost.md
// §7). A per-call virtual key must travel with every poll of the job it made, against the mock
// vendor that enforces it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, NotFoundError } from '../../src/index.js';
import { createMockServer, type MockServer } from '../../src/testing/index.js';

const fast = { intervalMs: 5, maxIntervalMs: 20 };
const job = {
  model: 'openai/gpt-4o-mini',
  messages: [{ role: 'user' as const, content: 'slow question' }],
  async: true as const,
};
const teamA = { bifrost: { virtualKey: 'sk-bf-team-a' } };

describe('Bifrost jobs made with a per-call virtual key', () => {
  let server: MockServer;
  const client = () => createClient({ dialect: 'bifrost', baseURL: server.url });
  beforeAll(async () => {
    server = await createMockServer({ dialect: 'bifrost' });
  });
  afterAll(() => server.close());

  it('wait(run) polls with the key the run was made with', async () => {
    const run = await client().chat.completions.create(job, teamA);
    const completion = await client().runs.wait(run, fast);
    expect(completion.choices[0]?.message.content).toBe('Echo: slow question');
    const polls = server.requests.filter((r) => r.method === 'GET' && r.path.endsWith(run.id));
    expect(polls.length).toBeGreaterThan(0);
    for (const poll of polls) expect(poll.headers['x-bf-vk']).toBe('sk-bf-team-a');
    // The key stays beside the run, never in it: a logged or serialised run does not carry it.
    expect(JSON.stringify(run)).not.toContain('sk-bf-team-a');
  });

  it('retrieve and wait by id take the key as a request option; without it the job is not found', async () => {
    const run = await client().chat.completions.create(job, teamA);
    await expect(client().runs.retrieve(run.id)).rejects.toThrow(/another virtual key.*virtualKey/);
    await expect(client().runs.retrieve(run.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await client().runs.retrieve(run.id, teamA)).id).toBe(run.id);
    const completion = await client().runs.wait(run.id, { ...fast, ...teamA });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
  });

  it('a key given as a header on create is carried to the polls too, and no other control is', async () => {
    const run = await client().chat.completions.create(job, {
      headers: { 'X-BF-VK': 'sk-bf-team-a' },
      bifrost: { cacheKey: 'user-1' },
    });
    await client().runs.wait(run, fast);
    const polls = server.requests.filter((r) => r.method === 'GET' && r.path.endsWith(run.id));
    expect(polls.length).toBeGreaterThan(0);
    for (const poll of polls) {
      expect(poll.headers['x-bf-vk']).toBe('sk-bf-team-a');
      expect(poll.headers['x-bf-cache-key']).toBeUndefined();
    }
  });

  it('a key given to wait() wins over the one the run carries', async () => {
    const run = await client().chat.completions.create(job, teamA);
    const error = await client()
      .runs.wait(run, { ...fast, bifrost: { virtualKey: 'sk-bf-team-b' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    const lastPoll = server.requests.filter((r) => r.method === 'GET' && r.path.endsWith(run.id)).at(-1);
    expect(lastPoll?.headers['x-bf-vk']).toBe('sk-bf-team-b');
  });
});
