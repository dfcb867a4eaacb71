export type { ChunkInput, MockChunk, ToolCallDelta } from './chunk.js';
export { chunk } from './chunk.js';
export type { CompletionInput, MockCompletion, MockToolCall, ToolCallInput } from './completion.js';
export { completion } from './completion.js';
export { openaiMockDialect } from './dialects/openai.js';
export type { ErrorBodyInput, MockErrorBody } from './error-body.js';
export { errorBody } from './error-body.js';
export type { MockDialect, MockDialectContext, MockErrorInput } from './mock-dialect.js';
export type { MockDialectName } from './mock-dialects.js';
export { mockDialects } from './mock-dialects.js';
export type { MockServer, MockServerOptions } from './mock-server.js';
export { createMockServer } from './mock-server.js';
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
export type { SseEncodeOptions } from './sse-encode.js';
export { sseEncode, sseEncodeBytes } from './sse-encode.js';
export type { MockUsage, UsageInput } from './usage.js';
