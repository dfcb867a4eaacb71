import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { InvalidRequestError, LengthFinishReasonError, ResponseValidationError } from '../../src/index.js';
import { chunk, type SseReply } from '../../src/testing/index.js';
import { jsonSchemaFormat } from '../../src/tools/index.js';
import { ask, sentBody, startVendor, TOOL_VENDORS, type Vendor } from './helpers.js';

const Trip = z.object({ city: z.string(), days: z.number(), stops: z.array(z.object({ name: z.string() })) });
const ANSWER = '{"city":"Lyon","days":3,"stops":[{"name":"Vieux Lyon"},{"name":"Fourvière"}]}';

/** The answer streamed in uneven pieces that cut keys, strings, a number's end and a non-ASCII word. */
const streamed = (text: string, finishReason = 'stop'): SseReply => {
  const cuts = [0, 3, 9, 16, 21, 24, 31, 45, 52, 61, 70, text.length];
  const pieces = cuts.slice(1).map((end, i) => text.slice(cuts[i], end));
  return {
    sse: [
      chunk({ role: 'assistant', content: '' }),
      ...pieces.map((content) => chunk({ content })),
      chunk({ finishReason }),
    ],
  };
};

let vendor: Vendor | undefined;
afterEach(async () => {
  await vendor?.server.close();
  vendor = undefined;
});

describe.each(TOOL_VENDORS)('structured streams on %s', (name) => {
  it('stream.partialObjects yields the growing object in order; finalCompletion() carries parsed', async () => {
    vendor = await startVendor(name);
    vendor.server.enqueue(streamed(ANSWER));
    const stream = vendor.client.chat.completions.stream({
      model: vendor.model,
      messages: ask('Plan a trip'),
      response_format: jsonSchemaFormat(Trip, { name: 'trip' }),
    });
    const partials: unknown[] = [];
    for await (const partial of stream.partialObjects) partials.push(structuredClone(partial));
    const stops = (...names: Array<string | undefined>) =>
      names.map((n) => (n === undefined ? {} : { name: n }));
    expect(partials).toEqual([
      {},
      { city: '' },
      { city: 'Lyon' },
      { city: 'Lyon', days: 3 },
      { city: 'Lyon', days: 3, stops: stops('Vie') },
      { city: 'Lyon', days: 3, stops: stops('Vieux Lyon') },
      { city: 'Lyon', days: 3, stops: stops('Vieux Lyon', undefined) },
      { city: 'Lyon', days: 3, stops: stops('Vieux Lyon', 'Fourvi') },
      { city: 'Lyon', days: 3, stops: stops('Vieux Lyon', 'Fourvière') },
    ]);
    const final = await stream.finalCompletion();
    expect(final.choices[0]?.message.parsed).toEqual(JSON.parse(ANSWER));
    expect(sentBody(vendor.server.lastRequest).response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'trip', strict: true },
    });
  });
});

describe('structured streams', () => {
  it('create({ stream: true, response_format }) parses in finalCompletion() too', async () => {
    vendor = await startVendor('openai');
    vendor.server.enqueue(streamed(ANSWER));
    const stream = await vendor.client.chat.completions.create({
      model: vendor.model,
      messages: ask('x'),
      stream: true,
      response_format: jsonSchemaFormat(Trip),
    });
    expect((await stream.finalCompletion()).choices[0]?.message.parsed).toEqual(JSON.parse(ANSWER));
  });

  it('an answer that fails the schema: partial objects still flow, finalCompletion() rejects with the text', async () => {
    vendor = await startVendor('openai');
    const wrong = ANSWER.replace('3', '"three"');
    vendor.server.enqueue(streamed(wrong));
    const stream = vendor.client.chat.completions.stream({
      model: vendor.model,
      messages: ask('x'),
      response_format: jsonSchemaFormat(Trip),
    });
    const partials: unknown[] = [];
    for await (const partial of stream.partialObjects) partials.push(partial);
    expect(partials.at(-1)).toEqual(JSON.parse(wrong));
    const error = await stream.finalCompletion().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).rawText).toBe(wrong);
  });

  it('a stream cut at the token limit rejects finalCompletion() with LengthFinishReasonError', async () => {
    vendor = await startVendor('openai');
    vendor.server.enqueue(streamed(ANSWER.slice(0, 40), 'length'));
    const stream = vendor.client.chat.completions.stream({
      model: vendor.model,
      messages: ask('x'),
      response_format: jsonSchemaFormat(Trip),
    });
    await expect(stream.finalCompletion()).rejects.toBeInstanceOf(LengthFinishReasonError);
  });

  it('tee() keeps the format: both branches parse', async () => {
    vendor = await startVendor('openai');
    vendor.server.enqueue(streamed(ANSWER));
    const [left, right] = vendor.client.chat.completions
      .stream({ model: vendor.model, messages: ask('x'), response_format: jsonSchemaFormat(Trip) })
      .tee();
    const [a, b] = await Promise.all([left.finalCompletion(), right.finalCompletion()]);
    expect(a.choices[0]?.message.parsed).toEqual(JSON.parse(ANSWER));
    expect(b.choices[0]?.message.parsed).toEqual(JSON.parse(ANSWER));
  });

  it('a plain stream is untouched: no parsed, and prose yields no partial objects', async () => {
    vendor = await startVendor('openai');
    vendor.server.enqueue(streamed('Hello there, this is prose and not JSON at all, as you can see.'));
    const stream = vendor.client.chat.completions.stream({ model: vendor.model, messages: ask('x') });
    const partials: unknown[] = [];
    for await (const partial of stream.partialObjects) partials.push(partial);
    expect(partials).toEqual([]);
    const final = await stream.finalCompletion();
    expect(final.choices[0]?.message).not.toHaveProperty('parsed');
    expect(final.choices[0]?.message.content).toMatch(/^Hello there/);
  });

  it('caesar refuses a structured stream at the call, before sending', async () => {
    vendor = await startVendor('caesar');
    const { client, model } = vendor;
    expect(() =>
      client.chat.completions.stream({ model, messages: ask('x'), response_format: jsonSchemaFormat(Trip) }),
    ).toThrow(InvalidRequestError);
    expect(vendor.server.requests).toHaveLength(0);
  });
});
