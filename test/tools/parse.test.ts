import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  ContentFilterFinishReasonError,
  InvalidRequestError,
  LengthFinishReasonError,
  ResponseValidationError,
  type StandardSchemaV1,
} from '../../src/index.js';
import { jsonSchemaFormat } from '../../src/tools/index.js';
import { ask, completion, startVendor, TOOL_VENDORS, type Vendor } from './helpers.js';

const Weather = z.object({ city: z.string(), celsius: z.number() });
const weatherFormat = () => jsonSchemaFormat(Weather, { name: 'weather' });

let vendor: Vendor | undefined;
afterEach(async () => {
  await vendor?.server.close();
  vendor = undefined;
});

describe.each(TOOL_VENDORS)('chat.completions.parse on %s', (name) => {
  it('sends the json_schema format as the vendor documents it and validates the answer into parsed', async () => {
    vendor = await startVendor(name);
    vendor.server.enqueue(vendor.json(completion({ content: '{"city":"Paris","celsius":21.5}' })));
    const done = await vendor.client.chat.completions.parse({
      model: vendor.model,
      messages: ask('Weather in Paris?'),
      response_format: weatherFormat(),
    });
    expect(done.choices[0]?.message.parsed).toEqual({ city: 'Paris', celsius: 21.5 });
    expect(done.choices[0]?.message.content).toBe('{"city":"Paris","celsius":21.5}');
    const sent = vendor.server.lastRequest?.json as Record<string, unknown>;
    // inTandem's documented shape is {type, json_schema: {name?, schema?, strict?}}: the same keys.
    expect(sent.response_format).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'weather',
        strict: true,
        schema: {
          type: 'object',
          properties: { city: { type: 'string' }, celsius: { type: 'number' } },
          required: ['city', 'celsius'],
          additionalProperties: false,
        },
      },
    });
    expect(sent.stream).toBe(false);
  });

  it('rejects an answer that fails the schema with ResponseValidationError carrying the raw text', async () => {
    vendor = await startVendor(name);
    vendor.server.enqueue(vendor.json(completion({ content: '{"city":"Paris","celsius":"warm"}' })));
    const error = await vendor.client.chat.completions
      .parse({ model: vendor.model, messages: ask('Weather?'), response_format: weatherFormat() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).rawText).toBe('{"city":"Paris","celsius":"warm"}');
    expect((error as ResponseValidationError).issues).toEqual([
      { path: 'celsius', message: 'expected number' },
    ]);
    expect((error as Error).message).toBe(
      'The structured answer does not match "weather": celsius: expected number.',
    );
  });
});

