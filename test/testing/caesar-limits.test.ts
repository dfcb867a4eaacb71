// Caesar's account limits (shared/vendors/caesar.md §8): 5 unfinished research jobs and 200
// reasoning loops a month, over POST /research and compat chat alike; both answer 429.
import { describe, expect, it } from 'vitest';
import { createClient, RateLimitError } from '../../src/index.js';
import { caesarMockDialect, createMockServer, type MockServer } from '../../src/testing/index.js';
import { getJson, postJson, userSays } from './vendor-helpers.js';

const withServer = async (
  options: Parameters<typeof caesarMockDialect>[0],
  body: (server: MockServer) => Promise<void>,
) => {
  const server = await createMockServer({ dialect: caesarMockDialect(options) });
  try {
    await body(server);
  } finally {
    await server.close();
  }
};
const compat = (server: MockServer, loops?: number) =>
  postJson(`${server.url}/compat/chat/completions`, {
    model: 'caesar-research',
    ...userSays('q'),
    ...(loops === undefined ? {} : { metadata: { reasoning_loops: loops } }),
  });

describe('mock caesar: account limits', () => {
  it('unfinished research jobs count against compat chat too, until they finish', async () => {
    await withServer({ maxConcurrentResearch: 1, researchSteps: ['queued', 'completed'] }, async (server) => {
      const job = (await (await postJson(`${server.url}/research`, { query: 'q' })).json()) as { id: string };
      expect((await compat(server)).status).toBe(429);
      expect((await postJson(`${server.url}/research`, { query: 'q2' })).status).toBe(429);
      await getJson(`${server.url}/research/${job.id}`); // completed
      expect((await compat(server)).status).toBe(200);
    });
  });

  it('a monthly loop budget, spent by completed jobs and compat chats, refuses both once used up', async () => {
    await withServer({ monthlyReasoningLoops: 4, researchSteps: ['queued', 'completed'] }, async (server) => {
      const job = (await (
        await postJson(`${server.url}/research`, { query: 'q', reasoning_loops: 2 })
      ).json()) as {
        id: string;
      };
      await getJson(`${server.url}/research/${job.id}`); // completed: 2 loops spent
      expect((await compat(server, 1)).status).toBe(200); // 3
      expect((await compat(server)).status).toBe(200); // 4: the budget is used up
      expect((await compat(server)).status).toBe(429);
      expect((await postJson(`${server.url}/research`, { query: 'q' })).status).toBe(429);
      server.reset();
      expect((await compat(server)).status).toBe(200);
    });
  });

  it('the SDK retries that 429 within maxRetries and then reports RateLimitError (retries cannot clear a budget)', async () => {
    await withServer({ monthlyReasoningLoops: 1 }, async (server) => {
      const client = createClient({
        dialect: 'caesar',
        baseURL: server.baseURL,
        apiKey: 'csk-test',
        maxRetries: 1,
      });
      const ask = () =>
        client.chat.completions.create({
          model: 'caesar-research',
          messages: [{ role: 'user', content: 'q' }],
        });
      await ask();
      const error = await ask().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(server.requests.filter((r) => r.path === '/compat/chat/completions')).toHaveLength(3);
    });
  });
});
