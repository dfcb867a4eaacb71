import type * as Testing from '../../../../src/testing/index.js';
import { check, type Step } from '../scenario.js';
import { apiKey } from '../script.js';

/**
 * `chatwire/testing` loaded by the same runtime: its node:http mock serves the client. Only for
 * server runtimes; a page or a worker has no `node:http`.
 */
export const testingKit = (testing: typeof Testing): Step => ({
  name: 'testing kit',
  run: async (context) => {
    const server = await testing.createMockServer({ apiKey });
    try {
      const client = context.chatwire.createClient({ baseURL: server.baseURL, apiKey });
      const completion = await client.chat.completions.create({
        model: 'kit-model',
        messages: [{ role: 'user', content: 'hello kit' }],
      });
      const content = completion.choices[0]?.message.content;
      check(content === 'Echo: hello kit', `mock echoed ${JSON.stringify(content)}`);
      check(server.requests.length === 1, `mock recorded ${server.requests.length} requests`);
      return 'mock server served';
    } finally {
      await server.close();
    }
  },
});
