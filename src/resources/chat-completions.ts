import { APIPromise } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import { rememberRedactor } from '../errors/call-redactor.js';
import type { Redactor } from '../errors/redact.js';
import type { RequestOptions } from '../options.js';
import type { ChatCompletion } from '../schema/chat-completion.js';
import { normaliseCompletion } from '../schema/normalise-completion.js';
import { isErrorFrame } from '../streaming/error-frame.js';
import { errorFromBody, readRequestId } from '../transport/error-from-response.js';
import { postChat } from './chat-params-check.js';
import { errorContext } from './error-context.js';

/** `chat.completions.create` without `stream`: one JSON completion, normalised to the OpenAI shape. */
export function createCompletion(
  context: ClientContext,
  params: unknown,
  options?: RequestOptions,
): APIPromise<ChatCompletion> {
  const read = (body: unknown, response: Response, redactor: Redactor) => {
    // A vendor failure answered with 200 (inTandem's `success: false`, a gateway's `{error}`) is
    // the vendor's error, with its code and param: the same reading a stream gives its error frame.
    if (typeof body === 'object' && body !== null && isErrorFrame(body as Record<string, unknown>)) {
      const { dialect } = context;
      const requestId = readRequestId(response.headers, dialect.requestIdHeaders, redactor);
      const text = redactor.text(JSON.stringify(body));
      throw errorFromBody(response, body, text, requestId, errorContext(context, redactor));
    }
    const completion = normaliseCompletion(context.dialect.unwrapCompletion(body), context.validate);
    if (typeof completion === 'object' && completion !== null) rememberRedactor(completion, redactor);
    return completion;
  };
  // No async wrapper: a refusal becomes a rejected promise, and the request path keeps one step fewer.
  try {
    return new APIPromise(postChat(context, params, options, read));
  } catch (error) {
    return new APIPromise(Promise.reject(error));
  }
}
