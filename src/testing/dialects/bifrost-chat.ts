import { type ChatEcho, readChat } from '../chat-echo.js';
import type { MockDialectContext } from '../mock-dialect.js';
import type { RecordedRequest } from '../recorded-request.js';
import type { ErrorReply, Reply } from '../reply.js';
import { bifrostErrorReply } from './bifrost-errors.js';
import { type BifrostServed, routeModel } from './bifrost-routing.js';
import type { BifrostSettings } from './bifrost-settings.js';
import { bifrostUsage, extraFields, mockCost } from './bifrost-shapes.js';
import { bifrostStream } from './bifrost-stream.js';

/** A chat request that passed validation and routing. */
export interface BifrostTurn {
  readonly echo: ChatEcho;
  readonly served: BifrostServed;
  readonly requestId: string;
}

/** Validates the body and picks the answering model (shared by sync and async chat). */
export const readBifrostTurn = (
  request: RecordedRequest,
  context: MockDialectContext,
  native: boolean,
  settings: BifrostSettings,
): BifrostTurn | ErrorReply => {
  const echo = readChat(request, context);
  if ('error' in echo) {
    return bifrostErrorReply(settings.generation, {
      status: 400,
      message: 'messages is required for chat completion',
    });
  }
  const reasoning = echo.body.reasoning as { effort?: unknown } | undefined;
  if (echo.body.reasoning_effort != null && reasoning?.effort != null) {
    return bifrostErrorReply(settings.generation, {
      status: 400,
      message: 'both reasoning_effort and reasoning.effort cannot be present at the same time',
    });
  }
  const served = routeModel(echo.body, native, settings);
  if ('error' in served) return served;
  return { echo, served, requestId: request.headers['x-request-id'] ?? `req_mock_${echo.n}` };
};

/** The non-streamed `BifrostChatResponse`. */
export const bifrostCompletion = (
  { echo, served }: BifrostTurn,
  settings: BifrostSettings,
): Record<string, unknown> => ({
  id: echo.id,
  object: 'chat.completion',
  created: echo.created,
  model: served.routing.model,
  choices: [
    {
      index: 0,
      finish_reason: 'stop',
      logprobs: null,
      message: { role: 'assistant', content: echo.content },
    },
  ],
  system_fingerprint: '',
  usage: bifrostUsage(settings.generation, settings.costShape, echo.usage),
  extra_fields: extraFields(settings.generation, served.routing, 'chat_completion', 0, 1),
});

/** `x-request-id` and, in the 2026 generation, the `x-bifrost-*` response headers. */
export const bifrostHeaders = (
  { served, requestId, echo }: BifrostTurn,
  settings: BifrostSettings,
  requestType: string,
): Record<string, string> => {
  if (settings.generation === 2025) return { 'x-request-id': requestId };
  const { provider, model } = served.routing;
  const cost = mockCost(echo.usage.prompt_tokens, echo.usage.completion_tokens);
  return {
    'x-request-id': requestId,
    'x-bifrost-provider': provider,
    'x-bifrost-original-model': model,
    'x-bifrost-resolved-model': model,
    'x-bifrost-request-type': requestType,
    // A stream's cost is not known when its headers leave.
    ...(requestType === 'chat_completion' ? { 'x-bifrost-cost-usd': String(cost) } : {}),
    ...(served.fallbackIndex > 0 ? { 'x-bifrost-fallback-index': String(served.fallbackIndex) } : {}),
  };
};

/**
 * `POST /openai/v1/chat/completions` (`native: false`) and `POST /v1/chat/completions`
 * (`native: true`): JSON with `extra_fields` and `usage.cost`, or Bifrost's SSE framing.
 */
export const bifrostChat = (
  request: RecordedRequest,
  context: MockDialectContext,
  native: boolean,
  settings: BifrostSettings,
): Reply => {
  if (!native && request.headers['x-bf-async']?.toLowerCase() === 'true') {
    return bifrostErrorReply(settings.generation, {
      status: 400,
      message: 'async operation is not supported on this route',
    });
  }
  const turn = readBifrostTurn(request, context, native, settings);
  if ('error' in turn) return turn;
  if (turn.served.failure) return turn.served.failure;
  if (turn.echo.body.stream === true) {
    const headers = bifrostHeaders(turn, settings, 'chat_completion_stream');
    return { ...bifrostStream(turn, native, settings), headers };
  }
  return {
    json: bifrostCompletion(turn, settings),
    headers: bifrostHeaders(turn, settings, 'chat_completion'),
  };
};
