import { attachSchema, type JsonSchemaFormat } from '../structured/response-format.js';
import type { InferOutput, StandardSchemaV1 } from '../structured/standard-schema.js';
import { assertStandardSchema } from './assert-schema.js';
import { toWireSchema } from './to-json-schema.js';

/** Options of {@link jsonSchemaFormat}. */
export interface JsonSchemaFormatOptions {
  /** The format's name, shown to the model (`^[a-zA-Z0-9_-]{1,64}$`). @defaultValue `'response'` */
  name?: string | undefined;
  /** Tells the model what the answer is for. */
  description?: string | undefined;
  /** OpenAI's strict mode. @defaultValue true when the schema allows it (see the README) */
  strict?: boolean | undefined;
  /** The JSON Schema to send, for a Standard Schema that cannot produce one itself. */
  jsonSchema?: Record<string, unknown> | undefined;
}

const NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * A `response_format` asking for JSON that matches `schema` (zod 4, or any Standard Schema that
 * yields JSON Schema). `chat.completions.parse()` and structured streams validate the answer with
 * the same schema into `message.parsed`, typed as the schema's output.
 *
 * @example
 * import * as z from 'zod/mini';
 * import { jsonSchemaFormat } from 'chatwire/tools';
 * const Weather = z.object({ city: z.string(), celsius: z.number() });
 * const done = await client.chat.completions.parse({
 *   model, messages, response_format: jsonSchemaFormat(Weather, { name: 'weather' }),
 * });
 * done.choices[0]?.message.parsed?.celsius; // number
 */
export function jsonSchemaFormat<S extends StandardSchemaV1>(
  schema: S,
  options: JsonSchemaFormatOptions = {},
): JsonSchemaFormat<InferOutput<S>> {
  assertStandardSchema(schema, 'jsonSchemaFormat(schema)');
  const name = options.name ?? 'response';
  if (!NAME.test(name))
    throw new TypeError(`jsonSchemaFormat: name must match ${NAME} (got ${JSON.stringify(name)}).`);
  const wire = toWireSchema(schema, options, 'jsonSchemaFormat');
  const format: JsonSchemaFormat<InferOutput<S>> = {
    type: 'json_schema',
    json_schema: {
      name,
      ...(options.description !== undefined ? { description: options.description } : {}),
      schema: wire.schema,
      strict: wire.strict,
    },
  };
  return attachSchema(format, schema);
}
