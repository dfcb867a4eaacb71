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
  const info = typeof body === 'object' && body !== null ? context.readError(body) : {};
  const excerpt = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  const reason = response.statusText || REASONS[response.status] || 'status code';
  const fallbackMessage =
    text === '' ? `${reason} (no body)` : `${reason}: ${excerpt}${text.length > 200 ? '…' : ''}`;
  return APIError.fromInit({
    status: response.status,
    headers: redactHeaders(response.headers, context.redactor),
    body: context.redactor.value(body),
    info,
    fallbackMessage,
    dialect: context.dialect,
    requestId,
  });
}

// HTTP/2 has no reason phrases; these keep messages readable there.
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function readRequestId(headers: Headers, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value) return value;
  }
  return headers.get('x-request-id') ?? undefined;
}

function redactHeaders(headers: Headers, redactor: Redactor): Headers {
  const out = new Headers();
  headers.forEach((value, name) => {
    out.append(name, redactor.text(value));
  });
  return out;
}
