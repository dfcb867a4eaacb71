import { describe, expectTypeOf, it } from 'vitest';
import * as zc from 'zod';
import * as z from 'zod/mini';
import {
  type APIPromise,
  type ChatCompletionStream,
  type ChatMessage,
  createClient,
  type InTandemMessage,
  type ParsedChatCompletion,
  type StandardSchemaV1,
  type ToolContext,
  type ToolRunResult,
  type ToolRunStopReason,
  type ToolRunStream,
} from '../../src/index.js';
import { jsonSchemaFormat, type Tool, tool } from '../../src/tools/index.js';

const messages = [{ role: 'user' as const, content: 'Hi' }];
const Weather = z.object({ city: z.string(), celsius: z.number(), note: z.nullable(z.string()) });
type Weather = { city: string; celsius: number; note: string | null };

describe('structured output types', () => {
  const client = createClient({ apiKey: 'k' });

  it('parse: message.parsed is the schema output (or null)', async () => {
    const promise = client.chat.completions.parse({
      model: 'm',
      messages,
      response_format: jsonSchemaFormat(Weather, { name: 'weather' }),
    });
    expectTypeOf(promise).toEqualTypeOf<APIPromise<ParsedChatCompletion<Weather>>>();
    const done = await promise;
    expectTypeOf(done.choices[0]!.message.parsed).toEqualTypeOf<Weather | null>();
    // @ts-expect-error not a field of the schema
    done.choices[0]!.message.parsed?.humidity;
  });

  it('parse: classic zod, transforms (output type) and plain JSON formats', async () => {
    const classic = await client.chat.completions.parse({
      model: 'm',
      messages,
      response_format: jsonSchemaFormat(zc.object({ ok: zc.boolean() })),
    });
    expectTypeOf(classic.choices[0]!.message.parsed).toEqualTypeOf<{ ok: boolean } | null>();
    const Length = z.object({
      word: z.pipe(
        z.string(),
        z.transform((s: string) => s.length),
      ),
    });
    const transformed = await client.chat.completions.parse({
      model: 'm',
      messages,
      response_format: jsonSchemaFormat(Length),
    });
    expectTypeOf(transformed.choices[0]!.message.parsed).toEqualTypeOf<{ word: number } | null>();
    const plain = await client.chat.completions.parse({
      model: 'm',
      messages,
      response_format: { type: 'json_object' },
    });
    expectTypeOf(plain.choices[0]!.message.parsed).toEqualTypeOf<unknown>();
  });

  it('any Standard Schema types the answer', () => {
    const schema = {} as StandardSchemaV1<unknown, { id: string }>;
    expectTypeOf(jsonSchemaFormat(schema, { jsonSchema: {} }).__output).toEqualTypeOf<
      { id: string } | undefined
    >();
    // @ts-expect-error not a schema
    jsonSchemaFormat({ type: 'object' });
  });

  it('stream: partialObjects are deep-partial, finalCompletion() carries the typed parsed', async () => {
    const stream = client.chat.completions.stream({
      model: 'm',
      messages,
      response_format: jsonSchemaFormat(Weather),
    });
    expectTypeOf(stream).toEqualTypeOf<ChatCompletionStream<Weather>>();
    for await (const partial of stream.partialObjects) {
      expectTypeOf(partial).toEqualTypeOf<{ city?: string; celsius?: number; note?: string | null }>();
    }
    expectTypeOf((await stream.finalCompletion()).choices[0]!.message.parsed).toEqualTypeOf<Weather | null>();
    const plain = client.chat.completions.stream({ model: 'm', messages });
    expectTypeOf(plain).toEqualTypeOf<ChatCompletionStream>();
  });
});

describe('tool types', () => {
  it('execute gets arguments inferred from parameters, and the context', () => {
    const weather = tool({
      name: 'get_weather',
      parameters: z.object({ city: z.string(), days: z.optional(z.number()) }),
      execute: async (args, context) => {
        expectTypeOf(args).toEqualTypeOf<{ city: string; days?: number | undefined }>();
        expectTypeOf(context).toEqualTypeOf<ToolContext>();
        expectTypeOf(context.signal).toEqualTypeOf<AbortSignal>();
        // @ts-expect-error not a parameter
        args.country;
        return { celsius: 21 };
      },
    });
    expectTypeOf(weather).toEqualTypeOf<
      Tool<{ city: string; days?: number | undefined }, { celsius: number }>
    >();
    tool({
      name: 'x',
      parameters: z.object({ n: z.number() }),
      // @ts-expect-error n is a number
      execute: ({ n }: { n: string }) => n,
    });
  });

  it('runTools resolves with the result; stream: true gives a ToolRunStream', () => {
    const client = createClient({ apiKey: 'k' });
    const weather = tool({ name: 'w', parameters: z.object({}), execute: () => 1 });
    const run = client.chat.completions.runTools({ model: 'm', messages, tools: [weather], maxSteps: 3 });
    expectTypeOf(run).toEqualTypeOf<Promise<ToolRunResult<unknown, ChatMessage>>>();
    expectTypeOf<Awaited<typeof run>['stopReason']>().toEqualTypeOf<ToolRunStopReason>();
    expectTypeOf<Awaited<typeof run>['messages']>().toEqualTypeOf<ChatMessage[]>();
    const streamed = client.chat.completions.runTools({
      model: 'm',
      messages,
      tools: [weather],
      stream: true,
    });
    expectTypeOf(streamed).toEqualTypeOf<ToolRunStream<unknown, ChatMessage>>();
    const structured = client.chat.completions.runTools({
      model: 'm',
      messages,
      tools: [weather],
      response_format: jsonSchemaFormat(Weather),
    });
    expectTypeOf(structured)
      .resolves.toHaveProperty('choices')
      .toEqualTypeOf<ToolRunResult<Weather, ChatMessage>['choices']>();
    client.chat.completions.runTools({
      model: 'm',
      messages,
      tools: [weather],
      // @ts-expect-error onStep gets a step, not a string
      onStep: (step: string) => step,
    });
  });

  it('per dialect: inTandem messages type the conversation; Caesar has neither parse nor runTools', () => {
    const intandem = createClient({ dialect: 'intandem', apiKey: 'k' });
    const weather = tool({ name: 'w', parameters: z.object({}), execute: () => 1 });
    const run = intandem.chat.completions.runTools({ model: 'openai/gpt-4o', messages, tools: [weather] });
    expectTypeOf(run).resolves.toHaveProperty('messages').toEqualTypeOf<InTandemMessage[]>();
    // @ts-expect-error inTandem needs provider/model
    intandem.chat.completions.runTools({ model: 'gpt-4o', messages, tools: [weather] });

    const caesar = createClient({ dialect: 'caesar', apiKey: 'k' });
    // @ts-expect-error Caesar has no response_format
    caesar.chat.completions.parse({ model: 'm', messages, response_format: jsonSchemaFormat(Weather) });
    // @ts-expect-error Caesar has no tools
    caesar.chat.completions.runTools({ model: 'm', messages, tools: [weather] });
  });
});
