import type { ClientContext } from '../client-context.js';
import type { DialectCapabilities } from '../dialects/dialect.js';
import { InvalidRequestError } from '../errors/request-errors.js';

/**
 * Refuses, before sending, a call the client's dialect has no endpoint or feature for. `param`
 * names the parameter that asked for it (`response_format`, `tools`); else the dialect is at fault.
 */
export function requireCapability(
  context: ClientContext,
  capability: keyof DialectCapabilities,
  what: string,
  param?: string,
): void {
  if (context.dialect.capabilities[capability]) return;
  const { name } = context.dialect;
  const issue = param
    ? { path: param, message: `not supported by ${name}` }
    : { path: 'dialect', message: `does not support ${what}` };
  throw new InvalidRequestError(`The ${name} dialect has no ${what}.`, [issue]);
}
