// peers.md §8, "Test fixtures this suggests": every case runs against a real loopback server (the
// chatwire/testing mock) with the body written byte by byte and in one piece, and in memory.
import { describe, expect, it } from 'vitest';
import { type APIConnectionError, StreamError } from '../../src/index.js';
import { byteByByte, bytes, DONE, drainPieces, frame, type Outcome, textOf } from './helpers.js';
import { streamOnce, useMockServer } from './loopback.js';

const a = frame({ role: 'assistant', content: 'Hello' });
const b = frame({ content: ' world' }, 'stop');
const json = (delta: Record<string, unknown>, finish: string | null = null) =>
  frame(delta, finish).slice(6, -2);

interface Case {
  name: string;
  body: string | Uint8Array;
  /** Content of each chunk yielded, in order. */
  texts: string[];
  /** How the stream must end: cleanly, or with this error. */
  error?: { type: typeof StreamError | typeof APIConnectionError; message: RegExp; code?: string };
}

const framing: Case[] = [
  { name: 'LF delimiters', body: a + b + DONE, texts: ['Hello', ' world'] },
  { name: 'CRLF delimiters', body: (a + b + DONE).replaceAll('\n', '\r\n'), texts: ['Hello', ' world'] },
  { name: 'CR-only delimiters', body: (a + b + DONE).replaceAll('\n', '\r'), texts: ['Hello', ' world'] },
  {
    name: 'mixed delimiters (\\n\\r\\n, \\r\\n\\n, \\r\\r)',
    body: `data: ${json({ content: 'x' })}\n\r\ndata: ${json({ content: 'y' })}\r\n\ndata: ${json({}, 'stop')}\r\rdata: [DONE]\n\n`,
    texts: ['x', 'y', ''],
  },
  { name: 'a BOM before the first event', body: `\uFEFF${a}${b}${DONE}`, texts: ['Hello', ' world'] },
  {
    name: '`data:` without the space',
    body: `data:${json({ content: 'no space' }, 'stop')}\n\n${DONE}`,
    texts: ['no space'],
  },
  {
    name: 'multi-line data (JSON over several data: lines)',
    body: `data: {"id":"m","object":"chat.completion.chunk",\ndata: "created":1,"model":"m",\ndata: "choices":[{"index":0,"delta":{"content":"joined"},"finish_reason":"stop"}]}\n\n${DONE}`,
    texts: ['joined'],
  },
];

const payload: Case[] = [
  {
    name: 'comment-only keep-alives, including `: OPENROUTER PROCESSING`',
    body: `: OPENROUTER PROCESSING\n\n${a}:\n: keep-alive\n\n: OPENROUTER PROCESSING\n\n${b}${DONE}`,
    texts: ['Hello', ' world'],
  },
  {
    name: 'an empty `data:` ping',
    body: `data:\n\n${a}data: \n\n${b}data:\n\n${DONE}`,
    texts: ['Hello', ' world'],
  },
  { name: '[DONE] with a trailing blank line', body: a + b + DONE, texts: ['Hello', ' world'] },
  {
    // No finish_reason anywhere: only the unterminated [DONE] says the answer is whole.
    name: '[DONE] without a trailing blank line',
    body: `${a}${frame({ content: ' world' })}data: [DONE]`,
    texts: ['Hello', ' world'],
  },
  {
    name: '`[DONE]x` is not the end',
    body: `${a}data: [DONE]x\n\n`,
    texts: ['Hello'],
    error: { type: StreamError, message: /ended before the answer was complete/ },
  },
  { name: 'a last event with no blank line after it', body: a + b.trimEnd(), texts: ['Hello', ' world'] },
  {
    name: '`event: error` mid-stream (nothing after it is yielded)',
    body: `${a}event: error\ndata: {"error":{"message":"Overloaded","type":"server_error","code":"overloaded"}}\n\n${b}${DONE}`,
    texts: ['Hello'],
    error: { type: StreamError, message: /error in the stream: Overloaded$/, code: 'overloaded' },
  },
  {
    // The event name alone marks it: the data is plain text, not an error object.
    name: '`event: error` with a plain-text message',
    body: `${a}event: error\ndata: Overloaded\n\n${b}${DONE}`,
    texts: ['Hello'],
    error: { type: StreamError, message: /Overloaded/ },
  },
  {
    name: '`event: error` with `{"message": …}` (no `error` key)',
    body: `${a}event: error\ndata: {"message":"Overloaded"}\n\n${b}${DONE}`,
    texts: ['Hello'],
    error: { type: StreamError, message: /Overloaded/ },
  },
  {
    name: 'a `{"error":{…}}` frame mid-stream (nothing after it is yielded)',
    body: `${a}data: {"error":{"message":"Context length exceeded","type":"invalid_request_error","code":"context_length_exceeded"}}\n\n${b}${DONE}`,
    texts: ['Hello'],
    error: { type: StreamError, message: /Context length exceeded/, code: 'context_length_exceeded' },
  },
  {
    name: 'U+2028 and U+2029 inside a JSON string',
    body: `${frame({ content: 'one\u2028two\u2029three' }, 'stop')}${DONE}`,
    texts: ['one\u2028two\u2029three'],
  },
];

