import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAnyClient } from '../../src/cli/any-client.js';
import { type APIError, ChatCompletionStream, type StreamError } from '../../src/index.js';
import { createMockServer, type MockServer } from '../../src/testing/index.js';

// JSON.parse keeps `__proto__` as an ordinary own key; code that copies it with `target[key] = …`
// replaces a prototype instead, and `constructor.prototype` reaches every object. Responses put
// them everywhere a reader copies from, completions, chunks, tool-call deltas and error bodies alike.
const P =
  '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}';

const completionJson = `{${P},"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[{${P},"index":0,"message":{${P},"role":"assistant","content":"safe","tool_calls":[{${P},"id":"t1","type":"function","function":{${P},"name":"f","arguments":"{}"}}]},"finish_reason":"stop"}],"usage":{${P},"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}`;

const chunkLines = [
  `{${P},"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{${P},"index":0,"delta":{${P},"role":"assistant","content":"sa"},"finish_reason":null}]}`,
  `{"id":"c1","choices":[{"index":0,"delta":{${P},"content":"fe","tool_calls":[{${P},"index":0,"id":"t1","type":"function","function":{${P},"name":"f","arguments":"{\\"a\\""}}]},"finish_reason":null}]}`,
  `{"id":"c1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,${P},"function":{${P},"arguments":":1}"}}],"reasoning_details":[{${P},"type":"reasoning.text","index":0,"text":"r"}],"audio":{${P},"data":"AA","transcript":"t"},"function_call":{${P},"name":"g","arguments":"{}"}},"logprobs":{${P},"content":[{${P},"token":"x"}]},"finish_reason":null}]}`,
  `{"id":"c1","choices":[{"index":0,"delta":{"reasoning_details":[{${P},"type":"reasoning.text","index":0,"text":"s"}],"audio":{${P},"data":"BB"}},"finish_reason":"stop"}],"usage":{${P},"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}`,
];
const sseBody = `${chunkLines.map((line) => `data: ${line}\n\n`).join('')}data: [DONE]\n\n`;

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer();
});
afterEach(() => {
  server.reset();
  expectClean();
});
afterAll(() => server.close());

function expectClean() {
  for (const target of [{}, [], Object.prototype, Array.prototype, Function.prototype]) {
    expect((target as { polluted?: unknown }).polluted).toBeUndefined();
  }
}

/** Every object the library built keeps a plain prototype and no inherited `polluted`. */
function expectPlain(value: unknown, path = '$'): void {
  if (typeof value !== 'object' || value === null) return;
  const proto = Object.getPrototypeOf(value);
  expect(proto === Object.prototype || proto === Array.prototype, `${path} has a foreign prototype`).toBe(
    true,
  );
  expect((value as { polluted?: unknown }).polluted, `${path}.polluted`).toBeUndefined();
  for (const [key, child] of Object.entries(value)) expectPlain(child, `${path}.${key}`);
}

const ask = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }] };
const client = (validate: 'loose' | 'strict' | 'off' = 'loose') =>
  createAnyClient({ baseURL: server.baseURL, apiKey: 'sk-proto-test-key', maxRetries: 0, validate });

describe('__proto__ / constructor / prototype keys in responses pollute nothing', () => {
  it.each(['loose', 'strict', 'off'] as const)('in a JSON completion (validate: %s)', async (validate) => {
    server.enqueue({ text: completionJson, contentType: 'application/json' });
    const completion = await client(validate).chat.completions.create(ask);
    expect(completion.choices[0]?.message.content).toBe('safe');
    expect(Object.getPrototypeOf(completion.choices[0]?.message)).toBe(Object.prototype);
  });

  it('in stream chunks, tool-call deltas, reasoning details, audio and logprobs, through accumulation', async () => {
    server.enqueue({ chunks: [sseBody] });
    const stream = await client().chat.completions.create({ ...ask, stream: true });
    const final = await stream.finalCompletion();
    expect(final.choices[0]?.message.content).toBe('safe');
    expect(final.choices[0]?.message.tool_calls?.[0]?.function.arguments).toBe('{"a":1}');
    expectPlain(final.choices[0]?.message.tool_calls);
    expect(Object.getPrototypeOf(final)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(final.choices[0]?.message)).toBe(Object.prototype);
    expect((final as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('through tee(), toReadableStream() and fromReadableStream()', async () => {
    server.enqueue({ chunks: [sseBody] });
    const [left, right] = (await client().chat.completions.create({ ...ask, stream: true })).tee();
    const proxied = ChatCompletionStream.fromReadableStream(right.toReadableStream());
    const [a, b] = await Promise.all([left.finalCompletion(), proxied.finalCompletion()]);
    expect(a.choices[0]?.message.content).toBe('safe');
    expect(b.choices[0]?.message.content).toBe('safe');
    expectPlain(b.choices[0]?.message.tool_calls);
  });

  it('in error bodies and stream error frames (stored redacted)', async () => {
    server.enqueue({ error: 400, body: `{${P},"error":{${P},"message":"no"}}` });
    const error = (await client()
      .chat.completions.create(ask)
      .catch((e: unknown) => e)) as APIError;
    expect(Object.getPrototypeOf(error.body)).toBe(Object.prototype);
    expect((error.body as { polluted?: unknown }).polluted).toBeUndefined();
    server.enqueue({ chunks: [`data: {${P},"error":{${P},"message":"frame"}}\n\n`] });
    const stream = await client().chat.completions.create({ ...ask, stream: true });
    const frame = (await stream.finalCompletion().catch((e: unknown) => e)) as StreamError;
    expect(frame.name).toBe('StreamError');
    expect(Object.getPrototypeOf(frame.body)).toBe(Object.prototype);
    expect((frame.body as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
