import type { ServerResponse } from 'node:http';
import type { StreamReplyOptions } from './reply.js';
import { sleep, untilAborted } from './sleep.js';

/** Bytes to write, or a pause. */
export type StreamPiece = string | Uint8Array | { pauseMs: number };

/** The response being written and how to notice that it is over. */
export interface StreamTarget {
  readonly response: ServerResponse;
  /** Aborts when the response closes (client gone, or server closing). */
  readonly signal: AbortSignal;
  readonly markDropped: () => void;
}

interface StreamPlan extends StreamReplyOptions {
  readonly contentType: string;
  /** Sent after the pieces unless the stream is reset (the SSE `[DONE]`). */
  readonly tail?: string;
}

/** Headers of every streamed reply; the caller's `headers` override them. */
export const streamHeaders = (contentType: string, headers: Record<string, string> = {}) => ({
  'content-type': contentType,
  'cache-control': 'no-cache',
  ...headers,
});

/**
 * Writes `pieces` one write each, waiting for every write to be flushed so pieces leave as
 * separate chunks of the chunked body; then ends, holds the connection open, or resets it.
 */
export const writeStream = async (
  pieces: readonly StreamPiece[],
  plan: StreamPlan,
  target: StreamTarget,
): Promise<void> => {
  const { response, signal } = target;
  response.writeHead(plan.status ?? 200, streamHeaders(plan.contentType, plan.headers));
  // Send headers now: a client's `create({ stream: true })` resolves on them.
  response.flushHeaders();

  let written = 0;
  const writeItem = async (bytes: string | Uint8Array) => {
    if (written > 0 && plan.intervalMs) await sleep(plan.intervalMs, signal);
    if (signal.aborted) return;
    await flushWrite(response, bytes);
    written += 1;
  };

  for (const piece of pieces) {
    if (signal.aborted) return;
    const isPause = typeof piece === 'object' && !(piece instanceof Uint8Array);
    // Pauses after the last item still run, so a client can read everything before the reset.
    if (!isPause && plan.resetAfter !== undefined && written >= plan.resetAfter) break;
    if (isPause) await sleep(piece.pauseMs, signal);
    else await writeItem(piece);
  }
  if (signal.aborted) return;
  if (plan.resetAfter !== undefined) return resetConnection(target);
  if (plan.tail !== undefined) await writeItem(plan.tail);
  if (plan.holdOpen) return untilAborted(signal);
  response.end();
};

/** Kills the connection with a TCP RST, leaving the chunked body unterminated. */
export const resetConnection = (target: StreamTarget): void => {
  target.markDropped();
  target.response.socket?.resetAndDestroy();
};

// The callback fires once the bytes reached the socket (or the socket died): never left pending.
const flushWrite = (response: ServerResponse, bytes: string | Uint8Array): Promise<void> =>
  new Promise((resolve) => {
    response.write(bytes, () => resolve());
  });