const check = (outcome: Outcome, expected: Case) => {
  expect(outcome.chunks.map((c) => c.choices[0]?.delta.content ?? '')).toEqual(expected.texts);
  if (!expected.error) {
    expect(outcome.error).toBeUndefined();
    return;
  }
  expect(outcome.error).toBeInstanceOf(expected.error.type);
  expect((outcome.error as Error).message).toMatch(expected.error.message);
  if (expected.error.code) expect(outcome.error).toMatchObject({ code: expected.error.code });
};

describe('peers.md §8 — framing and payload, byte by byte and in one piece', () => {
  const mock = useMockServer();

  for (const testCase of [...framing, ...payload]) {
    it(`${testCase.name} (loopback)`, async () => {
      const data = typeof testCase.body === 'string' ? bytes(testCase.body) : testCase.body;
      check(await streamOnce(mock.server, { chunks: [data] }), testCase);
      check(await streamOnce(mock.server, { chunks: byteByByte(data) }), testCase);
    });

    it(`${testCase.name} (in memory, one byte per read)`, async () => {
      const data = typeof testCase.body === 'string' ? bytes(testCase.body) : testCase.body;
      check(await drainPieces([data]), testCase);
      check(await drainPieces(byteByByte(data)), testCase);
    });
  }

  it('a CRLF split across reads stays one line ending (eventsource-parser #17)', async () => {
    // A blank line read from a split CRLF would cut this two-line event in two invalid halves.
    const pieces = [
      'data: {"id":"s","object":"chat.completion.chunk","created":1,"model":"m",\r',
      '\ndata: "choices":[{"index":0,"delta":{"content":"whole"},"finish_reason":"stop"}]}\r',
      '\n\r',
      '\ndata: [DONE]\r\n\r\n',
    ];
    // In memory each piece is its own read (TCP on loopback may merge the writes).
    for (const outcome of [await drainPieces(pieces), await streamOnce(mock.server, { chunks: pieces })]) {
      expect(outcome.error).toBeUndefined();
      expect(textOf(outcome.chunks)).toBe('whole');
      expect(outcome.chunks).toHaveLength(1);
    }
  });

  for (const [label, char] of [
    ['2-byte', 'é'],
    ['3-byte', '日'],
    ['4-byte', '🙂'],
  ] as const) {
    it(`a ${label} UTF-8 character split at every offset decodes intact`, async () => {
      const data = bytes(`${frame({ content: `a${char}b` }, 'stop')}${DONE}`);
      const at = data.indexOf(bytes(char)[0]!);
      for (let offset = 1; offset < bytes(char).byteLength; offset++) {
        const pieces = [data.slice(0, at + offset), data.slice(at + offset)];
        const outcome = await streamOnce(mock.server, { chunks: pieces });
        expect(outcome.error).toBeUndefined();
        expect(textOf(outcome.chunks)).toBe(`a${char}b`);
        expect(textOf((await drainPieces(pieces)).chunks)).toBe(`a${char}b`);
      }
    });
  }

  it('a BOM split over three reads is still dropped', async () => {
    const data = bytes(`\uFEFF${a}${b}${DONE}`);
    const pieces = [data.slice(0, 1), data.slice(1, 2), data.slice(2)];
    const outcome = await streamOnce(mock.server, { chunks: pieces });
    expect(outcome.error).toBeUndefined();
    expect(textOf(outcome.chunks)).toBe('Hello world');
  });

  it('a single 10 MB event arrives whole (no invented size cap, openai-node #2433)', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const data = bytes(`${frame({ content: big }, 'stop')}${DONE}`);
    const pieces: Uint8Array[] = [];
    for (let offset = 0; offset < data.byteLength; offset += 64 * 1024)
      pieces.push(data.subarray(offset, offset + 64 * 1024));
    const outcome = await streamOnce(mock.server, { chunks: pieces });
    expect(outcome.error).toBeUndefined();
    expect(outcome.chunks[0]?.choices[0]?.delta.content?.length).toBe(big.length);
  });
});
