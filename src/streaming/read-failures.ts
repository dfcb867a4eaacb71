import { ChatwireError } from '../errors/chatwire-error.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
} from '../errors/connection-errors.js';
import type { Redactor } from '../errors/redact.js';
import { StreamError } from '../errors/request-errors.js';

// The typed errors a body read ends with, worded so the message says what happened and what to do.

/** The body ended with no `[DONE]` and no `finish_reason`; `contentType` when nothing came at all. */
export function truncatedError(emptyOf?: string | null): StreamError {
  if (emptyOf !== undefined && !/event-stream/i.test(emptyOf ?? '')) {
    return new StreamError(
      `The server answered with content-type ${JSON.stringify(emptyOf ?? '(none)')} and no stream events; ` +
        'expected text/event-stream (is the base URL pointing at the API?).',
    );
  }
  return new StreamError(
    'The stream ended before the answer was complete (no [DONE] and no finish_reason): the response is truncated.',
  );
}

/** The body ended inside an event whose data is not whole (`data: [DO`, text cut short). */
export function cutMidEventError(): StreamError {
  return new StreamError(
    'The stream ended in the middle of an event (its data is incomplete): the response is truncated.',
  );
}

export function idleError(ms: number): APIConnectionTimeoutError {
  return new APIConnectionTimeoutError(
    `The stream was idle for ${ms} ms (idleTimeout) with no event from the server; comment keep-alives do not ` +
      'count. Raise `idleTimeout` if the model may think longer than that.',
  );
}

/** The caller aborted: the lease's signal carries the typed error as its reason. */
export function abortedError(reason: unknown): Error {
  return ChatwireError.is(reason)
    ? reason
    : new APIUserAbortError('The stream was aborted.', { cause: reason });
}

/** The body failed mid-read: a reset, `TypeError: terminated` (OpenRouter ai-sdk-provider #412). */
export function connectionLostError(thrown: unknown, redactor: Redactor): Error {
  if (ChatwireError.is(thrown)) return thrown;
  const detail = thrown instanceof Error ? redactor.text(thrown.message) : 'unknown error';
  // A copy as the cause: the runtime's error may hold request details, the key among them.
  const cause = new Error(detail);
  if (thrown instanceof Error) cause.name = thrown.name;
  return new APIConnectionError(`The connection was lost while reading the stream: ${detail}`, { cause });
}
