import { afterEach, describe, expect, it } from 'vitest';
import { createClient, StreamError } from '../../src/index.js';
import { chunk, createMockServer, type MockServer } from '../../src/testing/index.js';

let server: MockServer | undefined;
afterEach(() => server?.close());

const messages = [{ role: 'user' as const, content: 'go' }];

describe('one endless event', () => {
  it('fails the stream once it outgrows maxResponseBytes, even while bytes keep the idle timer quiet', async () => {
    server = await createMockServer();
    const piece = 'a'.repeat(16 * 1024);
    server.enqueue({
      chunks: [
        'data: {"id":"x","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"',
        ...Array(40).fill(piece),
      ],
      intervalMs: 2,
      holdOpen: true,
      contentType: 'text/event-stream',
    });
    const client = createClient({
      baseURL: server.baseURL,
      apiKey: 'sk-test-key',
      maxResponseBytes: 200_000,
      idleTimeout: 10_000,
    });
    const stream = await client.chat.completions.create({ model: 'm', messages, stream: true });
    const error = await stream.finalCompletion().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toMatch(/grew past 200000 characters/);
    await server.lastRequest?.closed;
    expect(server.lastRequest?.closedEarly).toBe(true);
  });

  it('does not limit a large but finished event, nor the stream as a whole', async () => {
    server = await createMockServer();
    const big = 'b'.repeat(150_000);
    server.enqueue({
      sse: [chunk({ content: big }), chunk({ content: big }), chunk({ finishReason: 'stop' })],
    });
    const client = createClient({
      baseURL: server.baseURL,
      apiKey: 'sk-test-key',
      maxResponseBytes: 200_000,
    });
    const stream = await client.chat.completions.create({ model: 'm', messages, stream: true });
    expect((await stream.finalCompletion()).choices[0]?.message.content).toHaveLength(300_000);
  });
});
