import * as z from 'zod/mini';
import type { StandardJSONSchemaConverter, StandardSchemaV1 } from '../structured/standard-schema.js';

type JsonSchema = Record<string, unknown>;

/** What `jsonSchemaFormat` and `tool` turn a schema into. */
export interface WireSchema {
  readonly schema: JsonSchema;
  readonly strict: boolean;
}

/**
 * The JSON Schema the model is shown for `schema`: `explicit` when given, else zod's own converter
 * for a zod 4 schema (classic or mini), else the Standard JSON Schema converter a library exposes
 * (`~standard.jsonSchema`). It describes the schema's *input*, which is what the model writes.
 *
 * `strict` (OpenAI's strict mode) defaults to whether the schema allows it: every property
 * required (use `nullable` rather than `optional`) and no open-ended objects. Under strict mode
 * every object is closed with `additionalProperties: false`, as the mode requires.
 */
export function toWireSchema(
  schema: StandardSchemaV1,
  options: { jsonSchema?: JsonSchema | undefined; strict?: boolean | undefined },
  what: string,
): WireSchema {
  const converted = options.jsonSchema ? structuredClone(options.jsonSchema) : convert(schema, what);
  delete converted.$schema;
  const problem = strictProblem(converted);
  if (options.strict === true && problem !== undefined) {
    // OpenAI would answer 400; say why here, where it can be fixed.
    throw new TypeError(`${what}: strict: true cannot be met: ${problem}.`);
  }
  const strict = options.strict ?? problem === undefined;
  return { schema: strict ? closeObjects(converted) : converted, strict };
}

function convert(schema: StandardSchemaV1, what: string): JsonSchema {
  if ('_zod' in schema) {
    return z.toJSONSchema(schema as unknown as z.core.$ZodType, {
      target: 'draft-7',
      io: 'input',
    }) as JsonSchema;
  }
  const converter = (schema['~standard'] as { jsonSchema?: StandardJSONSchemaConverter }).jsonSchema;
  if (converter) return converter.input({ target: 'draft-07' });
  throw new TypeError(
    `${what}: this ${schema['~standard'].vendor} schema cannot produce JSON Schema. ` +
      'Pass the JSON Schema as `jsonSchema`, or use a zod 4 schema (or another Standard JSON Schema).',
  );
}

/**
 * Why OpenAI's strict mode would refuse the schema, or `undefined`: the root must be an object,
 * and every object must require all its properties and allow no others (tuples' items included).
 */
export function strictProblem(root: unknown): string | undefined {
  if (typeof root !== 'object' || root === null || (root as JsonSchema).type !== 'object') {
    return 'the root must be an object (not a union, an array or a primitive)';
  }
  let problem: string | undefined;
  every(root, (schema) => {
    if (schema.type !== 'object' && schema.properties === undefined) return true;
    const keys = Object.keys((schema.properties as JsonSchema | undefined) ?? {});
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    const optional = keys.find((key) => !required.has(key));
    if (optional !== undefined) problem = `property "${optional}" is optional (make it nullable instead)`;
    else if (schema.patternProperties !== undefined || !isClosed(schema.additionalProperties))
      problem = 'an object allows properties it does not name (a record or a passthrough object)';
    return problem === undefined;
  });
  return problem;
}

const isClosed = (value: unknown): boolean => value === undefined || value === false;

/** A copy where every object schema without `additionalProperties` gets `false`. */
function closeObjects(node: JsonSchema): JsonSchema {
  return map(node, (schema) =>
    schema.type === 'object' && schema.additionalProperties === undefined
      ? { ...schema, additionalProperties: false }
      : schema,
  ) as JsonSchema;
}

// Keywords whose value is a schema, a list of schemas, or a map of schemas.
// (`items` and `additionalItems` may also hold a list: a draft-7 tuple.)
const ONE = ['items', 'additionalItems', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains'];
const MANY = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const MAPS = ['properties', 'patternProperties', '$defs', 'definitions'];

function every(node: unknown, test: (schema: JsonSchema) => boolean): boolean {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return true;
  const schema = node as JsonSchema;
  return test(schema) && children(schema).every((child) => every(child, test));
}

function map(node: unknown, change: (schema: JsonSchema) => JsonSchema): unknown {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
  const schema = { ...(node as JsonSchema) };
  for (const key of ONE) {
    if (!(key in schema)) continue;
    const value = schema[key];
    schema[key] = Array.isArray(value) ? value.map((s) => map(s, change)) : map(value, change);
  }
  for (const key of MANY)
    if (Array.isArray(schema[key])) schema[key] = (schema[key] as unknown[]).map((s) => map(s, change));
  for (const key of MAPS) {
    const entries = schema[key];
    if (typeof entries === 'object' && entries !== null) {
      schema[key] = Object.fromEntries(Object.entries(entries).map(([name, s]) => [name, map(s, change)]));
    }
  }
  return change(schema);
}

function children(schema: JsonSchema): unknown[] {
  const out: unknown[] = ONE.flatMap((key) => (Array.isArray(schema[key]) ? schema[key] : [schema[key]]));
  for (const key of MANY) if (Array.isArray(schema[key])) out.push(...(schema[key] as unknown[]));
  for (const key of MAPS) {
    const entries = schema[key];
    if (typeof entries === 'object' && entries !== null) out.push(...Object.values(entries));
  }
  return out;
}
