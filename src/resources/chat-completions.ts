import { APIPromise } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import type { RequestOptions } from '../options.js';
import type { ChatCompletion } from '../schema/chat-completion.js';
import { normaliseCompletion } from '../schema/normalise-completion.js';
import { prepareChatRequest } from './chat-params-check.js';
import { requestJson } from './request-json.js';

/** `chat.completions.create` without `stream`: one JSON completion, normalised to the OpenAI shape. */
export function createCompletion(
  context: ClientContext,
  params: unknown,
  options?: RequestOptions,
): APIPromise<ChatCompletion> {
  const call = async () => {
    const prepared = prepareChatRequest(context.dialect, params, 'json', options);
    return requestJson(
      context,
      {
        method: 'POST',
        path: prepared.path,
        json: prepared.body,
        ...(prepared.headers ? { headers: prepared.headers } : {}),
      },
      options,
      (body) => normaliseCompletion(context.dialect.unwrapCompletion(body), context.validate),
    );
  };
  return new APIPromise(call());
}
