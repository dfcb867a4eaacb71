import type { AnyDialect } from '../dialects/dialect.js';
import { StreamError } from '../errors/request-errors.js';
import { isErrorFrame } from '../streaming/error-frame.js';
import { readBodyText } from '../transport/read-body.js';

type Json = Record<string, unknown>;

/**
 * A server that answers a stream request with JSON (it ignored `stream: true`, or a gateway
 * reported an error with status 200) gets the same treatment as SSE: the body is re-expressed as
 * the event stream it stands for — an error frame, or the completion as one chunk and `[DONE]` —
 * so one reader applies the same rules to both.
 */
export async function jsonAsEventStream(
  response: Response,
  dialect: AnyDialect,
  maxBytes: number,
): Promise<ReadableStream<Uint8Array>> {
  const text = await readBodyText(response, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new StreamError(
      'The server answered the stream request with a JSON content type but a body that is not JSON.',
      {
        cause,
      },
    );
  }
  return new Response(eventsFor(body, dialect)).body!;
}

function eventsFor(body: unknown, dialect: AnyDialect): string {
  // An error first: a dialect's unwrapper may throw on its own error envelope (inTandem's
  // `success: false`) and lose the vendor's code; the frame keeps it, as in a real stream.
  if (typeof body === 'object' && body !== null && isErrorFrame(body as Json)) return errorEvent(body);
  const completion = dialect.unwrapCompletion(body) as Json | undefined;
  if (typeof completion === 'object' && completion !== null && Array.isArray(completion.choices)) {
    return `data: ${JSON.stringify(asChunk(completion))}\n\ndata: [DONE]\n\n`;
  }
  if (typeof body === 'object' && body !== null) {
    // An error object (or anything else without choices): let the reader judge it as a frame.
    return errorEvent(body);
  }
  throw new StreamError(
    'The server answered the stream request with JSON that is neither a completion nor an error.',
  );
}

function errorEvent(body: unknown): string {
  return `event: error\ndata: ${JSON.stringify(body)}\n\n`;
}

function asChunk(completion: Json): Json {
  const choices = (completion.choices as unknown[]).map((choice) => {
    if (typeof choice !== 'object' || choice === null) return choice;
    const { message, ...rest } = choice as Json;
    return { ...rest, delta: typeof message === 'object' && message !== null ? message : {} };
  });
  return { ...completion, object: 'chat.completion.chunk', choices };
}
