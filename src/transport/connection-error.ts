import { APIConnectionError, APIConnectionTimeoutError } from '../errors/connection-errors.js';
import type { Redactor } from '../errors/redact.js';
import type { RequestLease } from './request-lease.js';

/** Turns whatever `fetch` threw into the typed error it means, keeping nothing that holds the request. */
export function connectionError(thrown: unknown, lease: RequestLease, redactor: Redactor): Error {
  if (lease.cause) return lease.errorFor(lease.cause);
  // ofetch wraps the runtime's error and keeps the request options (with auth headers) on it:
  // keep only the runtime's own error as the cause.
  const cause = (thrown as { cause?: unknown })?.cause ?? thrown;
  const code = errorCode(cause);
  // undici says only "fetch failed"; the reason (refused, reset, "unexpected redirect") is one level down.
  const inner = cause instanceof Error && cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  const message = cause instanceof Error ? redactor.text(cause.message + inner) : 'unknown error';
  const detail = code && !message.includes(code) ? `${message} (${code})` : message;
  if (/timed? ?out/i.test(detail)) return new APIConnectionTimeoutError(`Request timed out (${detail}).`);
  return new APIConnectionError(`Connection error: ${detail}`, { cause: safeCause(cause, redactor) });
}

function safeCause(cause: unknown, redactor: Redactor): unknown {
  if (!(cause instanceof Error)) return undefined;
  const copy = new Error(redactor.text(cause.message));
  copy.name = cause.name;
  const code = errorCode(cause);
  if (code) Object.assign(copy, { code });
  return copy;
}

/** undici puts the system error code (ECONNREFUSED, UND_ERR_SOCKET…) on the error or its cause. */
function errorCode(error: unknown): string | undefined {
  const own = (error as { code?: unknown } | undefined)?.code;
  const inner = ((error as { cause?: unknown } | undefined)?.cause as { code?: unknown } | undefined)?.code;
  const code = typeof own === 'string' ? own : inner;
  return typeof code === 'string' ? code : undefined;
}
