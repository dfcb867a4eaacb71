import type { MockDialect } from '../mock-dialect.js';
import type { RecordedRequest } from '../recorded-request.js';
import type { ErrorReply, Reply } from '../reply.js';
import { matchPath, routeTarget } from '../route-match.js';
import { CaesarBrainstorm } from './caesar-brainstorm.js';
import { caesarChat } from './caesar-chat.js';
import { CaesarCollections } from './caesar-collections.js';
import { type CaesarReference, defaultCaesarReferences } from './caesar-content.js';
import { type CaesarErrorShape, caesarErrorBody } from './caesar-errors.js';
import { CaesarFiles, type CaesarUploadShape } from './caesar-files.js';
import { CaesarResearch, type CaesarResearchStatus, loopsOf } from './caesar-research.js';
import { type CaesarChatStreamShape, CaesarResearchChat } from './caesar-research-chat.js';

/** Knobs of {@link caesarMockDialect}. */
export interface CaesarMockOptions {
  /**
   * Answer 400 when `/compat/chat/completions` comes without `API-Version`: a check that a client
   * sends it. Caesar itself answers with the version pinned to the key. @defaultValue false
   */
  requireApiVersion?: boolean;
  /** `'string'`: `{ error: "…" }` (documented); `'nested'`: `{ error: { code, message } }`. @defaultValue `'string'` */
  errorShape?: CaesarErrorShape;
  /** Sources cited by chat answers and research results. @defaultValue two `example.com` sources */
  references?: readonly CaesarReference[];
  /** `'reference'`: `{ id, file_name, content_type, collection_id }`; `'guide'`: `{ id, filename, size, created_at }`. @defaultValue `'reference'` */
  uploadShape?: CaesarUploadShape;
  /** Research statuses shown by create and each poll. @defaultValue queued, searching, researching, analyzing, summarizing, completed */
  researchSteps?: readonly CaesarResearchStatus[];
  /** End research jobs in `failed`. @defaultValue false */
  failResearch?: boolean;
  /** Fields added to a failed research object (none are documented). @defaultValue `{}` */
  failedResearchFields?: Record<string, unknown>;
  /**
   * Unfinished research jobs allowed at once; beyond it `POST /research` and compat chat answer
   * 429. @defaultValue 5 (Caesar's limit)
   */
  maxConcurrentResearch?: number;
  /**
   * Reasoning loops a month (completed jobs' `reasoning_loops_consumed`, and each compat chat's
   * `metadata.reasoning_loops`); once used up, research and compat chat answer 429, which no retry
   * clears. @defaultValue no budget (Caesar's is 200)
   */
  monthlyReasoningLoops?: number;
  /** How research chat answers stream (both are documented). @defaultValue `'chunk'` */
  researchChatStream?: CaesarChatStreamShape;
  /** Polls of a research chat message answered 202 before it completes. @defaultValue 1 */
  researchChatProcessingPolls?: number;
}

const defaultSteps: readonly CaesarResearchStatus[] = [
  'queued',
  'searching',
  'researching',
  'analyzing',
  'summarizing',
  'completed',
];

/**
 * A fresh mock Caesar (baseURL = server URL): compat chat with citations in the content and zero
 * usage, multipart file uploads recorded in `server.uploads`, collections, and research jobs that
 * advance one status per `GET /research/{id}`. Errors are `{ error: "…" }`.
 *
 * @example
 * const server = await createMockServer({ dialect: caesarMockDialect({ researchSteps: ['queued', 'completed'] }) });
 * const job = await (await fetch(`${server.url}/research`, { method: 'POST', body: '{"query":"q"}' })).json();
 */
