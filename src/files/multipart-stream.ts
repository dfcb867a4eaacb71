import type { MultipartFrame } from './multipart.js';
import { toBytes } from './to-bytes.js';
import type { AttemptCounter } from './upload-progress.js';

/** A streamed multipart body and a way to release its content once the request is over. */
export interface MultipartStream {
  readonly stream: ReadableStream<Uint8Array>;
  /**
   * Cancels the content (closing a file, cancelling the caller's stream). fetch holds the body's
   * lock, and runtimes differ in whether a failed request cancels it, so the uploader does it.
   */
  cancel(reason: unknown): Promise<void>;
}

/**
 * The multipart body as a pull stream: head, the content as fetch asks for it, tail. Nothing is
 * read ahead (`highWaterMark: 0`), so memory holds a chunk or two whatever the file's size, and
 * each chunk pulled is counted for progress. Cancelling the body (an abort) cancels the content.
 */
export function multipartStream(options: {
  frame: MultipartFrame;
  content: ReadableStream<unknown>;
  counter: AttemptCounter;
  /** Told of an error raised while producing the body: the input's own failure, or a bad chunk. */
  onError: (error: unknown) => void;
}): MultipartStream {
  const { frame, counter, onError } = options;
  const reader = options.content.getReader();
  let headSent = false;
  // A cancelled content reads as done: that is no end of the file, so no tail and no last count.
  let cancelled = false;
  const cancel = (reason: unknown) => {
    cancelled = true;
    return reader.cancel(reason);
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headSent) {
          headSent = true;
          return controller.enqueue(frame.head);
        }
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done && cancelled) return controller.close();
            if (done) {
              counter.end();
              controller.enqueue(frame.tail);
              return controller.close();
            }
            const bytes = toBytes(value);
            if (bytes.byteLength === 0) continue;
            controller.enqueue(bytes);
            counter.add(bytes.byteLength);
            return;
          }
        } catch (error) {
          onError(error);
          await reader.cancel(error).catch(() => {});
          throw error;
        }
      },
      cancel,
    },
    { highWaterMark: 0 },
  );
  return { stream, cancel: (reason) => cancel(reason).catch(() => {}) };
}
