// Structured output and tools, end to end against chatwire's mock vendors on 127.0.0.1 (no key
// needed): `npx tsx examples/tools.ts`. The mocks are scripted to answer the way a model would;
// the client code is exactly what you would write against a real endpoint.
import * as z from 'zod/mini';
import { createClient, InvalidRequestError } from '../src/index.js';
import { chunk, completion, createMockServer, type RecordedRequest } from '../src/testing/index.js';
import { jsonSchemaFormat, tool } from '../src/tools/index.js';

const Weather = z.object({ city: z.string(), celsius: z.number(), sky: z.enum(['clear', 'cloudy', 'rain']) });

const getWeather = tool({
  name: 'get_weather',
  description: 'Current weather in a city',
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, celsius: city === 'Oslo' ? -2 : 19, sky: 'clear' }),
});
const getTime = tool({
  name: 'get_time',
  description: 'Local time in an IANA time zone',
  parameters: z.object({ zone: z.string() }),
  execute: ({ zone }) => new Date(0).toLocaleTimeString('en-GB', { timeZone: zone }),
});

/** A scripted model: asks for both tools (once with a bad argument), then answers from the results. */
function scriptedModel(request: RecordedRequest) {
  const messages = (request.json as { messages: Array<{ role: string; content?: string }> }).messages;
  const results = messages.filter((m) => m.role === 'tool');
  if (results.length === 0) {
    return completion({
      toolCalls: [
        { id: 'call_1', name: 'get_weather', arguments: { town: 'Oslo' } },
        { id: 'call_2', name: 'get_time', arguments: { zone: 'Europe/Oslo' } },
      ],
    });
  }
  if (results.some((m) => m.content?.startsWith('Invalid arguments')) && results.length < 3) {
    return completion({ toolCalls: [{ id: 'call_3', name: 'get_weather', arguments: { city: 'Oslo' } }] });
  }
  return completion({ content: `From the tools: ${results.map((m) => m.content).join(' | ')}` });
}

const openaiMock = await createMockServer({ dialect: 'openai' });
const intandemMock = await createMockServer({ dialect: 'intandem' });
const caesarMock = await createMockServer({ dialect: 'caesar' });
try {
  const client = createClient({ baseURL: openaiMock.baseURL, apiKey: 'sk-demo' });

  console.log('— parse: a typed, validated answer');
  openaiMock.enqueue({ json: completion({ content: '{"city":"Lyon","celsius":21,"sky":"clear"}' }) });
  const done = await client.chat.completions.parse({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Weather in Lyon?' }],
    response_format: jsonSchemaFormat(Weather, { name: 'weather' }),
  });
  const weather = done.choices[0]?.message.parsed; // { city: string; celsius: number; sky: … } | null
  console.log(`  ${weather?.city}: ${weather?.celsius} °C, ${weather?.sky}`);

  console.log('— stream.partialObjects: the object as it grows');
  const pieces = ['{"ci', 'ty":"Par', 'is","cel', 'sius":1', '8,"sky":"clo', 'udy"}'];
  openaiMock.enqueue({
    sse: [...pieces.map((content) => chunk({ content })), chunk({ finishReason: 'stop' })],
  });
  const stream = client.chat.completions.stream({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Weather in Paris?' }],
    response_format: jsonSchemaFormat(Weather, { name: 'weather' }),
  });
  for await (const partial of stream.partialObjects) console.log(`  ${JSON.stringify(partial)}`);
  console.log(`  parsed: ${JSON.stringify((await stream.finalCompletion()).choices[0]?.message.parsed)}`);

  console.log('— runTools on inTandem: parallel calls, a bad argument corrected by the model');
  intandemMock.route('POST', '/v3/ai/chat_completions', (request) => ({
    json: { success: true, data: scriptedModel(request) },
  }));
  const intandem = createClient({
    dialect: 'intandem',
    baseURL: intandemMock.baseURL,
    apiKey: 'staff-token',
  });
  const result = await intandem.chat.completions.runTools({
    model: 'openai/gpt-4o-mini',
    messages: [{ role: 'user', content: 'Weather and time in Oslo?' }],
    tools: [getWeather, getTime],
    maxSteps: 5,
    onStep: (step) => {
      for (const call of step.toolResults) console.log(`  step ${step.index}: ${call.name} → ${call.status}`);
    },
  });
  console.log(`  ${result.stopReason}: ${result.choices[0]?.message.content}`);
  console.log(`  conversation: ${result.messages.map((m) => m.role).join(' → ')}`);

  console.log('— runTools({ stream: true }): the text of every step as it arrives');
  openaiMock.route('POST', '/v1/chat/completions', (request) => {
    const answer = scriptedModel(request).choices[0]?.message;
    const toolCalls = answer?.tool_calls?.map((call, index) => ({ index, ...call }));
    if (toolCalls) return { sse: [chunk({ toolCalls }), chunk({ finishReason: 'tool_calls' })] };
    const words = (answer?.content ?? '').split(/(?<= )/);
    return { sse: [...words.map((content) => chunk({ content })), chunk({ finishReason: 'stop' })] };
  });
  const run = client.chat.completions.runTools({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Weather and time in Oslo?' }],
    tools: [getWeather, getTime],
    stream: true,
  });
  for await (const event of run) {
    if (event.type === 'chunk') process.stdout.write(event.chunk.choices[0]?.delta.content ?? '');
    if (event.type === 'tool-result') console.log(`  ran ${event.result.name}: ${event.result.content}`);
  }
  console.log(`\n  steps: ${(await run.finalCompletion()).steps.length}`);

  console.log('— Caesar has no tool calling: runTools is refused before sending');
  const caesar = createClient({ dialect: 'caesar', baseURL: caesarMock.baseURL, apiKey: 'csk-demo' });
  // A compile-time error in TypeScript; plain JavaScript gets the refusal at run time.
  const completions = caesar.chat.completions as unknown as {
    runTools(params: object): Promise<unknown>;
  };
  await completions
    .runTools({ model: 'caesar-research', messages: [{ role: 'user', content: 'x' }], tools: [getWeather] })
    .catch((error: unknown) => {
      if (error instanceof InvalidRequestError) console.log(`  ${error.message}`);
    });
} finally {
  await Promise.all([openaiMock.close(), intandemMock.close(), caesarMock.close()]);
}
