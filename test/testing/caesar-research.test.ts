import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caesarMockDialect, createMockServer, type MockServer } from '../../src/testing/index.js';
import { getJson, ISO, postJson, readJson, UUID } from './vendor-helpers.js';

describe('mock caesar: research jobs', () => {
  let server: MockServer;
  const create = (body: unknown) => postJson(`${server.url}/research`, body);
  beforeAll(async () => {
    server = await createMockServer({ dialect: 'caesar' });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('walks queued → searching → researching → analyzing → summarizing → completed, one step per poll', async () => {
    const created = await readJson(await create({ query: 'Is tea healthy?', reasoning_loops: 3 }));
    expect(created).toMatchObject({
      status: 200,
      body: { id: expect.stringMatching(UUID), status: 'queued' },
    });
    const { id } = created.body;
    const seen: string[] = [];
    let job: any;
    do {
      job = (await getJson(`${server.url}/research/${id}`)).body;
      seen.push(job.status);
      if (job.status !== 'completed') expect(job).toMatchObject({ content: null, results: [] });
    } while (job.status !== 'completed');
    expect(seen).toEqual(['searching', 'researching', 'analyzing', 'summarizing', 'completed']);
    expect(job).toEqual({
      id,
      created_at: expect.stringMatching(ISO),
      status: 'completed',
      query: 'Is tea healthy?',
      reasoning_loops_consumed: 3,
      running_time: 5,
      content: 'Echo: Is tea healthy? [1] [2]',
      transformed_content: null,
      results: [
        {
          id: expect.stringMatching(UUID),
          title: 'Mock Source One',
          url: 'https://example.com/mock-source-1',
          citation_index: 1,
        },
        {
          id: expect.stringMatching(UUID),
          title: 'Mock Source Two',
          url: 'https://example.com/mock-source-2',
          citation_index: 2,
        },
      ],
    });
    // A finished job stays finished.
    expect((await getJson(`${server.url}/research/${id}`)).body.status).toBe('completed');

    const events = await getJson(`${server.url}/research/${id}/events`);
    expect(events.body).toHaveLength(6);
    for (const event of events.body)
      expect(event).toEqual({ message: expect.any(String), created_at: expect.stringMatching(ISO) });
  });

  it('answers 404 { error: "Resource not found" } for unknown jobs and their events', async () => {
    for (const path of ['/research/unknown', '/research/unknown/events']) {
      expect(await getJson(server.url + path)).toMatchObject({
        status: 404,
        body: { error: 'Resource not found' },
      });
    }
  });

  it('requires a query and refuses unknown file ids', async () => {
    expect(await readJson(await create({}))).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('query') },
    });
    const unknownFile = await readJson(
      await create({ query: 'q', files: ['00000000-0000-4000-8000-0000000000ff'] }),
    );
    expect(unknownFile.status).toBe(400);
  });

  it('refuses a sixth unfinished job with 429, Caesar’s concurrency limit', async () => {
    for (let index = 0; index < 5; index += 1)
      expect((await create({ query: `q${index}` })).status).toBe(200);
    expect(await readJson(await create({ query: 'one too many' }))).toMatchObject({
      status: 429,
      body: { error: 'Too many requests - rate limit exceeded.' },
    });
  });

  it('lists jobs newest first with pagination', async () => {
    await (await create({ query: 'first' })).text();
    await (await create({ query: 'second' })).text();
    const { body } = await getJson(`${server.url}/research?limit=1`);
    expect(body).toMatchObject({
      data: [{ query: 'second', status: 'queued' }],
      pagination: { has_next: true, total: 2 },
    });
  });
});

describe('mock caesar: scripted research outcomes', () => {
  it('follows researchSteps and ends failed with failResearch and failedResearchFields', async () => {
    const server = await createMockServer({
      dialect: caesarMockDialect({
        researchSteps: ['queued', 'researching', 'completed'],
        failResearch: true,
        failedResearchFields: { error: 'Sources timed out' },
      }),
    });
    try {
      const { id } = await (await postJson(`${server.url}/research`, { query: 'q' })).json();
      expect((await getJson(`${server.url}/research/${id}`)).body.status).toBe('researching');
      const failed = (await getJson(`${server.url}/research/${id}`)).body;
      expect(failed).toMatchObject({ status: 'failed', content: null, error: 'Sources timed out' });
      const events = (await getJson(`${server.url}/research/${id}/events`)).body;
      expect(events.map((event: { message: string }) => event.message).at(-1)).toBe('Research failed');
    } finally {
      await server.close();
    }
  });
});
