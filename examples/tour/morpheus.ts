import { createClient } from '../../src/index.js';
import { createMockServer } from '../../src/testing/index.js';
import { heading, line, printStream } from './print.js';

/** Morpheus: a stream that ends without [DONE], with usage from a `usage_from_provider` frame. */
export async function morpheusTour() {
  const server = await createMockServer({ dialect: 'morpheus' });
  try {
    const client = createClient({ dialect: 'morpheus', baseURL: server.baseURL, apiKey: 'sk-demo.key' });
    heading(`morpheus — mock at ${server.baseURL}`);
    const stream = await client.chat.completions.create({
      model: 'llama-3.3-70b',
      messages: [{ role: 'user', content: 'Stream me an answer' }],
      stream: true,
    });
    const final = await printStream(stream);
    line(
      `ended without [DONE] after finish_reason "${final.choices[0]?.finish_reason}"; usage ${JSON.stringify(final.usage)}`,
    );
  } finally {
    await server.close();
  }
}
