import * as z from 'zod/mini';

// The documented shape of a completion and of a stream chunk, as `validate: 'strict'` checks them
// (response-rules.ts holds the checks the client runs). Extra keys are always allowed (vendors add
// them); what strict adds over loose is that the fields we read must have their documented types.

const usage = z.looseObject({
  prompt_tokens: z.number(),
  completion_tokens: z.number(),
  total_tokens: z.number(),
});

// Bifrost's completions may leave a tool call's id, type and name out (shared/vendors/bifrost.md §4).
const toolCall = z.looseObject({
  id: z.nullish(z.string()),
  type: z.nullish(z.string()),
  function: z.looseObject({ name: z.nullish(z.string()), arguments: z.string() }),
});

export const strictCompletionSchema = z.looseObject({
  id: z.string(),
  object: z.literal('chat.completion'),
  created: z.number(),
  model: z.string(),
  choices: z.array(
    z.looseObject({
      index: z.int(),
      message: z.looseObject({
        role: z.literal('assistant'),
        content: z.nullable(z.string()),
        tool_calls: z.optional(z.nullable(z.array(toolCall))),
      }),
      finish_reason: z.nullable(z.string()),
    }),
  ),
  usage: z.optional(z.nullable(usage)),
});

export const strictChunkSchema = z.looseObject({
  id: z.string(),
  object: z.literal('chat.completion.chunk'),
  created: z.number(),
  model: z.string(),
  choices: z.array(
    z.looseObject({
      index: z.int(),
      delta: z.looseObject({
        role: z.optional(z.nullable(z.literal('assistant'))),
        content: z.optional(z.nullable(z.string())),
        tool_calls: z.optional(
          z.nullable(
            z.array(
              z.looseObject({
                index: z.int(),
                id: z.optional(z.nullable(z.string())),
                function: z.optional(
                  z.looseObject({
                    name: z.optional(z.nullable(z.string())),
                    arguments: z.optional(z.nullable(z.string())),
                  }),
                ),
              }),
            ),
          ),
        ),
      }),
      finish_reason: z.optional(z.nullable(z.string())),
    }),
  ),
  usage: z.optional(z.nullable(usage)),
});
