import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../src/testing/index.js';
import { postJson, readSse, userSays } from './vendor-helpers.js';

const root = join(import.meta.dirname, '../fixtures');
const vendors = ['openai', 'caesar', 'bifrost', 'morpheus', 'intandem'] as const;
type Vendor = (typeof vendors)[number];
const text = (vendor: Vendor, name: string) => readFileSync(join(root, vendor, name), 'utf8');
const json = (vendor: Vendor, name: string): any => JSON.parse(text(vendor, name));

/** The completion object of a vendor body (inTandem's sits in `data`). */
const completionOf = (vendor: Vendor, body: any) => (vendor === 'intandem' ? body.data : body);

/** Every key path in `value` (`choices[].message.content`), array elements merged. */
const keyPaths = (value: unknown, prefix = ''): string[] => {
  if (Array.isArray(value)) return value.flatMap((item) => keyPaths(item, `${prefix}[]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...keyPaths(item, path)];
  });
};

/** Key paths the mock sends that the fixture does not have. */
const unknownPaths = (mock: unknown, fixture: unknown) => {
  const known = new Set(keyPaths(fixture));
  return [...new Set(keyPaths(mock))].filter((path) => !known.has(path));
};

describe('vendor fixtures', () => {
  it.each(vendors)('%s has the five required files', (vendor) => {
    for (const name of [
      'completion.json',
      'tool-call.json',
      'error.json',
      'stream.sse',
      'stream-no-done.sse',
    ]) {
      expect(existsSync(join(root, vendor, name)), `${vendor}/${name}`).toBe(true);
    }
  });

  it.each(vendors)(
    '%s streams are exact SSE: data frames (and comment lines), with and without [DONE]',
    (vendor) => {
      for (const [name, done] of [
        ['stream.sse', true],
        ['stream-no-done.sse', false],
      ] as const) {
        const body = text(vendor, name);
        expect(body.endsWith('\n\n')).toBe(true);
        for (const block of body.slice(0, -2).split('\n\n')) {
          const lines = block.split('\n');
          expect(lines.at(-1)).toMatch(/^data: /);
          for (const comment of lines.slice(0, -1)) expect(comment).toMatch(/^: /);
        }
        const parsed = readSse(body);
        expect(parsed.done).toBe(done);
        expect(body.includes('[DONE]')).toBe(done);
        const chunks = parsed.frames.filter((frame) => Array.isArray(frame.choices));
        expect(chunks.length).toBeGreaterThan(0);
        const ended = chunks.some((frame) => frame.choices.some((choice: any) => choice.finish_reason));
        const failed = parsed.frames.some((frame) => 'error' in frame && !('choices' in frame));
        expect(ended || failed).toBe(true);
      }
    },
  );

  it.each(vendors)('%s JSON bodies have the documented shapes', (vendor) => {
    const answer = completionOf(vendor, json(vendor, 'completion.json'));
    expect(typeof answer.choices[0].message.content).toBe('string');
    const tool = completionOf(vendor, json(vendor, 'tool-call.json')).choices[0];
    if (vendor === 'caesar') {
      expect(tool.message).not.toHaveProperty('tool_calls');
      expect(answer.usage).toEqual({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
      expect(answer.choices[0].message.content).toMatch(/\n\nReferences\n\[1\] .+ – https:\/\//);
    } else {
      expect(tool.finish_reason).toBe('tool_calls');
      for (const call of tool.message.tool_calls)
        expect(JSON.parse(call.function.arguments)).toBeTypeOf('object');
    }
    const error = json(vendor, 'error.json');
    const shapes: Record<Vendor, (body: any) => boolean> = {
      openai: (body) => typeof body.error.message === 'string',
      caesar: (body) => typeof body.error === 'string',
      bifrost: (body) => typeof body.is_bifrost_error === 'boolean' && typeof body.error.message === 'string',
      morpheus: (body) => typeof body.detail === 'string',
      intandem: (body) => body.success === false && Array.isArray(body.errors),
    };
    expect(shapes[vendor](error)).toBe(true);
  });
});

/** Where each mock vendor takes chat, with what it needs. */
const chatCalls: Record<Vendor, { path: string; model: string; headers: Record<string, string> }> = {
  openai: { path: '/v1/chat/completions', model: 'gpt-4o', headers: {} },
  caesar: {
    path: '/compat/chat/completions',
    model: 'caesar-research',
    headers: { 'api-version': '2025-11-27' },
  },
  bifrost: { path: '/openai/v1/chat/completions', model: 'gpt-4o-mini', headers: {} },
  morpheus: {
    path: '/api/v1/chat/completions',
    model: 'llama-3.3-70b',
    headers: { authorization: 'Bearer sk-test' },
  },
  intandem: { path: '/v3/ai/chat_completions', model: 'openai/gpt-4o-mini', headers: {} },
};

describe('mock vendors against the fixtures', () => {
  it.each(vendors)('%s sends no field the fixtures lack, and ends streams the same way', async (vendor) => {
    const server = await createMockServer({ dialect: vendor });
    try {
      const { path, model, headers } = chatCalls[vendor];
      const ask = (stream: boolean) =>
        postJson(server.url + path, { model, stream, ...userSays('hi') }, headers);
      const body = await (await ask(false)).json();
      expect(unknownPaths(body, json(vendor, 'completion.json'))).toEqual([]);

      const streamed = readSse(await (await ask(true)).text());
      const defaultEnding = vendor === 'morpheus' ? 'stream-no-done.sse' : 'stream.sse';
      const fixture = readSse(text(vendor, defaultEnding));
      expect(streamed.done).toBe(fixture.done);
      expect(unknownPaths(streamed.frames, fixture.frames)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
