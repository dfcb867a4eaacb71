import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { strictChunkRule, strictCompletionRule } from '../../src/schema/response-rules.js';
import { strictChunkSchema, strictCompletionSchema } from '../../src/schema/response-schemas.js';
import { check } from '../../src/schema/rules.js';

// `validate: 'strict'` runs hand-written rules; they must give the zod/mini spec's verdict on
// near-valid completions and chunks (each field now and then wrong, missing or null).

const odd = fc.constantFrom<unknown>(undefined, null, '', 'x', 1.5, Number.NaN, 2 ** 60, [], {}, true);
const some = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 25, arbitrary: arb }, { weight: 1, arbitrary: odd });
const text = some(fc.string({ maxLength: 3 }));
const usage = some(
  fc.record({
    prompt_tokens: some(fc.nat()),
    completion_tokens: some(fc.nat()),
    total_tokens: some(fc.nat()),
  }),
);
const head = (kind: string) => ({
  id: text,
  object: some(fc.constant(kind)),
  created: some(fc.nat()),
  model: text,
});
const toolCall = some(
  fc.record({
    id: text,
    type: some(fc.constant('function')),
    function: some(fc.record({ name: text, arguments: text })),
  }),
);
const completion = fc.record(
  {
    ...head('chat.completion'),
    choices: some(
      fc.array(
        some(
          fc.record({
            index: some(fc.nat(3)),
            message: some(
              fc.record(
                {
                  role: some(fc.constant('assistant')),
                  content: some(fc.oneof(fc.string(), fc.constant(null))),
                  tool_calls: some(fc.oneof(fc.array(toolCall, { maxLength: 2 }), fc.constant(null))),
                },
                { requiredKeys: ['role', 'content'] },
              ),
            ),
            finish_reason: some(fc.oneof(fc.constant('stop'), fc.constant(null))),
          }),
        ),
        { maxLength: 2 },
      ),
    ),
    usage,
  },
  { requiredKeys: ['id', 'object', 'created', 'model', 'choices'] },
);
const chunk = fc.record(
  {
    ...head('chat.completion.chunk'),
    choices: some(
      fc.array(
        some(
          fc.record(
            {
              index: some(fc.nat(3)),
              delta: some(
                fc.record(
                  {
                    role: some(fc.oneof(fc.constant('assistant'), fc.constant(null))),
                    content: some(fc.oneof(fc.string(), fc.constant(null))),
                    tool_calls: some(
                      fc.array(
                        some(
                          fc.record(
                            {
                              index: some(fc.nat(2)),
                              id: some(fc.oneof(fc.string(), fc.constant(null))),
                              function: some(
                                fc.record({ name: text, arguments: text }, { requiredKeys: [] }),
                              ),
                            },
                            { requiredKeys: ['index'] },
                          ),
                        ),
                        { maxLength: 2 },
                      ),
                    ),
                  },
                  { requiredKeys: [] },
                ),
              ),
              finish_reason: some(fc.oneof(fc.constant('stop'), fc.constant(null))),
            },
            { requiredKeys: ['index', 'delta'] },
          ),
        ),
        { maxLength: 2 },
      ),
    ),
    usage,
  },
  { requiredKeys: ['id', 'object', 'created', 'model', 'choices'] },
);

describe('strict response rules', () => {
  for (const [name, arb, rule, schema] of [
    ['completion', completion, strictCompletionRule, strictCompletionSchema],
    ['chunk', chunk, strictChunkRule, strictChunkSchema],
  ] as const) {
    it(`give the zod/mini spec's verdict on a ${name}`, () => {
      fc.assert(
        fc.property(arb, (body) => {
          expect(check(rule, body).length === 0).toBe(schema.safeParse(body).success);
        }),
        { numRuns: 3_000 },
      );
      const verdicts = fc.sample(arb, 2_000).map((body) => schema.safeParse(body).success);
      expect(verdicts.filter(Boolean).length).toBeGreaterThan(100);
      expect(verdicts.filter((ok) => !ok).length).toBeGreaterThan(100);
    });
  }
});
