import { Buffer } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodySink, type BodySummary, type MultipartPart } from './body-sink.js';

/** One request the mock server received, as the client sent it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path including the query string, e.g. `/v1/chat/completions?x=1`. */
  readonly path: string;
  /** Lower-cased header names; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body bytes (uploads, binary); only the first `maxRecordedBodyBytes` when `bodyTruncated`. */
  readonly body: Uint8Array;
  readonly bodyText: string;
  /** The body parsed as JSON, or `undefined` when it is empty, not JSON, or truncated. */
  readonly json: unknown;
  /** Bytes received in all, including any beyond the recording limit. */
  readonly bodySize: number;
  /** Hex SHA-256 of the whole body as received. */
  readonly bodySha256: string;
  /** True when the body was longer than the recording limit and `body` holds only its start. */
  readonly bodyTruncated: boolean;
  /** The parts of a `multipart/form-data` body (name, filename, type, size, SHA-256, bytes), else `undefined`. */
  readonly multipart: readonly MultipartPart[] | undefined;
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

/** Everything a record is made of but its body, which {@link buildRecord} adds. */
export interface RecordFrame {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly receivedAt: number;
  readonly closed: Promise<void>;
  readonly isClosedEarly: () => boolean;
}

/** Assembles a {@link RecordedRequest} from its frame and body summary (server and msw share it). */
export const buildRecord = (frame: RecordFrame, summary: BodySummary): RecordedRequest => {
  const bodyText = Buffer.from(
    summary.body.buffer,
    summary.body.byteOffset,
    summary.body.byteLength,
  ).toString('utf8');
  return {
    method: frame.method,
    path: frame.path,
    headers: frame.headers,
    body: summary.body,
    bodyText,
    json: summary.truncated ? undefined : parseJson(bodyText),
    bodySize: summary.size,
    bodySha256: summary.sha256,
    bodyTruncated: summary.truncated,
    multipart: summary.multipart,
    receivedAt: frame.receivedAt,
    closed: frame.closed,
    get closedEarly() {
      return frame.isClosedEarly();
    },
  };
};

/** Reads the whole body of `request` (keeping at most `maxBodyBytes`) and tracks how its response ends. */
export const recordRequest = async (
  request: IncomingMessage,
  response: ServerResponse,
  maxBodyBytes?: number,
  headers: Record<string, string> = headersOf(request),
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

  const sink = new BodySink(headers['content-type'], maxBodyBytes);
  for await (const piece of request) sink.write(piece as Buffer);

  const frame: RecordFrame = {
    method: request.method ?? 'GET',
    path: request.url ?? '/',
    headers,
    receivedAt,
    closed,
    isClosedEarly: () => closedEarly,
  };
  return {
    record: buildRecord(frame, sink.finish()),
    signal: controller.signal,
    markDropped: () => {
      dropped = true;
    },
  };
};

/**
 * The request's headers, names lower-cased, each repeated header joined with `, `. Node's
 * `headers` keeps only the first copy of some (Authorization, User-Agent…): a client that sends
 * two credentials must not pass a test as if it sent one, so every copy is read.
 */
export const headersOf = (request: IncomingMessage): Record<string, string> => {
  const raw = request.rawHeaders;
  if (!Array.isArray(raw) || raw.length === 0) return joinValues(request.headers);
  const flat: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    if (name === '__proto__') continue; // not a header anyone sends; as a key it would swap the prototype
    flat[name] = Object.hasOwn(flat, name) ? `${flat[name]}, ${value}` : value;
  }
  return flat;
};

const joinValues = (headers: IncomingMessage['headers']): Record<string, string> => {
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
