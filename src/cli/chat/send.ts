import type { ChatCompletionCreateParams } from '../../index.js';
import type { AnyClient } from '../any-client.js';
import type { Answer } from './answer.js';
import type { ChatOptions } from './chat-options.js';
import type { StatusLine } from './status-line.js';
import type { StreamPrinter } from './stream-printer.js';

type Params = ChatCompletionCreateParams;

// Usage on a stream must be asked for on OpenAI; Bifrost and Morpheus pass the flag upstream.
const USAGE_ON_STREAMS = new Set(['openai', 'bifrost', 'morpheus']);

/** Streams the answer into `printer` as it arrives. */
export const sendStreamed = async (
  client: AnyClient,
  options: ChatOptions,
  params: Params,
  printer: StreamPrinter,
  signal: AbortSignal,
): Promise<Answer> => {
  const usage = USAGE_ON_STREAMS.has(options.endpoint.name)
    ? { stream_options: { include_usage: true } }
    : {};
  const stream = await client.chat.completions.create({ ...params, ...usage, stream: true }, { signal });
  try {
    for await (const chunk of stream) printer.add(chunk);
  } finally {
    // Close the line even when the stream breaks, so the error starts on its own line.
    printer.end();
  }
  const completion = await stream.finalCompletion();
  return { completion, requestId: stream.requestId, headers: stream.response?.headers, streamed: true };
};

/** One JSON completion. */
export const sendJson = async (client: AnyClient, params: Params, signal: AbortSignal): Promise<Answer> => {
  const { data, response, requestId } = await client.chat.completions
    .create({ ...params, stream: false }, { signal })
    .withResponse();
  return { completion: data, requestId, headers: response.headers, streamed: false };
};

/** Starts an async run and polls it to the end, reporting each state on `status`. */
export const sendAsync = async (
  client: AnyClient,
  options: ChatOptions,
  params: Params,
  status: StatusLine,
  signal: AbortSignal,
): Promise<Answer> => {
  const { data: run, requestId } = await client.chat.completions
    .create({ ...params, async: true }, { signal })
    .withResponse();
  status.update(run);
  let last = run;
  try {
    const completion = await client.runs.wait(run, {
      intervalMs: options.pollIntervalMs,
      signal,
      onProgress: (state) => {
        last = state;
        status.update(state);
      },
    });
    status.stop('completed');
    return { completion, requestId, headers: undefined, streamed: false, run: last };
  } catch (error) {
    status.stop(signal.aborted ? 'cancelled' : 'failed');
    throw error;
  }
};
