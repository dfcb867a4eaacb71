import { readErrorBody } from '../errors/read-error-body.js';
import { InvalidRequestError, type Issue } from '../errors/request-errors.js';
import type { Dialect, DialectCapabilities } from './dialect.js';

type Optional =
  | 'keyOptional'
  | 'headers'
  | 'requestIdHeaders'
  | 'unwrapCompletion'
  | 'unwrapChunk'
  | 'readError';

const DEFAULT_CAPABILITIES: DialectCapabilities = {
  streaming: true,
  tools: true,
  responseFormat: true,
  async: false,
  files: false,
  multipleChoices: true,
  research: false,
};

/** Fills the parts most vendors share (Bearer-style errors, no envelope) so a vendor file holds only its quirks. */
export function defineDialect<P, O = {}>(
  spec: Omit<Dialect<P, O>, Optional | 'capabilities'> &
    Partial<Pick<Dialect<P, O>, Optional>> & { capabilities?: Partial<DialectCapabilities> },
): Dialect<P, O> {
  return {
    keyOptional: false,
    headers: {},
    requestIdHeaders: ['x-request-id'],
    unwrapCompletion: (body) => body,
    unwrapChunk: (data) => data,
    readError: readErrorBody,
    ...spec,
    capabilities: { ...DEFAULT_CAPABILITIES, ...spec.capabilities },
  };
}

export const bearer = (apiKey: string): Record<string, string> => ({ authorization: `Bearer ${apiKey}` });

/** Collects a vendor's refusals so the user sees every problem at once, then throws them together. */
export class Refusals {
  readonly #issues: Issue[] = [];
  constructor(readonly dialect: string) {}

  add(path: string, message: string): void {
    this.#issues.push({ path, message });
  }

  throwIfAny(): void {
    if (this.#issues.length === 0) return;
    const summary = this.#issues.map((i) => `${i.path} ${i.message}`).join('; ');
    throw new InvalidRequestError(`Not sent to ${this.dialect}: ${summary}.`, this.#issues);
  }
}

/** The message list, typed loosely: dialect rules read only a few fields of it. */
export type LooseMessages = ReadonlyArray<{ role?: unknown; content?: unknown }>;

/** Calls `visit` for every content part of every message, with its path. */
export function forEachPart(
  messages: LooseMessages,
  visit: (part: Record<string, unknown>, path: string) => void,
): void {
  messages.forEach((message, m) => {
    if (!Array.isArray(message.content)) return;
    message.content.forEach((part: unknown, p: number) => {
      if (typeof part === 'object' && part !== null)
        visit(part as Record<string, unknown>, `messages.${m}.content.${p}`);
    });
  });
}
