import type { StandardSchemaV1 } from '../structured/standard-schema.js';

/** Throws a `TypeError` naming `where` unless `value` is a Standard Schema (has `~standard.validate`). */
export function assertStandardSchema(value: unknown, where: string): asserts value is StandardSchemaV1 {
  const props = (value as { '~standard'?: { validate?: unknown } } | null)?.['~standard'];
  if (typeof props?.validate !== 'function') {
    throw new TypeError(
      `${where} must be a zod 4 schema or another Standard Schema (https://standardschema.dev); got ${describe(value)}.`,
    );
  }
}

const describe = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'object'
        ? 'a plain object'
        : typeof value;
