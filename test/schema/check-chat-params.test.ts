import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../src/index.js';
import { chatParamsSchema } from '../../src/schema/chat-params-schema.js';
import { checkChatParams } from '../../src/schema/check-chat-params.js';

// The fast path must accept exactly what the full schema accepts: generate parameter objects that
// mix valid and invalid values for the common fields and compare the two verdicts.
const role = fc.constantFrom('user', 'system', 'developer', 'assistant', 'tool', 'wizard', 7);
const content = fc.oneof(
  fc.string(),
  fc.constant(null),
  fc.constant(3),
  fc.constant([{ type: 'text', text: 'x' }]),
);
const message = fc.record({ role, content }, { requiredKeys: [] });
const params = fc.record(
  {
    model: fc.oneof(fc.string(), fc.constant(5)),
    messages: fc.oneof(fc.array(message, { maxLength: 3 }), fc.constant('hi')),
    temperature: fc.oneof(fc.double({ min: -1, max: 3, noNaN: true }), fc.constant(null)),
    top_p: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
    max_tokens: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constant(1.5)),
    stop: fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 6 })),
    stream: fc.oneof(fc.boolean(), fc.constant('yes')),
    vendor_extra: fc.anything(),
  },
  { requiredKeys: [] },
);

const verdict = (input: unknown) => {
  try {
    checkChatParams(input);
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestError);
    return false;
  }
};

describe('checkChatParams', () => {
  it('accepts exactly what the full schema accepts', () => {
    fc.assert(
      fc.property(params, (input) => {
        expect(verdict(input)).toBe(chatParamsSchema.safeParse(input).success);
      }),
      { numRuns: 2_000 },
    );
  });

  it('takes the same error messages from the full parse', () => {
    expect(() => checkChatParams({ model: 'm', messages: [], temperature: 9 })).toThrow(
      'Invalid chat parameters: messages must have at least 1 item(s); temperature must be at most 2.',
    );
  });
});
