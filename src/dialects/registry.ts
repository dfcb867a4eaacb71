import { InvalidRequestError } from '../errors/request-errors.js';
import type { ChatCompletionCreateParams } from '../schema/chat-params.js';
import { type BifrostChatParams, bifrost } from './bifrost.js';
import type { BifrostRequestOptions } from './bifrost-controls.js';
import { caesar } from './caesar.js';
import type { CaesarChatParams } from './caesar-params.js';
import type { AnyDialect, Dialect } from './dialect.js';
import { intandem } from './intandem.js';
import type { InTandemChatParams } from './intandem-params.js';
import { type MorpheusChatParams, morpheus } from './morpheus.js';
import { openai } from './openai.js';

/** The request type of each named dialect. */
export interface DialectParams {
  openai: ChatCompletionCreateParams;
  caesar: CaesarChatParams;
  bifrost: BifrostChatParams;
  morpheus: MorpheusChatParams;
  intandem: InTandemChatParams;
}

/** The request-option extras of each named dialect. */
export interface DialectRequestOptions {
  openai: {};
  caesar: {};
  bifrost: BifrostRequestOptions;
  morpheus: {};
  intandem: {};
}

export type DialectName = keyof DialectParams;

/** A dialect given by name (its factory's defaults) or as an object (a factory's result or your own). */
export type DialectInput = DialectName | AnyDialect;

/** The chat parameters a dialect input accepts. */
export type ParamsOf<D> = D extends DialectName
  ? DialectParams[D]
  : D extends Dialect<infer P, any>
    ? P
    : never;

/** The request-option extras a dialect input accepts. */
export type OptionsOf<D> = D extends DialectName
  ? DialectRequestOptions[D]
  : D extends Dialect<any, infer O>
    ? O
    : {};

const FACTORIES: { [K in DialectName]: () => Dialect<DialectParams[K], DialectRequestOptions[K]> } = {
  openai,
  caesar,
  bifrost,
  morpheus,
  intandem,
};

export function resolveDialect(input: DialectInput | undefined): AnyDialect {
  if (input === undefined) return FACTORIES.openai();
  if (typeof input === 'string') {
    const factory = FACTORIES[input];
    if (!factory) {
      throw new InvalidRequestError(
        `Unknown dialect "${String(input)}". Known: ${Object.keys(FACTORIES).join(', ')}.`,
        [{ path: 'dialect', message: 'is not a known dialect' }],
      );
    }
    return factory();
  }
  return input;
}
