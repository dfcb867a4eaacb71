import type { APIPromise } from '../api-promise.js';
import type { RequestOptions } from '../options.js';
import type { ChatMessage, ResponseFormat } from '../schema/chat-params.js';
import type { JsonSchemaFormat, ParsedChatCompletion, ParsedOf } from '../structured/response-format.js';
import type { RunToolsOptions, ToolRunResult } from '../structured/tool-run-types.js';
import type { ToolRunStream } from '../tools/loop/tool-run-stream.js';

/** A response format `parse` and structured streams read: `jsonSchemaFormat()`'s, or a plain JSON one. */
export type StructuredFormat = JsonSchemaFormat<any> | ResponseFormat;

/** Dialect parameters `P` with `response_format: F` (`never` for a dialect without response_format). */
export type StructuredParams<P, F> = 'response_format' extends keyof P
  ? Omit<P, 'response_format' | 'stream'> & { response_format: F }
  : never;

/** Dialect parameters `P` plus the tool loop's fields (`never` for a dialect without tools). */
export type RunToolsParams<P, F = ResponseFormat> = 'tools' extends keyof P
  ? Omit<P, 'tools' | 'stream' | 'response_format'> & RunToolsOptions & { response_format?: F }
  : never;

/** The message type of dialect parameters `P`. */
export type MessageOf<P> = P extends { messages: ReadonlyArray<infer M> } ? M : ChatMessage;

/** `chat.completions.parse` and `runTools`, for dialect parameters `P` and request-option extras `O`. */
export interface StructuredChatMethods<P, O> {
  /**
   * One completion whose JSON answer is validated into `choices[i].message.parsed` (typed by the
   * schema of `jsonSchemaFormat()` from `chatwire/tools`). Rejects with `LengthFinishReasonError`
   * or `ContentFilterFinishReasonError` when the answer was cut, and `ResponseValidationError`
   * (`rawText` attached) when it does not match; a refusal is kept in `message.refusal`.
   */
  parse<F extends StructuredFormat>(
    params: StructuredParams<P, F>,
    options?: RequestOptions & O,
  ): APIPromise<ParsedChatCompletion<ParsedOf<F>>>;
  /** The tool loop over streamed requests: iterate its events or `textStream`; `finalCompletion()` at the end. */
  runTools<F extends StructuredFormat = ResponseFormat>(
    params: RunToolsParams<P, F> & { stream: true },
    options?: RequestOptions & O,
  ): ToolRunStream<ParsedOf<F>, MessageOf<P>>;
  /**
   * Sends, runs the tools the model calls (concurrently), appends their results and repeats until
   * the model answers, a called tool has no `execute`, or `maxSteps` requests were sent. Resolves
   * with the last completion plus `messages`, `steps`, `stopReason` and `totalUsage`.
   */
  runTools<F extends StructuredFormat = ResponseFormat>(
    params: RunToolsParams<P, F> & { stream?: false | null },
    options?: RequestOptions & O,
  ): Promise<ToolRunResult<ParsedOf<F>, MessageOf<P>>>;
}
