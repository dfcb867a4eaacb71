import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../src/index.js';
import { chatParamsRule } from '../../src/schema/chat-params-rules.js';
import { chatParamsSchema } from '../../src/schema/chat-params-schema.js';
import { checkChatParams } from '../../src/schema/check-chat-params.js';
import { check } from '../../src/schema/rules.js';

// The client ships hand-written rules instead of zod (a third of the core bundle); they must
// accept exactly what the zod/mini spec accepts. Generate parameter objects that mix valid and
// invalid values for every field and shape, and compare the two verdicts.

class Point {
  x = 1;
}
const odd = fc.constantFrom<unknown>(
  null,
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  2 ** 60,
  -(2 ** 60),
  1.5,
  '',
  'x',
  [],
  {},
  new Date(0),
  new Point(),
  Object.create(null),
  { [Symbol('k')]: 1 },
  true,
);
const loose = fc.oneof(odd, fc.string({ maxLength: 3 }), fc.integer({ min: -3, max: 200 }), fc.double());
// Mostly well-formed values, now and then an odd one: both verdicts come up often (checked below).
const some = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 30, arbitrary: arb }, { weight: 1, arbitrary: loose });
const str = some(
  fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom('a', 'gpt-4o', 'function', 'text') },
    { weight: 1, arbitrary: fc.constant('') },
  ),
);

