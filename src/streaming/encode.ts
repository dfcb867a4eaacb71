import { ChatwireError } from '../errors/chatwire-error.js';
import type { ChatCompletionChunk } from '../schema/chat-completion.js';

/** What `encodeSse` reads from: a stream's own buffer-and-refill pair. */
export interface ChunkPuller {
  take(): ChatCompletionChunk | undefined;
  fill(): Promise<boolean>;
  cancel(): void;
  /** A last chunk to send before `[DONE]` (usage that arrived outside chunks), if any. */
  trailer(): ChatCompletionChunk | undefined;
}

const DONE = 'data: [DONE]\n\n';

/**
 * Re-encodes chunks as SSE bytes (`data: {…}\n\n` … `data: [DONE]\n\n`). Pull-based with a high
 * water mark of 0: nothing is read from upstream until the consumer asks, and each upstream read
 * leaves as its own piece, so a proxied response streams rather than arriving in one go
 * (workerd #2032). A failure becomes an `event: error` frame that `fromReadableStream` turns back
 * into a `StreamError`, because an HTTP body cannot carry an exception.
 */
export function encodeSse(source: ChunkPuller): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text = '';
        try {
          let chunk = source.take();
          if (chunk === undefined) {
            if (!(await source.fill())) {
              const trailer = source.trailer();
              controller.enqueue(encoder.encode((trailer ? frame(trailer) : '') + DONE));
              controller.close();
              return;
            }
            chunk = source.take();
          }
          // Everything that arrived in one upstream read goes out as one piece.
          for (; chunk !== undefined; chunk = source.take()) text += frame(chunk);
        } catch (error) {
          controller.enqueue(encoder.encode(text + errorFrame(error)));
          controller.close();
          return;
        }
        if (text !== '') controller.enqueue(encoder.encode(text));
      },
      cancel() {
        source.cancel();
      },
    },
    { highWaterMark: 0 },
  );
}

function frame(chunk: ChatCompletionChunk): string {
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

function errorFrame(error: unknown): string {
  const known = ChatwireError.is(error)
    ? (error as ChatwireError & { code?: unknown; type?: unknown })
    : undefined;
  const body = {
    error: {
      message: error instanceof Error ? error.message : String(error),
      type: typeof known?.type === 'string' ? known.type : error instanceof Error ? error.name : 'error',
      ...(typeof known?.code === 'string' ? { code: known.code } : {}),
    },
  };
  return `event: error\ndata: ${JSON.stringify(body)}\n\n`;
}
