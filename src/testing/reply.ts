import type { RecordedRequest } from './recorded-request.js';

/** Fields every reply that sends headers may carry. */
export interface ReplyOptions {
  /** HTTP status. @defaultValue 200 */
  status?: number;
  /** Extra response headers; they override the defaults (e.g. `content-type`). */
  headers?: Record<string, string>;
  /** Wait this long before sending headers (time-to-first-byte, timeouts). */
  delayMs?: number;
}

/** A JSON body, `content-type: application/json`. */
export interface JsonReply extends ReplyOptions {
  json: unknown;
}

/**
 * An error status with a JSON body. Without `body`, the dialect's own error shape is sent
 * (OpenAI: `{ error: { message, type, param, code } }`) with `message` or a default one. A string
 * `body` is sent verbatim (e.g. malformed JSON).
 */
export interface ErrorReply {
  error: number;
  body?: unknown;
  /** Message of the default body. @defaultValue `'Mock error <status>'` */
  message?: string;
  /** `type` and `code` of the default body; the dialect picks them from the status otherwise. */
  type?: string;
  code?: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** Any raw body, e.g. a proxy's HTML 502 page. */
export interface TextReply extends ReplyOptions {
  text: string;
  /** @defaultValue `'text/plain; charset=utf-8'` */
  contentType?: string;
}

/** Line ending used inside SSE frames written by the mock. */
export type LineEnding = '\n' | '\r\n' | '\r';

/** Bytes written verbatim, for framing edge cases (no `data:` prefix, split delimiters…). */
export interface RawFrame {
  raw: string | Uint8Array;
}
/** A comment line, `: text` plus a blank line — what vendors send as keep-alive. */
export interface CommentFrame {
  comment: string;
}
/** A named or plain event whose `data` is sent as is (split over `data:` lines at `\n`). */
export interface EventFrame {
  event?: string;
  id?: string;
  data: string;
}
/** Writes nothing; waits this long before the next item. */
export interface PauseFrame {
  pauseMs: number;
}
/** A control item inside `sse`; anything else in the array is sent as `data: <JSON>`. */
export type SseFrame = RawFrame | CommentFrame | EventFrame | PauseFrame;

/** Fields shared by the streamed replies (`sse`, `chunks`). */
export interface StreamReplyOptions extends ReplyOptions {
  /** Delay between two items, in ms. */
  intervalMs?: number;
  /** Keep the connection open after the last item until the client closes it. */
  holdOpen?: boolean;
  /**
   * Reset the connection (TCP RST) after this many items (pauses not counted), without ending the
   * chunked body, so the client's fetch fails with `TypeError: terminated`. Nothing after that
   * point, `[DONE]` included, is sent. Note: fetch drops bytes it buffered but the caller had not
   * read yet; add a `{ pauseMs }` item before the reset when the client must see every item.
   */
  resetAfter?: number;
}

/**
 * A `text/event-stream` body. Plain values become `data: <JSON>` events; an object is read as an
 * {@link SseFrame} only when its keys are exactly one frame's keys (`raw`, `comment`, `pauseMs`,
 * or `data` string with optional `event`/`id`).
 */
export interface SseReply extends StreamReplyOptions {
  sse: readonly unknown[];
  /** Append `data: [DONE]`. @defaultValue true */
  done?: boolean;
  /** @defaultValue `'\n'` */
  lineEnding?: LineEnding;
}

/** Exactly these byte pieces, one write (and flush) each, for split UTF-8 / CRLF tests. */
export interface ChunksReply extends StreamReplyOptions {
  chunks: ReadonlyArray<string | Uint8Array>;
  /** @defaultValue `'text/event-stream'` */
  contentType?: string;
}

/** Destroy the socket without answering: the client's fetch rejects. */
export interface DropReply {
  drop: 'before-headers';
  delayMs?: number;
}

/** 200 SSE headers, then silence (or only comments) until the client goes away. */
export interface StallReply extends ReplyOptions {
  stall: true;
  /** Send `: <comment>` every `intervalMs` while stalled. @defaultValue comment `'keep-alive'` */
  keepAlive?: { intervalMs: number; comment?: string };
}

/** What the mock answers to one request. */
export type Reply = JsonReply | ErrorReply | TextReply | SseReply | ChunksReply | DropReply | StallReply;

/** A reply computed from the request it answers. */
export type ReplyFunction = (request: RecordedRequest) => Reply | Promise<Reply>;

/** A reply, or a function producing one. */
export type ReplySource = Reply | ReplyFunction;