const part = some(
  fc.oneof(
    fc.record({ type: some(fc.constant('text')), text: str }, { requiredKeys: ['type'] }),
    fc.record(
      {
        type: some(fc.constantFrom('image_url', 'video_url', 'audio_url')),
        image_url: some(fc.record({ url: str })),
        video_url: some(fc.record({ url: str })),
        audio_url: some(fc.record({ url: str })),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record({ type: some(fc.constant('input_audio')), input_audio: some(fc.record({ data: str })) }),
    fc.record({ type: some(fc.constant('file')), file: some(fc.record({ file_id: str })) }),
    fc.record({ type: some(fc.constant('refusal')), refusal: str }),
    fc.record({ type: some(fc.constantFrom('image', 'toString', '__proto__', 'x')) }),
  ),
);
const content = some(fc.oneof(fc.string({ maxLength: 3 }), fc.array(part, { maxLength: 3 })));
const toolCall = some(
  fc.record(
    { id: str, type: str, function: some(fc.record({ name: str, arguments: str }, { requiredKeys: [] })) },
    { requiredKeys: ['function'] },
  ),
);
const message = some(
  fc.record(
    {
      role: some(
        fc.oneof(
          {
            weight: 20,
            arbitrary: fc.constantFrom('system', 'developer', 'user', 'assistant', 'tool', 'function'),
          },
          { weight: 1, arbitrary: fc.constant('wizard') },
        ),
      ),
      content,
      tool_calls: some(fc.array(toolCall, { maxLength: 2 })),
      tool_call_id: str,
      name: str,
    },
    { requiredKeys: ['role', 'content'] },
  ),
);
const record = some(fc.dictionary(fc.constantFrom('a', 'b', '__proto__'), loose, { maxKeys: 2 }));
const tool = some(
  fc.record(
    {
      type: some(
        fc.oneof(
          { weight: 20, arbitrary: fc.constantFrom('function', 'custom') },
          { weight: 1, arbitrary: fc.constant('') },
        ),
      ),
      function: some(
        fc.record(
          { name: str, description: str, parameters: record, strict: some(fc.boolean()) },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: ['type'] },
  ),
);
const responseFormat = some(
  fc.record(
    {
      type: some(
        fc.oneof(
          { weight: 20, arbitrary: fc.constantFrom('text', 'json_object', 'json_schema') },
          { weight: 1, arbitrary: fc.constant('xml') },
        ),
      ),
      json_schema: some(fc.record({ name: str, schema: record }, { requiredKeys: [] })),
    },
    { requiredKeys: ['type'] },
  ),
);
// Mostly within the valid range, now and then just outside it.
const ranged = <T>(inside: fc.Arbitrary<T>, outside: T[]) =>
  some(fc.oneof({ weight: 12, arbitrary: inside }, { weight: 1, arbitrary: fc.constantFrom(...outside) }));
const num = (min: number, max: number) =>
  ranged(
    fc.oneof(fc.double({ min, max, noNaN: true }), fc.integer({ min: Math.ceil(min), max: Math.floor(max) })),
    [min - 0.01, max + 0.01],
  );
const int = (min: number, max: number) => ranged(fc.integer({ min, max }), [min - 1, max + 1, min + 0.5]);

const params = some(
  fc.record(
    {
      model: str,
      messages: some(fc.array(message, { minLength: 1, maxLength: 3 })),
      stream: some(fc.boolean()),
      stream_options: some(fc.record({ include_usage: some(fc.boolean()) }, { requiredKeys: [] })),
      temperature: num(0, 2),
      top_p: num(0, 1),
      max_tokens: int(1, 50),
      max_completion_tokens: int(1, 50),
      n: int(1, 128),
      seed: some(fc.integer()),
      presence_penalty: num(-2, 2),
      frequency_penalty: num(-2, 2),
      logit_bias: some(
        fc.dictionary(fc.constantFrom('1', '2'), some(fc.double({ min: -100, max: 100, noNaN: true })), {
          maxKeys: 2,
        }),
      ),
      logprobs: some(fc.boolean()),
      top_logprobs: int(0, 20),
      stop: some(fc.oneof(fc.string({ maxLength: 2 }), fc.array(str, { maxLength: 5 }))),
      user: str,
      tools: some(fc.array(tool, { maxLength: 2 })),
      tool_choice: some(fc.oneof(str, fc.record({ type: str }))),
      parallel_tool_calls: some(fc.boolean()),
      response_format: responseFormat,
      reasoning_effort: str,
      reasoning: some(fc.record({ effort: str }, { requiredKeys: [] })),
      metadata: record,
      fallbacks: some(fc.array(str, { maxLength: 2 })),
      async: some(fc.boolean()),
      session_id: str,
      extra_params: record,
      vendor_extra: loose,
    },
    { requiredKeys: ['model', 'messages'] },
  ),
);

describe('chat parameter rules', () => {
  it('accept exactly what the zod/mini spec accepts', () => {
    fc.assert(
      fc.property(params, (input) => {
        expect(check(chatParamsRule, input).length === 0).toBe(chatParamsSchema.safeParse(input).success);
      }),
      { numRuns: 5_000 },
    );
  });

  it('are compared on both verdicts (the generator is not all refusals, nor all passes)', () => {
    const verdicts = fc.sample(params, 3_000).map((p) => chatParamsSchema.safeParse(p).success);
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(150);
    expect(verdicts.filter((ok) => !ok).length).toBeGreaterThan(150);
  });
});

describe('checkChatParams', () => {
  it('names every problem by its path', () => {
    expect(() => checkChatParams({ model: 'm', messages: [], temperature: 9 })).toThrow(
      'Invalid chat parameters: messages must have at least 1 item(s); temperature must be at most 2.',
    );
  });

  it('says which part kind is malformed, not that the part matches no kind', () => {
    const error = catchError(() =>
      checkChatParams({
        model: 'm',
        messages: [
          { role: 'user', content: [{ type: 'image_url', image_url: { url: '' } }, { type: 'text' }] },
        ],
      }),
    );
    expect(error.issues).toEqual([
      { path: 'messages.0.content.0.image_url.url', message: 'must have at least 1 character(s)' },
      { path: 'messages.0.content.1.text', message: 'is required' },
    ]);
  });

  it('lists the accepted roles and types for an unknown one', () => {
    const error = catchError(() =>
      checkChatParams({ model: 'm', messages: [{ role: 'wizard', content: 'x' }], seed: 1.5, n: 0 }),
    );
    expect(error.issues).toEqual([
      {
        path: 'messages.0.role',
        message: 'must be one of "system", "developer", "user", "assistant", "tool", "function"',
      },
      { path: 'n', message: 'must be at least 1' },
      { path: 'seed', message: 'expected an integer' },
    ]);
  });

  it('refuses a non-object and a record that is not plain', () => {
    expect(catchError(() => checkChatParams(null)).issues).toEqual([
      { path: '', message: 'expected object' },
    ]);
    const error = catchError(() =>
      checkChatParams({ model: 'm', messages: [{ role: 'user', content: 'x' }], metadata: new Date(0) }),
    );
    expect(error.issues).toEqual([{ path: 'metadata', message: 'expected a plain object' }]);
  });
});

function catchError(run: () => void): InvalidRequestError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestError);
    return error as InvalidRequestError;
  }
  throw new Error('expected InvalidRequestError');
}

describe('chat parameter rules on unusual objects (the same verdicts as zod/mini)', () => {
  const base = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };
  const hidden = <T extends object>(target: T, key: PropertyKey, value: unknown): T =>
    Object.defineProperty(target, key, { value, enumerable: false });
  const cases: Array<[string, unknown]> = [
    ['a record with a hidden symbol key (MobX)', { ...base, metadata: hidden({ a: 1 }, Symbol('mobx'), 1) }],
    [
      'a record with a hidden non-number (Vue 2 __ob__)',
      { ...base, logit_bias: hidden({ 50256: -100 }, '__ob__', {}) },
    ],
    ['a record with an enumerable symbol key', { ...base, metadata: { [Symbol('s')]: 1 } }],
    [
      '`arguments` as a record',
      {
        ...base,
        metadata: (function (..._: unknown[]) {
          // biome-ignore lint/complexity/noArguments: the case under test is the arguments object.
          return arguments;
        })(1),
      },
    ],
    ['a JSON `__proto__` key', { ...base, metadata: JSON.parse('{"__proto__": 1}') }],
  ];
  it.each(cases)('%s', (_name, input) => {
    expect(check(chatParamsRule, input).length === 0).toBe(chatParamsSchema.safeParse(input).success);
  });

  it('ignore fields added to Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 1;
    try {
      expect(check(chatParamsRule, base)).toEqual([]);
    } finally {
      delete proto.polluted;
    }
  });
});
