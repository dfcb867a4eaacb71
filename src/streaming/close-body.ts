import type { StreamLease } from './chunk-source.js';

// How long a body may take to end by itself after `[DONE]` before it is cancelled.
const GRACE_MS = 1_000;

/** Cancels the body now: the socket closes, and the server sees the client leave. */
export function cancelBody(reader: ReadableStreamDefaultReader<Uint8Array>, lease: StreamLease): void {
  lease.abort('done');
  reader.cancel().catch(() => {});
  lease.release();
}

/**
 * After `[DONE]`, the rest of the body is usually just the end of the chunked encoding, already on
 * its way: reading it lets the connection go back to the pool instead of being torn down (a new
 * TCP, maybe TLS, handshake for the next request). A server that holds the connection open, or
 * sends anything but the end, is cut off after a short grace period (openai-node #2317).
 */
export function closeAfterDone(reader: ReadableStreamDefaultReader<Uint8Array>, lease: StreamLease): void {
  const timer = setTimeout(() => cancelBody(reader, lease), GRACE_MS);
  // Never keeps a process alive (Node); other runtimes have no `unref` and need none.
  (timer as { unref?: () => void }).unref?.();
  reader.read().then(
    ({ done }) => {
      clearTimeout(timer);
      if (done) lease.release();
      else cancelBody(reader, lease);
    },
    () => {
      clearTimeout(timer);
      lease.release();
    },
  );
}
