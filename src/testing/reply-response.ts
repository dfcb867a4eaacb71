import { errorPayload } from './error-payload.js';
import type { MockDialect } from './mock-dialect.js';
import type { Reply } from './reply.js';
import { sleep, untilAborted } from './sleep.js';
import { ssePieces, ssePlan } from './write-reply.js';
import { type StreamPiece, streamHeaders } from './write-stream.js';

/** Where a fetch-level reply reports the end of its response. */
export interface ResponseTarget {
  readonly dialect: MockDialect;
  /** The request's signal: the client going away. */
  readonly signal: AbortSignal;
  /** Called once the response is over; `early` when the client left first. */
  readonly settle: (early: boolean) => void;
}

interface StreamPlan {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly contentType: string;
  readonly intervalMs?: number;
  readonly resetAfter?: number;
  readonly holdOpen?: boolean;
  readonly tail?: string;
}

/**
 * The fetch `Response` for a {@link Reply}, with the same bytes the HTTP server would write:
 * streams are `ReadableStream`s paced by `intervalMs` and pauses, `resetAfter` errors the body
 * with `TypeError: terminated`, `drop` is a network error (`Response.error()`).
 */
export const replyToResponse = async (reply: Reply, target: ResponseTarget): Promise<Response> => {
  if (reply.delayMs) await sleep(reply.delayMs, target.signal);
  const whole = (status: number, contentType: string, text: string, headers?: Record<string, string>) => {
    target.settle(false);
    return new Response(text, { status, headers: { 'content-type': contentType, ...headers } });
  };
  if ('drop' in reply) {
    target.settle(false);
    return Response.error();
  }
  if ('json' in reply)
    return whole(reply.status ?? 200, 'application/json', JSON.stringify(reply.json), reply.headers);
  if ('error' in reply) {
    const { text, headers } = errorPayload(reply, target.dialect);
    return whole(reply.error, 'application/json', text, headers);
  }
  if ('text' in reply) {
    return whole(
      reply.status ?? 200,
      reply.contentType ?? 'text/plain; charset=utf-8',
      reply.text,
      reply.headers,
    );
  }
  if ('sse' in reply) return streamResponse(ssePieces(reply), ssePlan(reply), target);
  if ('chunks' in reply) {
    return streamResponse(
      reply.chunks,
      { ...reply, contentType: reply.contentType ?? 'text/event-stream' },
      target,
    );
  }
  if ('stall' in reply) {
    const { keepAlive } = reply;
    const beats: StreamPiece[] = [];
    return streamResponse(
      beats,
      { ...reply, contentType: 'text/event-stream', holdOpen: true },
      target,
      keepAlive,
    );
  }
  return whole(500, 'text/plain', `chatwire mock: unknown reply shape ${JSON.stringify(Object.keys(reply))}`);
};

const streamResponse = (
  pieces: readonly StreamPiece[],
  plan: StreamPlan,
  target: ResponseTarget,
  keepAlive?: { intervalMs: number; comment?: string },
): Response => {
  const stop = new AbortController();
  const abort = () => stop.abort();
  target.signal.addEventListener('abort', abort, { once: true });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (bytes: string | Uint8Array) => {
        if (!stop.signal.aborted)
          controller.enqueue(typeof bytes === 'string' ? encoder.encode(bytes) : bytes);
      };
      const pump = async (): Promise<void> => {
        let written = 0;
        for (const piece of pieces) {
          if (stop.signal.aborted) return;
          const isPause = typeof piece === 'object' && !(piece instanceof Uint8Array);
          if (!isPause && plan.resetAfter !== undefined && written >= plan.resetAfter) break;
          if (isPause) await sleep(piece.pauseMs, stop.signal);
          else {
            if (written > 0 && plan.intervalMs) await sleep(plan.intervalMs, stop.signal);
            send(piece);
            written += 1;
          }
        }
        if (stop.signal.aborted) return;
        if (plan.resetAfter !== undefined) return controller.error(new TypeError('terminated'));
        if (plan.tail !== undefined) send(plan.tail);
        if (plan.holdOpen) {
          const timer = keepAlive
            ? setInterval(() => send(`: ${keepAlive.comment ?? 'keep-alive'}\n\n`), keepAlive.intervalMs)
            : undefined;
          await untilAborted(stop.signal);
          clearInterval(timer);
          return;
        }
        controller.close();
      };
      void pump().finally(() => {
        target.signal.removeEventListener('abort', abort);
        target.settle(stop.signal.aborted);
      });
    },
    cancel: abort,
  });
  return new Response(body, {
    status: plan.status ?? 200,
    headers: streamHeaders(plan.contentType, plan.headers),
  });
};
