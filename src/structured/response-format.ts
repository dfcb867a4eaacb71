import type {
  ChatCompletion,
  ChatCompletionChoice,
  ChatCompletionMessage,
} from '../schema/chat-completion.js';
import type { StandardSchemaV1 } from './standard-schema.js';

// `jsonSchemaFormat()` (chatwire/tools) hangs its schema on the response_format object under this
// key: a registered symbol, so two copies of chatwire agree, and non-enumerable, so it is never sent.
const SCHEMA = Symbol.for('chatwire.response-format.schema');

/**
 * A `response_format` of type `json_schema` that also carries the schema validating the answer.
 * Build it with `jsonSchemaFormat()` from `chatwire/tools`; `T` is the schema's output type.
 */
export interface JsonSchemaFormat<T = unknown> {
  type: 'json_schema';
  json_schema: { name: string; description?: string; schema: Record<string, unknown>; strict?: boolean };
  /** Type-only: the parsed answer's type. Never set. */
  readonly __output?: T;
}

/** The parsed type a `response_format` promises (`unknown` for one without a schema). */
export type ParsedOf<F> = F extends JsonSchemaFormat<infer T> ? T : unknown;

/** An assistant message whose JSON answer was parsed (`null` for a refusal or no content). */
export interface ParsedMessage<T> extends ChatCompletionMessage {
  parsed: T | null;
}
export interface ParsedChoice<T> extends ChatCompletionChoice {
  message: ParsedMessage<T>;
}
/** A `ChatCompletion` whose choices carry `message.parsed`. */
export interface ParsedChatCompletion<T> extends ChatCompletion {
  choices: ParsedChoice<T>[];
}

/** Attaches `schema` to a response format without making it part of the JSON sent. */
export function attachSchema<F extends object>(format: F, schema: StandardSchemaV1): F {
  Object.defineProperty(format, SCHEMA, { value: schema, enumerable: false });
  return format;
}

/** The schema `jsonSchemaFormat()` attached, if any. */
export function schemaOf(format: unknown): StandardSchemaV1 | undefined {
  if (typeof format !== 'object' || format === null) return undefined;
  return (format as { [SCHEMA]?: StandardSchemaV1 })[SCHEMA];
}

/** True when `format` asks for JSON (so `parse` has something to read). */
export function wantsJson(format: unknown): boolean {
  const type = (format as { type?: unknown } | undefined)?.type;
  return type === 'json_schema' || type === 'json_object';
}
