import { excerpt } from './json-tools.js';

/** One request as the doctor sends it: the raw wire form, no SDK in between. */
export interface WireRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** A complete answer. */
export interface Exchange {
  readonly ok: true;
  readonly status: number;
  readonly headers: Headers;
  readonly bytes: Uint8Array;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
  readonly ms: number;
}

/** No answer: refused, reset, timed out. */
export interface NoAnswer {
  readonly ok: false;
  readonly error: string;
}

/** Sends `request` as it is, under `signal`. */
export const fetchWire = (request: WireRequest, signal: AbortSignal): Promise<Response> =>
  fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    signal,
  });

/** The answer to a request sent at `started` (ms), once its body has been read. */
export const answered = (response: Response, bytes: Uint8Array, text: string, started: number): Exchange => ({
  ok: true,
  status: response.status,
  headers: response.headers,
  bytes,
  text,
  json: parseJson(text),
  ms: Date.now() - started,
});

export const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Why fetch failed, with the cause Node hides in `error.cause`. */
export const connectionProblem = (error: unknown, timeoutMs: number): string => {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const detail = cause?.code ?? cause?.message;
  const message = error instanceof Error ? error.message : String(error);
  return detail ? `${message} (${String(detail)})` : message;
};

/** `status content-type body-excerpt`, the usual "got" for an unexpected answer. */
export const describeExchange = (exchange: Exchange, max = 60): string => {
  const type = exchange.headers.get('content-type') ?? 'no content-type';
  const body = exchange.text === '' ? 'empty body' : excerpt(exchange.text, max);
  return `${exchange.status} ${type.split(';', 1)[0]} ${body}`;
};
