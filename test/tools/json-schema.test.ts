import { describe, expect, it } from 'vitest';
import * as zc from 'zod';
import * as z from 'zod/mini';
import type { StandardSchemaV1 } from '../../src/index.js';
import {
  chatCompletionChunkSchema,
  chatCompletionSchema,
  chatParamsSchema,
  jsonSchemaFormat,
  tool,
} from '../../src/tools/index.js';

const Weather = z.object({ city: z.string(), celsius: z.number(), note: z.nullable(z.string()) });

/** A Standard Schema from "another library": validates, but cannot produce JSON Schema. */
const opaque: StandardSchemaV1<unknown, { id: string }> = {
  '~standard': {
    version: 1,
    vendor: 'hand-made',
    validate: (value) =>
      typeof (value as { id?: unknown })?.id === 'string'
        ? { value: value as { id: string } }
        : { issues: [{ message: 'id must be a string', path: [{ key: 'id' }] }] },
  },
};

describe('jsonSchemaFormat', () => {
  it('turns a zod/mini schema into an OpenAI json_schema format, strict and closed', () => {
    const format = jsonSchemaFormat(Weather, { name: 'weather', description: 'Today' });
    expect(JSON.parse(JSON.stringify(format))).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'weather',
        description: 'Today',
        strict: true,
        schema: {
          type: 'object',
          properties: {
            city: { type: 'string' },
            celsius: { type: 'number' },
            note: { type: ['string', 'null'] },
          },
          required: ['city', 'celsius', 'note'],
          additionalProperties: false,
        },
      },
    });
  });

  it('carries its schema without sending it: nothing but the wire fields is enumerable or serialised', () => {
    const format = jsonSchemaFormat(Weather);
    expect(Object.keys(format)).toEqual(['type', 'json_schema']);
    expect(Object.keys(format.json_schema)).toEqual(['name', 'schema', 'strict']);
    expect(JSON.stringify(format)).not.toContain('~standard');
    expect(format.json_schema.name).toBe('response');
    expect({ ...format }).toEqual(JSON.parse(JSON.stringify(format)));
  });

  it('is not strict by default when a property is optional (OpenAI strict mode would refuse it)', () => {
    const Loose = z.object({ city: z.string(), days: z.optional(z.number()) });
    const format = jsonSchemaFormat(Loose);
    expect(format.json_schema.strict).toBe(false);
    expect(format.json_schema.schema).not.toHaveProperty('additionalProperties');
    // Forcing strict mode on it would only earn a 400 from OpenAI: refused here, naming the key.
    expect(() => jsonSchemaFormat(Loose, { strict: true })).toThrow(/property "days" is optional/);
  });

  it('is not strict by default when the root is not an object, or a tuple item is open', () => {
    for (const root of [z.array(z.string()), z.string(), z.union([z.object({ a: z.string() }), z.null()])]) {
      expect(jsonSchemaFormat(root).json_schema.strict).toBe(false);
      expect(() => jsonSchemaFormat(root, { strict: true })).toThrow(/root must be an object/);
    }
    const Tuple = z.object({ pair: z.tuple([z.object({ x: z.string() }), z.string()]) });
    const schema = jsonSchemaFormat(Tuple).json_schema as { strict: boolean; schema: any };
    expect(schema.strict).toBe(true);
    // A tuple's items are schemas too: closed like any other object under strict mode.
    expect(schema.schema.properties.pair.items[0].additionalProperties).toBe(false);
    const OpenTuple = z.object({ pair: z.tuple([z.object({ x: z.optional(z.string()) })]) });
    expect(jsonSchemaFormat(OpenTuple).json_schema.strict).toBe(false);
  });

  it('closes nested objects (in arrays, unions and $defs) under strict mode', () => {
    const Item = z.object({ name: z.string() });
    const Order = z.object({ items: z.array(Item), either: z.union([Item, z.object({ sku: z.string() })]) });
    const schema = jsonSchemaFormat(Order).json_schema.schema as any;
    expect(schema.properties.items.items.additionalProperties).toBe(false);
    expect(schema.properties.either.anyOf.map((s: any) => s.additionalProperties)).toEqual([false, false]);
  });

  it('leaves a record (open-ended object) non-strict', () => {
    const format = jsonSchemaFormat(z.object({ scores: z.record(z.string(), z.number()) }));
    expect(format.json_schema.strict).toBe(false);
  });

  it('describes the input of a transform (what the model writes), not its output', () => {
    const Length = z.object({
      word: z.pipe(
        z.string(),
        z.transform((s: string) => s.length),
      ),
    });
    expect(jsonSchemaFormat(Length).json_schema.schema).toMatchObject({
      properties: { word: { type: 'string' } },
    });
  });

  it('accepts classic zod schemas too', () => {
    const format = jsonSchemaFormat(zc.object({ ok: zc.boolean() }), { name: 'flag' });
    expect(format.json_schema.schema).toEqual({
      type: 'object',
      properties: { ok: { type: 'boolean' } },
      required: ['ok'],
      additionalProperties: false,
    });
  });

  it('uses the Standard JSON Schema converter of another library (input side, draft-07)', () => {
    const targets: string[] = [];
    const other = {
      '~standard': {
        ...opaque['~standard'],
        jsonSchema: {
          input: ({ target }: { target: string }) => {
            targets.push(target);
            return { $schema: 'x', type: 'object', properties: { id: { type: 'string' } }, required: ['id'] };
          },
          output: () => {
            throw new Error('output side must not be used');
          },
        },
      },
    };
    const format = jsonSchemaFormat(other, { name: 'record' });
    expect(targets).toEqual(['draft-07']);
    expect(format.json_schema.schema).toEqual({
      type: 'object',
      properties: { id: { type: 'string' } },
      required: ['id'],
      additionalProperties: false,
    });
  });

  it('needs `jsonSchema` for a Standard Schema that cannot produce one, and says so', () => {
    expect(() => jsonSchemaFormat(opaque)).toThrow(/hand-made schema cannot produce JSON Schema.*jsonSchema/);
    const given = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] };
    const format = jsonSchemaFormat(opaque, { jsonSchema: given });
    expect(format.json_schema.schema).toEqual({ ...given, additionalProperties: false });
    expect(given).not.toHaveProperty('additionalProperties');
  });

  it('refuses what is not a schema, and a name OpenAI would refuse', () => {
    expect(() => jsonSchemaFormat({ type: 'object' } as never)).toThrow(TypeError);
    expect(() => jsonSchemaFormat({ type: 'object' } as never)).toThrow(/Standard Schema.*a plain object/);
    expect(() => jsonSchemaFormat(Weather, { name: 'my weather' })).toThrow(/name must match/);
  });
});

