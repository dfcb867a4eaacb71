import { InvalidRequestError } from '../errors/request-errors.js';
import type { ChatCompletionCreateParams } from '../schema/chat-params.js';
import type { AnyDialect, Dialect } from './dialect.js';
import { openai } from './openai.js';

/** The request type of each named dialect. */
export interface DialectParams {
  openai: ChatCompletionCreateParams;
}

export type DialectName = keyof DialectParams;

/** A dialect given by name (its factory's defaults) or as an object (a factory's result or your own). */
export type DialectInput = DialectName | AnyDialect;

/** The chat parameters a dialect input accepts. */
export type ParamsOf<D> = D extends DialectName ? DialectParams[D] : D extends Dialect<infer P> ? P : never;

const FACTORIES: { [K in DialectName]: () => Dialect<DialectParams[K]> } = { openai };

export function resolveDialect(input: DialectInput | undefined): AnyDialect {
  if (input === undefined) return FACTORIES.openai();
  if (typeof input === 'string') {
    const factory = FACTORIES[input];
    if (!factory)
      throw new InvalidRequestError(
        `Unknown dialect "${String(input)}". Known: ${Object.keys(FACTORIES).join(', ')}.`,
      );
    return factory();
  }
  return input;
}
