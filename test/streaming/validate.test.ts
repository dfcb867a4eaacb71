import { describe, expect, it } from 'vitest';
import type { ValidateMode } from '../../src/index.js';
import { ChatCompletionStream, ResponseValidationError, StreamError } from '../../src/index.js';
import { bodyOf, drain, frame } from './helpers.js';

const read = (validate: ValidateMode, ...frames: string[]) =>
  drain(ChatCompletionStream.fromReadableStream(bodyOf([...frames, 'data: [DONE]\n\n']), { validate }));

const sloppy =
  'data: {"id":7,"created":"2026-02-09T09:31:30.000Z","choices":[' +
  '{"delta":{"role":null,"content":"a"}},' +
  '{"delta":{"role":"","tool_calls":[{"function":{"name":"f","arguments":"{}"}}]},"finish_reason":"tool_calls"},' +
  '{"index":5},"not a choice"]}\n\n';

describe("validate: 'loose' (the default)", () => {
  it('repairs what almost-compatible servers send, without inventing content', async () => {
    const { chunks, error } = await read('loose', sloppy);
    expect(error).toBeUndefined();
    expect(chunks).toEqual([
      {
        id: '7',
        object: 'chat.completion.chunk',
        created: 1_770_629_490,
        model: '',
        choices: [
          { index: 0, delta: { content: 'a' }, finish_reason: null },
          {
            index: 1,
            delta: { tool_calls: [{ index: 0, function: { name: 'f', arguments: '{}' } }] },
            finish_reason: 'tool_calls',
          },
          { index: 5, delta: {}, finish_reason: null },
        ],
      },
    ]);
  });

  it('skips frames without choices and text a proxy wrapped as data', async () => {
    const { chunks, error } = await read(
      'loose',
      'data: {"ping":true}\n\n',
      'data: OPENROUTER PROCESSING\n\n',
      'data: 42\n\n',
      frame({ content: 'x' }, 'stop'),
    );
    expect(error).toBeUndefined();
    expect(chunks.map((c) => c.choices[0]?.delta.content)).toEqual(['x']);
  });

  it('turns undecodable JSON into a StreamError, after the chunks before it', async () => {
    const { chunks, error } = await read(
      'loose',
      frame({ content: 'ok' }),
      'data: {"id": nope}\n\n',
      frame({ content: 'never' }, 'stop'),
    );
    expect(chunks.map((c) => c.choices[0]?.delta.content)).toEqual(['ok']);
    expect(error).toBeInstanceOf(StreamError);
    expect((error as Error).message).toMatch(/could not be decoded as JSON/);
  });
});

describe("validate: 'strict'", () => {
  it('passes well-formed chunks (role null is documented as nullable)', async () => {
    const { chunks, error } = await read('strict', frame({ role: null, content: 'a' }), frame({}, 'stop'));
    expect(error).toBeUndefined();
    expect(chunks).toHaveLength(2);
  });

  it('throws ResponseValidationError on a malformed chunk, with the issues and the raw text, and yields nothing after it', async () => {
    const { chunks, error } = await read(
      'strict',
      frame({ content: 'first' }),
      'data: {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":"0","delta":{"content":5}}]}\n\n',
      frame({ content: 'after' }, 'stop'),
    );
    expect(chunks.map((c) => c.choices[0]?.delta.content)).toEqual(['first']);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const failure = error as ResponseValidationError;
    expect(failure.message).toMatch(/does not match the expected schema/);
    expect(failure.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['choices.0.index', 'choices.0.delta.content']),
    );
    expect(failure.rawText).toContain('"index":"0"');
  });

  it('refuses data that is not a JSON object', async () => {
    const { error } = await read('strict', 'data: OPENROUTER PROCESSING\n\n');
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).rawText).toBe('OPENROUTER PROCESSING');
  });
  it('refuses a chunk whose choices is not a list, rather than skipping it as a frame without choices', async () => {
    const { chunks, error } = await read(
      'strict',
      frame({ content: 'first' }),
      'data: {"id":"x","choices":"nope"}\n\n',
      frame({}, 'stop'),
    );
    expect(chunks).toHaveLength(1);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toEqual([
      { path: 'choices', message: 'must be an array' },
    ]);
  });

  it('still skips frames without choices (usage, heartbeats)', async () => {
    const { chunks, error } = await read(
      'strict',
      'data: {"usage_from_provider":{"prompt_tokens":1}}\n\n',
      frame({ content: 'a' }, 'stop'),
    );
    expect(error).toBeUndefined();
    expect(chunks).toHaveLength(1);
  });
});

describe("validate: 'off'", () => {
  it('passes chunks on exactly as received', async () => {
    const { chunks } = await read('off', sloppy);
    expect(chunks[0]).toEqual(JSON.parse(sloppy.slice(6)));
  });

  it('still skips frames without choices and still detects error frames', async () => {
    const { chunks, error } = await read(
      'off',
      'data: {"usage_from_provider":{"prompt_tokens":1}}\n\n',
      'data: {"error":{"message":"upstream died","code":"E1"}}\n\n',
    );
    expect(chunks).toEqual([]);
    expect(error).toBeInstanceOf(StreamError);
    expect(error).toMatchObject({
      code: 'E1',
      message: 'The server sent an error in the stream: upstream died',
    });
  });
});