describe('tool', () => {
  it('builds a function tool definition from the parameters schema', () => {
    const weather = tool({
      name: 'get_weather',
      description: 'Current weather',
      parameters: z.object({ city: z.string() }),
      execute: ({ city }) => city,
    });
    expect(JSON.parse(JSON.stringify(weather))).toEqual({
      type: 'function',
      function: {
        name: 'get_weather',
        description: 'Current weather',
        parameters: {
          type: 'object',
          properties: { city: { type: 'string' } },
          required: ['city'],
          additionalProperties: false,
        },
        strict: true,
      },
    });
    expect(Object.keys(weather)).toEqual(['type', 'function']);
  });

  it('refuses parameters that are not an object schema, a missing name and a non-function execute', () => {
    expect(() => tool({ name: 'x', parameters: z.string() })).toThrow(/must describe an object/);
    expect(() => tool({ name: '', parameters: z.object({}) })).toThrow(/name/);
    expect(() => tool({ name: 'x', parameters: z.object({}), execute: 'no' as never })).toThrow(/execute/);
    expect(() => tool({ name: 'x', parameters: opaque })).toThrow(/jsonSchema/);
  });
});

describe('the zod/mini specs exported from chatwire/tools', () => {
  it('check chat parameters and responses as the client does', () => {
    const params = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
    expect(chatParamsSchema.safeParse(params).success).toBe(true);
    expect(chatParamsSchema.safeParse({ ...params, temperature: 3 }).success).toBe(false);
    const completion = {
      id: 'c',
      object: 'chat.completion',
      created: 1,
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: 'x' }, finish_reason: 'stop' }],
    };
    expect(chatCompletionSchema.safeParse(completion).success).toBe(true);
    expect(chatCompletionChunkSchema.safeParse(completion).success).toBe(false);
  });
});
