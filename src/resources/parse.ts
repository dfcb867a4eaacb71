import { APIPromise } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import { InvalidRequestError } from '../errors/request-errors.js';
import { loadChunk } from '../internal/lazy.js';
import type { RequestOptions } from '../options.js';
import { type ParsedChatCompletion, wantsJson } from '../structured/response-format.js';
import { createCompletion } from './chat-completions.js';
import { prepareChatRequest } from './chat-params-check.js';
import { requireCapability } from './require-capability.js';

/**
 * `chat.completions.parse(params)`: one JSON completion whose structured answer is read into
 * `choices[i].message.parsed` (validated when `response_format` came from `jsonSchemaFormat()`).
 */
export function parseChat(
  context: ClientContext,
  params: unknown,
  options?: RequestOptions,
): APIPromise<ParsedChatCompletion<unknown>> {
  return new APIPromise(
    (async () => {
      const format = (params as { response_format?: unknown } | null)?.response_format;
      // The dialect's own refusal first: it says best why (Caesar ignores response_format).
      prepareChatRequest(context.dialect, params, 'json');
      if (!wantsJson(format)) {
        throw new InvalidRequestError(
          'parse() reads a JSON answer: pass `response_format: jsonSchemaFormat(schema)` from chatwire/tools (or a json_schema / json_object format).',
          [{ path: 'response_format', message: 'must ask for JSON' }],
        );
      }
      requireCapability(context, 'responseFormat', 'response_format', 'response_format');
      // Sent now, with the parameters as they are at the call; the parser loads meanwhile.
      const sent = createCompletion(context, params, options).withResponse();
      const parser = loadChunk('structured output', () => import('../structured/parse-completion.js'));
      parser.catch(() => {}); // a failed send is the error to report
      const result = await sent;
      const { parseCompletion } = await parser;
      return { ...result, data: await parseCompletion<unknown>(result.data, format) };
    })(),
  );
}
