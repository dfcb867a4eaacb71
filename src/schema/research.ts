// Caesar's native research API (version 2025-11-27), in the vendor's own snake_case shapes.
import type { CaesarResearchMetadata } from './chat-params.js';

/** The 7 documented statuses; only `completed` and `failed` are terminal. Unknown values are kept. */
export type ResearchStatus =
  | 'queued'
  | 'searching'
  | 'researching'
  | 'analyzing'
  | 'summarizing'
  | 'completed'
  | 'failed'
  | (string & {});

/** The body of `POST /research`: the query, its sources, and the same settings as the compat `metadata`. */
export interface ResearchCreateParams extends CaesarResearchMetadata {
  query: string;
  /** Ids of uploaded files. */
  files?: string[];
  /** Every file in these collections is used too. */
  collection_ids?: string[];
  /** From `research.brainstorm()`; a session can be used once. */
  brainstorm_session_id?: string;
  answers?: BrainstormAnswer[];
}

export interface BrainstormAnswer {
  question_id: string;
  /** 0-based index into the question's options. */
  selected_option?: number;
  /** Overrides `selected_option`. */
  custom_text?: string;
}

export interface ResearchResult {
  id: string;
  title: string;
  url: string;
  /** The `[n]` this source is cited as in `content`; absent for sources not cited. */
  citation_index?: number | null;
  [key: string]: unknown;
}

export interface ResearchObject {
  id: string;
  status: ResearchStatus;
  created_at?: string;
  query?: string;
  /** Null until the job completes; inline `[n]` citations map to `results[].citation_index`. */
  content: string | null;
  transformed_content?: string | null;
  reasoning_loops_consumed?: number;
  /** Seconds. */
  running_time?: number;
  results?: ResearchResult[];
  [key: string]: unknown;
}

export interface ResearchEvent {
  message: string;
  created_at: string;
}

export interface BrainstormSession {
  id: string;
  query: string;
  status: 'ready' | 'used' | (string & {});
  created_at?: string;
  questions: Array<{ id: string; question: string; options: Array<{ key: string; text: string }> }>;
}

export interface ResearchChatMessage {
  id: string;
  role?: string;
  content: string | null;
  status: 'processing' | 'completed' | 'failed' | (string & {});
  results?: ResearchResult[] | null;
  error_message?: string | null;
  [key: string]: unknown;
}