export const caesarMockDialect = (options: CaesarMockOptions = {}): MockDialect => {
  const references = options.references ?? defaultCaesarReferences;
  const files = new CaesarFiles(options.uploadShape ?? 'reference');
  const fileExists = (id: string) => files.has(id);
  const collections = new CaesarCollections();
  const brainstorm = new CaesarBrainstorm();
  const research = new CaesarResearch({
    steps: options.researchSteps ?? defaultSteps,
    fail: options.failResearch ?? false,
    failedFields: options.failedResearchFields ?? {},
    limited: () => limited(),
    references,
    fileExists,
    useBrainstorm: (session, answers) => brainstorm.use(session, answers),
  });
  const researchChat = new CaesarResearchChat(
    (id) => research.peek(id) as { status: unknown; results: unknown } | undefined,
    options.researchChatStream ?? 'chunk',
    options.researchChatProcessingPolls ?? 1,
  );
  const chat = { requireApiVersion: options.requireApiVersion ?? false, references, fileExists };
  // Caesar's account limits cover research jobs and compat chat alike (shared/vendors/caesar.md §8).
  let compatLoops = 0;
  const limited = (): ErrorReply | undefined => {
    const budget = options.monthlyReasoningLoops;
    const overBudget = budget !== undefined && research.loopsConsumed() + compatLoops >= budget;
    if (!overBudget && research.running() < (options.maxConcurrentResearch ?? 5)) return undefined;
    return { error: 429, message: 'Too many requests - rate limit exceeded.' };
  };

  return {
    name: 'caesar',
    basePath: '',
    defaultBaseURL: 'https://api.caesar.xyz',
    errorBody: caesarErrorBody(options.errorShape ?? 'string'),
    isAuthorized: (request, apiKey) => request.headers.authorization === `Bearer ${apiKey}`,
    unauthorized: (request) => ({
      error: 401,
      message: request.headers.authorization ? 'Invalid API key' : 'Missing API key',
    }),
    handle: (request, context): Reply | undefined => {
      const { method, pathname, query } = routeTarget(request);
      const route = `${method} ${pathname}`;
      if (route === 'POST /compat/chat/completions') {
        const refused = limited();
        if (refused) return refused;
        const reply = caesarChat(request, context, chat);
        if (!('error' in reply)) compatLoops += loopsOf(researchSettings(request));
        return reply;
      }
      if (route === 'POST /research/files') return files.upload(request, context);
      if (route === 'GET /research/files') return files.list(query);
      if (route === 'POST /research/collections') return collections.create(request, context);
      if (route === 'GET /research/collections') return collections.list(query);
      const collection = matchPath('/research/collections/{id}', pathname)?.id;
      if (collection !== undefined && method === 'GET') return collections.retrieve(collection);
      if (collection !== undefined && method === 'PATCH') return collections.update(collection, request);
      if (route === 'POST /research/brainstorm') return brainstorm.create(request, context);
      if (route === 'POST /research') return research.create(request, context);
      if (route === 'GET /research') return research.list(query);
      const answer = matchPath('/research/{id}/chat/{message}/stream', pathname);
      if (answer !== undefined && method === 'GET') return researchChat.stream(answer.id!, answer.message!);
      const message = matchPath('/research/{id}/chat/{message}', pathname);
      if (message !== undefined && method === 'GET')
        return researchChat.retrieve(message.id!, message.message!);
      const thread = matchPath('/research/{id}/chat', pathname)?.id;
      if (thread !== undefined && method === 'POST') return researchChat.send(thread, request, context);
      if (thread !== undefined && method === 'GET') return researchChat.list(thread);
      const events = matchPath('/research/{id}/events', pathname)?.id;
      if (events !== undefined && method === 'GET') return research.events(events);
      const job = matchPath('/research/{id}', pathname)?.id;
      if (job !== undefined && method === 'GET') return research.retrieve(job);
      return undefined;
    },
    reset: () => {
      compatLoops = 0;
      files.reset();
      collections.reset();
      research.reset();
      brainstorm.reset();
      researchChat.reset();
    },
  };
};

/** A compat chat's research settings (its `metadata`). */
const researchSettings = (request: RecordedRequest): Record<string, unknown> | undefined =>
  (request.json as { metadata?: Record<string, unknown> } | undefined)?.metadata;
