import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caesarMockDialect, createMockServer, type MockServer } from '../../src/testing/index.js';
import { postJson, readJson, readSse, userSays } from './vendor-helpers.js';

const versioned = { authorization: 'Bearer csk-test', 'api-version': '2025-11-27' };
const REFERENCE_LINE = /^\[(\d+)\] (.+) – (https?:\/\/\S+)$/;

describe('mock caesar: compat chat', () => {
  let server: MockServer;
  const chat = (body: unknown, headers: Record<string, string> = versioned) =>
    postJson(`${server.baseURL}/compat/chat/completions`, body, headers);
  beforeAll(async () => {
    server = await createMockServer({ dialect: 'caesar' });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('lives at the server root and answers one choice with a References section and zero usage', async () => {
    expect(server.baseURL).toBe(server.url);
    const { status, body } = await readJson(
      await chat({ model: 'caesar-research', n: 3, ...userSays('why sky blue') }),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 'chatcmpl-mock-1',
      object: 'chat.completion',
      model: 'caesar-research',
    });
    expect(body.choices).toHaveLength(1);
    expect(body.usage).toEqual({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
    const content: string = body.choices[0].message.content;
    const [text, references] = content.split('\n\nReferences\n');
    expect(text).toBe('Echo: why sky blue [1] [2]');
    const lines = references!.split('\n').map((line) => REFERENCE_LINE.exec(line)?.slice(1));
    expect(lines).toEqual([
      ['1', 'Mock Source One', 'https://example.com/mock-source-1'],
      ['2', 'Mock Source Two', 'https://example.com/mock-source-2'],
    ]);
  });

  it("answers without API-Version (the key's pinned version) and 400 { error } for an unknown one", async () => {
    const missing = await readJson(await chat(userSays('x'), { authorization: 'Bearer csk-test' }));
    expect(missing.status).toBe(200);
    const unknown = await readJson(await chat(userSays('x'), { 'api-version': '2024-01-01' }));
    expect(unknown).toMatchObject({ status: 400, body: { error: 'Unsupported API-Version "2024-01-01"' } });
  });

  it('streams OpenAI chunks whose deltas add up to the JSON answer, then [DONE]', async () => {
    const response = await chat({ model: 'caesar-research', stream: true, ...userSays('why sky blue') });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const { frames, done } = readSse(await response.text());
    expect(done).toBe(true);
    expect(frames[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(frames.at(-1).choices[0]).toEqual({ index: 0, delta: {}, finish_reason: 'stop' });
    const text = frames.map((frame) => frame.choices[0].delta.content ?? '').join('');
    expect(text).toMatch(/^Echo: why sky blue \[1\] \[2\]\n\nReferences\n\[1\] Mock Source One – https:/);
    for (const frame of frames)
      expect(frame).toMatchObject({ object: 'chat.completion.chunk', id: 'chatcmpl-mock-1' });
  });

  it('sends a zero usage chunk only when stream_options.include_usage', async () => {
    const response = await chat({ stream: true, stream_options: { include_usage: true }, ...userSays('q') });
    const { frames } = readSse(await response.text());
    expect(frames.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 0, total_tokens: 0 } });
  });

  it('refuses file parts naming an id it never issued, or using file_data instead of fileData', async () => {
    const part = (file: Record<string, unknown>) => ({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Summarise' },
            { type: 'file', file },
          ],
        },
      ],
    });
    const unknown = await readJson(
      await chat(part({ filename: 'a.pdf', fileData: '9c6f8b1a-2a4f-4a35-86b9-0d0b5e25d5e5' })),
    );
    expect(unknown).toEqual({
      status: 400,
      body: { error: 'File not found: 9c6f8b1a-2a4f-4a35-86b9-0d0b5e25d5e5' },
      headers: expect.anything(),
    });
    const snake = await readJson(await chat(part({ filename: 'a.pdf', file_data: 'x' })));
    expect(snake.status).toBe(400);

    const form = new FormData();
    form.append('file', new Blob(['hello']), 'notes.txt');
    const uploaded = await (
      await fetch(`${server.url}/research/files`, { method: 'POST', body: form })
    ).json();
    const answer = await readJson(await chat(part({ filename: 'notes.txt', fileData: uploaded.id })));
    expect(answer.status).toBe(200);
    expect(answer.body.choices[0].message.content).toMatch(
      /^Echo: Summarise \(files: notes\.txt\) \[1\] \[2\]/,
    );
  });

  it('answers 400 without API-Version when requireApiVersion checks that a client sends it', async () => {
    const strict = await createMockServer({ dialect: caesarMockDialect({ requireApiVersion: true }) });
    try {
      const url = `${strict.url}/compat/chat/completions`;
      const missing = await readJson(
        await postJson(url, userSays('x'), { authorization: 'Bearer csk-test' }),
      );
      expect(missing).toMatchObject({ status: 400, body: { error: expect.stringContaining('API-Version') } });
      expect((await postJson(url, userSays('x'), versioned)).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('answers 401 { error } for a missing or wrong key when an apiKey is set', async () => {
    const guarded = await createMockServer({ dialect: 'caesar', apiKey: 'csk-right' });
    try {
      const url = `${guarded.url}/compat/chat/completions`;
      const missing = await readJson(await postJson(url, userSays('x'), { 'api-version': '2025-11-27' }));
      expect(missing).toMatchObject({ status: 401, body: { error: 'Missing API key' } });
      const wrong = await readJson(
        await postJson(url, userSays('x'), { ...versioned, authorization: 'Bearer no' }),
      );
      expect(wrong).toMatchObject({ status: 401, body: { error: 'Invalid API key' } });
    } finally {
      await guarded.close();
    }
  });
});
