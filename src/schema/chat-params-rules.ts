import {
  anything,
  array,
  boolean,
  integer,
  isObject,
  nullable,
  nullish,
  number,
  object,
  oneOf,
  optional,
  type Rule,
  record,
  string,
  tagged,
} from './rules.js';

// The chat parameters every dialect checks before sending; the same verdicts as
// `chatParamsSchema` (chat-params-schema.ts, the zod/mini spec users can import from
// chatwire/tools). Objects are loose: an unknown field is the vendor's business.

const text = string();
const nonEmpty = string(1);
const withUrl = (key: string) => object({ [key]: object({ url: nonEmpty }) });

// Vendors add part kinds (inTandem `image`, Anthropic-style blocks): any other named kind passes.
const contentPart = tagged(
  'type',
  {
    text: object({ text }),
    image_url: withUrl('image_url'),
    input_audio: object({ input_audio: object({ data: nonEmpty }) }),
    file: object({ file: object({}) }),
    video_url: withUrl('video_url'),
    audio_url: withUrl('audio_url'),
    refusal: object({ refusal: text }),
  },
  object({ type: nonEmpty }),
);
const parts = array(contentPart);
const content = oneOf((value) =>
  typeof value === 'string' ? text : Array.isArray(value) ? parts : 'string or array',
);

const toolCall = object({
  id: optional(text),
  type: optional(text),
  function: object({ name: nonEmpty, arguments: text }),
});

const spoken = object({ content });
const message = tagged('role', {
  system: spoken,
  developer: spoken,
  user: spoken,
  assistant: object({ content: nullish(content), tool_calls: optional(array(toolCall)) }),
  tool: object({ content, tool_call_id: nonEmpty }),
  function: object({ content: nullable(text), name: nonEmpty }),
});

// Bifrost also accepts `custom` tools and Anthropic server tools named by version string.
const tool = tagged(
  'type',
  {
    function: object({
      function: object({
        name: nonEmpty,
        description: optional(text),
        parameters: optional(record(anything)),
        strict: nullish(boolean),
      }),
    }),
  },
  object({ type: nonEmpty }),
);

const responseFormat = tagged('type', {
  text: anything,
  json_object: anything,
  json_schema: object({
    json_schema: object({ name: optional(nonEmpty), schema: optional(record(anything)) }),
  }),
});

// Built once: a rule made inside `oneOf`'s picker would be rebuilt on every request.
const stopList = array(text, { max: 4 });
const namedChoice = object({ type: nonEmpty });
const penalty = nullish(number(-2, 2));
const atLeastOne = nullish(integer(1));

export const chatParamsRule: Rule = object({
  model: nonEmpty,
  messages: array(message, { min: 1 }),
  stream: nullish(boolean),
  stream_options: nullish(object({ include_usage: optional(boolean) })),
  temperature: nullish(number(0, 2)),
  top_p: nullish(number(0, 1)),
  max_tokens: atLeastOne,
  max_completion_tokens: atLeastOne,
  n: nullish(integer(1, 128)),
  seed: nullish(integer()),
  presence_penalty: penalty,
  frequency_penalty: penalty,
  logit_bias: nullish(record(number())),
  logprobs: nullish(boolean),
  top_logprobs: nullish(integer(0, 20)),
  stop: nullish(oneOf((value) => (Array.isArray(value) ? stopList : text))),
  user: optional(text),
  tools: optional(array(tool)),
  tool_choice: optional(oneOf((value) => (isObject(value) ? namedChoice : text))),
  parallel_tool_calls: optional(boolean),
  response_format: optional(responseFormat),
  reasoning_effort: optional(text),
  reasoning: optional(object({})),
  metadata: optional(record(anything)),
  fallbacks: optional(array(nonEmpty)),
  async: optional(boolean),
  session_id: optional(text),
  extra_params: optional(record(anything)),
});
