import { Buffer } from 'node:buffer';
import type { ServerResponse } from 'node:http';
import { errorPayload } from './error-payload.js';
import type { MockDialect } from './mock-dialect.js';
import type { Reply, SseReply, StallReply } from './reply.js';
import { sleep, untilAborted } from './sleep.js';
import { encodeSseItem, isSseFrame, sseDone } from './sse-encode.js';
import { type StreamPiece, type StreamTarget, streamHeaders, writeStream } from './write-stream.js';

/** Everything needed to answer one request. */
export interface ReplyTarget extends StreamTarget {
  readonly dialect: MockDialect;
}

/** Sends `reply` on `target.response`; resolves once the response is over or abandoned. */
export const writeReply = async (reply: Reply, target: ReplyTarget): Promise<void> => {
  if (reply.delayMs) await sleep(reply.delayMs, target.signal);
  if (target.signal.aborted) return;
  const { response } = target;

  if ('drop' in reply) {
    target.markDropped();
    response.socket?.destroy();
    return;
  }
  if ('json' in reply) {
    return sendBody(
      response,
      reply.status ?? 200,
      'application/json',
      JSON.stringify(reply.json),
      reply.headers,
    );
  }
  if ('error' in reply) {
    const { text, headers } = errorPayload(reply, target.dialect);
    return sendBody(response, reply.error, 'application/json', text, headers);
  }
  if ('text' in reply) {
    const contentType = reply.contentType ?? 'text/plain; charset=utf-8';
    return sendBody(response, reply.status ?? 200, contentType, reply.text, reply.headers);
  }
  if ('sse' in reply) return writeStream(ssePieces(reply), ssePlan(reply), target);
  if ('chunks' in reply) {
    return writeStream(
      reply.chunks,
      { ...reply, contentType: reply.contentType ?? 'text/event-stream' },
      target,
    );
  }
  if ('stall' in reply) return writeStall(reply, target);
  const shape = JSON.stringify(Object.keys(reply as object));
  return sendBody(response, 500, 'text/plain', `chatwire mock: unknown reply shape ${shape}`, undefined);
};

const sendBody = (
  response: ServerResponse,
  status: number,
  contentType: string,
  text: string,
  headers: Record<string, string> | undefined,
): void => {
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
};

/** The byte pieces (and pauses) of an `sse` reply. */
export const ssePieces = (reply: SseReply): StreamPiece[] =>
  reply.sse.map((item) =>
    isSseFrame(item) && 'pauseMs' in item ? item : encodeSseItem(item, reply.lineEnding ?? '\n'),
  );

/** How an `sse` reply is written: its options plus content type and the `[DONE]` tail. */
export const ssePlan = ({ sse: _items, done, lineEnding, ...plan }: SseReply) => ({
  ...plan,
  contentType: 'text/event-stream',
  ...(done === false ? {} : { tail: sseDone(lineEnding ?? '\n') }),
});

/** 200 SSE headers, then nothing but optional comments until the client leaves. */
const writeStall = async (reply: StallReply, target: StreamTarget): Promise<void> => {
  const { response, signal } = target;
  response.writeHead(reply.status ?? 200, streamHeaders('text/event-stream', reply.headers));
  response.flushHeaders();
  const keepAlive = reply.keepAlive;
  const timer = keepAlive
    ? setInterval(() => response.write(`: ${keepAlive.comment ?? 'keep-alive'}\n\n`), keepAlive.intervalMs)
    : undefined;
  await untilAborted(signal);
  clearInterval(timer);
};
