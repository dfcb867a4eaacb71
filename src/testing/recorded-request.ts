import { Buffer } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request the mock server received, as the client sent it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path including the query string, e.g. `/v1/chat/completions?x=1`. */
  readonly path: string;
  /** Lower-cased header names; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body bytes (uploads, binary). */
  readonly body: Uint8Array;
  readonly bodyText: string;
  /** The body parsed as JSON, or `undefined` when it is empty or not JSON. */
  readonly json: unknown;
  /** `Date.now()` when the request arrived. */
  readonly receivedAt: number;
  /** Resolves when the response is over: sent in full, dropped, or abandoned by the client. */
  readonly closed: Promise<void>;
  /**
   * True once the client went away before the mock ended the response (an abort, or a client
   * releasing a stalled or held-open stream). False for replies the mock ended or dropped itself.
   */
  readonly closedEarly: boolean;
}

/** A recorded request plus the hooks the server needs while answering it. */
export interface RequestLifecycle {
  readonly record: RecordedRequest;
  /** Aborts when the response closes for any reason, so timers and writers stop. */
  readonly signal: AbortSignal;
  /** Call before the mock destroys the socket itself, so it does not count as `closedEarly`. */
  markDropped(): void;
}

/** Reads the whole body of `request` and tracks how its response ends. */
export const recordRequest = async (
  request: IncomingMessage,
  response: ServerResponse,
): Promise<RequestLifecycle> => {
  const receivedAt = Date.now();
  const controller = new AbortController();
  let dropped = false;
  let closedEarly = false;
  const closed = new Promise<void>((resolve) => {
    response.once('close', () => {
      closedEarly = !response.writableFinished && !dropped;
      controller.abort();
      resolve();
    });
  });

  const pieces: Buffer[] = [];
  for await (const piece of request) pieces.push(piece as Buffer);
  const body = Buffer.concat(pieces);
  const bodyText = body.toString('utf8');

  const record: RecordedRequest = {
    method: request.method ?? 'GET',
    path: request.url ?? '/',
    headers: flattenHeaders(request.headers),
    body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
    bodyText,
    json: parseJson(bodyText),
    receivedAt,
    closed,
    get closedEarly() {
      return closedEarly;
    },
  };
  return {
    record,
    signal: controller.signal,
    markDropped: () => {
      dropped = true;
    },
  };
};

const flattenHeaders = (headers: IncomingMessage['headers']): Record<string, string> => {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
};

const parseJson = (text: string): unknown => {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
