import { describe, expect, it } from 'vitest';
import { InvalidRequestError, type ResearchObject, RunFailedError } from '../../src/index.js';
import { capturingClient } from '../helpers/capture.js';
import { json } from '../helpers/scripted-fetch.js';

const ID = '3f0c2a1e-8d4b-4c1a-9e7f-5a6b7c8d9e0f';
const fast = { intervalMs: 5, maxIntervalMs: 20 };
const job = (status: string, extra: Partial<ResearchObject> = {}) =>
  json({
    id: ID,
    status,
    created_at: '2026-11-22T00:00:00Z',
    query: 'solar 2025',
    content: null,
    results: [],
    ...extra,
  });
const done = job('completed', {
  content: 'Output rose [1].',
  reasoning_loops_consumed: 2,
  running_time: 34,
  results: [{ id: 'r1', title: 'Solar', url: 'https://solar.example', citation_index: 1 }],
});

describe('research jobs', () => {
  it('create posts the typed body to /research with API-Version', async () => {
    const { client, calls } = capturingClient('caesar', { steps: [json({ id: ID, status: 'queued' })] });
    const created = await client.research.create({
      query: 'What changed in solar output in 2025?',
      reasoning_loops: 2,
      source_timeout: 60,
      exclude_social: true,
      files: ['9c6f8b1a-2a4f-4a35-86b9-0d0b5e25d5e5'],
    });
    expect(created).toEqual({ id: ID, status: 'queued' });
    expect(calls[0]!.url).toBe('http://127.0.0.1:9/research');
    expect(calls[0]!.headers['api-version']).toBe('2025-11-27');
    expect(JSON.parse(calls[0]!.body!)).toEqual({
      query: 'What changed in solar output in 2025?',
      reasoning_loops: 2,
      source_timeout: 60,
      exclude_social: true,
      files: ['9c6f8b1a-2a4f-4a35-86b9-0d0b5e25d5e5'],
    });
  });

  it('wait walks the statuses and resolves with content and cited results', async () => {
    const { client } = capturingClient('caesar', {
      steps: [
        job('queued'),
        job('searching'),
        job('researching'),
        job('researching'),
        job('analyzing'),
        job('summarizing'),
        done,
      ],
    });
    const seen: string[] = [];
    const result = await client.research.wait(ID, {
      ...fast,
      onProgress: (j) => seen.push(String(j.status)),
    });
    expect(seen).toEqual(['queued', 'searching', 'researching', 'analyzing', 'summarizing', 'completed']);
    expect(result.content).toBe('Output rose [1].');
    expect(result.results?.[0]?.citation_index).toBe(1);
    expect(result.reasoning_loops_consumed).toBe(2);
  });

  it('a failed job rejects with RunFailedError', async () => {
    const { client } = capturingClient('caesar', { steps: [job('failed')] });
    const error = await client.research.wait(ID, fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunFailedError);
    expect((error as Error).message).toBe(`Research job ${ID} failed: no reason given`);
  });

  // Caesar documents no failure field: each spelling the server may use gives its reason.
  it.each([
    ['error', 'quota exhausted'],
    ['error', { message: 'quota exhausted', code: 'quota' }],
    ['error_message', 'quota exhausted'],
    ['failure_reason', 'quota exhausted'],
  ])('a failed job with %s keeps the reason in the message', async (field, value) => {
    const { client } = capturingClient('caesar', {
      steps: [job('failed', { [field]: value } as Partial<ResearchObject>)],
    });
    const error = (await client.research.wait(ID, fast).catch((e: unknown) => e)) as RunFailedError;
    expect(error.message).toBe(`Research job ${ID} failed: quota exhausted`);
    expect(error.run).toMatchObject({ status: 'failed', [field]: value });
  });

  it('events resolves the array; list pages until has_next is false', async () => {
    const events = capturingClient('caesar', {
      steps: [json([{ message: 'Searching 12 sources', created_at: 'x' }])],
    });
    expect(await events.client.research.events(ID)).toEqual([
      { message: 'Searching 12 sources', created_at: 'x' },
    ]);
    expect(events.calls[0]!.url).toBe(`http://127.0.0.1:9/research/${ID}/events`);

    const pages = capturingClient('caesar', {
      steps: [
        json({
          data: [{ id: 'a', status: 'completed', content: 'x' }],
          pagination: { page: 1, limit: 1, has_next: true },
        }),
        json({
          data: [{ id: 'b', status: 'queued', content: null }],
          pagination: { page: 2, limit: 1, has_next: false },
        }),
      ],
    });
    const ids: string[] = [];
    for await (const item of pages.client.research.list({ pageSize: 1 })) ids.push(item.id);
    expect(ids).toEqual(['a', 'b']);
    expect(pages.calls.map((c) => new URL(c.url).search)).toEqual(['?page=1&limit=1', '?page=2&limit=1']);
  });

  it('brainstorm, then its answers go into create', async () => {
    const session = {
      id: 'bs-1',
      query: 'energy',
      status: 'ready',
      questions: [{ id: 'q1', question: 'Which?', options: [{ key: '0', text: 'Solar' }] }],
    };
    const { client, calls } = capturingClient('caesar', {
      steps: [json(session), json({ id: ID, status: 'queued' })],
    });
    const brainstorm = await client.research.brainstorm('energy');
    await client.research.create({
      query: 'energy',
      brainstorm_session_id: brainstorm.id,
      answers: [{ question_id: 'q1', selected_option: 0 }],
    });
    expect(JSON.parse(calls[0]!.body!)).toEqual({ query: 'energy' });
    expect(JSON.parse(calls[1]!.body!).answers).toEqual([{ question_id: 'q1', selected_option: 0 }]);
  });

  const refusals: Array<[string, Record<string, unknown>, string]> = [
    ['an empty query', { query: ' ' }, 'query'],
    ['reasoning_loops over 10', { reasoning_loops: 11 }, 'reasoning_loops'],
    ['a file id that is not a UUID', { files: ['report.pdf'] }, 'files.0'],
    [
      'an answer with neither option nor text',
      { brainstorm_session_id: 'bs', answers: [{ question_id: 'q1' }] },
      'answers.0',
    ],
    [
      'answers without a session',
      { answers: [{ question_id: 'q1', custom_text: 'x' }] },
      'brainstorm_session_id',
    ],
  ];
  it.each(refusals)('refuses %s before sending', async (_name, patch, path) => {
    const { client, calls } = capturingClient('caesar');
    const error = await client.research.create({ query: 'q', ...patch } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).issues.map((i) => i.path)).toContain(path);
    expect(calls).toHaveLength(0);
  });

  it('is refused on a dialect without native research', async () => {
    const { client, calls } = capturingClient('bifrost');
    await expect(client.research.retrieve(ID)).rejects.toThrow(/native research API/);
    expect(calls).toHaveLength(0);
  });
});

