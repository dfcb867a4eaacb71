export type { WithResponse } from './api-promise.js';
export { APIPromise } from './api-promise.js';
export type { ChatCompletions, Client } from './client.js';
export { createClient } from './client.js';
export type { Dialect, DialectCapabilities, PreparedRequest } from './dialects/dialect.js';
export type { OpenAIDialectOptions } from './dialects/openai.js';
export { openai } from './dialects/openai.js';
export type { DialectInput, DialectName, DialectParams } from './dialects/registry.js';
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
export type { ApiKeySource, ClientOptions, RequestOptions } from './options.js';
export type * from './schema/chat-completion.js';
export type * from './schema/chat-params.js';
export type * from './schema/content-parts.js';
export type { ValidateMode } from './schema/normalise-completion.js';
export { ChatCompletionStream } from './streaming/chat-completion-stream.js';
export { VERSION } from './version.js';
