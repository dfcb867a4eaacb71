import { createClient, parseCitations } from '../../src/index.js';
import { caesarMockDialect, createMockServer } from '../../src/testing/index.js';
import { endProgress, heading, line, printStream, progress } from './print.js';

/** Caesar: a streamed research answer with parsed citations, then a native research job. */
export async function caesarTour() {
  const server = await createMockServer({
    dialect: caesarMockDialect({
      researchSteps: ['queued', 'searching', 'researching', 'analyzing', 'summarizing', 'completed'],
    }),
  });
  try {
    const client = createClient({ dialect: 'caesar', baseURL: server.baseURL, apiKey: 'csk-demo-key' });
    heading(`caesar — mock at ${server.baseURL}`);
    const stream = await client.chat.completions.create({
      model: 'caesar-research',
      messages: [{ role: 'user', content: 'What changed in solar output in 2025?' }],
      metadata: { reasoning_loops: 2, exclude_social: true },
      stream: true,
    });
    const answer = await printStream(stream);
    for (const citation of parseCitations(answer.choices[0]?.message.content ?? '')) {
      line(`[${citation.index}] ${citation.title} <${citation.url}>`);
    }
    const job = await client.research.create({ query: 'Solar output in 2025', reasoning_loops: 2 });
    const show = progress(`research ${job.id.slice(0, 8)}`);
    const research = await client.research.wait(job.id, {
      intervalMs: 150,
      onProgress: (j) => show(String(j.status)),
    });
    endProgress();
    line(
      `${research.content?.split('\n')[0]} — ${research.results?.length ?? 0} sources, ${research.reasoning_loops_consumed} loops`,
    );
  } finally {
    await server.close();
  }
}
