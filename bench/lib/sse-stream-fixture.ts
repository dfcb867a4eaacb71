// A realistic streamed answer, as OpenAI's gpt-4o sends it, for the streaming benchmarks: one
// role chunk, content chunks of one token each, a finish chunk and a usage chunk, then [DONE].

const WORDS = [
  ' the',
  ' stream',
  ' of',
  ' tokens',
  ' arrives',
  ' in',
  ' small',
  ' pieces',
  ',',
  ' and',
  ' each',
  ' piece',
  ' is',
  ' one',
  ' event',
  '.',
  ' Café',
  ' naïve',
  ' 日本語',
  ' ✓',
  '\n\n',
  ' “quoted”',
  ' 42',
  ' -',
];

const BASE = {
  id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT',
  object: 'chat.completion.chunk',
  created: 1_741_569_952,
  model: 'gpt-4o-2024-08-06',
  service_tier: 'default',
  system_fingerprint: 'fp_f9f4fb6dbf',
};

/** The JSON text of `count` chunks (the last two are the finish and usage chunks). */
export function chunkTexts(count: number): { texts: string[]; content: string } {
  const texts: string[] = [];
  let content = '';
  texts.push(JSON.stringify(chunk({ role: 'assistant', content: '', refusal: null }, null)));
  for (let i = 1; i < count - 2; i++) {
    const word = WORDS[i % WORDS.length]!;
    content += word;
    texts.push(JSON.stringify(chunk({ content: word }, null, `${i}`.padStart(6, 'x'))));
  }
  texts.push(JSON.stringify(chunk({}, 'stop')));
  texts.push(
    JSON.stringify({
      ...BASE,
      choices: [],
      usage: { prompt_tokens: 18, completion_tokens: count - 3, total_tokens: count + 15 },
    }),
  );
  return { texts, content };
}

function chunk(
  delta: Record<string, unknown>,
  finish: string | null,
  obfuscation = 'aQ3x',
): Record<string, unknown> {
  return {
    ...BASE,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    obfuscation,
  };
}

/** The SSE body for those chunks, ending with `data: [DONE]`. */
export function sseBody(texts: readonly string[]): Uint8Array {
  return new TextEncoder().encode(`${texts.map((t) => `data: ${t}\n\n`).join('')}data: [DONE]\n\n`);
}

/** `bytes` cut into reads of `size` bytes (views, not copies). */
export function splitBytes(bytes: Uint8Array, size: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.byteLength; offset += size)
    pieces.push(bytes.subarray(offset, offset + size));
  return pieces;
}

/**
 * A `fetch` that answers every request with an SSE body delivering exactly `pieces`, one per
 * read, from memory: no sockets, so the figures are the client's own parsing cost.
 */
export function fetchServing(pieces: () => Iterator<Uint8Array>): typeof fetch {
  return async (_input, init) => {
    await drainBody(init?.body);
    const iterator = pieces();
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          const next = iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, {
      status: 200,
      headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_bench' },
    });
  };
}

async function drainBody(body: BodyInit | null | undefined): Promise<void> {
  if (body instanceof ReadableStream) await new Response(body).arrayBuffer();
}

/** The request every client sends. */
export const streamParams = {
  model: 'gpt-4o',
  messages: [{ role: 'user' as const, content: 'Write a long answer.' }],
  stream: true as const,
};
