import { ChatwireError } from '../errors/chatwire-error.js';
import { type Redactor, redactError } from '../errors/redact.js';
import { ResponseValidationError, StreamError } from '../errors/request-errors.js';
import type { ChatCompletionChunk, Usage } from '../schema/chat-completion.js';
import { normaliseChunk } from '../schema/normalise-chunk.js';
import type { ReadOptions } from './chunk-source.js';
import { isErrorFrame, streamErrorFromFrame } from './error-frame.js';

const OPEN_BRACE = 123;

/** Where a frame that is not a chunk leaves the usage it carries. */
export interface UsageSink {
  sideUsage: Usage | undefined;
}

/**
 * One event's data (not empty, not `[DONE]`) → the chunk it carries: one `JSON.parse`, then the
 * dialect's `unwrapChunk` and {@link normaliseChunk}. Returns `undefined` for a JSON frame that is
 * not a chunk (its usage, e.g. Morpheus' `usage_from_provider`, goes to `sink`) and `null` for
 * text that is not JSON at all. Throws a `StreamError` for an error frame — checked before the
 * dialect unwraps, since an unwrapper may throw on its own error envelope.
 */
export function chunkFromEvent(
  data: string,
  options: ReadOptions,
  redactor: Redactor,
  sink: UsageSink,
): ChatCompletionChunk | undefined | null {
  const value: unknown =
    data.charCodeAt(0) === OPEN_BRACE ? JSON.parse(data) : parseOther(data, options, redactor);
  if (typeof value !== 'object' || value === null) return value === undefined ? null : undefined;
  const body = value as Record<string, unknown>;
  if (isErrorFrame(body)) throw streamErrorFromFrame(body, options.readError, redactor);
  const chunk = options.unwrapChunk(body) as { choices?: unknown } | undefined;
  if (typeof chunk === 'object' && chunk !== null && Array.isArray(chunk.choices)) {
    return normaliseChunk(chunk, options.validate);
  }
  if (options.validate === 'strict' && chunk?.choices != null) {
    // A frame without `choices` is not a chunk (usage, heartbeats); one with a broken list is a bad chunk.
    throw new ResponseValidationError('A stream chunk has `choices` that is not an array.', {
      issues: [{ path: 'choices', message: 'must be an array' }],
      rawText: redactor.text(data.slice(0, 2000)),
    });
  }
  const usage = body.usage_from_provider ?? body.usage;
  if (typeof usage === 'object' && usage !== null) sink.sideUsage = usage as Usage;
  return undefined;
}

/** Data that does not start with `{`: JSON after leading blanks, or text a proxy wrapped as data. */
function parseOther(data: string, options: ReadOptions, redactor: Redactor): unknown {
  const trimmed = data.trimStart();
  if (trimmed.charCodeAt(0) === OPEN_BRACE) return JSON.parse(trimmed);
  // `data: OPENROUTER PROCESSING` re-wrapped by a proxy (llm-gateway #2053) is not a chunk.
  if (options.validate !== 'strict') return undefined;
  throw new ResponseValidationError('A stream event is not a JSON object.', {
    rawText: redactor.text(data.slice(0, 2000)),
  });
}

/** The typed error for an event that failed to read; `atEof` tells a cut-off event from bad JSON. */
export function eventFailure(thrown: unknown, data: string, atEof: boolean, redactor: Redactor): Error {
  // A dialect's unwrapper may quote the vendor (and so the key) in its own error.
  if (thrown instanceof ResponseValidationError && thrown.rawText === undefined) {
    const withText = new ResponseValidationError(thrown.message, {
      issues: thrown.issues,
      rawText: data.slice(0, 2000),
    });
    return redactError(withText, redactor);
  }
  if (ChatwireError.is(thrown)) return redactError(thrown, redactor);
  const detail = thrown instanceof Error ? redactor.text(thrown.message) : 'unknown error';
  return new StreamError(
    atEof
      ? `The stream ended in the middle of an event (${detail}): the response is truncated.`
      : `A stream event could not be decoded as JSON (${detail}).`,
    { cause: thrown },
  );
}