describe('chat.completions.parse', () => {
  it('rejects an answer that is not JSON, with the text attached', async () => {
    vendor = await startVendor('openai');
    vendor.server.enqueue({ json: completion({ content: 'Sure! {"city": "Paris"' }) });
    const error = await vendor.client.chat.completions
      .parse({ model: vendor.model, messages: ask('x'), response_format: weatherFormat() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).rawText).toBe('Sure! {"city": "Paris"');
    expect((error as Error).message).toMatch(/^The structured answer is not valid JSON: not valid JSON/);
  });

  it('says which field is missing (zod/mini words no messages of its own)', async () => {
    vendor = await startVendor('openai');
    vendor.server.enqueue({ json: completion({ content: '{"city":"Paris"}' }) });
    const error = await vendor.client.chat.completions
      .parse({ model: vendor.model, messages: ask('x'), response_format: weatherFormat() })
      .catch((e: unknown) => e);
    expect((error as ResponseValidationError).issues).toEqual([{ path: 'celsius', message: 'is required' }]);
  });

  it('keeps a refusal in message.refusal with parsed null', async () => {
    vendor = await startVendor('openai');
    const refused = completion({ content: null });
    (refused.choices[0]!.message as Record<string, unknown>).refusal = "I can't help with that.";
    vendor.server.enqueue({ json: refused });
    const done = await vendor.client.chat.completions.parse({
      model: vendor.model,
      messages: ask('x'),
      response_format: weatherFormat(),
    });
    expect(done.choices[0]?.message.refusal).toBe("I can't help with that.");
    expect(done.choices[0]?.message.parsed).toBeNull();
  });

  it('rejects a cut answer: LengthFinishReasonError, ContentFilterFinishReasonError', async () => {
    vendor = await startVendor('openai');
    vendor.server.enqueue(
      { json: completion({ content: '{"city":"Par', finishReason: 'length' }) },
      { json: completion({ content: '', finishReason: 'content_filter' }) },
    );
    const params = { model: vendor.model, messages: ask('x'), response_format: weatherFormat() };
    await expect(vendor.client.chat.completions.parse(params)).rejects.toBeInstanceOf(
      LengthFinishReasonError,
    );
    await expect(vendor.client.chat.completions.parse(params)).rejects.toBeInstanceOf(
      ContentFilterFinishReasonError,
    );
  });

  it('sends the parameters as they were at the call, like create()', async () => {
    vendor = await startVendor('openai');
    vendor.server.enqueue(vendor.json(completion({ content: '{"city":"Oslo","celsius":3}' })));
    const messages = ask('Weather in Oslo?');
    const done = vendor.client.chat.completions.parse({
      model: vendor.model,
      messages,
      response_format: weatherFormat(),
    });
    messages.push({ role: 'user', content: 'added after the call' });
    await done;
    const sent = vendor.server.lastRequest?.json as { messages: unknown[] } | undefined;
    expect(sent?.messages).toHaveLength(1);
  });

  it('JSON-parses (without validating) a plain json_object format', async () => {
    vendor = await startVendor('openai');
    vendor.server.enqueue({ json: completion({ content: '{"anything": [1, 2]}' }) });
    const done = await vendor.client.chat.completions.parse({
      model: vendor.model,
      messages: ask('x'),
      response_format: { type: 'json_object' },
    });
    expect(done.choices[0]?.message.parsed).toEqual({ anything: [1, 2] });
  });

  it('validates with any Standard Schema, including an async one, and uses its output', async () => {
    const upper: StandardSchemaV1<unknown, string> = {
      '~standard': {
        version: 1,
        vendor: 'hand-made',
        validate: async (value) => ({ value: String((value as { word: string }).word).toUpperCase() }),
      },
    };
    vendor = await startVendor('openai');
    vendor.server.enqueue({ json: completion({ content: '{"word":"loud"}' }) });
    const format = jsonSchemaFormat(upper, {
      jsonSchema: { type: 'object', properties: { word: { type: 'string' } } },
    });
    const done = await vendor.client.chat.completions.parse({
      model: vendor.model,
      messages: ask('x'),
      response_format: format,
    });
    expect(done.choices[0]?.message.parsed).toBe('LOUD');
  });

  it('gives the raw response with withResponse()', async () => {
    vendor = await startVendor('openai');
    vendor.server.enqueue({
      json: completion({ content: '{"city":"Oslo","celsius":-3}' }),
      headers: { 'x-request-id': 'req_9' },
    });
    const { data, requestId, response } = await vendor.client.chat.completions
      .parse({ model: vendor.model, messages: ask('x'), response_format: weatherFormat() })
      .withResponse();
    expect(data.choices[0]?.message.parsed).toEqual({ city: 'Oslo', celsius: -3 });
    expect(requestId).toBe('req_9');
    expect(response.status).toBe(200);
  });

  it('refuses, before sending, a call without a JSON response_format', async () => {
    vendor = await startVendor('openai');
    const error = await vendor.client.chat.completions
      .parse({ model: vendor.model, messages: ask('x'), response_format: { type: 'text' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(/jsonSchemaFormat/);
    expect(vendor.server.requests).toHaveLength(0);
  });

  it('caesar refuses parse() before sending: it has no response_format', async () => {
    vendor = await startVendor('caesar');
    const error = await vendor.client.chat.completions
      .parse({ model: vendor.model, messages: ask('x'), response_format: weatherFormat() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).issues).toContainEqual({
      path: 'response_format',
      message: 'not supported by caesar',
    });
    expect(vendor.server.requests).toHaveLength(0);
  });
});
