import { describe, expectTypeOf, it } from 'vitest';
import {
  type APIPromise,
  bifrost,
  type ChatCompletion,
  type ChatCompletionStream,
  caesar,
  createClient,
  filePart,
  type Run,
} from '../../src/index.js';

const messages = [{ role: 'user' as const, content: 'Hi' }];

describe('per-dialect request types', () => {
  it('caesar: research metadata typed, fallbacks/async/tools/n>1 are compile errors', () => {
    const client = createClient({ dialect: 'caesar', apiKey: 'k' });
    client.chat.completions.create({
      model: 'caesar-research',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Summarise' },
            filePart('0f8e0c49-5a53-4f1e-9d2b-6c1d2e3f4a5b', 'a.pdf'),
          ],
        },
      ],
      metadata: { reasoning_loops: 3, source_timeout: 60, exclude_social: true, excluded_domains: ['x.com'] },
    });
    // API.md: filePart(fileOrId, filename?)
    filePart('0f8e0c49-5a53-4f1e-9d2b-6c1d2e3f4a5b');
    // @ts-expect-error reasoning_loops is 1–10
    client.chat.completions.create({ model: 'm', messages, metadata: { reasoning_loops: 20 } });
    // @ts-expect-error Caesar has no fallbacks
    client.chat.completions.create({ model: 'm', messages, fallbacks: ['openai/gpt-4o'] });
    // @ts-expect-error Caesar has no async runs
    client.chat.completions.create({ model: 'm', messages, async: true });
    // @ts-expect-error Caesar has no tools
    client.chat.completions.create({ model: 'm', messages, tools: [] });
    // @ts-expect-error Caesar answers one choice
    client.chat.completions.create({ model: 'm', messages, n: 2 });
  });

  it('bifrost: fallbacks, async, extra_params and typed x-bf-* controls', () => {
    const client = createClient({ dialect: 'bifrost' });
    client.chat.completions.create(
      {
        model: 'openai/gpt-4o-mini',
        messages,
        fallbacks: ['anthropic/claude-3-5-sonnet'],
        extra_params: { top_k: 3 },
      },
      { bifrost: { cacheKey: 'k', cacheTtl: '30s', providerHeaders: { 'x-trace': '1' } } },
    );
    // @ts-expect-error unknown control
    client.chat.completions.create({ model: 'openai/x', messages }, { bifrost: { cacheKeyz: 'k' } });
    // @ts-expect-error session_id is Morpheus'
    client.chat.completions.create({ model: 'openai/x', messages, session_id: 's' });
    const native = createClient({ dialect: bifrost({ route: 'native' }) });
    native.chat.completions.create(
      { model: 'openai/x', messages },
      { bifrost: { sendBackRawResponse: true } },
    );
  });

  it('morpheus: session_id accepted (deprecated), async and fallbacks are compile errors', () => {
    const client = createClient({ dialect: 'morpheus', apiKey: 'sk-x' });
    client.chat.completions.create({ model: 'llama-3.3-70b', messages, session_id: '0xabc' });
    // @ts-expect-error Morpheus has no async runs
    client.chat.completions.create({ model: 'm', messages, async: true });
    // @ts-expect-error Morpheus has no fallbacks
    client.chat.completions.create({ model: 'm', messages, fallbacks: ['a/b'] });
  });

  it('intandem: provider/model names, async, no tool_choice', () => {
    const client = createClient({ dialect: 'intandem', apiKey: 't' });
    client.chat.completions.create({ model: 'anthropic/claude-haiku-4-5-20251001', messages, async: true });
    // @ts-expect-error model must be openai|anthropic|google/…
    client.chat.completions.create({ model: 'gpt-4o', messages });
    // @ts-expect-error inTandem has no tool_choice
    client.chat.completions.create({ model: 'openai/gpt-4o', messages, tool_choice: 'auto' });
  });

  it('openai: the union of every parameter', () => {
    const client = createClient({ apiKey: 'k' });
    client.chat.completions.create({
      model: 'm',
      messages,
      fallbacks: ['a/b'],
      async: false,
      session_id: 's',
      metadata: { reasoning_loops: 2 },
      reasoning_effort: 'low',
    });
    // @ts-expect-error a typo is caught
    client.chat.completions.create({ model: 'm', messages, temprature: 1 });
  });

  it('a dialect object from a factory carries its types', () => {
    const client = createClient({ dialect: caesar({ apiVersion: '2025-11-27' }), apiKey: 'k' });
    // @ts-expect-error Caesar has no fallbacks
    client.chat.completions.create({ model: 'm', messages, fallbacks: ['a/b'] });
  });
});

describe('create() return types', () => {
  it('depend on stream', () => {
    const client = createClient({ apiKey: 'k' });
    expectTypeOf(client.chat.completions.create({ model: 'm', messages })).toEqualTypeOf<
      APIPromise<ChatCompletion>
    >();
    expectTypeOf(client.chat.completions.create({ model: 'm', messages, stream: true })).toEqualTypeOf<
      APIPromise<ChatCompletionStream>
    >();
  });

  it('async: true gives a Run on the dialects that have runs (inTandem, Bifrost)', () => {
    const intandem = createClient({ dialect: 'intandem', apiKey: 't' });
    expectTypeOf(
      intandem.chat.completions.create({ model: 'openai/gpt-4o', messages, async: true }),
    ).toEqualTypeOf<APIPromise<Run>>();
    const gateway = createClient({ dialect: 'bifrost' });
    expectTypeOf(
      gateway.chat.completions.create({ model: 'openai/gpt-4o', messages, async: true }),
    ).toEqualTypeOf<APIPromise<Run>>();
  });
});
