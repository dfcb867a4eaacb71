import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { ToolStep } from '../../src/index.js';
import type { RecordedRequest } from '../../src/testing/index.js';
import { tool } from '../../src/tools/index.js';
import {
  ask,
  completion,
  deferred,
  sentBody,
  sentMessages,
  sentToolResults,
  startVendor,
  type Vendor,
} from './helpers.js';

let vendor: Vendor | undefined;
afterEach(async () => {
  await vendor?.server.close();
  vendor = undefined;
});

const City = z.object({ city: z.string() });
const toolCount = (request: RecordedRequest) => sentMessages(request).filter((m) => m.role === 'tool').length;

describe('chat.completions.runTools', () => {
  it('runs a two-tool parallel call concurrently, sends both results back, and resolves with the answer', async () => {
    vendor = await startVendor('openai');
    const started: string[] = [];
    const bothStarted = deferred();
    // Each tool waits until the other has started: run one after the other, this would never settle.
    const waitForBoth = async (name: string) => {
      started.push(name);
      if (started.length === 2) bothStarted.resolve();
      await bothStarted.promise;
    };
    const weather = tool({
      name: 'get_weather',
      parameters: City,
      execute: async ({ city }) => {
        await waitForBoth('weather');
        return { city, celsius: 21 };
      },
    });
    const time = tool({
      name: 'get_time',
      parameters: z.object({ zone: z.string() }),
      execute: async ({ zone }) => {
        await waitForBoth('time');
        return `12:00 in ${zone}`;
      },
    });
    vendor.server.enqueue(
      {
        json: completion({
          toolCalls: [
            { id: 'call_w', name: 'get_weather', arguments: { city: 'Paris' } },
            { id: 'call_t', name: 'get_time', arguments: { zone: 'Europe/Paris' } },
          ],
          usage: { prompt_tokens: 10, completion_tokens: 5 },
        }),
      },
      {
        json: completion({ content: 'Sunny and noon.', usage: { prompt_tokens: 30, completion_tokens: 4 } }),
      },
    );
    const steps: ToolStep[] = [];
    const result = await vendor.client.chat.completions.runTools({
      model: vendor.model,
      messages: ask('Weather and time in Paris?'),
      tools: [weather, time],
      onStep: (step) => {
        steps.push(step);
      },
    });

    expect(started.sort()).toEqual(['time', 'weather']);
    expect(result.stopReason).toBe('answered');
    expect(result.choices[0]?.message.content).toBe('Sunny and noon.');
    expect(steps.map((s) => s.toolResults.map((r) => r.status))).toEqual([['ok', 'ok'], []]);
    expect(result.steps).toEqual(steps);
    expect(result.totalUsage).toEqual({ prompt_tokens: 40, completion_tokens: 9, total_tokens: 49 });
    const second = vendor.server.requests[1];
    expect(sentToolResults(second)).toEqual({
      call_w: '{"city":"Paris","celsius":21}',
      call_t: '12:00 in Europe/Paris',
    });
    // The tools were sent as plain OpenAI function definitions, on every request.
    expect(sentBody(second).tools).toEqual(JSON.parse(JSON.stringify([weather, time])));
    expect(result.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'tool', 'assistant']);
    expect(result.messages.slice(0, 4)).toEqual(sentMessages(second));
  });

  it('sends a bad argument back to the model as the tool result, and runs the corrected call', async () => {
    vendor = await startVendor('openai');
    const calls: unknown[] = [];
    const weather = tool({
      name: 'get_weather',
      parameters: City,
      execute: (args) => {
        calls.push(args);
        return 'sunny';
      },
    });
    vendor.server.enqueue(
      { json: completion({ toolCalls: [{ id: 'c1', name: 'get_weather', arguments: { city: 42 } }] }) },
      { json: completion({ toolCalls: [{ id: 'c2', name: 'get_weather', arguments: '{"city": "Par' }] }) },
      { json: completion({ toolCalls: [{ id: 'c3', name: 'get_weather', arguments: { city: 'Paris' } }] }) },
      { json: completion({ content: 'Sunny in Paris.' }) },
    );
    const result = await vendor.client.chat.completions.runTools({
      model: vendor.model,
      messages: ask('Weather?'),
      tools: [weather],
    });
    expect(calls).toEqual([{ city: 'Paris' }]);
    expect(sentToolResults(vendor.server.requests[1])).toEqual({
      c1: 'Invalid arguments for tool "get_weather": city: expected string. Call it again with arguments that match its parameters.',
    });
    expect(sentToolResults(vendor.server.requests[2]).c2).toMatch(
      /^Invalid arguments for tool "get_weather": not valid JSON \(.+\)\. Call it again/,
    );
    expect(result.steps.map((s) => s.toolResults[0]?.status)).toEqual([
      'invalid-arguments',
      'invalid-arguments',
      'ok',
      undefined,
    ]);
    expect(result.stopReason).toBe('answered');
  });

  it('reports a throwing execute to the model by default, and rethrows it with toolErrors: "throw"', async () => {
    vendor = await startVendor('openai');
    const boom = new Error('database is down');
    const flaky = tool({ name: 'lookup', parameters: z.object({}), execute: () => Promise.reject(boom) });
    const call = { json: completion({ toolCalls: [{ id: 'c1', name: 'lookup', arguments: {} }] }) };
    vendor.server.enqueue(call, { json: completion({ content: 'The lookup failed, sorry.' }) });
    const reported = await vendor.client.chat.completions.runTools({
      model: vendor.model,
      messages: ask('x'),
      tools: [flaky],
    });
    expect(sentToolResults(vendor.server.requests[1])).toEqual({
      c1: 'Tool "lookup" failed: database is down',
    });
    expect(reported.steps[0]?.toolResults[0]).toMatchObject({ status: 'error', error: boom });

    vendor.server.reset();
    let sibling: AbortSignal | undefined;
    const slow = tool({
      name: 'slow',
      parameters: z.object({}),
      execute: (_, { signal }) => {
        sibling = signal;
        return new Promise((resolve) => setTimeout(resolve, 5_000));
      },
    });
    vendor.server.enqueue({
      json: completion({
        toolCalls: [
          { id: 'c1', name: 'slow', arguments: {} },
          { id: 'c2', name: 'lookup', arguments: {} },
        ],
      }),
    });
    const error = await vendor.client.chat.completions
      .runTools({ model: vendor.model, messages: ask('x'), tools: [slow, flaky], toolErrors: 'throw' })
      .catch((e: unknown) => e);
    expect(error).toBe(boom);
    expect(sibling?.aborted).toBe(true);
    expect(vendor.server.requests).toHaveLength(1);
  });

  it('stops after maxSteps requests with stopReason "max-steps", and can go on from result.messages', async () => {
    vendor = await startVendor('openai');
    let n = 0;
    const counter = tool({ name: 'count', parameters: z.object({}), execute: () => ++n });
    vendor.server.route('POST', '/v1/chat/completions', (request) => ({
      json: completion({ toolCalls: [{ id: `c${toolCount(request)}`, name: 'count', arguments: {} }] }),
    }));
    const result = await vendor.client.chat.completions.runTools({
      model: vendor.model,
      messages: ask('Count forever'),
      tools: [counter],
      maxSteps: 3,
    });
    expect(vendor.server.requests).toHaveLength(3);
    expect(result.stopReason).toBe('max-steps');
    expect(result.choices[0]?.finish_reason).toBe('tool_calls');
    // The last step's tool ran and its result is in the conversation.
    expect(n).toBe(3);
    expect(result.messages.at(-1)).toEqual({ role: 'tool', tool_call_id: 'c2', content: '3' });

    vendor.server.reset();
    vendor.server.enqueue({ json: completion({ content: 'Done at 3.' }) });
    const resumed = await vendor.client.chat.completions.runTools({
      model: vendor.model,
      messages: result.messages,
      tools: [counter],
    });
    expect(resumed.stopReason).toBe('answered');
    expect(sentMessages(vendor.server.lastRequest)).toEqual(result.messages);
  });
});
