import type { Issue } from '../errors/request-errors.js';
import type { ChatCompletion } from '../schema/chat-completion.js';
import type { ChatCompletionStream } from '../streaming/chat-completion-stream.js';
import type { ToolRunStream } from '../tools/loop/tool-run-stream.js';
import type { ToolRunResult } from './tool-run-types.js';

/**
 * What the client lends the tool loop, which lives in `chatwire/tools` (only users of `tool()` pay
 * for it): sending, the dialect's checks, structured parsing, and chatwire's error classes, so the
 * errors a run throws are `instanceof` the classes exported by `chatwire`.
 */
export interface LoopPort {
  /** Runs the dialect's rules on a request (throws `InvalidRequestError`); nothing is sent. */
  readonly check: (request: Record<string, unknown>) => void;
  /** Sends one JSON request. */
  readonly complete: (request: Record<string, unknown>, signal: AbortSignal) => Promise<ChatCompletion>;
  /** A lazy stream of one request. */
  readonly stream: (request: Record<string, unknown>, signal: AbortSignal) => ChatCompletionStream;
  /** `parse`'s reading of a structured answer into `message.parsed`. */
  readonly parseCompletion: (completion: ChatCompletion, format: unknown) => Promise<ChatCompletion>;
  /** The call's `RequestOptions.signal`. */
  readonly signal: AbortSignal | undefined;
  /** `InvalidRequestError`. */
  readonly invalid: (message: string, issues: readonly Issue[]) => Error;
  /** `APIUserAbortError`. */
  readonly aborted: (message: string, cause?: unknown) => Error;
  /** `ChatwireError`. */
  readonly misuse: (message: string) => Error;
}

/** The tool loop `tool()` carries: a promise of the result, or a `ToolRunStream` for `stream: true`. */
export type ToolLoop = (port: LoopPort, params: unknown) => Promise<ToolRunResult> | ToolRunStream;
