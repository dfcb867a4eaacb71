export { createClient } from './client.js';
export type { Client, ChatCompletions } from './client.js';
export type { ClientOptions, RequestOptions, ApiKeySource } from './options.js';
export { APIPromise } from './api-promise.js';
export type { WithResponse } from './api-promise.js';
export { openai } from './dialects/openai.js';
export type { OpenAIDialectOptions } from './dialects/openai.js';
export type { Dialect, DialectCapabilities, PreparedRequest } from './dialects/dialect.js';
export type { DialectName, DialectInput, DialectParams } from './dialects/registry.js';
export { ChatwireError } from './errors/chatwire-error.js';
export {
  APIError,
  BadRequestError,
  AuthenticationError,
  PaymentRequiredError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
} from './errors/api-error.js';
export { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError } from './errors/connection-errors.js';
export { InvalidRequestError, ResponseValidationError, StreamError } from './errors/request-errors.js';
export type { Issue } from './errors/request-errors.js';
export {
  RunFailedError,
  RunTimeoutError,
  LengthFinishReasonError,
  ContentFilterFinishReasonError,
} from './errors/run-errors.js';
export { readErrorBody } from './errors/read-error-body.js';
export type { ErrorInfo } from './errors/read-error-body.js';
export { ChatCompletionStream } from './streaming/chat-completion-stream.js';
export type * from './schema/chat-params.js';
export type * from './schema/content-parts.js';
export type * from './schema/chat-completion.js';
export type { ValidateMode } from './schema/normalise-completion.js';
export { VERSION } from './version.js';
