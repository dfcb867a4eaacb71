import { createClient, readBifrostHeaders } from '../../src/index.js';
import { bifrostMockDialect, createMockServer } from '../../src/testing/index.js';
import { endProgress, heading, line, printStream, progress } from './print.js';

/** Bifrost: a fallback that answered, with its extra_fields and headers, then an async job. */
export async function bifrostTour() {
  const server = await createMockServer({ dialect: bifrostMockDialect({ failPrimary: true }) });
  try {
    const client = createClient({ dialect: 'bifrost', baseURL: server.baseURL, apiKey: 'sk-bf-demo-key' });
    heading(`bifrost — mock at ${server.baseURL}`);
    const { data, response } = await client.chat.completions
      .create(
        {
          model: 'openai/gpt-4o-mini',
          messages: [{ role: 'user', content: 'Hello via a fallback' }],
          fallbacks: ['anthropic/claude-3-5-sonnet'],
        },
        { bifrost: { cacheKey: 'demo', cacheTtl: '5m' } },
      )
      .withResponse();
    const headers = readBifrostHeaders(response.headers);
    line(`${data.choices[0]?.message.content}`);
    line(
      `answered by fallback #${headers.fallbackIndex} (${headers.provider}); routing_info ${JSON.stringify(data.extra_fields?.routing_info)}`,
    );
    const stream = await client.chat.completions.create({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Stream through the gateway' }],
      fallbacks: ['anthropic/claude-3-5-sonnet'],
      stream: true,
    });
    const final = await printStream(stream);
    line(
      `usage on the last chunk: ${final.usage?.total_tokens} tokens, cost ${JSON.stringify(final.usage?.cost)}`,
    );
    const job = await client.chat.completions.create(
      {
        model: 'openai/gpt-4o-mini',
        messages: [{ role: 'user', content: 'A slow question' }],
        fallbacks: ['anthropic/claude-3-5-sonnet'],
        async: true,
      },
      { bifrost: { asyncResultTtl: 600 } },
    );
    const show = progress(`job ${job.id.slice(0, 8)}`);
    const result = await client.runs.wait(job, {
      intervalMs: 150,
      onProgress: (run) => show(run.vendorStatus),
    });
    endProgress();
    line(`job answer: ${result.choices[0]?.message.content}`);
  } finally {
    await server.close();
  }
}
