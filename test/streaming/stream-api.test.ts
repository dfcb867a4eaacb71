import { describe, expect, it } from 'vitest';
import {
  APIUserAbortError,
  BadRequestError,
  ChatCompletionStream,
  ChatwireError,
  InvalidRequestError,
  StreamError,
} from '../../src/index.js';
import { completion } from '../../src/testing/index.js';
import {
  bodyOf,
  clientFor,
  drain,
  frame,
  hello,
  messages,
  settlesWithin,
  streamParams,
  textOf,
} from './helpers.js';
import { useMockServer } from './loopback.js';

const decode = async (body: ReadableStream<Uint8Array>) => new Response(body).text();

describe('create({ stream: true }) and stream()', () => {
  const mock = useMockServer();

  it('create() resolves at response headers, before any event', async () => {
    mock.server.enqueue({ stall: true });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    expect(stream).toBeInstanceOf(ChatCompletionStream);
    expect(stream.response?.status).toBe(200);
    stream.abort();
  });

  it('create() rejects with the typed HTTP error and the vendor message', async () => {
    mock.server.enqueue({ error: 400, message: "Invalid value for 'model'" });
    await expect(clientFor(mock.server).chat.completions.create(streamParams)).rejects.toSatisfy(
      (error) => error instanceof BadRequestError && /Invalid value for 'model'/.test(error.message),
    );
  });

  it('withResponse() gives the stream, the response and the request id', async () => {
    const { data, response, requestId } = await clientFor(mock.server)
      .chat.completions.create(streamParams)
      .withResponse();
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(requestId).toBe('req_mock_1');
    expect(data.response).toBe(response);
    expect(data.requestId).toBe('req_mock_1');
    expect(textOf((await drain(data)).chunks)).toBe('Echo: hello');
  });

  it('sends stream: true and accept: text/event-stream', async () => {
    await drain(await clientFor(mock.server).chat.completions.create(streamParams));
    expect(mock.server.lastRequest?.json).toMatchObject({ stream: true, model: 'gpt-4o-mini' });
    expect(mock.server.lastRequest?.headers.accept).toBe('text/event-stream');
  });

  it('stream() sends nothing until first read, then streams', async () => {
    const stream = clientFor(mock.server).chat.completions.stream({ model: 'm', messages });
    expect(stream.response).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mock.server.requests).toHaveLength(0);
    expect(textOf((await drain(stream)).chunks)).toBe('Echo: hello');
    expect(mock.server.requests).toHaveLength(1);
    expect(stream.requestId).toBe('req_mock_1');
  });

  it('stream() refuses bad parameters at the call, before anything is sent', () => {
    expect(() =>
      clientFor(mock.server).chat.completions.stream({ model: 'm', messages: 'nope' } as never),
    ).toThrow(InvalidRequestError);
    expect(mock.server.requests).toHaveLength(0);
  });

  it('stream() surfaces an HTTP error on the first read', async () => {
    mock.server.enqueue({ error: 400, message: 'bad model' });
    const { error } = await drain(clientFor(mock.server).chat.completions.stream({ model: 'm', messages }));
    expect(error).toBeInstanceOf(BadRequestError);
  });

  it('a body that ends with no [DONE] and no finish_reason throws: a truncated answer never looks complete', async () => {
    mock.server.enqueue({ sse: hello.slice(0, 2), done: false });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    const { chunks, error } = await drain(stream);
    expect(textOf(chunks)).toBe('Hello');
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toMatch(/truncated/);
    await expect(stream.finalCompletion()).rejects.toBe(error);
  });

  it('a truncated last event (half an event pending at EOF) throws StreamError', async () => {
    mock.server.enqueue({ chunks: [`${frame({ content: 'a' }, 'stop')}data: {"id":"x","choi`] });
    const { error } = await drain(await clientFor(mock.server).chat.completions.create(streamParams));
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toMatch(/ended in the middle of an event/);
  });

  it.each([
    ['a cut [DONE]', 'data: [DO'],
    ['cut text', 'data: OPENROUTER PROC'],
  ])(
    '%s after a finish_reason, at EOF without a blank line, is half an event: StreamError',
    async (_, tail) => {
      mock.server.enqueue({ chunks: [`${frame({ content: 'a' }, 'stop')}${tail}`] });
      const { chunks, error } = await drain(
        await clientFor(mock.server).chat.completions.create(streamParams),
      );
      expect(textOf(chunks)).toBe('a');
      expect(error).toBeInstanceOf(StreamError);
      expect((error as Error).message).toMatch(/ended in the middle of an event/);
    },
  );

  it('the same text ended by a blank line is a keep-alive a proxy wrapped as data: the stream ends cleanly', async () => {
    mock.server.enqueue({ chunks: [`${frame({ content: 'a' }, 'stop')}data: OPENROUTER PROCESSING\n\n`] });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    expect((await stream.finalCompletion()).choices[0]?.message.content).toBe('a');
  });

  it('`data: [DONE] ` with trailing text is not the end marker: an unfinished stream stays unfinished', async () => {
    mock.server.enqueue({ chunks: [`${frame({ content: 'a' })}data: [DONE] \n\n`] });
    const { chunks, error } = await drain(await clientFor(mock.server).chat.completions.create(streamParams));
    expect(textOf(chunks)).toBe('a');
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toMatch(/truncated/);
  });

  it('a non-SSE answer of only blank data lines names its content type, not a truncation', async () => {
    mock.server.enqueue({ text: 'data:\n\ndata:\n\n', contentType: 'text/plain' });
    const { error } = await drain(await clientFor(mock.server).chat.completions.create(streamParams));
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toMatch(/content-type "text\/plain"/);
  });

  it('an empty 200 body is a StreamError', async () => {
    mock.server.enqueue({ text: '', contentType: 'text/event-stream' });
    const { error } = await drain(await clientFor(mock.server).chat.completions.create(streamParams));
    expect(error).toBeInstanceOf(StreamError);
  });

  it('a server that ignores stream: true and answers JSON still gives one chunk and a final completion', async () => {
    mock.server.enqueue({
      json: completion({ content: 'Plain JSON', usage: { prompt_tokens: 1, completion_tokens: 2 } }),
    });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    const { chunks, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({
      object: 'chat.completion.chunk',
      choices: [{ delta: { content: 'Plain JSON' } }],
    });
    expect(await stream.finalCompletion()).toMatchObject({
      choices: [{ message: { content: 'Plain JSON' } }],
      usage: { total_tokens: 3 },
    });
  });

  it('a JSON error body with status 200 is a StreamError with the vendor message', async () => {
    mock.server.enqueue({ json: { error: { message: 'Gateway hiccup', code: 'gw' } } });
    const { error } = await drain(await clientFor(mock.server).chat.completions.create(streamParams));
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({ code: 'gw', message: expect.stringContaining('Gateway hiccup') });
  });
});

