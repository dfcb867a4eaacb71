import type { ContentPart, RefusalPart, TextPart } from './content-parts.js';

// Request types: the union of every parameter documented by OpenAI and the four vendors. Dialects
// narrow it (see dialects/*). Hand-written rather than inferred so that they carry docs and stay
// closed (a typo is a compile error); `test/schema` checks they agree with the runtime schemas.

export interface SystemMessage {
  role: 'system' | 'developer';
  content: string | TextPart[];
  name?: string;
}
export interface UserMessage {
  role: 'user';
  content: string | ContentPart[];
  name?: string;
}
export interface AssistantMessage {
  role: 'assistant';
  content?: string | Array<TextPart | RefusalPart> | null;
  name?: string;
  refusal?: string | null;
  tool_calls?: ToolCallParam[];
  reasoning?: string;
  reasoning_content?: string;
  reasoning_details?: unknown[];
}
export interface ToolMessage {
  role: 'tool';
  content: string | TextPart[];
  tool_call_id: string;
  /** Bifrost: mark the tool result as an error. */
  is_error?: boolean;
}
export type ChatMessage = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

export interface ToolCallParam {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface FunctionTool {
  type: 'function';
  function: {
    name: string;
    description?: string;
    /** A JSON Schema object. */
    parameters?: Record<string, unknown>;
    strict?: boolean;
  };
}

export type ToolChoice =
  | 'none'
  | 'auto'
  | 'required'
  | 'any'
  | { type: 'function'; function: { name: string } }
  | { type: string; [key: string]: unknown };

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema';
      json_schema: { name: string; description?: string; schema?: Record<string, unknown>; strict?: boolean };
    };

export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';

/** Caesar's allowed range for `reasoning_loops`; a literal union so `20` is a compile-time error. */
export type ReasoningLoops = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** Caesar's research settings, sent as native JSON values in `metadata` on the compat endpoint. */
export interface CaesarResearchMetadata {
  /** Maximum reasoning loops, 1–10 (`compute_units` before API version 2025-11-27). */
  reasoning_loops?: ReasoningLoops;
  /**
   * @deprecated The name of `reasoning_loops` in API version 2025-08-08: only for a client made
   * with `caesar({ apiVersion: '2025-08-08' })` (refused under the current version).
   */
  compute_units?: ReasoningLoops;
  /** Seconds allowed per source fetch, 3–180. */
  source_timeout?: number;
  reasoning_mode?: boolean;
  allow_early_exit?: boolean;
  exclude_social?: boolean;
  excluded_domains?: string[];
  /** Let Caesar choose; overrides loops, timeout, mode, early exit and social settings. */
  auto?: boolean;
  system_prompt?: string;
  model?: string;
}

/** Parameters shared by every dialect. */
export interface BaseChatParams {
  model: string;
  messages: ChatMessage[];
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean; [key: string]: unknown } | null;
  temperature?: number | null;
  top_p?: number | null;
  max_tokens?: number | null;
  stop?: string | string[] | null;
}

/** The union of every documented chat parameter; what the `openai` dialect accepts. */
export interface ChatCompletionCreateParams extends BaseChatParams {
  max_completion_tokens?: number | null;
  n?: number | null;
  seed?: number | null;
  presence_penalty?: number | null;
  frequency_penalty?: number | null;
  logit_bias?: Record<string, number> | null;
  logprobs?: boolean | null;
  top_logprobs?: number | null;
  user?: string;
  tools?: FunctionTool[];
  tool_choice?: ToolChoice;
  parallel_tool_calls?: boolean;
  response_format?: ResponseFormat;
  reasoning_effort?: ReasoningEffort;
  /** Bifrost's structured form of reasoning controls. */
  reasoning?: {
    enabled?: boolean;
    effort?: ReasoningEffort;
    max_tokens?: number;
    display?: 'summarized' | 'omitted';
  };
  /** OpenAI: string tags. Caesar: research settings. */
  metadata?: Record<string, string> | CaesarResearchMetadata;
  modalities?: string[];
  audio?: { format?: string; voice?: string };
  prediction?: { type: 'content'; content: string | TextPart[] };
  service_tier?: string;
  store?: boolean;
  verbosity?: 'low' | 'medium' | 'high';
  prompt_cache_key?: string;
  safety_identifier?: string;
  web_search_options?: Record<string, unknown>;
  /** Bifrost: `provider/model` strings tried in order when the primary fails. */
  fallbacks?: string[];
  /** inTandem, Bifrost: queue the request and return a `Run` to poll. */
  async?: boolean;
  /** Morpheus: legacy session id, accepted for parity but no longer used for routing. @deprecated */
  session_id?: string;
  /** Bifrost (`/openai` route): provider-specific parameters forwarded with `x-bf-passthrough-extra-params`. */
  extra_params?: Record<string, unknown>;
}
