import type { APIPromise, WithResponse } from '../api-promise.js';
import type { ClientContext } from '../client-context.js';
import { unwrapCaesarChatChunk } from '../dialects/caesar-chat-chunk.js';
import { RunFailedError } from '../errors/run-errors.js';
import type { RequestOptions } from '../options.js';
import type { ResearchChatMessage } from '../schema/research.js';
import type { ChatCompletionStream } from '../streaming/chat-completion-stream.js';
import { openPlannedStream, planStream } from './chat-streams.js';
import { pathId } from './path-id.js';
import { type PollOptions, pollStates, requestPart } from './poll.js';
import { requestJson } from './request-json.js';

/** `client.research.chat`: follow-up questions on a finished research job. */
export interface ResearchChat {
  /** Asks a follow-up; resolves with the message in status `processing`. */
  send(
    researchId: string,
    message: { content: string; snippets?: string[]; excluded_domains?: string[] },
    options?: RequestOptions,
  ): APIPromise<ResearchChatMessage>;
  /** Polls the answer (a 202 means "not yet") and resolves with it once completed. */
  wait(
    researchId: string,
    messageId: string,
    options?: PollOptions & RequestOptions,
  ): Promise<ResearchChatMessage>;
  /** Streams the answer as it is written; resolves at headers. Ends with `data: [DONE]`. */
  stream(researchId: string, messageId: string, options?: RequestOptions): APIPromise<ChatCompletionStream>;
}

type Call = <T>(run: () => Promise<WithResponse<T>>) => APIPromise<T>;

const CHAT_DEFAULTS = { intervalMs: 1_000, maxIntervalMs: 5_000, timeoutMs: 15 * 60_000 };

export function createResearchChat(context: ClientContext, call: Call): ResearchChat {
  const path = (id: string, messageId?: string) =>
    `/research/${pathId(id, 'research id')}/chat${messageId === undefined ? '' : `/${pathId(messageId, 'message id')}`}`;
  return {
    send: (researchId, message, options) =>
      call(() =>
        requestJson(context, { method: 'POST', path: path(researchId), json: message }, options, (body) => {
          return body as ResearchChatMessage;
        }),
      ),
    stream: (researchId, messageId, options = {}) =>
      call(() => {
        const request = { method: 'GET' as const, path: `${path(researchId, messageId)}/stream` };
        return openPlannedStream(planStream(context, request, options, unwrapCaesarChatChunk), options);
      }),
    wait: async (researchId, messageId, options = {}) => {
      let last: ResearchChatMessage | undefined;
      const states = pollStates(
        {
          // 202 while processing: the body may be partial or empty, so the status code decides.
          fetch: (signal) =>
            call(() =>
              requestJson(
                context,
                { method: 'GET', path: path(researchId, messageId) },
                { ...requestPart(options), signal },
                (body, response) => {
                  const message = { ...(body as object), id: messageId } as ResearchChatMessage;
                  if (response.status === 202) message.status = 'processing';
                  else message.status ??= 'completed';
                  return message;
                },
              ),
            ).withResponse(),
          key: (message) => String(message.status),
          isDone: (message) => message.status !== 'processing',
          defaults: CHAT_DEFAULTS,
          label: `research chat message ${messageId}`,
        },
        options,
      );
      for await (const message of states) last = message;
      if (last?.status === 'failed') {
        throw new RunFailedError(
          `Research chat message ${messageId} failed: ${last.error_message ?? 'no reason given'}`,
          {
            run: last,
          },
        );
      }
      return last!;
    },
  };
}
