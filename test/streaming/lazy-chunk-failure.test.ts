// A page whose lazily loaded chunk can no longer be fetched (an old tab after a deploy): the
// failure must be a ChatwireError, and a stream it had claimed must not be left holding its body.
import { describe, expect, it, vi } from 'vitest';
import { APIUserAbortError, ChatCompletionStream, ChatwireError, createClient } from '../../src/index.js';
import { bytes } from './helpers.js';

vi.mock('../../src/streaming/partial-objects.js', () => {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/partial-objects-x.js');
});
vi.mock('../../src/resources/json-as-event-stream.js', () => {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/json-as-event-stream-x.js');
});

/** A body that sends one chunk then waits (like a live stream), and records its cancellation. */
function liveBody() {
  const seen = { cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        bytes(
          'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"{\\"a\\":"}}]}\n\n',
        ),
      );
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { body, seen };
}

describe('partialObjects when its code cannot load', () => {
  it('throws a ChatwireError naming what failed, and cancels the stream it claimed', async () => {
    const { body, seen } = liveBody();
    const stream = ChatCompletionStream.fromReadableStream(body);
    const final = stream.finalCompletion().then(
      () => 'resolved',
      (error: unknown) => error,
    );
    const failure = await (async () => {
      for await (const _ of stream.partialObjects) return 'yielded';
      return 'ended';
    })().catch((error: unknown) => error);
    expect(ChatwireError.is(failure)).toBe(true);
    expect((failure as Error).message).toMatch(/^chatwire could not load its partial JSON code/);
    expect(seen.cancelled).toBe(true);
    // A finalCompletion() waiting on the stream gets that same failure, not an abort to ignore.
    expect(await final).toBe(failure);
    expect(await final).not.toBeInstanceOf(APIUserAbortError);
  });
});

describe('the JSON-as-stream reader when its code cannot load', () => {
  it('rejects with a ChatwireError and cancels the response body, freeing the connection', async () => {
    const seen = { cancelled: false };
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes('{"error":{"message":"slow'));
      },
      cancel() {
        seen.cancelled = true;
      },
    });
    const client = createClient({
      apiKey: 'sk-test',
      baseURL: 'http://127.0.0.1:9',
      maxRetries: 0,
      fetch: async () => new Response(body, { headers: { 'content-type': 'application/json' } }),
    });
    const failure = await client.chat.completions
      .create({ model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true })
      .catch((error: unknown) => error);
    expect(ChatwireError.is(failure)).toBe(true);
    expect((failure as Error).message).toMatch(/^chatwire could not load its JSON-as-stream code/);
    expect(seen.cancelled).toBe(true);
  });
});
