import { readFileSync } from 'node:fs';
import { type ChatCompletionChunk, ChatCompletionStream, createClient } from '../../src/index.js';
import { chunk, type MockServer } from '../../src/testing/index.js';

const encoder = new TextEncoder();

/** The bytes of a recorded stream in `test/fixtures/streams/`. */
export const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/streams/${name}`, import.meta.url)));

export const bytes = (text: string): Uint8Array => encoder.encode(text);

/** A body that hands out exactly these pieces, one per read, only when asked (like a socket). */
export const bodyOf = (pieces: ReadonlyArray<Uint8Array | string>): ReadableStream<Uint8Array> => {
  let next = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const piece = pieces[next++];
        if (piece === undefined) controller.close();
        else controller.enqueue(typeof piece === 'string' ? bytes(piece) : piece);
      },
    },
    { highWaterMark: 0 },
  );
};

/** `data` cut at the given offsets (sorted, deduplicated, inside the data). */
export const splitAt = (data: Uint8Array, offsets: readonly number[]): Uint8Array[] => {
  const cuts = [...new Set(offsets)].filter((o) => o > 0 && o < data.byteLength).sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, data.byteLength]) {
    pieces.push(data.slice(start, cut));
    start = cut;
  }
  return pieces;
};

/** One piece per byte. */
export const byteByByte = (data: Uint8Array): Uint8Array[] => Array.from(data, (byte) => Uint8Array.of(byte));

/** What iterating a stream gave: every chunk, then how it ended. */
export interface Outcome {
  chunks: ChatCompletionChunk[];
  error: unknown;
}

export const drain = async (stream: AsyncIterable<ChatCompletionChunk>): Promise<Outcome> => {
  const chunks: ChatCompletionChunk[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk);
  } catch (error) {
    return { chunks, error };
  }
  return { chunks, error: undefined };
};

/** Iterates an in-memory body through `fromReadableStream`. */
export const drainPieces = (pieces: ReadonlyArray<Uint8Array | string>): Promise<Outcome> =>
  drain(ChatCompletionStream.fromReadableStream(bodyOf(pieces)));

/** The content a list of chunks adds up to (first choice). */
export const textOf = (chunks: readonly ChatCompletionChunk[]): string =>
  chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');

/** An error's class name and message, for comparing outcomes. */
export const describeError = (error: unknown): string | undefined =>
  error === undefined ? undefined : `${(error as Error).name}: ${(error as Error).message}`;

export const TEST_KEY = 'sk-test-0123456789abcdef';

/** A client for the mock server; no retries unless asked for. */
export const clientFor = (server: MockServer, options: Parameters<typeof createClient>[0] = {}) =>
  createClient({ baseURL: server.baseURL, apiKey: TEST_KEY, maxRetries: 0, ...options });

export const messages = [{ role: 'user' as const, content: 'hello' }];

/** A three-chunk answer, "Hello", as the mock sends it (`{ sse: hello }`). */
export const hello = [
  chunk({ role: 'assistant', content: 'Hel' }),
  chunk({ content: 'lo' }),
  chunk({ finishReason: 'stop' }),
];

/** The `[DONE]` frame that ends an OpenAI-style stream. */
export const DONE = 'data: [DONE]\n\n';
export const streamParams = { model: 'gpt-4o-mini', messages, stream: true as const };

/** A `data:` frame for a chunk whose first choice carries `delta`. */
export const frame = (
  delta: Record<string, unknown>,
  finish: string | null = null,
  extra: object = {},
): string => `data: ${JSON.stringify(chunkBody(delta, finish, extra))}\n\n`;

export const chunkBody = (
  delta: Record<string, unknown>,
  finish: string | null = null,
  extra: object = {},
) => ({
  id: 'chatcmpl-t',
  object: 'chat.completion.chunk',
  created: 1_700_000_000,
  model: 'gpt-4o-mini',
  choices: [{ index: 0, delta, finish_reason: finish }],
  ...extra,
});

/** Timeouts currently armed in this process. */
export const activeTimers = (): number =>
  process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

/** Resolves `'pending'` if `promise` has not settled within `ms`. */
export const settlesWithin = <T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> =>
  Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))]);
