import type { InferOutput, StandardSchemaV1 } from '../structured/standard-schema.js';
import { attachRuntime, type Tool, type ToolContext } from '../structured/tool-definition.js';
import { assertStandardSchema } from './assert-schema.js';
import { runLoop } from './loop/run-loop.js';
import { toWireSchema } from './to-json-schema.js';

/** What {@link tool} builds a tool from. */
export interface ToolOptions<S extends StandardSchemaV1, R> {
  /** The name the model calls it by (inTandem and OpenAI: `^[a-zA-Z0-9_-]{1,64}$`). */
  name: string;
  /** When and why to call it; the model reads this. */
  description?: string | undefined;
  /** The arguments' schema (an object schema); the model is shown its JSON Schema. */
  parameters: S;
  /**
   * Runs the tool with validated arguments. Without it, `runTools` stops when the model calls the
   * tool and leaves the call for you (`stopReason: 'pending-tool-calls'`).
   */
  execute?: ((args: InferOutput<S>, context: ToolContext) => R | Promise<R>) | undefined;
  /** OpenAI's strict mode for the arguments. @defaultValue true when the schema allows it */
  strict?: boolean | undefined;
  /** The JSON Schema to send, for a Standard Schema that cannot produce one itself. */
  jsonSchema?: Record<string, unknown> | undefined;
}

/**
 * A function tool for `chat.completions.runTools`: its definition is what the model sees, and it
 * carries (unsent) the schema that validates the arguments and the `execute` that runs it. A
 * result that is not a string is sent to the model as JSON.
 *
 * @example
 * import * as z from 'zod/mini';
 * import { tool } from 'chatwire/tools';
 * const weather = tool({
 *   name: 'get_weather',
 *   description: 'Current weather in a city',
 *   parameters: z.object({ city: z.string() }),
 *   execute: async ({ city }, { signal }) => fetchWeather(city, { signal }),
 * });
 * const final = await client.chat.completions.runTools({ model, messages, tools: [weather] });
 */
export function tool<S extends StandardSchemaV1, R = unknown>(
  options: ToolOptions<S, R>,
): Tool<InferOutput<S>, R> {
  assertStandardSchema(options.parameters, `tool "${options.name}": parameters`);
  if (typeof options.name !== 'string' || options.name === '')
    throw new TypeError('tool: name must be a non-empty string.');
  if (options.execute !== undefined && typeof options.execute !== 'function') {
    throw new TypeError(`tool "${options.name}": execute must be a function.`);
  }
  const wire = toWireSchema(options.parameters, options, `tool "${options.name}"`);
  if (wire.schema.type !== 'object') {
    throw new TypeError(
      `tool "${options.name}": parameters must describe an object (the model sends named arguments).`,
    );
  }
  const definition: Tool<InferOutput<S>, R> = {
    type: 'function',
    function: {
      name: options.name,
      ...(options.description !== undefined ? { description: options.description } : {}),
      parameters: wire.schema,
      strict: wire.strict,
    },
  };
  return attachRuntime(definition, {
    schema: options.parameters,
    execute: options.execute as ((args: unknown, context: ToolContext) => unknown) | undefined,
    loop: runLoop,
  });
}
