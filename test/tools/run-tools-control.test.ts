import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  APIUserAbortError,
  type FunctionTool,
  InvalidRequestError,
  type ToolContext,
} from '../../src/index.js';
import { jsonSchemaFormat, tool } from '../../src/tools/index.js';
import { ask, completion, deferred, sentToolResults, startVendor, type Vendor } from './helpers.js';

let vendor: Vendor | undefined;
afterEach(async () => {
  await vendor?.server.close();
  vendor = undefined;
});

const City = z.object({ city: z.string() });

describe('chat.completions.runTools: aborts, unanswered calls, checks', () => {
  it('abort mid-tool: the tool sees the signal, the run rejects with APIUserAbortError, nothing more is sent', async () => {
    vendor = await startVendor('openai');
    const controller = new AbortController();
    const inTool = deferred<ToolContext>();
    const stubborn = tool({
      name: 'stubborn',
      parameters: z.object({}),
      // Ignores its signal on purpose: the run must not wait for it.
      execute: (_, context) => {
        inTool.resolve(context);
        return new Promise(() => {});
      },
    });
    vendor.server.enqueue({
      json: completion({ toolCalls: [{ id: 'c1', name: 'stubborn', arguments: {} }] }),
    });
    const run = vendor.client.chat.completions.runTools({
      model: vendor.model,
      messages: ask('x'),
      tools: [stubborn],
      signal: controller.signal,
    });
    const context = await inTool.promise;
    expect(context.toolCallId).toBe('c1');
    expect(context.signal.aborted).toBe(false);
    controller.abort(new Error('user left'));
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).cause).toEqual(new Error('user left'));
    expect(context.signal.aborted).toBe(true);
    expect(vendor.server.requests).toHaveLength(1);
  });

  it('abort during a request (RequestOptions.signal) cancels it', async () => {
    vendor = await startVendor('openai');
    const controller = new AbortController();
    vendor.server.enqueue({ stall: true });
    const noop = tool({ name: 'noop', parameters: z.object({}), execute: () => 'ok' });
    const run = vendor.client.chat.completions.runTools(
      { model: vendor.model, messages: ask('x'), tools: [noop] },
      { signal: controller.signal },
    );
    const [request] = await vendor.server.waitForRequests(1);
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(APIUserAbortError);
    await request?.closed;
    expect(request?.closedEarly).toBe(true);
  });

  it('answers an unknown tool name, and leaves tools without execute to the caller', async () => {
    vendor = await startVendor('openai');
    const local = tool({ name: 'local', parameters: City, execute: ({ city }) => city.toUpperCase() });
    const confirm = tool({ name: 'confirm', parameters: z.object({ question: z.string() }) });
    const plain: FunctionTool = {
      type: 'function',
      function: { name: 'open_door', parameters: { type: 'object' } },
    };
    vendor.server.enqueue(
      { json: completion({ toolCalls: [{ id: 'c1', name: 'teleport', arguments: {} }] }) },
      {
        json: completion({
          toolCalls: [
            { id: 'c2', name: 'local', arguments: { city: 'oslo' } },
            { id: 'c3', name: 'confirm', arguments: { question: 'Proceed?' } },
            { id: 'c4', name: 'open_door', arguments: {} },
          ],
        }),
      },
    );
    const result = await vendor.client.chat.completions.runTools({
      model: vendor.model,
      messages: ask('x'),
      tools: [local, confirm, plain],
    });
    expect(sentToolResults(vendor.server.requests[1])).toEqual({
      c1: 'Unknown tool "teleport". Tools: local, confirm, open_door.',
    });
    expect(result.stopReason).toBe('pending-tool-calls');
    expect(result.steps[1]?.toolResults.map((r) => [r.name, r.status, r.args])).toEqual([
      ['local', 'ok', { city: 'oslo' }],
      ['confirm', 'pending', { question: 'Proceed?' }],
      ['open_door', 'pending', {}],
    ]);
    // The executed call is answered; the pending ones are the caller's to answer.
    expect(result.messages.at(-1)).toEqual({ role: 'tool', tool_call_id: 'c2', content: 'OSLO' });
    expect(vendor.server.requests).toHaveLength(2);
  });

  it('gives calls without an id one, the same in the assistant message and the tool result', async () => {
    vendor = await startVendor('openai');
    const echo = tool({ name: 'echo', parameters: z.object({}), execute: () => undefined });
    const call = completion({ toolCalls: [{ id: '', name: 'echo', arguments: '' }] });
    vendor.server.enqueue({ json: call }, { json: completion({ content: 'ok' }) });
    const result = await vendor.client.chat.completions.runTools({
      model: vendor.model,
      messages: ask('x'),
      tools: [echo],
    });
    expect(result.messages[1]).toMatchObject({ tool_calls: [{ id: 'call_0_0' }] });
    expect(result.messages[2]).toEqual({ role: 'tool', tool_call_id: 'call_0_0', content: 'null' });
  });

  it('parses the final answer of a run with a structured response_format', async () => {
    vendor = await startVendor('openai');
    const weather = tool({ name: 'get_weather', parameters: City, execute: () => ({ celsius: 21 }) });
    vendor.server.enqueue(
      { json: completion({ toolCalls: [{ id: 'c1', name: 'get_weather', arguments: { city: 'Rome' } }] }) },
      { json: completion({ content: '{"summary":"warm","celsius":21}' }) },
    );
    const result = await vendor.client.chat.completions.runTools({
      model: vendor.model,
      messages: ask('x'),
      tools: [weather],
      response_format: jsonSchemaFormat(z.object({ summary: z.string(), celsius: z.number() })),
    });
    expect(result.choices[0]?.message.parsed).toEqual({ summary: 'warm', celsius: 21 });
    expect(result.steps[0]?.completion.choices[0]?.message).toMatchObject({ parsed: null });
  });

  for (const stream of [false, true]) {
    it(`parses only the answer when a step writes text before its tool call (stream: ${stream})`, async () => {
      vendor = await startVendor('openai');
      const weather = tool({ name: 'get_weather', parameters: City, execute: () => ({ celsius: 21 }) });
      const call = { id: 'c1', name: 'get_weather', arguments: { city: 'Rome' } };
      vendor.server.enqueue(
        { json: completion({ content: 'Let me check the weather.', toolCalls: [call] }) },
        { json: completion({ content: '{"summary":"warm"}' }) },
      );
      const params = {
        model: vendor.model,
        messages: ask('x'),
        tools: [weather],
        response_format: jsonSchemaFormat(z.object({ summary: z.string() })),
      };
      const result = stream
        ? await vendor.client.chat.completions.runTools({ ...params, stream: true }).finalCompletion()
        : await vendor.client.chat.completions.runTools(params);
      expect(result.choices[0]?.message.parsed).toEqual({ summary: 'warm' });
      expect(result.steps[0]?.completion.choices[0]?.message).toMatchObject({
        content: 'Let me check the weather.',
        parsed: null,
      });
      expect(result.steps[0]?.toolResults).toHaveLength(1);
    });
  }

  it('refuses bad loop parameters before sending anything', async () => {
    vendor = await startVendor('openai');
    const a = tool({ name: 'a', parameters: z.object({}), execute: () => 1 });
    const plain: FunctionTool = { type: 'function', function: { name: 'b' } };
    const { client, model, server } = vendor;
    const reasons = await Promise.all([
      client.chat.completions
        .runTools({ model, messages: ask('x'), tools: [plain] })
        .catch((e: unknown) => e),
      client.chat.completions.runTools({ model, messages: ask('x'), tools: [a, a] }).catch((e: unknown) => e),
      client.chat.completions
        .runTools({ model, messages: ask('x'), tools: [a], maxSteps: 0 })
        .catch((e: unknown) => e),
      client.chat.completions
        .runTools({ model, messages: ask('x'), tools: [a], n: 2 })
        .catch((e: unknown) => e),
      client.chat.completions.runTools({ model, messages: [], tools: [a] }).catch((e: unknown) => e),
    ]);
    for (const reason of reasons) expect(reason).toBeInstanceOf(InvalidRequestError);
    expect(reasons.map((r) => (r as InvalidRequestError).issues[0]?.path)).toEqual([
      'tools',
      'tools',
      'maxSteps',
      'n',
      'messages',
    ]);
    expect((reasons[0] as Error).message).toMatch(/tool\(\) from chatwire\/tools/);
    expect(server.requests).toHaveLength(0);
  });
});
