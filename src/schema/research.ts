// Caesar's native research API (version 2025-11-27), in the vendor's own snake_case shapes.

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

export interface ResearchCreateParams {
  query: string;
  /** Ids of uploaded files. */
  files?: string[];
  /** Every file in these collections is used too. */
  collection_ids?: string[];
  reasoning_loops?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
  /** Seconds per source fetch, 3–180. */
  source_timeout?: number;
  reasoning_mode?: boolean;
  allow_early_exit?: boolean;
  exclude_social?: boolean;
  excluded_domains?: string[];
  /** Overrides loops, timeout, mode, early exit and social settings. */
  auto?: boolean;
  system_prompt?: string;
  model?: string;
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
