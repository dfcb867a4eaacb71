import { BodySink } from './body-sink.js';
import { buildRecord, type RecordedRequest } from './recorded-request.js';

/** A record of a fetch `Request` plus the hook to call when its response is over. */
export interface FetchRecord {
  readonly record: RecordedRequest;
  /** Resolves `record.closed`; `early` when the client went away first. */
  settle(early: boolean): void;
}

/**
 * Records a fetch `Request` (as msw hands it over) the way the HTTP server records its requests,
 * under `path` — the path the dialect sees, which may differ from the URL's when `baseURL` has
 * its own prefix. The body is read piece by piece, so uploads are measured without buffering.
 */
export const recordFetchRequest = async (
  request: Request,
  path: string,
  maxBodyBytes?: number,
  headers: Record<string, string> = fetchHeaders(request),
): Promise<FetchRecord> => {
  const receivedAt = Date.now();
  const sink = new BodySink(headers['content-type'], maxBodyBytes);
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      sink.write(value);
    }
  }
  let closedEarly = false;
  let resolveClosed = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  const frame = {
    method: request.method.toUpperCase(),
    path,
    headers,
    receivedAt,
    closed,
    isClosedEarly: () => closedEarly,
  };
  return {
    record: buildRecord(frame, sink.finish()),
    settle: (early) => {
      closedEarly ||= early;
      resolveClosed();
    },
  };
};

/** A fetch `Request`'s headers as a plain record (names lower-cased, repeats already joined). */
export const fetchHeaders = (request: Request): Record<string, string> => {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
};
