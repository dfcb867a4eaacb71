import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChatCompletionStream } from '../../src/index.js';
import { bodyOf, byteByByte, describeError, drainPieces, fixture, splitAt } from './helpers.js';

// Recorded streams of every vendor: the edge-case recordings in test/fixtures/streams and each
// vendor's own stream.sse / stream-no-done.sse in test/fixtures/<vendor>.
const FIXTURES = [
  'openai-text.sse',
  'openai-tools.sse',
  'bifrost-text.sse',
  'bifrost-error.sse',
  'morpheus-text.sse',
  'morpheus-error.sse',
  'caesar-research.sse',
  'intandem-tools.sse',
  ...['openai', 'bifrost', 'morpheus', 'caesar', 'intandem'].flatMap((vendor) =>
    ['stream.sse', 'stream-no-done.sse'].map((file) => `../${vendor}/${file}`),
  ),
];

/** Everything a reader can observe: chunks, how the stream ended, and the accumulated completion. */
const observe = async (pieces: Uint8Array[]) => {
  const { chunks, error } = await drainPieces(pieces);
  const stream = ChatCompletionStream.fromReadableStream(bodyOf(pieces));
  const final = await stream.finalCompletion().catch((e: unknown) => describeError(e));
  return { chunks: JSON.stringify(chunks), error: describeError(error), final: JSON.stringify(final) };
};

describe('any split of a recorded stream into reads yields exactly the unsplit chunks', () => {
  for (const name of FIXTURES) {
    const data = fixture(name);

    it(`${name}: random splits`, async () => {
      const whole = await observe([data]);
      expect(JSON.parse(whole.chunks).length).toBeGreaterThan(0);
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 1, max: data.byteLength - 1 }), { maxLength: 40 }),
          async (cuts) => {
            expect(await observe(splitAt(data, cuts))).toEqual(whole);
          },
        ),
        { numRuns: 60 },
      );
    });

    it(`${name}: one byte per read`, async () => {
      expect(await observe(byteByByte(data))).toEqual(await observe([data]));
    });
  }
});
