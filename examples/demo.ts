// The main job, end to end: one JSON chat completion, one streamed answer, and a typed error.
// With no key configured it talks to chatwire's built-in mock vendor on 127.0.0.1; set the dialect's
// key (e.g. OPENAI_API_KEY, optionally OPENAI_BASE_URL and DEMO_MODEL) to talk to a real endpoint:
//   OPENAI_API_KEY=sk-… DEMO_MODEL=gpt-4o-mini npm run demo
//   DEMO_DIALECT=bifrost BIFROST_BASE_URL=http://localhost:8080 BIFROST_API_KEY=sk-bf-… DEMO_MODEL=openai/gpt-4o-mini npm run demo
import { APIError, createClient, type DialectName } from '../src/index.js';
import { createMockServer, type MockServer } from '../src/testing/index.js';

const dialect = (process.env.DEMO_DIALECT ?? 'openai') as DialectName;
const keyVariable = `${dialect.toUpperCase()}_API_KEY`;
const realKey = process.env[keyVariable];

let mock: MockServer | undefined;
if (!realKey) mock = await createMockServer({ dialect: dialect as 'openai' });

const client = createClient({
  dialect,
  ...(mock ? { baseURL: mock.baseURL, apiKey: 'sk-demo-key' } : {}),
  timeout: 60_000,
});
const model = process.env.DEMO_MODEL ?? 'gpt-4o-mini';
console.log(
  mock ? `Talking to the mock ${dialect} vendor at ${client.baseURL}` : `Talking to ${client.baseURL}`,
);

try {
  const { data, requestId } = await client.chat.completions
    .create({ model, messages: [{ role: 'user', content: 'Say hello in five words.' }] })
    .withResponse();
  console.log(`\n1. JSON completion (request ${requestId ?? 'n/a'}):`);
  console.log(`   ${data.choices[0]?.message.content}`);
  console.log(`   usage: ${JSON.stringify(data.usage)}`);

  console.log('\n2. Streamed completion:');
  const stream = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: 'Count from one to ten in words.' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  process.stdout.write('   ');
  for await (const text of stream.textStream) process.stdout.write(text);
  const final = await stream.finalCompletion();
  console.log(
    `\n   finish_reason: ${final.choices[0]?.finish_reason}, usage: ${JSON.stringify(final.usage)}`,
  );

  console.log('\n3. A typed error:');
  mock?.enqueue({ error: 429, message: 'Rate limit reached for demo', headers: { 'retry-after': '1' } });
  await client.chat.completions
    .create(
      { model, messages: [{ role: 'user', content: 'x' }] },
      { maxRetries: 0, ...(mock ? {} : { timeout: 1 }) },
    )
    .catch((error: unknown) => {
      if (error instanceof APIError) {
        console.log(`   ${error.name} ${error.status}: ${error.message} (retryable: ${error.isRetryable})`);
      } else console.log(`   ${String(error)}`);
    });
} finally {
  await mock?.close();
}
