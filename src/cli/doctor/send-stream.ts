import {
  answered,
  connectionProblem,
  type Exchange,
  fetchWire,
  type NoAnswer,
  type WireRequest,
} from './exchange.js';
import { linkedSignal } from './linked-signal.js';
import type { SendLimits } from './send.js';

/** How reading a stream ended. */
export type StreamEnd =
  | 'done' // `data: [DONE]` arrived (reading stops there, as clients do)
  | 'eof' // the server closed the body
  | 'held-open' // silence after a finish_reason, connection still open
  | 'timeout' // no end within the time allowed
  | 'reset'; // the connection broke mid-body

export interface StreamExchange extends Exchange {
  readonly end: StreamEnd;
  /** Time until the response headers arrived. */
  readonly headersMs: number;
  /** The connection error, for `reset`. */
  readonly problem?: string;
}

/** How long to wait after a finish_reason for `[DONE]` or the end of the body. */
const AFTER_FINISH_MS = 2000;
const DONE_EVENT = /(?:^|[\r\n])data: ?\[DONE\](?:\r\n|\r|\n)(?:\r\n|\r|\n)/;

/** Sends a streaming request and reads its body as a careful client would, noting how it ended. */
export const sendStream = async (
  request: WireRequest,
  limits: SendLimits,
): Promise<StreamExchange | NoAnswer> => {
  const started = Date.now();
  const link = linkedSignal(limits.signal, limits.timeoutMs);
  try {
    const response = await fetchWire(request, link.signal);
    const headersMs = Date.now() - started;
    const parts: Uint8Array[] = [];
    const decoder = new TextDecoder();
    let text = '';
    let end: StreamEnd = 'eof';
    let problem: string | undefined;
    const reader = response.body?.getReader();
    while (reader) {
      const finished = /"finish_reason"\s*:\s*"/.test(text);
      const next = await readWithin(reader, finished ? AFTER_FINISH_MS : limits.timeoutMs).catch((error) => {
        if (limits.signal.aborted) throw error;
        problem = connectionProblem(error, limits.timeoutMs);
        return 'reset' as const;
      });
      if (next === 'reset') {
        // Our own deadline aborting the body is a timeout, not a broken connection.
        end = link.signal.aborted ? 'timeout' : 'reset';
        break;
      }
      if (next === 'idle') {
        end = finished ? 'held-open' : 'timeout';
        break;
      }
      if (next.done) break;
      parts.push(next.value);
      text += decoder.decode(next.value, { stream: true });
      if (DONE_EVENT.test(text)) {
        end = 'done';
        break;
      }
    }
    void reader?.cancel().catch(() => undefined);
    link.abort();
    return {
      ...answered(response, concat(parts), text, started),
      headersMs,
      end,
      ...(problem === undefined ? {} : { problem }),
    };
  } catch (error) {
    if (limits.signal.aborted) throw error;
    return { ok: false, error: connectionProblem(error, limits.timeoutMs) };
  } finally {
    link.dispose();
  }
};

const readWithin = async (reader: ReadableStreamDefaultReader<Uint8Array>, ms: number) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<'idle'>((resolve) => {
    timer = setTimeout(() => resolve('idle'), ms);
  });
  try {
    return await Promise.race([reader.read(), idle]);
  } finally {
    clearTimeout(timer);
  }
};

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((size, part) => size + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
};