describe('reading a stream', () => {
  const mock = useMockServer();
  const open = async () => {
    mock.server.enqueue({ sse: hello });
    return clientFor(mock.server).chat.completions.create(streamParams);
  };

  it('textStream yields the content deltas', async () => {
    const stream = await open();
    const texts: string[] = [];
    for await (const text of stream.textStream) texts.push(text);
    expect(texts).toEqual(['Hel', 'lo']);
    expect((await stream.finalCompletion()).choices[0]?.message.content).toBe('Hello');
  });

  it('finalCompletion() alone reads the whole stream', async () => {
    const final = await (await open()).finalCompletion();
    expect(final).toMatchObject({
      object: 'chat.completion',
      choices: [{ message: { content: 'Hello' }, finish_reason: 'stop' }],
    });
  });

  it('finalCompletion() called while a loop reads settles when the loop is done, without stealing chunks', async () => {
    const stream = await open();
    const final = stream.finalCompletion();
    const seen: string[] = [];
    for await (const c of stream) seen.push(c.choices[0]?.delta.content ?? '');
    expect(seen.join('')).toBe('Hello');
    expect((await final).choices[0]?.message.content).toBe('Hello');
  });

  it('can be read once; a second reader is told to use tee()', async () => {
    const stream = await open();
    await drain(stream);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/tee\(\)/);
    expect(() => stream.toReadableStream()).toThrow(ChatwireError);
  });

  it('abort() ends iteration quietly and finalCompletion() rejects with APIUserAbortError', async () => {
    mock.server.enqueue({ sse: [hello[0], { pauseMs: 5_000 }, hello[1]] });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    const seen: string[] = [];
    for await (const c of stream) {
      seen.push(c.choices[0]?.delta.content ?? '');
      stream.abort();
    }
    expect(seen).toEqual(['Hel']);
    await expect(stream.finalCompletion()).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('tee() gives two streams that each see every chunk', async () => {
    const [left, right] = (await open()).tee();
    const [a, b] = await Promise.all([drain(left), drain(right)]);
    expect(textOf(a.chunks)).toBe('Hello');
    expect(b.chunks).toEqual(a.chunks);
    expect((await right.finalCompletion()).choices[0]?.message.content).toBe('Hello');
  });

  it('tee(): one side read fully first, the other afterwards; the parent still gives the final completion', async () => {
    const parent = await open();
    const [left, right] = parent.tee();
    expect(textOf((await drain(left)).chunks)).toBe('Hello');
    expect(textOf((await drain(right)).chunks)).toBe('Hello');
    expect((await parent.finalCompletion()).choices[0]?.message.content).toBe('Hello');
    expect(left.response).toBe(parent.response);
  });

  it('tee(): cancelling one side leaves the other reading; the request closes once both are done', async () => {
    mock.server.enqueue({ sse: [hello[0], { pauseMs: 100 }, hello[1], hello[2]], holdOpen: true });
    const [left, right] = (await clientFor(mock.server).chat.completions.create(streamParams)).tee();
    for await (const _ of left) break;
    expect(mock.server.lastRequest!.closedEarly).toBe(false);
    expect(textOf((await drain(right)).chunks)).toBe('Hello');
    await mock.server.lastRequest!.closed;
  });

  it('toReadableStream() re-encodes the chunks as SSE ending in [DONE], and fromReadableStream() reads them back', async () => {
    const stream = await open();
    const text = await decode(stream.toReadableStream());
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(text.split('\n\n').filter(Boolean)).toHaveLength(4);
    const back = ChatCompletionStream.fromReadableStream(bodyOf([text]));
    expect((await back.finalCompletion()).choices[0]?.message.content).toBe('Hello');
  });

  it('toReadableStream() keeps usage that came outside chunks (Morpheus) as a usage chunk', async () => {
    mock.server.enqueue({
      chunks: [
        `${frame({ content: 'x' }, 'stop')}data: {"usage_from_provider":{"prompt_tokens":2,"completion_tokens":1,"total_tokens":3}}\n\n`,
      ],
    });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    const back = ChatCompletionStream.fromReadableStream(stream.toReadableStream());
    expect((await back.finalCompletion()).usage).toEqual({
      prompt_tokens: 2,
      completion_tokens: 1,
      total_tokens: 3,
    });
  });

  it('toReadableStream() turns a failure into an error frame that fromReadableStream() throws again', async () => {
    mock.server.enqueue({
      chunks: [
        `${frame({ content: 'x' })}data: {"error":{"message":"Boom","code":"b1","type":"server_error"}}\n\n`,
      ],
    });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    const text = await decode(stream.toReadableStream());
    expect(text).toContain('event: error\n');
    const { chunks, error } = await drain(ChatCompletionStream.fromReadableStream(bodyOf([text])));
    expect(textOf(chunks)).toBe('x');
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({
      code: 'b1',
      type: 'server_error',
      message: expect.stringContaining('Boom'),
    });
  });

  it('cancelling the readable from toReadableStream() cancels the request', async () => {
    mock.server.enqueue({ stall: true, keepAlive: { intervalMs: 20 } });
    const stream = await clientFor(mock.server).chat.completions.create(streamParams);
    const readable = stream.toReadableStream();
    await readable.cancel();
    await mock.server.lastRequest!.closed;
    expect(mock.server.lastRequest!.closedEarly).toBe(true);
  });

  it('fromReadableStream() honours its signal', async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });
    const stream = ChatCompletionStream.fromReadableStream(body, { signal: controller.signal });
    const next = stream[Symbol.asyncIterator]().next();
    expect(await settlesWithin(next, 20)).toBe('pending');
    controller.abort();
    await expect(next).rejects.toBeInstanceOf(APIUserAbortError);
  });
});

describe('answers that are not event streams', () => {
  const mock = useMockServer();

  it('an HTML page with status 200 is a StreamError that names the content type', async () => {
    mock.server.enqueue({ text: '<html><body>Welcome to nginx</body></html>', contentType: 'text/html' });
    const { error } = await drain(await clientFor(mock.server).chat.completions.create(streamParams));
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toMatch(/content-type "text\/html" and no stream events/);
  });
});
