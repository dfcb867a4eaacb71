import type { ChatCompletion, ChatCompletionChunk, Usage } from '../schema/chat-completion.js';
import type { ChatMessage, FunctionTool } from '../schema/chat-params.js';
import type { ParsedChatCompletion } from './response-format.js';
import type { Tool } from './tool-definition.js';

/** The loop's own fields of `chat.completions.runTools` (they are not sent). */
export interface RunToolsOptions {
  /** Tools from `tool()`; a plain definition (or one without `execute`) is left for the caller to run. */
  tools: ReadonlyArray<Tool<any, any> | FunctionTool>;
  /** Requests to send at most (each one a step). @defaultValue 10 */
  maxSteps?: number | undefined;
  /** Aborts the request in flight and the tools running; the run rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Called (and awaited) after each step, once its tools have run. */
  onStep?: ((step: ToolStep) => void | Promise<void>) | undefined;
  /**
   * What a throwing `execute` does: `'report'` sends the error to the model as the tool's result
   * (it may retry or explain), `'throw'` aborts the run and rejects with that error.
   * @defaultValue `'report'`
   */
  toolErrors?: 'report' | 'throw' | undefined;
}

/** How one tool call went. */
export interface ToolResult {
  readonly toolCallId: string;
  readonly name: string;
  /**
   * `ok`: `execute` resolved; `error`: it threw; `invalid-arguments`: the arguments were not JSON
   * or failed the schema; `unknown-tool`: no tool has that name; `pending`: the tool has no
   * `execute`, so its result is the caller's to add.
   */
  readonly status: 'ok' | 'error' | 'invalid-arguments' | 'unknown-tool' | 'pending';
  /** The validated arguments (`undefined` when they were invalid or the tool unknown). */
  readonly args: unknown;
  /** What `execute` resolved with (`ok`) or threw (`error`). */
  readonly result?: unknown;
  readonly error?: unknown;
  /** The tool message content sent back to the model; absent for `pending`. */
  readonly content?: string;
}

/** One request of the loop and the tool calls it led to. */
export interface ToolStep {
  /** 0 for the first request. */
  readonly index: number;
  readonly completion: ChatCompletion;
  readonly toolResults: readonly ToolResult[];
}

/**
 * Why the loop ended: the model `answered` without calling a tool, `max-steps` requests were
 * sent (the last step's tool results are in `messages`, so `runTools` can go on from there), or a
 * called tool has no `execute` (`pending-tool-calls`: add its results and call `runTools` again).
 */
export type ToolRunStopReason = 'answered' | 'max-steps' | 'pending-tool-calls';

/** `runTools`' result: the last completion, plus the conversation it built and every step. */
export interface ToolRunResult<T = unknown, M = ChatMessage> extends ParsedChatCompletion<T> {
  /** The request's messages followed by every assistant message and tool result of the run. */
  messages: M[];
  steps: ToolStep[];
  stopReason: ToolRunStopReason;
  /** Token usage summed over every step (`null` when no step reported any). */
  totalUsage: Usage | null;
}

/** What a streamed run yields: each step's chunks, each tool result as it settles, each finished step. */
export type ToolRunEvent =
  | { readonly type: 'chunk'; readonly step: number; readonly chunk: ChatCompletionChunk }
  | { readonly type: 'tool-result'; readonly step: number; readonly result: ToolResult }
  | { readonly type: 'step'; readonly step: ToolStep };
