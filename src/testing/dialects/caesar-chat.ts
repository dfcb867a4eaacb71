import { readChat } from '../chat-echo.js';
import { chunk } from '../chunk.js';
import { completion } from '../completion.js';
import type { MockDialectContext } from '../mock-dialect.js';
import type { RecordedRequest } from '../recorded-request.js';
import type { ErrorReply, Reply } from '../reply.js';
import { type CaesarReference, compatContent } from './caesar-content.js';

/** The API versions Caesar documents. */
const knownVersions = ['2025-11-27', '2025-08-08'];

/** What the compat chat needs from the rest of the mock Caesar. */
export interface CaesarChatOptions {
  readonly requireApiVersion: boolean;
  readonly references: readonly CaesarReference[];
  readonly fileExists: (id: string) => boolean;
}

/**
 * `POST /compat/chat/completions`: one choice whose content carries the References section,
 * `usage` all zeros (Caesar bills per research), streamed as OpenAI chunks ending in `[DONE]`.
 */
export const caesarChat = (
  request: RecordedRequest,
  context: MockDialectContext,
  options: CaesarChatOptions,
): Reply => {
  const version = request.headers['api-version'];
  if (options.requireApiVersion && version === undefined) {
    return { error: 400, message: 'Missing required header "API-Version" (e.g. 2025-11-27)' };
  }
  if (version !== undefined && !knownVersions.includes(version)) {
    return { error: 400, message: `Unsupported API-Version "${version}"` };
  }
  const files = readFileParts(request.json, options.fileExists);
  if (!Array.isArray(files)) return files;
  const echo = readChat(request, context, (query) => compatContent(query, files, options.references));
  if ('error' in echo) return echo;

  const { id, model, created, content, body } = echo;
  const usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  if (body.stream !== true) return { json: completion({ id, model, created, content, usage }) };
  const includeUsage =
    (body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
  const common = { id, model, created };
  return {
    sse: [
      chunk({ ...common, role: 'assistant', content: '' }),
      ...echo.pieces.map((piece) => chunk({ ...common, content: piece })),
      chunk({ ...common, finishReason: 'stop' }),
      ...(includeUsage ? [chunk({ ...common, usage })] : []),
    ],
  };
};

/**
 * The filenames of the request's `{ type: 'file', file: { filename, fileData } }` parts, or a 400
 * when a part has no camelCase `fileData` or names a file this server never issued.
 */
const readFileParts = (json: unknown, fileExists: (id: string) => boolean): string[] | ErrorReply => {
  const messages = (json as { messages?: unknown } | undefined)?.messages;
  const names: string[] = [];
  for (const message of Array.isArray(messages) ? messages : []) {
    const content = (message as { content?: unknown } | null)?.content;
    for (const part of Array.isArray(content) ? content : []) {
      if ((part as { type?: unknown } | null)?.type !== 'file') continue;
      const file = (part as { file?: { filename?: unknown; fileData?: unknown } }).file;
      const id = file?.fileData;
      if (typeof id !== 'string') {
        return { error: 400, message: 'file.fileData must be the id of an uploaded file' };
      }
      if (!fileExists(id)) return { error: 400, message: `File not found: ${id}` };
      names.push(typeof file?.filename === 'string' ? file.filename : id);
    }
  }
  return names;
};
