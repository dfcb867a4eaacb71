import type { MockServer } from '../../src/testing/index.js';

/** POSTs a JSON chat body to the mock's chat path. */
export const postChat = (server: MockServer, body: unknown, init: RequestInit = {}): Promise<Response> =>
  fetch(`${server.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
    body: JSON.stringify(body),
    ...(init.signal ? { signal: init.signal } : {}),
  });

/** Every read of the body, as the client saw it (one entry per `read()`). */
export const readPieces = async (response: Response): Promise<Uint8Array[]> => {
  const reader = response.body!.getReader();
  const pieces: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return pieces;
    pieces.push(value);
  }
};

/** The `data:` payloads of a well-formed `\n`-delimited SSE text. */
export const sseData = (text: string): string[] =>
  text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length));

/** Resolves `'pending'` if `promise` has not settled within `ms`. */
export const settlesWithin = <T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> =>
  Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))]);

export const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** A request body that sends `first` at once and `rest` only when `finish()` is called (a slow upload). */
export const bodyInTwoHalves = (first: string, rest: string) => {
  let finish!: () => void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first));
      finish = () => {
        controller.enqueue(new TextEncoder().encode(rest));
        controller.close();
      };
    },
  });
  return { body, finish };
};
