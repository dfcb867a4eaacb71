import type { ErrorInfo } from '../errors/read-error-body.js';
import { noRedaction, type Redactor } from '../errors/redact.js';
import { StreamError } from '../errors/request-errors.js';

type Json = Record<string, unknown>;

/**
 * True for a data frame that reports a failure rather than carrying a chunk: `{error: …}` with no
 * `choices` (OpenAI, Bifrost's BifrostError, Morpheus' in-band errors) or inTandem's
 * `{success: false, errors: […]}`. Two property reads for an ordinary chunk.
 */
export function isErrorFrame(body: Json): boolean {
  const error = body.error;
  const failed = (error !== undefined && error !== null && error !== false) || body.success === false;
  return failed && !Array.isArray(body.choices);
}

/** The `StreamError` for an error frame, carrying the vendor's message, code and type. */
export function streamErrorFromFrame(
  body: unknown,
  readError: (body: unknown) => ErrorInfo,
  redactor: Redactor = noRedaction,
): StreamError {
  const info: ErrorInfo =
    typeof body === 'object' && body !== null
      ? readError(body)
      : typeof body === 'string'
        ? { message: body }
        : {};
  const vendorMessage = info.message ? redactor.text(excerpt(info.message)) : undefined;
  const message = vendorMessage
    ? `The server sent an error in the stream: ${vendorMessage}`
    : 'The server sent an error frame in the stream, with no message.';
  return new StreamError(message, {
    ...(info.code !== undefined ? { code: redactor.text(info.code) } : {}),
    ...(info.type !== undefined ? { type: redactor.text(info.type) } : {}),
    ...(info.param !== undefined ? { param: redactor.text(info.param) } : {}),
    body: redactor.value(body),
  });
}

/** The `StreamError` for an `event: error` frame, whose data may or may not be JSON. */
export function streamErrorFromEvent(
  data: string,
  readError: (body: unknown) => ErrorInfo,
  redactor: Redactor = noRedaction,
): StreamError {
  let body: unknown = data;
  try {
    body = JSON.parse(data);
  } catch {
    // Plain text after `event: error`: the text is the message.
  }
  return streamErrorFromFrame(body === '' ? undefined : body, readError, redactor);
}

function excerpt(text: string): string {
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}
