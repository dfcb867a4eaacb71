import { chunk } from '../chunk.js';
import { isoTime, mockUuid } from '../ids.js';
import type { MockDialectContext } from '../mock-dialect.js';
import type { RecordedRequest } from '../recorded-request.js';
import type { Reply } from '../reply.js';
import { StepJob } from '../step-job.js';
import { notFound } from './caesar-errors.js';

/**
 * How the answer streams: `'chunk'` — `chat.completion.chunk` payloads, the last with `results`
 * (the chat guide); `'pieces'` — bare `{id, content, citationIndices}` (the API reference).
 */
export type CaesarChatStreamShape = 'chunk' | 'pieces';

type Result = { id: string; title: string; url: string; citation_index: number };

/** What the research chat needs of a job: its status and its sources, without advancing it. */
export type PeekJob = (id: string) => { status: unknown; results: unknown } | undefined;

interface Message {
  readonly id: string;
  readonly created_at: string;
  readonly snippets: unknown[];
  readonly answer: string;
  readonly results: Result[];
  readonly progress: StepJob<'processing' | 'completed'>;
}

/**
 * Follow-up questions on a finished research job (shared/vendors/caesar.md §5): `POST` answers
 * with the message `processing`; `GET …/chat/{mid}` says 202 for `processingPolls` polls, then 200
 * with the answer and the sources it cites; `…/stream` streams it; `GET …/chat` lists them.
 */
export class CaesarResearchChat {
  readonly #messages = new Map<string, Map<string, Message>>();

  constructor(
    private readonly peek: PeekJob,
    private readonly shape: CaesarChatStreamShape,
    private readonly processingPolls: number,
  ) {}

  send(researchId: string, request: RecordedRequest, context: MockDialectContext): Reply {
    const job = this.peek(researchId);
    if (job === undefined) return notFound;
    if (job.status !== 'completed') return { error: 400, message: 'Research is not completed yet' };
    const body = (request.json ?? {}) as Record<string, unknown>;
    if (typeof body.content !== 'string' || body.content === '') {
      return { error: 400, message: 'Body is missing required field "content"' };
    }
    const cited = (Array.isArray(job.results) ? (job.results as Result[]) : []).slice(0, 1);
    const message: Message = {
      id: mockUuid(0xd0000 + context.nextId()),
      created_at: isoTime(),
      snippets: Array.isArray(body.snippets) ? body.snippets : [],
      answer: `Echo: ${body.content}${cited.length > 0 ? ' [1]' : ''}`,
      results: cited,
      progress: new StepJob([...Array(this.processingPolls + 1).fill('processing'), 'completed']),
    };
    const thread = this.#messages.get(researchId) ?? new Map<string, Message>();
    this.#messages.set(researchId, thread.set(message.id, message));
    return { json: { ...this.#record(message), status: 'processing', content: null, results: null } };
  }

  /** `GET …/chat/{mid}`: 202 while processing (one step per poll), then 200. */
  retrieve(researchId: string, messageId: string): Reply {
    const message = this.#messages.get(researchId)?.get(messageId);
    if (message === undefined) return notFound;
    message.progress.poll();
    if (message.progress.status === 'processing') {
      return { status: 202, json: { status: 'processing', content: null, results: null } };
    }
    return { json: { status: 'completed', content: message.answer, results: message.results } };
  }

  stream(researchId: string, messageId: string): Reply {
    const message = this.#messages.get(researchId)?.get(messageId);
    if (message === undefined) return notFound;
    const words = message.answer.split(/(?<= )/);
    if (this.shape === 'pieces') {
      const indices = message.results.map((result) => result.citation_index);
      return {
        sse: words.map((content, i) => ({
          id: message.id,
          content,
          ...(i === words.length - 1 && indices.length > 0 ? { citationIndices: indices } : {}),
        })),
      };
    }
    const id = `chatcmpl-${message.id}`;
    return {
      sse: [
        ...words.map((content) => chunk({ id, model: 'caesar-research', content })),
        { ...chunk({ id, model: 'caesar-research', finishReason: 'stop' }), results: message.results },
      ],
    };
  }

  /** `GET /research/{id}/chat`: `{data}`, newest first, each as it stands. */
  list(researchId: string): Reply {
    if (this.peek(researchId) === undefined) return notFound;
    const thread = [...(this.#messages.get(researchId)?.values() ?? [])].reverse();
    return {
      json: {
        data: thread.map((message) => {
          const done = message.progress.status === 'completed';
          return {
            ...this.#record(message),
            status: message.progress.status,
            content: done ? message.answer : null,
            results: done ? message.results : null,
          };
        }),
      },
    };
  }

  reset(): void {
    this.#messages.clear();
  }

  #record(message: Message): Record<string, unknown> {
    return {
      id: message.id,
      role: 'assistant',
      snippets: message.snippets,
      created_at: message.created_at,
      updated_at: message.created_at,
      account_id: null,
      ask_id: null,
      error_message: null,
    };
  }
}
