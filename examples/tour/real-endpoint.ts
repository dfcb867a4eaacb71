import { APIError, createClient, type DialectName } from '../../src/index.js';
import { heading, line, printStream } from './print.js';

/** One JSON and one streamed exchange with a real endpoint configured through the environment. */
export async function realEndpoint(dialect: string, model = 'gpt-4o-mini') {
  // Typed as the openai union: the model and messages below suit every dialect's parameters.
  const client = createClient({ dialect: dialect as DialectName as 'openai', timeout: 120_000 });
  heading(`${dialect} — ${client.baseURL}`);
  const messages = [{ role: 'user' as const, content: 'Say hello in five words.' }];
  try {
    const { data, requestId } = await client.chat.completions.create({ model, messages }).withResponse();
    line(`JSON (request ${requestId ?? 'n/a'}): ${data.choices[0]?.message.content}`);
    const stream = await client.chat.completions.create({ model, messages, stream: true });
    const final = await printStream(stream);
    line(`finish_reason ${final.choices[0]?.finish_reason}, usage ${JSON.stringify(final.usage)}`);
  } catch (error) {
    line(error instanceof APIError ? `${error.name}: ${error.message}` : String(error));
    process.exitCode = 1;
  }
}
