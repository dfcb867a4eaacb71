import { APIPromise, type WithResponse } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import { ResponseValidationError } from '../errors/request-errors.js';
import type { RequestOptions } from '../options.js';
import { prepareCall } from '../prepare-request.js';
import type { ChatCompletion } from '../schema/chat-completion.js';
import { normaliseCompletion } from '../schema/normalise-completion.js';
import { readBodyText } from '../transport/read-body.js';
import { send } from '../transport/send.js';
import { prepareChatRequest } from './chat-params-check.js';
import { errorContext } from './error-context.js';

/** `chat.completions.create` without `stream`: one JSON completion, normalised to the OpenAI shape. */
export function createCompletion(
  context: ClientContext,
  params: unknown,
  options?: RequestOptions,
): APIPromise<ChatCompletion> {
  return new APIPromise(requestCompletion(context, params, options));
}

async function requestCompletion(
  context: ClientContext,
  params: unknown,
  options: RequestOptions | undefined,
): Promise<WithResponse<ChatCompletion>> {
  const prepared = prepareChatRequest(context.dialect, params, 'json', options);
  const call = await prepareCall(
    context,
    {
      method: 'POST',
      path: prepared.path,
      body: JSON.stringify(prepared.body),
      contentType: 'application/json',
      ...(prepared.headers ? { headers: prepared.headers } : {}),
    },
    options,
  );
  const received = await send(
    call.request,
    call.policy,
    errorContext(context, call.redactor),
    async (response) => {
      const text = await readBodyText(response, call.policy.maxResponseBytes);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (cause) {
        throw new ResponseValidationError('The response body is not valid JSON.', {
          rawText: call.redactor.text(text.slice(0, 2000)),
          cause,
        });
      }
      return normaliseCompletion(context.dialect.unwrapCompletion(body), context.validate);
    },
  );
  return { data: received.data, response: received.response, requestId: received.requestId };
}
