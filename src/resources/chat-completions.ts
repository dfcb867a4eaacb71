import { APIPromise } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import type { RequestOptions } from '../options.js';
import type { ChatCompletion } from '../schema/chat-completion.js';
import { normaliseCompletion } from '../schema/normalise-completion.js';
import { postChat } from './chat-params-check.js';

/** `chat.completions.create` without `stream`: one JSON completion, normalised to the OpenAI shape. */
export function createCompletion(
  context: ClientContext,
  params: unknown,
  options?: RequestOptions,
): APIPromise<ChatCompletion> {
  const read = (body: unknown) =>
    normaliseCompletion(context.dialect.unwrapCompletion(body), context.validate);
  // No async wrapper: a refusal becomes a rejected promise, and the request path keeps one step fewer.
  try {
    return new APIPromise(postChat(context, params, options, read));
  } catch (error) {
    return new APIPromise(Promise.reject(error));
  }
}
