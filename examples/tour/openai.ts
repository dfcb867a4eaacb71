import { APIError, createClient } from '../../src/index.js';
import { createMockServer } from '../../src/testing/index.js';
import { heading, line, printStream } from './print.js';

/** OpenAI (and any OpenAI-compatible server): JSON, a stream, and a typed error. */
export async function openaiTour() {
  const server = await createMockServer({ dialect: 'openai' });
  try {
    const client = createClient({ baseURL: server.baseURL, apiKey: 'sk-demo-key' });
    heading(`openai — mock at ${server.baseURL}`);
    const { data, requestId } = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say hello in five words.' }] })
      .withResponse();
    line(`JSON (request ${requestId}): ${data.choices[0]?.message.content}`);
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Count from one to ten in words.' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const final = await printStream(stream);
    line(`finish_reason ${final.choices[0]?.finish_reason}, usage ${JSON.stringify(final.usage)}`);
    server.enqueue({ error: 429, message: 'Rate limit reached for demo', headers: { 'retry-after': '1' } });
    await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }, { maxRetries: 0 })
      .catch((error: unknown) => {
        if (error instanceof APIError)
          line(`${error.name} ${error.status}: ${error.message} (retryable: ${error.isRetryable})`);
      });
  } finally {
    await server.close();
  }
}
