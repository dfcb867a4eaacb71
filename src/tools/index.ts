// chatwire/tools: schema-driven structured output and tools. It holds the JSON-Schema conversion
// (zod's `toJSONSchema`), so the core `chatwire` bundle never carries it.

// The zod/mini specs of what the client checks (it ships hand-written rules with the same
// verdicts, property-tested): validate chat parameters on your own server, or responses strictly.
export { chatParamsSchema } from '../schema/chat-params-schema.js';
export {
  strictChunkSchema as chatCompletionChunkSchema,
  strictCompletionSchema as chatCompletionSchema,
} from '../schema/response-schemas.js';
export type { JsonSchemaFormat } from '../structured/response-format.js';
export type {
  InferOutput,
  StandardIssue,
  StandardResult,
  StandardSchemaV1,
} from '../structured/standard-schema.js';
export type { Tool, ToolContext } from '../structured/tool-definition.js';
export type { JsonSchemaFormatOptions } from './json-schema-format.js';
export { jsonSchemaFormat } from './json-schema-format.js';
export type { ToolOptions } from './tool.js';
export { tool } from './tool.js';
