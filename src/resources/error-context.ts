import type { ClientContext } from '../client-context.js';
import type { Redactor } from '../errors/redact.js';
import type { ErrorContext } from '../transport/send.js';

/** What the transport needs from the dialect to type an error response, handed over as data. */
export function errorContext(context: ClientContext, redactor: Redactor): ErrorContext {
  return {
    dialect: context.dialect.name,
    rateLimitWindowMs: context.dialect.rateLimitWindowMs,
    readError: context.dialect.readError,
    requestIdHeaders: context.dialect.requestIdHeaders,
    redactor,
  };
}
