import type { MockDialectContext } from './mock-dialect.js';
import type { RecordedRequest } from './recorded-request.js';
import type { ErrorReply } from './reply.js';
import { countWords } from './usage.js';

/** A chat request body as the echo reads it. */
export interface ChatBody extends Record<string, unknown> {
  messages: unknown[];
}

/**
 * The facts every vendor's default answer is built from, deterministic from the request: the
 * last user text, the answer (`Echo: <text>` unless the vendor composes another), its
 * word-sized stream pieces and word-count usage.
 */
export interface ChatEcho {
  readonly body: ChatBody;
  /** This answer's number on the server (1, 2, 3…). */
  readonly n: number;
  /** `chatcmpl-mock-<n>` */
  readonly id: string;
  /** The request's model, else the server's default. */
  readonly model: string;
  /** Unix seconds now. */
  readonly created: number;
  /** The last user message's text. */
  readonly query: string;
  readonly content: string;
  /** `content` split after each run of whitespace, one per content delta. */
  readonly pieces: readonly string[];
  readonly usage: { prompt_tokens: number; completion_tokens: number };
}

/**
 * Reads a chat request into a {@link ChatEcho}, or returns a 400 `{ error }` reply (in the
 * dialect's error shape) when `messages` is missing or empty.
 */
export const readChat = (
  request: RecordedRequest,
  context: MockDialectContext,
  compose: (query: string) => string = (query) => `Echo: ${query}`,
): ChatEcho | ErrorReply => {
  const body = request.json as Partial<ChatBody> | undefined;
  if (!body || !Array.isArray(body.messages) || body.messages.length === 0) {
    return { error: 400, message: "'messages' must be a non-empty array." };
  }
  const n = context.nextId();
  const query = lastUserText(body.messages);
  const content = compose(query);
  return {
    body: body as ChatBody,
    n,
    id: `chatcmpl-mock-${n}`,
    model: typeof body.model === 'string' ? body.model : context.model,
    created: Math.floor(Date.now() / 1000),
    query,
    content,
    pieces: splitWords(content),
    usage: {
      prompt_tokens: countWords(body.messages.map(messageText).join(' ')),
      completion_tokens: countWords(content),
    },
  };
};

/** Word-sized pieces whose concatenation is `text` (from its first non-space character). */
export const splitWords = (text: string): string[] => text.match(/\S+\s*/g) ?? [];

const lastUserText = (messages: readonly unknown[]): string => {
  const user = [...messages]
    .reverse()
    .find((message) => (message as { role?: unknown } | null)?.role === 'user');
  return user === undefined ? '' : messageText(user);
};

/** A message's text: string content, or its `text` parts joined by spaces. */
export const messageText = (message: unknown): string => {
  const content = (message as { content?: unknown } | null)?.content;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (part as { text?: unknown } | null)?.text)
    .filter((text): text is string => typeof text === 'string')
    .join(' ');
};
