import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { APIUserAbortError, ChatwireError, InvalidRequestError, type ToolRunEvent } from '../../src/index.js';
import { chunk, type SseReply } from '../../src/testing/index.js';
import { tool } from '../../src/tools/index.js';
import { ask, deferred, sentBody, sentToolResults, startVendor, type Vendor } from './helpers.js';

let vendor: Vendor | undefined;
afterEach(async () => {
  await vendor?.server.close();
  vendor = undefined;
});

/**
 * Two tool calls whose deltas interleave by index, arguments cut into pieces; the second call's
 * name and id arrive after its first arguments, as some vendors send them (vercel/ai #5350).
 */
const splitToolCalls: SseReply = {
  sse: [
    chunk({
      role: 'assistant',
      toolCalls: [
        { index: 0, id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '' } },
      ],
    }),
    chunk({ toolCalls: [{ index: 0, function: { arguments: '{"ci' } }] }),
    chunk({ toolCalls: [{ index: 1, function: { arguments: '{"zone":' } }] }),
    chunk({ toolCalls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'get_time' } }] }),
    chunk({ toolCalls: [{ index: 0, function: { arguments: 'ty":"Pa' } }] }),
    chunk({ toolCalls: [{ index: 1, function: { arguments: '"UTC"}' } }] }),
    chunk({ toolCalls: [{ index: 0, function: { arguments: 'ris"}' } }] }),
    chunk({ finishReason: 'tool_calls' }),
  ],
};
const answer = (text: string): SseReply => ({
  sse: [
    chunk({ role: 'assistant' }),
    ...text.split(/(?<= )/).map((content) => chunk({ content })),
    chunk({ finishReason: 'stop' }),
  ],
});

const makeTools = (log: unknown[] = []) => [
  tool({
    name: 'get_weather',
    parameters: z.object({ city: z.string() }),
    execute: (args) => {
      log.push(args);
      return 'sunny';
    },
  }),
  tool({
    name: 'get_time',
    parameters: z.object({ zone: z.string() }),
    execute: (args) => {
      log.push(args);
      return 'noon';
    },
  }),
];

describe('chat.completions.runTools({ stream: true })', () => {
  it('assembles tool calls split across chunks, runs them, and streams every step', async () => {
    vendor = await startVendor('openai');
    vendor.server.enqueue(splitToolCalls, answer('Sunny at noon in Paris.'));
    const log: unknown[] = [];
    const run = vendor.client.chat.completions.runTools({
      model: vendor.model,
      messages: ask('Weather and time?'),
      tools: makeTools(log),
      stream: true,
    });
    const events: ToolRunEvent[] = [];
    for await (const event of run) events.push(event);

    expect(log).toEqual([{ city: 'Paris' }, { zone: 'UTC' }]);
    expect(sentToolResults(vendor.server.requests[1])).toEqual({ call_a: 'sunny', call_b: 'noon' });
    const kinds = events.map((e) =>
      e.type === 'chunk' ? `chunk${e.step}` : e.type === 'tool-result' ? 'result' : 'step',
    );
    expect(kinds.filter((k, i) => k !== kinds[i - 1])).toEqual([
      'chunk0',
      'result',
      'step',
      'chunk1',
      'step',
    ]);
    expect(events.filter((e) => e.type === 'chunk' && e.step === 0)).toHaveLength(8);
    const result = await run.finalCompletion();
    expect(result.stopReason).toBe('answered');
    expect(result.choices[0]?.message.content).toBe('Sunny at noon in Paris.');
    expect(result.messages[1]).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        { id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '{"zone":"UTC"}' } },
      ],
    });
    expect(sentBody(vendor.server.requests[0]).stream).toBe(true);
  });

  it('textStream gives the content of every step; finalCompletion() alone runs the loop to the end', async () => {
    vendor = await startVendor('openai');
    vendor.server.enqueue(splitToolCalls, answer('All good.'));
    const texts: string[] = [];
    const run = vendor.client.chat.completions.runTools({
      model: vendor.model,
      messages: ask('x'),
      tools: makeTools(),
      stream: true,
    });
    for await (const text of run.textStream) texts.push(text);
    expect(texts.join('')).toBe('All good.');

    vendor.server.enqueue(splitToolCalls, answer('Again.'));
    const quiet = vendor.client.chat.completions.runTools({
      model: vendor.model,
      messages: ask('x'),
      tools: makeTools(),
      stream: true,
    });
    expect(vendor.server.requests).toHaveLength(2);
    const result = await quiet.finalCompletion();
    expect(result.choices[0]?.message.content).toBe('Again.');
    expect(vendor.server.requests).toHaveLength(4);
    expect(() => quiet[Symbol.asyncIterator]()).toThrow(ChatwireError);
  });

  it('breaking out of the loop aborts the run: the request is cancelled, finalCompletion() rejects', async () => {
    vendor = await startVendor('openai');
    vendor.server.enqueue({
      sse: [chunk({ role: 'assistant' }), chunk({ content: 'Hel' })],
      holdOpen: true,
      done: false,
    });
    const run = vendor.client.chat.completions.runTools({
      model: vendor.model,
      messages: ask('x'),
      tools: makeTools(),
      stream: true,
    });
    for await (const event of run) if (event.type === 'chunk' && event.chunk.choices[0]?.delta.content) break;
    await expect(run.finalCompletion()).rejects.toBeInstanceOf(APIUserAbortError);
    const [request] = vendor.server.requests;
    await request?.closed;
    expect(request?.closedEarly).toBe(true);
  });

  it("the caller's signal aborts a running tool and makes iteration throw APIUserAbortError", async () => {
    vendor = await startVendor('openai');
    vendor.server.enqueue(splitToolCalls);
    const controller = new AbortController();
    const started = deferred<AbortSignal>();
    const hang = tool({
      name: 'get_weather',
      parameters: z.object({ city: z.string() }),
      execute: (_, { signal }) => {
        started.resolve(signal);
        return new Promise(() => {});
      },
    });
    const time = makeTools()[1]!;
    const run = vendor.client.chat.completions.runTools(
      { model: vendor.model, messages: ask('x'), tools: [hang, time], stream: true },
      { signal: controller.signal },
    );
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of run) seen.push(event.type);
    })();
    const toolSignal = await started.promise;
    controller.abort();
    await expect(reading).rejects.toBeInstanceOf(APIUserAbortError);
    expect(toolSignal.aborted).toBe(true);
    expect(seen).toContain('chunk');
    expect(vendor.server.requests).toHaveLength(1);
  });

  it('checks parameters at the call: a bad one throws before anything is sent', async () => {
    vendor = await startVendor('openai');
    const { client, model } = vendor;
    expect(() =>
      client.chat.completions.runTools({
        model,
        messages: ask('x'),
        tools: makeTools(),
        maxSteps: 1.5,
        stream: true,
      }),
    ).toThrow(InvalidRequestError);
    expect(vendor.server.requests).toHaveLength(0);
  });
});
