export type { WithResponse } from './api-promise.js';
export { APIPromise } from './api-promise.js';
export type { ChatCompletions, Client } from './client.js';
export { createClient } from './client.js';
export type { BifrostChatParams, BifrostDialectOptions } from './dialects/bifrost.js';
export { bifrost } from './dialects/bifrost.js';
export type { BifrostControls, BifrostRequestOptions } from './dialects/bifrost-controls.js';
export type { BifrostResponseInfo } from './dialects/bifrost-headers.js';
export { readBifrostHeaders } from './dialects/bifrost-headers.js';
export type { CaesarDialectOptions } from './dialects/caesar.js';
export { caesar } from './dialects/caesar.js';
export type { Citation } from './dialects/caesar-citations.js';
export { parseCitations } from './dialects/caesar-citations.js';
export type {
  CaesarChatParams,
  CaesarContentPart,
  CaesarFilePart,
  CaesarMessage,
} from './dialects/caesar-params.js';
export { defineDialect } from './dialects/define-dialect.js';
export type { Dialect, DialectCapabilities, PreparedRequest } from './dialects/dialect.js';
export { intandem } from './dialects/intandem.js';
export type { InTandemChatParams, InTandemContentPart, InTandemMessage } from './dialects/intandem-params.js';
export type { MorpheusChatParams } from './dialects/morpheus.js';
export { morpheus } from './dialects/morpheus.js';
export type { OpenAIDialectOptions } from './dialects/openai.js';
export { openai } from './dialects/openai.js';
export type { DialectInput, DialectName, DialectParams, DialectRequestOptions } from './dialects/registry.js';
export type { RateLimitInfo } from './errors/api-error.js';
export {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './errors/api-error.js';
export { ChatwireError } from './errors/chatwire-error.js';
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
} from './errors/connection-errors.js';
export type { ErrorInfo } from './errors/read-error-body.js';
export { readErrorBody } from './errors/read-error-body.js';
export type { Issue } from './errors/request-errors.js';
export { InvalidRequestError, ResponseValidationError, StreamError } from './errors/request-errors.js';
export {
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
  RunFailedError,
  RunTimeoutError,
} from './errors/run-errors.js';
export { filePart } from './files/file-part.js';
export type { UploadInput, UploadOptions, UploadProgress } from './files/upload-options.js';
export type { ApiKeySource, ClientOptions, RequestOptions } from './options.js';
export type { Collections } from './resources/collections.js';
export type { Files } from './resources/files.js';
export type { PollOptions } from './resources/poll.js';
export type { Research, ResearchWaitOptions } from './resources/research.js';
export type { ResearchChat } from './resources/research-chat.js';
export type { Runs, WaitOptions } from './resources/runs.js';
export type {
  MessageOf,
  RunToolsParams,
  StructuredChatMethods,
  StructuredFormat,
  StructuredParams,
} from './resources/structured-methods.js';
export type * from './schema/chat-completion.js';
export type * from './schema/chat-params.js';
export type * from './schema/content-parts.js';
export type { ValidateMode } from './schema/normalise-completion.js';
export type * from './schema/research.js';
export type { Run, RunStatus } from './schema/run.js';
export type {
  CollectionCreateParams,
  CollectionUpdateParams,
  FileCollection,
  UploadedFile,
} from './schema/uploaded-file.js';
export type { FromReadableStreamOptions } from './streaming/chat-completion-stream.js';
export { ChatCompletionStream } from './streaming/chat-completion-stream.js';
export type { DeepPartial } from './streaming/partial-objects.js';
export type {
  JsonSchemaFormat,
  ParsedChatCompletion,
  ParsedChoice,
  ParsedMessage,
  ParsedOf,
} from './structured/response-format.js';
export type { InferOutput, StandardSchemaV1 } from './structured/standard-schema.js';
export type { Tool, ToolContext } from './structured/tool-definition.js';
export type {
  RunToolsOptions,
  ToolResult,
  ToolRunEvent,
  ToolRunResult,
  ToolRunStopReason,
  ToolStep,
} from './structured/tool-run-types.js';
export type { ToolRunStream } from './tools/loop/tool-run-stream.js';
export { VERSION } from './version.js';
