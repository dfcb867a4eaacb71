import type { ClientContext } from '../client-context.js';
import type { PreparedRequest } from '../dialects/dialect.js';
import { StreamError } from '../errors/request-errors.js';
import { loadChunk } from '../internal/lazy.js';
import { sleep } from '../internal/sleep.js';
import type { RequestOptions } from '../options.js';
import { type PreparedCall, prepareCall } from '../prepare-request.js';
import type { Connector, StreamConnection } from '../streaming/chunk-source.js';
import type { RequestLease } from '../transport/request-lease.js';
import { backoffDelay } from '../transport/retry-policy.js';
import { send } from '../transport/send.js';
import { errorContext } from './error-context.js';

/** A streamed call: a chat request a dialect prepared, or a plain GET of an event stream. */
export interface StreamRequest extends Omit<PreparedRequest, 'body'> {
  method?: 'GET' | 'POST';
  body?: PreparedRequest['body'];
}

/**
 * Sends a streaming chat request through the transport and hands the body over with its lease
 * kept alive. One retry budget (`maxRetries`) covers both the attempts `send` makes before
 * headers and the re-opens after a stream failed before its first chunk.
 */
export function streamConnector(
  context: ClientContext,
  prepared: StreamRequest,
  options: RequestOptions & { signal: AbortSignal },
): Connector {
  let call: PreparedCall | undefined;
  let retriesUsed = 0;
  return {
    async open(): Promise<StreamConnection> {
      const pending =
        call ??
        prepareCall(
          context,
          {
            method: prepared.method ?? 'POST',
            path: prepared.path,
            ...(prepared.body === undefined
              ? {}
              : { body: JSON.stringify(prepared.body), contentType: 'application/json' }),
            accept: 'text/event-stream',
            ...(prepared.headers ? { headers: prepared.headers } : {}),
          },
          options,
        );
      // No await when the call is ready: `fetch()` then starts in the caller's own tick.
      call = pending instanceof Promise ? await pending : pending;
      const { policy, redactor } = call;
      const maxRetries = Math.max(0, policy.maxRetries - retriesUsed);
      const received = await send(
        call.request,
        { ...policy, maxRetries },
        errorContext(context, redactor),
        (response, lease) => takeOver(response, lease, context, policy.maxResponseBytes),
        { keepLease: true },
      );
      retriesUsed += received.attempts - 1;
      const { body, lease } = received.data;
      return { body, lease, response: received.response, requestId: received.requestId, redactor };
    },
    async retry(): Promise<boolean> {
      if (call === undefined || retriesUsed >= call.policy.maxRetries) return false;
      await sleep(backoffDelay(retriesUsed), options.signal).catch(() => {});
      retriesUsed += 1;
      return !options.signal.aborted;
    },
  };
}

/** Headers arrived: `timeout` no longer applies (the idle timeout takes over) and the body is ours. */
async function takeOver(
  response: Response,
  lease: RequestLease,
  context: ClientContext,
  maxBytes: number,
): Promise<{ body: ReadableStream<Uint8Array>; lease: RequestLease }> {
  const type = response.headers.get('content-type') ?? '';
  if (/json/i.test(type) && !/event-stream/i.test(type)) {
    // Read under `timeout`, like any JSON body. A rare answer: its reader loads when needed.
    const { jsonAsEventStream } = await loadChunk(
      'JSON-as-stream',
      () => import('./json-as-event-stream.js'),
    );
    const body = await jsonAsEventStream(response, context.dialect, maxBytes);
    lease.disarm();
    return { body, lease };
  }
  lease.disarm();
  if (!response.body) throw new StreamError('The server answered the stream request with an empty body.');
  return { body: response.body, lease };
}
