import { isoTime, mockUuid } from '../ids.js';
import type { MockDialectContext } from '../mock-dialect.js';
import type { RecordedRequest } from '../recorded-request.js';
import type { Reply } from '../reply.js';

interface Session {
  readonly id: string;
  readonly query: string;
  status: 'ready' | 'used';
  readonly created_at: string;
  readonly questions: ReadonlyArray<{
    id: string;
    question: string;
    options: Array<{ key: string; text: string }>;
  }>;
}

/**
 * `POST /research/brainstorm {query}`: clarifying questions for a research query, in a session
 * that one `POST /research` with `brainstorm_session_id` and `answers` uses up (shared/vendors/caesar.md §6).
 */
export class CaesarBrainstorm {
  readonly #sessions = new Map<string, Session>();

  create(request: RecordedRequest, context: MockDialectContext): Reply {
    const query = (request.json as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string' || query === '') {
      return { error: 400, message: 'Body is missing required field "query"' };
    }
    const session: Session = {
      id: mockUuid(0xb0000 + context.nextId()),
      query,
      status: 'ready',
      created_at: isoTime(),
      questions: [
        {
          id: 'q1',
          question: `Which aspect of "${query}" matters most?`,
          options: [
            { key: '0', text: 'Costs' },
            { key: '1', text: 'Risks' },
          ],
        },
        { id: 'q2', question: 'Which period?', options: [{ key: '0', text: 'The last five years' }] },
      ],
    };
    this.#sessions.set(session.id, session);
    return { json: session };
  }

  /** Checks and uses up a session named by a research request; a string is the 400 message. */
  use(sessionId: unknown, answers: unknown): string | undefined {
    const session = typeof sessionId === 'string' ? this.#sessions.get(sessionId) : undefined;
    if (session === undefined) return `Brainstorm session not found: ${String(sessionId)}`;
    if (session.status === 'used') return 'Brainstorm session has already been used';
    for (const answer of Array.isArray(answers) ? answers : []) {
      const { question_id, selected_option, custom_text } = (answer ?? {}) as Record<string, unknown>;
      const question = session.questions.find((q) => q.id === question_id);
      if (question === undefined) return `Unknown question_id: ${String(question_id)}`;
      if (typeof custom_text === 'string' && custom_text !== '') continue;
      if (
        !(Number.isInteger(selected_option) && (selected_option as number) >= 0) ||
        (selected_option as number) >= question.options.length
      ) {
        return `Answer to ${question.id} needs selected_option (0-${question.options.length - 1}) or custom_text`;
      }
    }
    session.status = 'used';
    return undefined;
  }

  reset(): void {
    this.#sessions.clear();
  }
}
