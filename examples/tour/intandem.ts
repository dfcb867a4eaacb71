import { createClient } from '../../src/index.js';
import { createMockServer } from '../../src/testing/index.js';
import { endProgress, heading, line, printStream, progress } from './print.js';

/** inTandem: the {success, data} envelope unwrapped, a stream, and an async run polled. */
export async function intandemTour() {
  const server = await createMockServer({ dialect: 'intandem' });
  try {
    const client = createClient({ dialect: 'intandem', baseURL: server.baseURL, apiKey: 'staff-demo-token' });
    heading(`intandem — mock at ${server.baseURL}`);
    const completion = await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello from the envelope' }],
    });
    line(
      `unwrapped: id ${completion.id}, created ${completion.created}: ${completion.choices[0]?.message.content}`,
    );
    const stream = await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Now stream it' }],
      stream: true,
    });
    await printStream(stream);
    const run = await client.chat.completions.create({
      model: 'openai/o1',
      messages: [{ role: 'user', content: 'Think it over' }],
      async: true,
    });
    const show = progress(`run ${run.id.slice(0, 8)}`);
    const result = await client.runs.wait(run, { intervalMs: 150, onProgress: (r) => show(r.vendorStatus) });
    endProgress();
    line(`run answer: ${result.choices[0]?.message.content}`);
  } finally {
    await server.close();
  }
}
