import { createClient, filePart, parseCitations } from '../../src/index.js';
import { caesarMockDialect, createMockServer } from '../../src/testing/index.js';
import { endProgress, heading, line, printStream, progress } from './print.js';

/** Caesar: a streamed answer with parsed citations, a document uploaded and asked about, a research job. */
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
    const report = new Blob(['Q3 revenue rose 12 %. Churn fell to 2.1 %. Solar capacity doubled.'], {
      type: 'text/plain',
    });
    const file = await client.files.upload(report, { filename: 'Q3 résumé.txt' });
    line(`uploaded "${file.filename}" as ${file.id}`);
    const summary = await client.chat.completions.create({
      model: 'caesar-research',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Summarise the attached report' }, filePart(file)] },
      ],
    });
    line(summary.choices[0]?.message.content?.split('\n')[0] ?? '');
    const job = await client.research.create({
      query: 'Solar output in 2025',
      reasoning_loops: 2,
      files: [file.id],
    });
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
