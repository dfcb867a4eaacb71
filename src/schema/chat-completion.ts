// Response types: OpenAI's shape, plus the vendor extras that survive normalisation (all optional).

export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface ReasoningDetail {
  type: string;
  id?: string;
  index?: number;
  text?: string;
  summary?: string;
  signature?: string;
  data?: string;
  [key: string]: unknown;
}

export interface ChatCompletionMessage {
  role: 'assistant';
  content: string | null;
  refusal?: string | null;
  tool_calls?: ToolCall[];
  /** Reasoning text, as OpenRouter/Bifrost send it. */
  reasoning?: string;
  /** Reasoning text, as DeepSeek-style servers send it. */
  reasoning_content?: string;
  reasoning_details?: ReasoningDetail[];
  annotations?: unknown[];
  /** Set by `chat.completions.parse()` / structured streams: the validated answer. */
  parsed?: unknown;
  [key: string]: unknown;
}

export type FinishReason =
  | 'stop'
  | 'length'
  | 'tool_calls'
  | 'content_filter'
  | 'function_call'
  | (string & {});

export interface Logprobs {
  content?: unknown[] | null;
  refusal?: unknown[] | null;
}

export interface ChatCompletionChoice {
  index: number;
  message: ChatCompletionMessage;
  finish_reason: FinishReason | null;
  logprobs?: Logprobs | null;
}

/** Bifrost's cost: a number (the total), or the flat (2025) or nested (2026) object. */
export type UsageCost = number | ({ total_cost?: number } & Record<string, unknown>);

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: Record<string, unknown>;
  completion_tokens_details?: Record<string, unknown>;
  /** Bifrost / gateway cost reporting. */
  cost?: UsageCost;
  [key: string]: unknown;
}

/** Bifrost's `extra_fields`, both generations (2025: `model_requested`; 2026: `routing_info`). */
export interface BifrostExtraFields {
  request_type?: string;
  provider?: string;
  model_requested?: string;
  model_deployment?: string;
  original_model_requested?: string;
  resolved_model_used?: string;
  routing_info?: Record<string, unknown>;
  latency?: number;
  chunk_index?: number;
  raw_request?: unknown;
  raw_response?: unknown;
  cache_debug?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: ChatCompletionChoice[];
  usage?: Usage | null;
  system_fingerprint?: string | null;
  service_tier?: string | null;
  extra_fields?: BifrostExtraFields;
  citations?: string[];
  search_results?: Array<{ title?: string; url: string; [key: string]: unknown }>;
  videos?: Array<{ url: string; [key: string]: unknown }>;
  [key: string]: unknown;
}

export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
}

export interface ChatCompletionChunkChoice {
  index: number;
  delta: {
    role?: 'assistant';
    content?: string | null;
    refusal?: string | null;
    reasoning?: string | null;
    reasoning_content?: string | null;
    reasoning_details?: ReasoningDetail[];
    tool_calls?: ToolCallDelta[];
    [key: string]: unknown;
  };
  finish_reason: FinishReason | null;
  logprobs?: Logprobs | null;
}

export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: ChatCompletionChunkChoice[];
  usage?: Usage | null;
  system_fingerprint?: string | null;
  extra_fields?: BifrostExtraFields;
  [key: string]: unknown;
}