describe('research chat', () => {
  it('send, then wait treats 202 as "not yet"', async () => {
    const { client, calls } = capturingClient('caesar', {
      steps: [
        json({ id: 'm1', role: 'assistant', content: null, status: 'processing' }),
        json({ status: null, content: null, results: null }, { status: 202 }),
        json({ status: 'processing', content: null }, { status: 202 }),
        json({
          status: 'completed',
          content: 'Yes, see [1].',
          results: [{ id: 'r1', title: 'T', url: 'https://t.example', citation_index: 1 }],
        }),
      ],
    });
    const sent = await client.research.chat.send(ID, { content: 'Is that true for wind?' });
    expect(sent.status).toBe('processing');
    const answer = await client.research.chat.wait(ID, sent.id, fast);
    expect(answer).toMatchObject({ id: 'm1', status: 'completed', content: 'Yes, see [1].' });
    expect(calls[0]!.url).toBe(`http://127.0.0.1:9/research/${ID}/chat`);
    expect(calls[1]!.url).toBe(`http://127.0.0.1:9/research/${ID}/chat/m1`);
  });
});

describe('research chat failures', () => {
  it('a failed message rejects with RunFailedError carrying its error_message and the message', async () => {
    const { client } = capturingClient('caesar', {
      steps: [
        json({ status: 'processing', content: null }, { status: 202 }),
        json({ id: 'm1', status: 'failed', content: null, error_message: 'model overloaded' }),
      ],
    });
    const error = (await client.research.chat
      .wait(ID, 'm1', fast)
      .catch((e: unknown) => e)) as RunFailedError;
    expect(error).toBeInstanceOf(RunFailedError);
    expect(error.message).toBe('Research chat message m1 failed: model overloaded');
    expect(error.run).toMatchObject({ id: 'm1', status: 'failed' });
  });
});

describe('request options on waits (API.md: every method takes RequestOptions)', () => {
  it('research.wait and research.chat.wait send them with every poll', async () => {
    const { client, calls } = capturingClient('caesar', {
      steps: [
        job('researching'),
        done,
        json({ status: 'processing', content: null }, { status: 202 }),
        json({ status: 'completed', content: 'Yes.', results: [] }),
      ],
    });
    const headers = { 'x-trace': 'poll-7' };
    await client.research.wait(ID, { ...fast, headers, onProgress: () => {} });
    await client.research.chat.wait(ID, 'm1', { ...fast, headers, maxRetries: 0 });
    expect(calls).toHaveLength(4);
    for (const call of calls) expect(call.headers['x-trace']).toBe('poll-7');
  });
});

describe('research chat stream', () => {
  it('reads both documented chunk shapes over a real stream, ending at [DONE]', async () => {
    const { createMockServer, chunk } = await import('../../src/testing/index.js');
    const { createClient } = await import('../../src/index.js');
    const server = await createMockServer({ dialect: 'caesar' });
    try {
      const client = createClient({ dialect: 'caesar', baseURL: server.baseURL, apiKey: 'csk-test' });
      const streamPath = `/research/${ID}/chat/m1/stream`;
      server.route('GET', streamPath, {
        sse: [
          { id: 'm1', content: 'Wind fell ', citationIndices: [1] },
          { id: 'm1', content: '[1] Wind report', citationIndex: 1 },
        ],
      });
      const bare = await client.research.chat.stream(ID, 'm1');
      const texts: string[] = [];
      for await (const text of bare.textStream) texts.push(text);
      expect(texts).toEqual(['Wind fell ', '[1] Wind report']);
      expect(server.lastRequest).toMatchObject({ method: 'GET', path: streamPath });
      expect(server.lastRequest?.headers.accept).toBe('text/event-stream');

      server.route('GET', streamPath, {
        sse: [chunk({ content: 'Solar rose.' }), chunk({ finishReason: 'stop', delta: { results: [] } })],
      });
      const standard = await client.research.chat.stream(ID, 'm1');
      expect((await standard.finalCompletion()).choices[0]?.message.content).toBe('Solar rose.');
    } finally {
      await server.close();
    }
  });
});
