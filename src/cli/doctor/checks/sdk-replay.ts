import { ChatwireError } from '../../../index.js';
import { createAnyClient } from '../../any-client.js';
import { type CheckResult, check } from '../check-result.js';
import type { DoctorContext } from '../doctor-context.js';
import type { Exchange, NoAnswer } from '../exchange.js';
import { excerpt } from '../json-tools.js';

// Transfer framing belongs to the original connection, not to the replayed body.
const HOP_HEADERS = ['content-length', 'content-encoding', 'transfer-encoding', 'connection'];

/** A fetch that answers with the bytes the doctor already received: no second request. */
const replayFetch = (answer: Exchange): typeof fetch => {
  const headers = new Headers(answer.headers);
  for (const name of HOP_HEADERS) headers.delete(name);
  return async () => new Response(answer.bytes.slice(), { status: answer.status, headers });
};

const clientFor = (answer: Exchange, context: DoctorContext) =>
  createAnyClient({
    dialect: context.endpoint.dialect,
    baseURL: context.endpoint.baseURL,
    apiKey: context.endpoint.apiKey ?? 'chatwire-doctor-replay',
    fetch: replayFetch(answer),
    maxRetries: 0,
  });

const failure = (error: unknown) =>
  ChatwireError.is(error) ? `${error.name}: ${excerpt(error.message, 80)}` : String(error);

const params = (context: DoctorContext) => ({
  model: context.endpoint.model,
  messages: [{ role: 'user' as const, content: 'replay' }],
});

/** `sdk.json` / `sdk.stream`: chatwire itself reads the recorded answer with this dialect. */
export const sdkReplayCheck = async (
  kind: 'json' | 'stream',
  answer: Exchange | NoAnswer,
  context: DoctorContext,
): Promise<CheckResult> => {
  const id = `sdk.${kind}`;
  const expected = kind === 'json' ? 'chatwire parses the answer' : 'chatwire reads the stream to its end';
  if (!answer.ok || answer.status !== 200) return check(id, 'skip', expected, 'no 200 answer to replay');
  try {
    const client = clientFor(answer, context);
    const completion =
      kind === 'json'
        ? await client.chat.completions.create({ ...params(context), stream: false })
        : await (
            await client.chat.completions.create({ ...params(context), stream: true })
          ).finalCompletion();
    const choice = completion.choices[0];
    const text = JSON.stringify(excerpt(choice?.message.content ?? '', 30));
    return check(id, 'pass', expected, `${text}, finish ${choice?.finish_reason ?? '—'}`);
  } catch (error) {
    return check(id, 'fail', expected, failure(error));
  }
};
