import type { ClientContext } from '../client-context.js';
import type { DialectCapabilities } from '../dialects/dialect.js';
import { InvalidRequestError } from '../errors/request-errors.js';

/** Refuses, before sending, a call the client's dialect has no endpoint for. */
export function requireCapability(
  context: ClientContext,
  capability: keyof DialectCapabilities,
  what: string,
): void {
  if (context.dialect.capabilities[capability]) return;
  throw new InvalidRequestError(`The ${context.dialect.name} dialect has no ${what}.`, [
    { path: 'dialect', message: `does not support ${what}` },
  ]);
}
