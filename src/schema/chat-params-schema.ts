import * as z from 'zod/mini';

// The chat parameters as a zod/mini schema: the spec that chat-params-rules.ts (what the client
// runs before sending) is property-tested against, exported from chatwire/tools. Objects are loose:
// a field we do not know is the vendor's business; a field we know must be well-formed.

const text = z.string();
const nonEmpty = z.string().check(z.minLength(1));
const opt = <T extends z.core.SomeType>(schema: T) => z.optional(z.nullable(schema));

const textPart = z.looseObject({ type: z.literal('text'), text });
const KNOWN_PARTS = ['text', 'image_url', 'input_audio', 'file', 'video_url', 'audio_url', 'refusal'];
const contentPart = z.union([
  textPart,
  z.looseObject({ type: z.literal('image_url'), image_url: z.looseObject({ url: nonEmpty }) }),
  z.looseObject({ type: z.literal('input_audio'), input_audio: z.looseObject({ data: nonEmpty }) }),
  z.looseObject({ type: z.literal('file'), file: z.looseObject({}) }),
  z.looseObject({ type: z.literal('video_url'), video_url: z.looseObject({ url: nonEmpty }) }),
  z.looseObject({ type: z.literal('audio_url'), audio_url: z.looseObject({ url: nonEmpty }) }),
  z.looseObject({ type: z.literal('refusal'), refusal: text }),
  // Vendors add kinds (inTandem `image`, Anthropic-style blocks): accept any other named kind.
  z.looseObject({ type: nonEmpty }).check(z.refine((p) => !KNOWN_PARTS.includes(p.type), { abort: true })),
]);
const content = z.union([text, z.array(contentPart)]);

const toolCall = z.looseObject({
  id: z.optional(z.string()),
  type: z.optional(z.string()),
  function: z.looseObject({ name: nonEmpty, arguments: z.string() }),
});

const message = z.discriminatedUnion('role', [
  z.looseObject({ role: z.enum(['system', 'developer']), content }),
  z.looseObject({ role: z.literal('user'), content }),
  z.looseObject({
    role: z.literal('assistant'),
    content: z.optional(z.nullable(content)),
    tool_calls: z.optional(z.array(toolCall)),
  }),
  z.looseObject({ role: z.literal('tool'), content, tool_call_id: nonEmpty }),
  z.looseObject({ role: z.literal('function'), content: z.nullable(text), name: nonEmpty }),
]);

const functionTool = z.looseObject({
  type: z.literal('function'),
  function: z.looseObject({
    name: nonEmpty,
    description: z.optional(text),
    parameters: z.optional(z.record(z.string(), z.unknown())),
    strict: opt(z.boolean()),
  }),
});
// Bifrost also accepts `custom` tools and Anthropic server tools named by version string.
const tool = z.union([
  functionTool,
  z.looseObject({ type: nonEmpty }).check(z.refine((t) => t.type !== 'function', { abort: true })),
]);

const responseFormat = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.optional(nonEmpty),
      schema: z.optional(z.record(z.string(), z.unknown())),
    }),
  }),
]);

const int = (min: number, max?: number) =>
  max === undefined ? z.int().check(z.gte(min)) : z.int().check(z.gte(min), z.lte(max));
const num = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));

export const chatParamsSchema = z.looseObject({
  model: nonEmpty,
  messages: z.array(message).check(z.minLength(1)),
  stream: opt(z.boolean()),
  stream_options: opt(z.looseObject({ include_usage: z.optional(z.boolean()) })),
  temperature: opt(num(0, 2)),
  top_p: opt(num(0, 1)),
  max_tokens: opt(int(1)),
  max_completion_tokens: opt(int(1)),
  n: opt(int(1, 128)),
  seed: opt(z.int()),
  presence_penalty: opt(num(-2, 2)),
  frequency_penalty: opt(num(-2, 2)),
  logit_bias: opt(z.record(z.string(), z.number())),
  logprobs: opt(z.boolean()),
  top_logprobs: opt(int(0, 20)),
  stop: opt(z.union([text, z.array(text).check(z.maxLength(4))])),
  user: z.optional(text),
  tools: z.optional(z.array(tool)),
  tool_choice: z.optional(z.union([text, z.looseObject({ type: nonEmpty })])),
  parallel_tool_calls: z.optional(z.boolean()),
  response_format: z.optional(responseFormat),
  reasoning_effort: z.optional(text),
  reasoning: z.optional(z.looseObject({})),
  metadata: z.optional(z.record(z.string(), z.unknown())),
  fallbacks: z.optional(z.array(nonEmpty)),
  async: z.optional(z.boolean()),
  session_id: z.optional(text),
  extra_params: z.optional(z.record(z.string(), z.unknown())),
});
