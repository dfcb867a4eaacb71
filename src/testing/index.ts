export type { MultipartPart } from './body-sink.js';
export type { ChunkInput, MockChunk, ToolCallDelta } from './chunk.js';
export { chunk } from './chunk.js';
export type { CompletionInput, MockCompletion, MockToolCall, ToolCallInput } from './completion.js';
export { completion } from './completion.js';
export { bifrostMockDialect } from './dialects/bifrost.js';
export type { BifrostErrorInput } from './dialects/bifrost-errors.js';
export { bifrostError } from './dialects/bifrost-errors.js';
export type { BifrostJobStatus, BifrostMockOptions } from './dialects/bifrost-settings.js';
export type { BifrostCostShape, BifrostGeneration } from './dialects/bifrost-shapes.js';
export type { CaesarMockOptions } from './dialects/caesar.js';
export { caesarMockDialect } from './dialects/caesar.js';
export type { CaesarReference } from './dialects/caesar-content.js';
export { defaultCaesarReferences } from './dialects/caesar-content.js';
export type { CaesarErrorShape } from './dialects/caesar-errors.js';
export type { CaesarUploadShape } from './dialects/caesar-files.js';
export type { CaesarResearchStatus } from './dialects/caesar-research.js';
export type { IntandemMockOptions } from './dialects/intandem.js';
export { intandemMockDialect } from './dialects/intandem.js';
export type { IntandemIdFields } from './dialects/intandem-chat.js';
export type { IntandemRunStatus } from './dialects/intandem-runs.js';
export type { MorpheusMockOptions } from './dialects/morpheus.js';
export { morpheusMockDialect } from './dialects/morpheus.js';
export type { MorpheusRateLimitOptions } from './dialects/morpheus-rate-limit.js';
export type { MorpheusStreamErrorType } from './dialects/morpheus-stream.js';
export { openaiMockDialect } from './dialects/openai.js';
export type { ErrorBodyInput, MockErrorBody } from './error-body.js';
export { errorBody } from './error-body.js';
export { mockUuid } from './ids.js';
export type { MockDialect, MockDialectContext, MockErrorInput } from './mock-dialect.js';
export type { MockDialectName } from './mock-dialects.js';
export { mockDialects } from './mock-dialects.js';
export type { MockEngineOptions } from './mock-engine.js';
export type { MockServer, MockServerOptions } from './mock-server.js';
export { createMockServer } from './mock-server.js';
export type { MswHttp, MswMock, MswMockOptions } from './msw-handlers.js';
export { createMswHandlers, createMswMock } from './msw-handlers.js';
export type { RecordedRequest } from './recorded-request.js';
export type {
  ChunksReply,
  CommentFrame,
  DropReply,
  ErrorReply,
  EventFrame,
  JsonReply,
  LineEnding,
  PauseFrame,
  RawFrame,
  Reply,
  ReplyFunction,
  ReplyOptions,
  ReplySource,
  SseFrame,
  SseReply,
  StallReply,
  StreamReplyOptions,
  TextReply,
} from './reply.js';
export type { ScriptingMembers } from './scripting-members.js';
export type { SseEncodeOptions } from './sse-encode.js';
export { sseEncode, sseEncodeBytes } from './sse-encode.js';
export type { MockUpload } from './upload.js';
export type { MockUsage, UsageInput } from './usage.js';
