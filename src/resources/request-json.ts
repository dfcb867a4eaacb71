import type { WithResponse } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import { ChatwireError } from '../errors/chatwire-error.js';
import type { Redactor } from '../errors/redact.js';
import { ResponseValidationError } from '../errors/request-errors.js';
import type { RequestOptions } from '../options.js';
import { prepareCall, type RequestSpec } from '../prepare-request.js';
import { readBodyText } from '../transport/read-body.js';
import { send } from '../transport/send.js';
import { errorContext } from './error-context.js';

export interface JsonRequest extends Omit<RequestSpec, 'body'> {
  /** A value sent as JSON, or a ready body (FormData, a stream, a per-attempt body factory…). */
  json?: unknown;
  body?: RequestSpec['body'];
}

/**
 * One call whose 2xx answer is JSON: sends under the retry policy, reads the body within the
 * timeout and `maxResponseBytes`, parses it and hands it to `read` (which may throw a typed error;
 * the call's redactor is there for answers that later feed an error, such as a failed run).
 */
export async function requestJson<T>(
  context: ClientContext,
  spec: JsonRequest,
  options: RequestOptions | undefined,
  read: (body: unknown, response: Response, redactor: Redactor) => T,
): Promise<WithResponse<T>> {
  const { json, ...rest } = spec;
  const pending = prepareCall(
    context,
    json === undefined ? rest : { ...rest, body: JSON.stringify(json), contentType: 'application/json' },
    options,
  );
  const call = pending instanceof Promise ? await pending : pending;
  const received = await send(
    call.request,
    call.policy,
    errorContext(context, call.redactor),
    async (response) => {
      const text = await readBodyText(response, call.policy.maxResponseBytes);
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch (cause) {
        throw new ResponseValidationError('The response body is not valid JSON.', {
          rawText: call.redactor.text(text.slice(0, 2000)),
          cause,
        });
      }
      return readAnswer(() => read(body, response, call.redactor), text, call.redactor);
    },
  );
  return { data: received.data, response: received.response, requestId: received.requestId };
}

/**
 * Runs a reader over a parsed 2xx answer. A typed error passes; anything else (a reader meeting
 * `data: null`, say) is a body we could not read, not a dropped connection: it must not be
 * retried (a retried POST is paid for twice), so it becomes a `ResponseValidationError`.
 */
export function readAnswer<T>(read: () => T, text: string, redactor: Redactor): T {
  try {
    return read();
  } catch (cause) {
    if (ChatwireError.is(cause)) throw cause;
    throw new ResponseValidationError(
      `The response could not be read: ${cause instanceof Error ? cause.message : String(cause)}.`,
      { rawText: redactor.text(text.slice(0, 2000)), cause },
    );
  }
}
