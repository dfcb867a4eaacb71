import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { InvalidRequestError } from '../../src/index.js';
import { chunk, type RecordedRequest, type Reply } from '../../src/testing/index.js';
import { tool } from '../../src/tools/index.js';
import {
  ask,
  completion,
  sentMessages,
  sentToolResults,
  startVendor,
  TOOL_VENDORS,
  type Vendor,
} from './helpers.js';

let vendor: Vendor | undefined;
afterEach(async () => {
  await vendor?.server.close();
  vendor = undefined;
});

const weather = tool({
  name: 'get_weather',
  description: 'Weather in a city',
  parameters: z.object({ city: z.string() }),
  execute: ({ city }) => ({ city, sky: 'clear' }),
});

/** A model that calls get_weather until it sees a tool result, then answers with what it read. */
const model =
  (vendor: Vendor, streamed: boolean) =>
  (request: RecordedRequest): Reply => {
    const result = sentMessages(request).find((m) => m.role === 'tool');
    if (streamed) {
      return result
        ? {
            sse: [
              chunk({ role: 'assistant', content: `Read: ${result.content}` }),
              chunk({ finishReason: 'stop' }),
            ],
          }
        : {
            sse: [
              chunk({
                role: 'assistant',
                toolCalls: [
                  {
                    index: 0,
                    id: 'c1',
                    type: 'function',
                    function: { name: 'get_weather', arguments: '{"city":' },
                  },
                ],
              }),
              chunk({ toolCalls: [{ index: 0, function: { arguments: '"Oslo"}' } }] }),
              chunk({ finishReason: 'tool_calls' }),
            ],
          };
    }
    return vendor.json(
      result
        ? completion({ content: `Read: ${result.content}` })
        : completion({ toolCalls: [{ id: 'c1', name: 'get_weather', arguments: { city: 'Oslo' } }] }),
    );
  };

describe.each(TOOL_VENDORS)('runTools on %s', (name) => {
  it.each([false, true])('runs a two-step conversation (stream: %s)', async (streamed) => {
    vendor = await startVendor(name);
    // Queued replies answer whatever path the dialect posts to.
    vendor.server.enqueue(model(vendor, streamed), model(vendor, streamed));
    const params = { model: vendor.model, messages: ask('Weather in Oslo?'), tools: [weather] };
    const result = streamed
      ? await vendor.client.chat.completions.runTools({ ...params, stream: true }).finalCompletion()
      : await vendor.client.chat.completions.runTools(params);
    expect(result.choices[0]?.message.content).toBe('Read: {"city":"Oslo","sky":"clear"}');
    expect(vendor.server.requests).toHaveLength(2);
    expect(sentToolResults(vendor.server.requests[1])).toEqual({ c1: '{"city":"Oslo","sky":"clear"}' });
    const sent = vendor.server.requests[0]?.json as { tools: unknown[]; stream: boolean };
    expect(sent.stream).toBe(streamed);
    expect(sent.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'Weather in a city',
          parameters: {
            type: 'object',
            properties: { city: { type: 'string' } },
            required: ['city'],
            additionalProperties: false,
          },
          strict: true,
        },
      },
    ]);
  });
});

describe('runTools per dialect rules', () => {
  it('intandem refuses a tool name outside ^[a-zA-Z0-9_-]{1,64}$ before sending', async () => {
    vendor = await startVendor('intandem');
    const dotted = tool({ name: 'weather.get', parameters: z.object({}), execute: () => 'x' });
    const error = await vendor.client.chat.completions
      .runTools({ model: vendor.model, messages: ask('x'), tools: [dotted] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).issues).toContainEqual({
      path: 'tools.0.function.name',
      message: 'must match ^[a-zA-Z0-9_-]{1,64}$',
    });
    expect(vendor.server.requests).toHaveLength(0);
  });

  it('caesar refuses runTools before sending: it has no tool calling (both forms)', async () => {
    vendor = await startVendor('caesar');
    const { client, model: caesarModel } = vendor;
    const params = { model: caesarModel, messages: ask('x'), tools: [weather] };
    const error = await client.chat.completions.runTools(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe('The caesar dialect has no tool calling.');
    expect(() => client.chat.completions.runTools({ ...params, stream: true })).toThrow(/no tool calling/);
    expect(vendor.server.requests).toHaveLength(0);
  });
});
