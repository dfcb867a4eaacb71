import { APIError } from '../errors/api-error.js';
import type { Redactor } from '../errors/redact.js';
import { readBodyText } from './read-body.js';
import type { ErrorContext } from './send.js';

/** Reads an error response into the `APIError` subclass of its status: redacted, with an excerpt of a non-JSON body. */
export async function errorFromResponse(
  response: Response,
  requestId: string | undefined,
  maxBytes: number,
  context: ErrorContext,
): Promise<APIError> {
  const text = context.redactor.text(await readBodyText(response, maxBytes).catch(() => ''));
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON (an HTML page from a proxy, say): keep the text.
  }
  return errorFromBody(response, body, text, requestId, context);
}

/**
 * The `APIError` for a body already read: a non-2xx answer, or a 2xx JSON answer that is an error
 * envelope (inTandem's `success: false`, a gateway's `{error}` with status 200). `text` is the
 * body's text, already redacted.
 */
export function errorFromBody(
  response: Response,
  body: unknown,
  text: string,
  requestId: string | undefined,
  context: ErrorContext,
): APIError {
  // Parsed JSON is redacted again: a key escaped in the body (`\u0073k-…`, `sk-live\/…`) only
  // shows once parsed, and the message is read from it.
  const redacted = context.redactor.value(body);
  const isObject = typeof redacted === 'object' && redacted !== null;
  const info = isObject ? context.readError(redacted) : {};
  const shown = isObject ? JSON.stringify(redacted) : text;
  const excerpt = shown.replace(/\s+/g, ' ').trim().slice(0, 200);
  // A reason phrase is the server's text too, and may echo the key.
  const reason = context.redactor.text(response.statusText) || REASONS[response.status] || 'status code';
  const fallbackMessage =
    text === '' ? `${reason} (no body)` : `${reason}: ${excerpt}${shown.length > 200 ? '…' : ''}`;
  return APIError.fromInit({
    status: response.status,
    headers: redactHeaders(response.headers, context.redactor),
    body: redacted,
    info,
    fallbackMessage,
    dialect: context.dialect,
    requestId,
    rateLimitWindowMs: context.rateLimitWindowMs,
  });
}

// HTTP/2 has no reason phrases; these keep messages readable there.
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  200: 'OK',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The vendor's request id, masked like any text from the server (a proxy may echo the key in it). */
export function readRequestId(
  headers: Headers,
  names: readonly string[],
  redactor: Redactor,
): string | undefined {
  for (const name of names) {
    const id = headers.get(name);
    if (id) return redactor.text(id);
  }
  const id = headers.get('x-request-id');
  return id ? redactor.text(id) : undefined;
}

function redactHeaders(headers: Headers, redactor: Redactor): Headers {
  const out = new Headers();
  headers.forEach((value, name) => {
    out.append(name, redactor.text(value));
  });
  return out;
}
