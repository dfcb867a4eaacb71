import { APIPromise, type WithResponse } from '../api-promise.js';
import { type ClientContext, nonNegative } from '../client-context.js';
import type { RequestOptions } from '../options.js';
import { ChatCompletionStream } from '../streaming/chat-completion-stream.js';
import type { ReadOptions } from '../streaming/chunk-source.js';
import { ConnectedSource } from '../streaming/connected-source.js';
import { schemaOf } from '../structured/response-format.js';
import { prepareChatRequest } from './chat-params-check.js';
import { requireCapability } from './require-capability.js';
import { type StreamRequest, streamConnector } from './stream-connector.js';

/**
 * `chat.completions.create({ stream: true })`: resolves with the stream once response headers
 * arrive; an HTTP error (after the retry policy) rejects it.
 */
export function createStream(
  context: ClientContext,
  params: unknown,
  options: RequestOptions = {},
): APIPromise<ChatCompletionStream> {
  return new APIPromise(openStream(context, params, options));
}

/**
 * `chat.completions.stream()`: a stream that sends its request when first read. Parameters are
 * checked now, so a bad one throws `InvalidRequestError` at the call.
 */
export function lazyStream(
  context: ClientContext,
  params: unknown,
  options: RequestOptions = {},
): ChatCompletionStream {
  const source = planSource(context, params, options);
  return new ChatCompletionStream(source, {
    signal: options.signal,
    responseFormat: responseFormatOf(params),
  });
}

async function openStream(
  context: ClientContext,
  params: unknown,
  options: RequestOptions,
): Promise<WithResponse<ChatCompletionStream>> {
  return openPlannedStream(planSource(context, params, options), options, responseFormatOf(params));
}

/** Sends a planned stream's request now; resolves once headers arrived, rejects on an HTTP error. */
export async function openPlannedStream(
  plan: (signal: AbortSignal) => ConnectedSource,
  options: RequestOptions,
  responseFormat?: unknown,
): Promise<WithResponse<ChatCompletionStream>> {
  let source: ConnectedSource | undefined;
  const stream = new ChatCompletionStream(
    (signal) => {
      source = plan(signal);
      return source;
    },
    { signal: options.signal, responseFormat },
  );
  try {
    await source!.open();
  } catch (error) {
    // Unhooks the caller's signal; nobody will ever see this stream.
    stream.abort();
    throw error;
  }
  return { data: stream, response: source!.response!, requestId: source!.requestId };
}

function planSource(
  context: ClientContext,
  params: unknown,
  options: RequestOptions,
): (signal: AbortSignal) => ConnectedSource {
  const prepared = prepareChatRequest(context.dialect, params, 'stream', options);
  // A structured stream parses its answer, like parse(): it needs a vendor that follows the format.
  if (schemaOf(responseFormatOf(params)) !== undefined) {
    requireCapability(context, 'responseFormat', 'response_format', 'response_format');
  }
  return planStream(context, prepared, options, context.dialect.unwrapChunk);
}

/** A stream of `request` whose events `unwrapChunk` turns into chunks, not sent until opened. */
export function planStream(
  context: ClientContext,
  request: StreamRequest,
  options: RequestOptions,
  unwrapChunk: (data: unknown) => unknown,
): (signal: AbortSignal) => ConnectedSource {
  const readOptions: ReadOptions = {
    unwrapChunk,
    readError: context.dialect.readError,
    validate: context.validate,
    idleTimeout: nonNegative('idleTimeout', options.idleTimeout) ?? context.idleTimeout,
    // Whole streams are unbounded (they end by themselves); one event is held to the body limit.
    maxEventSize: options.maxResponseBytes ?? context.maxResponseBytes,
  };
  // The stream's own signal stands in for the caller's: it aborts on the caller's signal and on
  // `stream.abort()`, so a request in flight is cancelled either way.
  return (signal) =>
    new ConnectedSource(streamConnector(context, request, { ...options, signal }), readOptions);
}

const responseFormatOf = (params: unknown): unknown =>
  (params as { response_format?: unknown } | null)?.response_format;
