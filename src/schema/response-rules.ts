import {
  array,
  integer,
  literal,
  nullable,
  nullish,
  number,
  object,
  optional,
  type Rule,
  string,
} from './rules.js';

// `validate: 'strict'` checks responses against these: the same verdicts as the zod/mini
// `strictCompletionSchema` / `strictChunkSchema` (response-schemas.ts). Extra keys are always
// allowed (vendors add them); strict asks that the fields we read have their documented types.

const text = string();
const usage = nullish(
  object({ prompt_tokens: number(), completion_tokens: number(), total_tokens: number() }),
);
const head = (kind: string) => ({ id: text, object: literal(kind), created: number(), model: text });

// Bifrost's completions may leave a tool call's id, type and name out (shared/vendors/bifrost.md §4).
const toolCall = object({
  id: nullish(text),
  type: nullish(text),
  function: object({ name: nullish(text), arguments: text }),
});

export const strictCompletionRule: Rule = object({
  ...head('chat.completion'),
  choices: array(
    object({
      index: integer(),
      message: object({
        role: literal('assistant'),
        content: nullable(text),
        tool_calls: nullish(array(toolCall)),
      }),
      finish_reason: nullable(text),
    }),
  ),
  usage,
});

const toolCallDelta = object({
  index: integer(),
  id: nullish(text),
  function: optional(object({ name: nullish(text), arguments: nullish(text) })),
});

export const strictChunkRule: Rule = object({
  ...head('chat.completion.chunk'),
  choices: array(
    object({
      index: integer(),
      delta: object({
        role: nullish(literal('assistant')),
        content: nullish(text),
        tool_calls: nullish(array(toolCallDelta)),
      }),
      finish_reason: nullish(text),
    }),
  ),
  usage,
});
