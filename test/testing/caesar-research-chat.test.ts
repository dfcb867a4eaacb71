// The mock Caesar's brainstorm sessions and research chat (shared/vendors/caesar.md §5, §6), on
// the wire and through the client, which must read what the mock says as it reads the vendor.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { caesarMockDialect, createMockServer, type MockServer } from '../../src/testing/index.js';
import { getJson, postJson, readJson, readSse, UUID } from './vendor-helpers.js';

const fast = { intervalMs: 1, maxIntervalMs: 5 };

describe('mock caesar: brainstorm and research chat', () => {
  let server: MockServer;
  const client = () => createClient({ dialect: 'caesar', baseURL: server.url, apiKey: 'csk-test' });
  const finishedJob = async () => {
    const job = await client().research.create({ query: 'Is tea healthy?' });
    await client().research.wait(job.id, fast);
    return job.id;
  };
  beforeAll(async () => {
    server = await createMockServer({ dialect: 'caesar' });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('brainstorms questions whose answers one research job uses up', async () => {
    const session = await client().research.brainstorm('energy storage');
    expect(session).toMatchObject({
      id: expect.stringMatching(UUID),
      query: 'energy storage',
      status: 'ready',
    });
    expect(session.questions.length).toBeGreaterThanOrEqual(2);
    const answers = [
      { question_id: 'q1', selected_option: 1 },
      { question_id: 'q2', custom_text: 'Since 2020' },
    ];
    const body = { query: 'energy storage', brainstorm_session_id: session.id, answers };
    expect((await postJson(`${server.url}/research`, body)).status).toBe(200);
    const again = await readJson(await postJson(`${server.url}/research`, body));
    expect(again).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('already been used') },
    });
    const fresh = await client().research.brainstorm('x');
    const bad = {
      query: 'x',
      brainstorm_session_id: fresh.id,
      answers: [{ question_id: 'q1', selected_option: 9 }],
    };
    expect((await readJson(await postJson(`${server.url}/research`, bad))).status).toBe(400);
  });

  it('answers a follow-up: processing, a 202 poll, then the answer citing the job’s sources', async () => {
    const id = await finishedJob();
    const sent = await client().research.chat.send(id, { content: 'And green tea?' });
    expect(sent).toMatchObject({ id: expect.stringMatching(UUID), status: 'processing', content: null });
    const raw = await getJson(`${server.url}/research/${id}/chat/${sent.id}`);
    expect(raw).toMatchObject({ status: 202, body: { status: 'processing', content: null } });
    const answer = await client().research.chat.wait(id, sent.id, fast);
    expect(answer).toMatchObject({ status: 'completed', content: 'Echo: And green tea? [1]' });
    expect(answer.results).toEqual([
      expect.objectContaining({ citation_index: 1, title: 'Mock Source One' }),
    ]);
    const thread = await getJson(`${server.url}/research/${id}/chat`);
    expect(thread.body.data).toEqual([expect.objectContaining({ id: sent.id, status: 'completed' })]);
  });

  it('streams the answer as chat.completion.chunks ending in [DONE], the last with results', async () => {
    const id = await finishedJob();
    const sent = await client().research.chat.send(id, { content: 'Why?' });
    const response = await fetch(`${server.url}/research/${id}/chat/${sent.id}/stream`, {
      headers: { authorization: 'Bearer csk-test' },
    });
    const { frames, done } = readSse(await response.text());
    expect(done).toBe(true);
    expect(frames.at(-1).results).toEqual([expect.objectContaining({ citation_index: 1 })]);
    const stream = await client().research.chat.stream(id, sent.id);
    expect((await stream.finalCompletion()).choices[0]?.message.content).toBe('Echo: Why? [1]');
  });

  it('refuses a follow-up on an unknown or unfinished job', async () => {
    expect((await postJson(`${server.url}/research/nope/chat`, { content: 'x' })).status).toBe(404);
    const job = await client().research.create({ query: 'slow' });
    const early = await readJson(await postJson(`${server.url}/research/${job.id}/chat`, { content: 'x' }));
    expect(early).toMatchObject({ status: 400, body: { error: 'Research is not completed yet' } });
  });
});

describe("mock caesar: the API reference's bare chat pieces", () => {
  it('streams {id, content, citationIndices}, which the client reads as the same answer', async () => {
    const server = await createMockServer({ dialect: caesarMockDialect({ researchChatStream: 'pieces' }) });
    try {
      const client = createClient({ dialect: 'caesar', baseURL: server.url, apiKey: 'csk-test' });
      const job = await client.research.create({ query: 'q' });
      await client.research.wait(job.id, fast);
      const sent = await client.research.chat.send(job.id, { content: 'More?' });
      const raw = readSse(
        await (await fetch(`${server.url}/research/${job.id}/chat/${sent.id}/stream`)).text(),
      );
      expect(raw.frames[0]).toEqual({ id: sent.id, content: 'Echo: ' });
      expect(raw.frames.at(-1)).toMatchObject({ citationIndices: [1] });
      const stream = await client.research.chat.stream(job.id, sent.id);
      const final = await stream.finalCompletion();
      expect(final.choices[0]?.message.content).toBe('Echo: More? [1]');
    } finally {
      await server.close();
    }
  });
});
